import { z } from "zod";
import { catalogues, type Locale } from "~/i18n/i18n";
import { nameKey, tidyName } from "~/models/names";

/**
 * The visioning toolkit's considerations for finding the right people to
 * champion the work, as the checklist every district starts with. Names and
 * descriptions live in the catalogues (champions.defaultCriteria) so they are
 * shown in the reader's language until the district rewords them.
 */
export const DEFAULT_CRITERIA_KEYS = ["credibility", "passion", "reach", "communication", "availability"] as const;
export type DefaultCriterionKey = (typeof DEFAULT_CRITERIA_KEYS)[number];

export function isDefaultCriterionKey(key: string | null | undefined): key is DefaultCriterionKey {
  return typeof key === "string" && (DEFAULT_CRITERIA_KEYS as readonly string[]).includes(key);
}

/** The rows a new district starts with, stored in English like the default stakeholder groups. */
export function defaultCriteria(): { key: DefaultCriterionKey; name: string; description: string; position: number }[] {
  return DEFAULT_CRITERIA_KEYS.map((key, position) => ({ key, ...catalogues.en.champions.defaultCriteria[key], position }));
}

type Criterion = { key: string | null; name: string; description: string };

/** A default criterion the district has not reworded is shown in the reader's language; anything else as written. */
export function criterionLabel(criterion: Criterion, locale: Locale): { name: string; description: string } {
  if (isDefaultCriterionKey(criterion.key)) {
    const english = catalogues.en.champions.defaultCriteria[criterion.key];
    if (english.name === criterion.name && english.description === criterion.description) {
      return catalogues[locale].champions.defaultCriteria[criterion.key];
    }
  }
  return { name: criterion.name, description: criterion.description };
}

export const CRITERION_NAME_MAX = 120;
export const CRITERION_DESCRIPTION_MAX = 300;
export const CRITERIA_MAX = 20;

export const criterionFieldsSchema = z.object({
  name: z
    .string({ error: "required" })
    .transform(tidyName)
    .pipe(z.string().min(1, "required").max(CRITERION_NAME_MAX, "tooLong")),
  description: z
    .string()
    .optional()
    .transform((value) => tidyName(value ?? ""))
    .pipe(z.string().max(CRITERION_DESCRIPTION_MAX, "tooLong")),
});

export type CriterionFields = z.infer<typeof criterionFieldsSchema>;

/** True when another criterion already reads the same, in any letter case or in its translated default wording. */
export function isCriterionNameTaken(name: string, criteria: readonly { id: string; key: string | null; name: string }[], exceptId?: string): boolean {
  const key = nameKey(name);
  return criteria.some((criterion) => {
    if (criterion.id === exceptId) return false;
    const shown = [criterion.name];
    if (isDefaultCriterionKey(criterion.key) && catalogues.en.champions.defaultCriteria[criterion.key].name === criterion.name) {
      shown.push(catalogues.es.champions.defaultCriteria[criterion.key].name);
    }
    return shown.some((label) => nameKey(label) === key);
  });
}
