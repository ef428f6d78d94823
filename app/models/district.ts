import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";

// Shared by pages and server code: schemas whose messages are message keys.

export const PASSWORD_MIN_LENGTH = 10;

export const passwordSchema = z
  .string({ error: "required" })
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(200, "passwordTooLong");

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, "required")
  .max(254, "email")
  .pipe(z.email("email"));

export const newDistrictSchema = z.object({
  districtName: z.string({ error: "required" }).trim().min(2, "required").max(120, "tooLong"),
  languages: z.array(z.enum(SUPPORTED_LOCALES, { error: "invalid" })).min(1, "required").default(["en", "es"]),
  leaderName: z.string({ error: "required" }).trim().min(1, "required").max(120, "tooLong"),
  leaderEmail: emailSchema,
  password: passwordSchema,
});
export type NewDistrict = z.infer<typeof newDistrictSchema>;
