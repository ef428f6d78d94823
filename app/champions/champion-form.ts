import { z } from "zod";
import { tidyName } from "~/models/names";
import {
  AFFILIATION_MAX,
  AUDIENCE_SIZE_MAX,
  CHAMPION_KINDS,
  CHAMPION_NAME_MAX,
  CHAMPION_ROLE_MAX,
  CHAMPION_STAGES,
  CONSENT_METHODS,
  CONTACT_OTHER_MAX,
  NOTES_MAX,
  parseTags,
  RATING_MAX,
  RATING_MIN,
  REACH_MAX,
  STAGE_NOTE_MAX,
  TAG_MAX,
  TAGS_MAX,
} from "./champion";
import { checkContactConsent } from "./consent";
import { isEmail, isPhone } from "./contact";
import { isChampionLanguage } from "./languages";
import { dateFromField } from "./pipeline";

/** Field limits by form field name, for the {max} of "tooLong" messages. */
export const CHAMPION_FIELD_MAX: Record<string, number> = {
  name: CHAMPION_NAME_MAX,
  role: CHAMPION_ROLE_MAX,
  affiliation: AFFILIATION_MAX,
  reach: REACH_MAX,
  notes: NOTES_MAX,
  contactOther: CONTACT_OTHER_MAX,
  note: STAGE_NOTE_MAX,
  tags: TAG_MAX,
  tagCount: TAGS_MAX,
  audienceSize: AUDIENCE_SIZE_MAX,
};

/** A one-line optional text: spaces tidied, empty means none. */
function optionalLine(max: number) {
  return z
    .string()
    .optional()
    .transform((value) => tidyName(value ?? ""))
    .pipe(z.string().max(max, "tooLong"))
    .transform((value) => (value === "" ? null : value));
}

/** A multi-line optional text: line breaks kept, outer space trimmed, empty means none. */
export function optionalParagraphs(max: number) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, "tooLong"))
    .transform((value) => (value === "" ? null : value));
}

/** An optional id picked from a list; the server checks it belongs to the district. */
const optionalId = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .pipe(z.string().max(64, "invalid"))
  .transform((value) => (value === "" ? null : value));

/** A 1–5 rating from a select; empty means not rated yet. */
const optionalRating = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = (value ?? "").trim();
    if (text === "") return null;
    const rating = Number(text);
    if (!Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
      ctx.addIssue({ code: "custom", message: "invalidRating" });
      return z.NEVER;
    }
    return rating;
  });

/** "1,200", "1 200" and "1.200" are all twelve hundred: a count of people has no decimals. */
export function audienceSizeFromText(text: string): number | null | "invalid" {
  const compact = text.trim().replace(/[\s,.\u00a0\u202f']/g, "");
  if (compact === "") return null;
  if (!/^\d+$/.test(compact)) return "invalid";
  const value = Number(compact);
  return value <= AUDIENCE_SIZE_MAX ? value : "invalid";
}

const audienceSize = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const size = audienceSizeFromText(value ?? "");
    if (size === "invalid") {
      ctx.addIssue({ code: "custom", message: "invalidAudienceSize" });
      return z.NEVER;
    }
    return size;
  });

const tags = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseTags(value ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }
    return parsed.tags;
  });

const languages = z.array(z.string()).transform((codes, ctx) => {
  const unique = [...new Set(codes)];
  if (!unique.every(isChampionLanguage)) {
    ctx.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
  return unique;
});

/** Who the champion is: everything but contact details and the pipeline. */
export const championFieldsSchema = z.object({
  kind: z.enum(CHAMPION_KINDS, { error: "invalid" }),
  name: z
    .string({ error: "required" })
    .transform(tidyName)
    .pipe(z.string().min(1, "required").max(CHAMPION_NAME_MAX, "tooLong")),
  role: optionalLine(CHAMPION_ROLE_MAX),
  stakeholderGroupId: optionalId,
  schoolId: optionalId,
  affiliation: optionalLine(AFFILIATION_MAX),
  languages,
  reach: optionalParagraphs(REACH_MAX),
  audienceSize,
  influence: optionalRating,
  support: optionalRating,
  tags,
  notes: optionalParagraphs(NOTES_MAX),
});

export type ChampionFields = z.infer<typeof championFieldsSchema>;

/** Repeated fields of the champion form (checkbox groups). */
export const CHAMPION_ARRAY_FIELDS = ["languages"] as const;

const optionalEmail = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .refine((value) => value === "" || isEmail(value), "invalidEmail")
  .transform((value) => (value === "" ? null : value.toLowerCase()));

const optionalPhone = z
  .string()
  .optional()
  .transform((value) => tidyName(value ?? ""))
  .refine((value) => value === "" || isPhone(value), "invalidPhone")
  .transform((value) => (value === "" ? null : value));

const optionalDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = (value ?? "").trim();
    if (text === "") return null;
    const date = dateFromField(text);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return date;
  });

/**
 * Contact details with the consent that allows storing them. The consent rule
 * (app/champions/consent.ts) runs inside the schema, so a form without consent
 * is refused before anything is saved.
 */
export const contactFieldsSchema = z
  .object({
    email: optionalEmail,
    phone: optionalPhone,
    contactOther: optionalLine(CONTACT_OTHER_MAX),
    consentGiven: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    consentAt: optionalDate,
    consentMethod: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const text = value ?? "";
        if (text === "") return null;
        const method = CONSENT_METHODS.find((candidate) => candidate === text);
        if (!method) {
          ctx.addIssue({ code: "custom", message: "invalid" });
          return z.NEVER;
        }
        return method;
      }),
  })
  .transform((fields, ctx) => {
    const checked = checkContactConsent(
      { email: fields.email, phone: fields.phone, contactOther: fields.contactOther },
      { consentGiven: fields.consentGiven, consentAt: fields.consentAt, consentMethod: fields.consentMethod },
    );
    if (!checked.ok) {
      for (const [field, problem] of Object.entries(checked.problems)) ctx.addIssue({ code: "custom", message: problem, path: [field] });
      return z.NEVER;
    }
    return checked.value;
  });

export type ContactFields = z.infer<typeof contactFieldsSchema>;

/** A move through the pipeline: to which stage, on which day, and why. */
export const stageMoveSchema = z.object({
  stage: z.enum(CHAMPION_STAGES, { error: "invalid" }),
  at: z
    .string({ error: "required" })
    .transform((value, ctx) => {
      const text = value.trim();
      if (text === "") {
        ctx.addIssue({ code: "custom", message: "required" });
        return z.NEVER;
      }
      const date = dateFromField(text);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "invalidDate" });
        return z.NEVER;
      }
      return date;
    }),
  note: optionalParagraphs(STAGE_NOTE_MAX),
});

export type StageMove = z.infer<typeof stageMoveSchema>;

/** Today as a yyyy-mm-dd value for a date field. */
export function todayField(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
