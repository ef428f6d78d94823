/** What a pick-list knows of a champion to tell namesakes apart. */
export type NamedChampion = {
  id: string;
  name: string;
  role?: string | null;
  affiliation?: string | null;
  school?: { name: string } | null;
};

const sameName = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("und");

const DETAILS: readonly ((champion: NamedChampion) => string)[] = [
  (champion) => champion.role?.trim() ?? "",
  (champion) => champion.affiliation?.trim() ?? "",
  (champion) => champion.school?.name.trim() ?? "",
];

/**
 * The label of each champion in a pick-list, by id: the name alone when no one
 * else in the list has it; otherwise the name with the role, affiliation and
 * school where namesakes differ in them, and a number when even those match.
 */
export function distinguishableNames(champions: readonly NamedChampion[]): Map<string, string> {
  const namesakes = new Map<string, NamedChampion[]>();
  for (const champion of champions) {
    const key = sameName(champion.name);
    namesakes.set(key, [...(namesakes.get(key) ?? []), champion]);
  }
  const labels = new Map<string, string>();
  for (const group of namesakes.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.id, group[0]!.name);
      continue;
    }
    const telling = DETAILS.filter((detail) => new Set(group.map(detail)).size > 1);
    const details = new Map(group.map((champion) => [champion.id, telling.map((detail) => detail(champion)).filter((value) => value !== "")]));
    const alike = new Map<string, number>();
    for (const champion of group) {
      const key = details.get(champion.id)!.join("\n");
      alike.set(key, (alike.get(key) ?? 0) + 1);
    }
    const counted = new Map<string, number>();
    for (const champion of group) {
      const parts = details.get(champion.id)!;
      const key = parts.join("\n");
      if (alike.get(key)! > 1) {
        const number = (counted.get(key) ?? 0) + 1;
        counted.set(key, number);
        parts.push(`#${number}`);
      }
      labels.set(champion.id, `${champion.name} (${parts.join(", ")})`);
    }
  }
  return labels;
}
