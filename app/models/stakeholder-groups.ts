/**
 * The stakeholder groups every district starts with, and the district's own
 * target mix of participation (whole percent, summing to 100) used by the
 * "who is missing?" check. Names are translated by key until a district renames one.
 */
export const DEFAULT_STAKEHOLDER_GROUPS = [
  { key: "students", targetShare: 20 },
  { key: "families", targetShare: 25 },
  { key: "teachers", targetShare: 15 },
  { key: "school_staff", targetShare: 8 },
  { key: "school_leaders", targetShare: 5 },
  { key: "partners", targetShare: 10 },
  { key: "higher_education", targetShare: 5 },
  { key: "board", targetShare: 2 },
  { key: "other", targetShare: 10 },
] as const;

export type DefaultStakeholderGroupKey = (typeof DEFAULT_STAKEHOLDER_GROUPS)[number]["key"];

export const DEFAULT_GROUP_NAMES: Record<DefaultStakeholderGroupKey, { en: string; es: string }> = {
  students: { en: "Students", es: "Estudiantes" },
  families: { en: "Families", es: "Familias" },
  teachers: { en: "Teachers", es: "Docentes" },
  school_staff: { en: "School staff", es: "Personal escolar" },
  school_leaders: { en: "School leaders", es: "Directivos escolares" },
  partners: { en: "Business & community partners", es: "Socios empresariales y comunitarios" },
  higher_education: { en: "Higher education", es: "Educación superior" },
  board: { en: "Board", es: "Consejo escolar" },
  other: { en: "Other", es: "Otro" },
};

export function isDefaultGroupKey(key: string | null | undefined): key is DefaultStakeholderGroupKey {
  return typeof key === "string" && key in DEFAULT_GROUP_NAMES;
}

/**
 * The name to show for a group: a default group that keeps its default English
 * name is shown in the reader's language; a renamed or custom group as written.
 */
export function stakeholderGroupLabel(group: { key: string | null; name: string }, locale: "en" | "es"): string {
  if (isDefaultGroupKey(group.key) && DEFAULT_GROUP_NAMES[group.key].en === group.name) {
    return DEFAULT_GROUP_NAMES[group.key][locale];
  }
  return group.name;
}

/** Sum of the target shares of active groups; the settings page warns when it is not 100. */
export function totalTargetShare(groups: readonly { targetShare: number; archivedAt?: Date | null }[]): number {
  return groups.filter((g) => !g.archivedAt).reduce((sum, g) => sum + g.targetShare, 0);
}

/**
 * The "who is missing?" check: each group's actual share of participants
 * against its target, gaps (largest shortfall) first.
 */
export function participationGaps(
  groups: readonly { id: string; targetShare: number }[],
  countsByGroupId: ReadonlyMap<string, number>,
): { groupId: string; count: number; actualShare: number; targetShare: number; gap: number }[] {
  const total = [...countsByGroupId.values()].reduce((a, b) => a + b, 0);
  return groups
    .map((group) => {
      const count = countsByGroupId.get(group.id) ?? 0;
      const actualShare = total === 0 ? 0 : (count / total) * 100;
      return { groupId: group.id, count, actualShare, targetShare: group.targetShare, gap: group.targetShare - actualShare };
    })
    .sort((a, b) => b.gap - a.gap);
}
