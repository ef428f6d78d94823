import { z } from "zod";
import { SUPPORTED_LOCALES, type Locale } from "~/i18n/i18n";
import { tidyName } from "~/models/names";
import { localTimeToInstant } from "./schedule";

// Shared by pages and server code: schemas whose messages are message keys of "workshops.errors".

export const WORKSHOP_TITLE_MAX = 120;
export const WORKSHOP_DESCRIPTION_MAX = 2000;
export const DISPLAY_NAME_MAX = 40;

/** Languages in the app's order, once each, whatever order a form sent them in. */
export function orderedLanguages(chosen: readonly string[]): Locale[] {
  return SUPPORTED_LOCALES.filter((code) => chosen.includes(code));
}

/**
 * A workshop's title, description, date and languages. `scheduledAt` is the
 * wall-clock value of a datetime-local field, read in the browser's `timeZone`.
 */
export function workshopDetailsSchema(districtLanguages: readonly string[]) {
  return z
    .object({
      title: z.string({ error: "required" }).transform(tidyName).pipe(z.string().min(1, "required").max(WORKSHOP_TITLE_MAX, "tooLong")),
      description: z
        .string()
        .optional()
        .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
        .pipe(z.string().max(WORKSHOP_DESCRIPTION_MAX, "tooLong")),
      scheduledAt: z.string().max(40, "invalidDate").optional(),
      timeZone: z.string().max(64).optional(),
      languages: z
        .array(z.string())
        .refine((chosen) => chosen.every((code) => districtLanguages.includes(code)), "languageNotOffered")
        .transform(orderedLanguages)
        .refine((chosen) => chosen.length > 0, "languagesRequired"),
    })
    .transform((input, ctx) => {
      const typed = input.scheduledAt?.trim() ?? "";
      let scheduledAt: Date | null = null;
      if (typed) {
        scheduledAt = localTimeToInstant(typed, input.timeZone || "UTC");
        if (!scheduledAt) {
          ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "invalidDate" });
          return z.NEVER;
        }
      }
      return { title: input.title, description: input.description, scheduledAt, languages: input.languages };
    });
}
export type WorkshopDetails = z.output<ReturnType<typeof workshopDetailsSchema>>;

/** What a community member fills in to join; whether the workshop offers the language is checked on joining. */
export const joinFormSchema = z.object({
  language: z.enum(SUPPORTED_LOCALES, { error: "languageRequired" }),
  stakeholderGroupId: z.string({ error: "groupRequired" }).min(1, "groupRequired").max(64, "groupRequired"),
  displayName: z
    .string()
    .optional()
    .transform((value) => tidyName(value ?? ""))
    .pipe(z.string().max(DISPLAY_NAME_MAX, "displayNameTooLong"))
    .transform((value) => (value === "" ? null : value)),
});
export type JoinForm = z.output<typeof joinFormSchema>;
