import { catalogues, type Locale } from "~/i18n/i18n";
import type { DefaultStakeholderGroupKey } from "~/models/stakeholder-groups";

/**
 * The key audiences of the visioning toolkit's message planning, each made of
 * the stakeholder groups it reaches (the media belong to none). Names are
 * stored in English and shown in the reader's language until a district renames one.
 */
export const DEFAULT_AUDIENCES = [
  { key: "families", groups: ["families"] },
  { key: "students", groups: ["students"] },
  { key: "teachers_staff", groups: ["teachers", "school_staff"] },
  { key: "school_leaders", groups: ["school_leaders"] },
  { key: "partners", groups: ["partners"] },
  { key: "higher_education", groups: ["higher_education"] },
  { key: "board", groups: ["board"] },
  { key: "media", groups: [] },
] as const satisfies readonly { key: string; groups: readonly DefaultStakeholderGroupKey[] }[];

export type DefaultAudienceKey = (typeof DEFAULT_AUDIENCES)[number]["key"];

export function isDefaultAudienceKey(key: string | null | undefined): key is DefaultAudienceKey {
  return DEFAULT_AUDIENCES.some((audience) => audience.key === key);
}

/** The name to show for an audience: a default one keeping its English name is translated; any other as written. */
export function audienceLabel(audience: { key: string | null; name: string }, locale: Locale): string {
  if (isDefaultAudienceKey(audience.key) && catalogues.en.champions.audiences.names[audience.key] === audience.name) {
    return catalogues[locale].champions.audiences.names[audience.key];
  }
  return audience.name;
}
