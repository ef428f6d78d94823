export const QUADRANTS = ["keep_close", "win_over", "keep_informed", "monitor"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * Influence of 3 or more counts as influential: someone with moderate influence
 * still moves people. Support counts only at 4 or 5: a neutral person is not a
 * supporter yet, and an influential neutral person is someone to win over.
 */
export const INFLUENTIAL_FROM = 3;
export const SUPPORTIVE_FROM = 4;

/** Where a champion sits on the influence × support matrix; null until both are rated. */
export function quadrantOf(influence: number | null, support: number | null): Quadrant | null {
  if (influence === null || support === null) return null;
  const influential = influence >= INFLUENTIAL_FROM;
  const supportive = support >= SUPPORTIVE_FROM;
  if (influential) return supportive ? "keep_close" : "win_over";
  return supportive ? "keep_informed" : "monitor";
}

/**
 * People grouped by quadrant, each group ordered by influence, then support
 * (highest first), then name; people not yet rated are listed apart.
 */
export function placeOnMatrix<T extends { name: string; influence: number | null; support: number | null }>(
  people: readonly T[],
): { quadrants: Record<Quadrant, T[]>; unrated: T[] } {
  const quadrants: Record<Quadrant, T[]> = { keep_close: [], win_over: [], keep_informed: [], monitor: [] };
  const unrated: T[] = [];
  for (const person of people) {
    const quadrant = quadrantOf(person.influence, person.support);
    if (quadrant) quadrants[quadrant].push(person);
    else unrated.push(person);
  }
  const order = (a: T, b: T) =>
    (b.influence ?? 0) - (a.influence ?? 0) || (b.support ?? 0) - (a.support ?? 0) || a.name.localeCompare(b.name);
  for (const quadrant of QUADRANTS) quadrants[quadrant].sort(order);
  unrated.sort((a, b) => a.name.localeCompare(b.name));
  return { quadrants, unrated };
}
