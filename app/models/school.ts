import { z } from "zod";
import { GradeBand } from "~/generated/prisma/enums";
import { nameKey, tidyName } from "./names";

/** Grade bands in the order they are offered in forms. */
export const GRADE_BANDS = [
  GradeBand.elementary,
  GradeBand.middle,
  GradeBand.high,
  GradeBand.k8,
  GradeBand.k12,
  GradeBand.other,
] as const satisfies readonly GradeBand[];

export const SCHOOL_NAME_MAX = 120;
export const SCHOOL_CODE_MAX = 20;
export const PRINCIPAL_MAX = 120;

/** Field limits by form field name, for the {max} of "tooLong" messages. */
export const SCHOOL_FIELD_MAX: Record<string, number> = {
  name: SCHOOL_NAME_MAX,
  code: SCHOOL_CODE_MAX,
  principal: PRINCIPAL_MAX,
};

/** An optional text: empty means none. */
function optionalText(max: number) {
  return z
    .string()
    .optional()
    .transform((value) => tidyName(value ?? ""))
    .pipe(z.string().max(max, "tooLong"))
    .transform((value) => (value === "" ? null : value));
}

export const schoolNameSchema = z
  .string({ error: "required" })
  .transform(tidyName)
  .pipe(z.string().min(1, "required").max(SCHOOL_NAME_MAX, "tooLong"));

/** A school as entered in the add and edit forms. */
export const schoolFieldsSchema = z.object({
  name: schoolNameSchema,
  code: optionalText(SCHOOL_CODE_MAX),
  gradeBand: z.enum(GRADE_BANDS, { error: "invalid" }),
  principal: optionalText(PRINCIPAL_MAX),
});
export type SchoolFields = z.infer<typeof schoolFieldsSchema>;

/** True when `name` is already used by one of `existing` (other than the one being edited). */
export function isNameTaken(name: string, existing: readonly { id: string; name: string }[], exceptId?: string): boolean {
  const key = nameKey(name);
  return existing.some((other) => other.id !== exceptId && nameKey(other.name) === key);
}
