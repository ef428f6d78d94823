import { z } from "zod";
import { canonicalName, isNameTaken, tidyName, translatedName, type DefaultNames } from "./names";

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
  return translatedName(group.name, defaultGroupNames(group.key), locale);
}

function defaultGroupNames(key: string | null): DefaultNames {
  return isDefaultGroupKey(key) ? DEFAULT_GROUP_NAMES[key] : null;
}

/**
 * A group name kept as a snapshot (a proof point's quoted idea keeps its
 * group's name as it was): a default group's English name is shown in the
 * reader's language, any other name as written.
 */
export function stakeholderGroupNameLabel(name: string, locale: "en" | "es"): string {
  const match = Object.values(DEFAULT_GROUP_NAMES).find((names) => names.en === name);
  return match ? match[locale] : name;
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

export const GROUP_NAME_MAX = 60;

/** The targets form names each group's field "target-<groupId>". */
export const TARGET_FIELD_PREFIX = "target-";

export const groupNameSchema = z
  .string({ error: "required" })
  .transform(tidyName)
  .pipe(z.string().min(1, "required").max(GROUP_NAME_MAX, "tooLong"));

/** A target share typed in a form: a whole percent from 0 to 100. */
export const targetShareSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .refine((text) => /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text), "notANumber")
  .transform((text) => Number(text.replace(",", ".")))
  .refine((value) => Number.isInteger(value), "notWhole")
  .refine((value) => value >= 0 && value <= 100, "outOfRange");

type NamedGroup = { id: string; key: string | null; name: string };

/**
 * The name to store when a group is renamed to `submitted`. Submitting a
 * default group's own name in either language keeps its default English name,
 * so it goes on being shown in each reader's language.
 */
export function canonicalGroupName(group: { key: string | null }, submitted: string): string {
  return canonicalName(defaultGroupNames(group.key), submitted);
}

/**
 * True when another group (archived ones included) already has this name in
 * any letter case, or shows it as its translated default name: two groups
 * must never read the same to a participant.
 */
export function isGroupNameTaken(name: string, groups: readonly NamedGroup[], exceptId?: string): boolean {
  return isNameTaken(name, groups.map((group) => ({ id: group.id, name: group.name, defaults: defaultGroupNames(group.key) })), exceptId);
}

/**
 * The new order of all groups after moving one active group past its active
 * neighbour; archived groups keep their places. Null when it cannot move.
 */
export function moveGroup(
  ordered: readonly { id: string; archivedAt: Date | null }[],
  id: string,
  direction: "up" | "down",
): string[] | null {
  const from = ordered.findIndex((group) => group.id === id);
  if (from < 0 || ordered[from]?.archivedAt) return null;
  const step = direction === "up" ? -1 : 1;
  let to = from + step;
  while (to >= 0 && to < ordered.length && ordered[to]?.archivedAt) to += step;
  if (to < 0 || to >= ordered.length) return null;
  const ids = ordered.map((group) => group.id);
  [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
  return ids;
}
