import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";
import { tidyName } from "./names";

export const DISTRICT_NAME_MAX = 120;

export const districtProfileSchema = z
  .object({
    name: z
      .string({ error: "required" })
      .transform(tidyName)
      .pipe(z.string().min(1, "required").max(DISTRICT_NAME_MAX, "tooLong")),
    languages: z
      .array(z.enum(SUPPORTED_LOCALES, { error: "invalid" }))
      .min(1, "languagesRequired")
      // Stored in the app's order, once each, whatever order the form sent them in.
      .transform((chosen) => SUPPORTED_LOCALES.filter((code) => chosen.includes(code))),
    defaultLanguage: z.enum(SUPPORTED_LOCALES, { error: "required" }),
  })
  // With no language offered, that is the one problem to report.
  .refine((profile) => profile.languages.length === 0 || profile.languages.includes(profile.defaultLanguage), {
    path: ["defaultLanguage"],
    message: "defaultNotOffered",
  });
export type DistrictProfile = z.infer<typeof districtProfileSchema>;
