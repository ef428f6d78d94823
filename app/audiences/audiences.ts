import { z } from "zod";
import { catalogues, type Locale } from "~/i18n/i18n";
import { canonicalName, isNameTaken, tidyName, translatedName, type DefaultNames } from "~/models/names";
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

/** The default audience's name in each language; null for an audience the district invented. */
function defaultAudienceNames(key: string | null): DefaultNames {
  return isDefaultAudienceKey(key) ? { en: catalogues.en.champions.audiences.names[key], es: catalogues.es.champions.audiences.names[key] } : null;
}

/** The name to show for an audience: a default one keeping its English name is translated; any other as written. */
export function audienceLabel(audience: { key: string | null; name: string }, locale: Locale): string {
  return translatedName(audience.name, defaultAudienceNames(audience.key), locale);
}

/**
 * True when another of the district's audiences already reads as this name,
 * in any letter case or language: two audiences must never read the same.
 */
export function isAudienceNameTaken(name: string, audiences: readonly { id: string; key: string | null; name: string }[], exceptId?: string): boolean {
  return isNameTaken(name, audiences.map((audience) => ({ id: audience.id, name: audience.name, defaults: defaultAudienceNames(audience.key) })), exceptId);
}

/** The name to store when a default audience is given its own name in any language: the English one, so that it stays translated. */
export function canonicalAudienceName(audience: { key: string | null }, submitted: string): string {
  return canonicalName(defaultAudienceNames(audience.key), submitted);
}

export const AUDIENCE_NAME_MAX = 80;

/**
 * The audience form, for adding an audience and for renaming one: a name
 * (spaces squashed) and the district's stakeholder groups it is made of.
 */
export const audienceSchema = z.object({
  name: z
    .string({ error: "messages.errors.nameRequired" })
    .transform(tidyName)
    .pipe(z.string().min(1, { error: "messages.errors.nameRequired" }).max(AUDIENCE_NAME_MAX, { error: "messages.errors.tooLong" })),
  groupIds: z
    .array(z.string().min(1, { error: "messages.errors.group" }).max(40, { error: "messages.errors.group" }), { error: "messages.errors.group" })
    .max(50, { error: "messages.errors.group" })
    .transform((list) => [...new Set(list)]),
});
export type AudienceInput = z.infer<typeof audienceSchema>;
export const AUDIENCE_ARRAY_FIELDS = ["groupIds"] as const;

/**
 * Deleting an audience takes a ticked confirmation and the number of dated
 * communications the editor was told would go with it, so that one added
 * meanwhile is not deleted unseen.
 */
export const audienceDeletionSchema = z.object({
  confirm: z.literal("on", { error: "messages.audiences.remove.confirmRequired" }),
  communications: z
    .string({ error: "messages.audiences.remove.changed" })
    .regex(/^\d{1,9}$/, { error: "messages.audiences.remove.changed" })
    .transform(Number),
});
export type AudienceDeletion = z.infer<typeof audienceDeletionSchema>;
