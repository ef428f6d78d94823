import { z } from "zod";
import { tidyName } from "~/models/names";
import { isLevel, type Level } from "./levels";

// Shared by pages and server code. Issue messages are keys of "readiness.errors".

export const CYCLE_NAME_MAX = 80;
export const FRAMEWORK_NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const TITLE_MAX = 120;
export const STATEMENT_MAX = 1000;
export const DESCRIPTOR_MAX = 600;
export const NOTE_MAX = 2000;
export const LINK_MAX = 500;
export const LINKS_MAX = 5;
export const ACTION_WHAT_MAX = 300;
export const ACTION_OWNER_MAX = 120;
/** More rating fields than any framework has indicators is not a real form. */
export const RATING_ENTRIES_MAX = 300;

/** A record id as it may appear in a form or URL; anything else cannot name a record. */
export const idSchema = z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{1,100}$/, "invalid");

function text(max: number, { required }: { required: boolean }) {
  return z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(required ? z.string().min(1, "required").max(max, "tooLong") : z.string().max(max, "tooLong"));
}

function name(max: number) {
  return z
    .string({ error: "required" })
    .transform(tidyName)
    .pipe(z.string().min(1, "required").max(max, "tooLong"));
}

/* Dates without a time: due dates are days, stored at midnight UTC. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-11" as midnight UTC of that day, or null if it is not a real day. */
export function parseDateOnly(value: string): Date | null {
  const match = DATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** The value of a date field for a stored day. */
export function dateOnlyValue(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

const requiredDate = z
  .string({ error: "required" })
  .transform((value, ctx) => {
    if (!value.trim()) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const date = parseDateOnly(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return date;
  });

const optionalDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const date = parseDateOnly(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return date;
  });

/* Cycles */

/**
 * Opening a cycle: a name, a framework, at least one school and a due date no
 * earlier than yesterday (a day's slack for time zones). `today` is "YYYY-MM-DD".
 */
export function cycleFieldsSchema(today: string) {
  const earliest = parseDateOnly(today)!.getTime() - 24 * 60 * 60 * 1000;
  return z.object({
    name: name(CYCLE_NAME_MAX),
    frameworkId: idSchema,
    schoolIds: z.array(idSchema).min(1, "schoolsRequired").max(500, "invalid"),
    dueDate: requiredDate.refine((date) => date.getTime() >= earliest, "dueInPast"),
  });
}
export type CycleFields = z.output<ReturnType<typeof cycleFieldsSchema>>;

/* Frameworks */

export const frameworkFieldsSchema = z.object({
  name: name(FRAMEWORK_NAME_MAX),
  description: text(DESCRIPTION_MAX, { required: false }),
});
export type FrameworkFields = z.output<typeof frameworkFieldsSchema>;

export const dimensionFieldsSchema = z.object({
  name: name(TITLE_MAX),
  description: text(DESCRIPTION_MAX, { required: false }),
});
export type DimensionFields = z.output<typeof dimensionFieldsSchema>;

export const indicatorFieldsSchema = z.object({
  title: name(TITLE_MAX),
  statement: text(STATEMENT_MAX, { required: true }),
  notYet: text(DESCRIPTOR_MAX, { required: true }),
  emerging: text(DESCRIPTOR_MAX, { required: true }),
  developing: text(DESCRIPTOR_MAX, { required: true }),
  established: text(DESCRIPTOR_MAX, { required: true }),
});
export type IndicatorFields = z.output<typeof indicatorFieldsSchema>;

/* Ratings */

/** One indicator's rating from a form; a note or links the form did not send are left as they are (undefined). */
export type RatingEntry = { indicatorId: string; level: Level | null; note?: string; links?: string[] };

/** Field names of one indicator's rating in the rating form. */
export const ratingField = {
  level: (indicatorId: string) => `level-${indicatorId}`,
  note: (indicatorId: string) => `note-${indicatorId}`,
  links: (indicatorId: string) => `links-${indicatorId}`,
};

const RATING_FIELD = /^(level|note|links)-(.*)$/;

/** A level from a form: empty means "not chosen yet"; anything but 1–4 is refused. */
export function parseLevelField(value: string | undefined): { ok: true; level: Level | null } | { ok: false } {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return { ok: true, level: null };
  if (!/^\d$/.test(trimmed)) return { ok: false };
  const level = Number(trimmed);
  return isLevel(level) ? { ok: true, level } : { ok: false };
}

/** Links typed one per line (or separated by spaces); each must be an http(s) address. */
export function parseLinks(value: string | undefined): { ok: true; links: string[] } | { ok: false; error: "link" | "tooManyLinks" } {
  const links = (value ?? "")
    .split(/\s+/)
    .map((link) => link.trim())
    .filter(Boolean);
  if (links.length > LINKS_MAX) return { ok: false, error: "tooManyLinks" };
  for (const link of links) {
    if (link.length > LINK_MAX) return { ok: false, error: "link" };
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return { ok: false, error: "link" };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: "link" };
  }
  return { ok: true, links: [...new Set(links)] };
}

export type RatingFormResult = { ok: true; entries: RatingEntry[] } | { ok: false; errors: Record<string, string> };

/**
 * Every indicator's rating in a rating form (`level-ID`, `note-ID`,
 * `links-ID`). Errors are keyed by indicator id ("form" for the form itself).
 */
export function ratingEntriesFromForm(formData: FormData): RatingFormResult {
  const fields = new Map<string, { level?: string; note?: string; links?: string }>();
  for (const [key, value] of formData.entries()) {
    const match = RATING_FIELD.exec(key);
    if (!match || typeof value !== "string") continue;
    const [, kind, indicatorId] = match as unknown as [string, "level" | "note" | "links", string];
    const entry = fields.get(indicatorId) ?? {};
    entry[kind] = value;
    fields.set(indicatorId, entry);
  }
  if (fields.size > RATING_ENTRIES_MAX) return { ok: false, errors: { form: "invalid" } };
  const errors: Record<string, string> = {};
  const entries: RatingEntry[] = [];
  for (const [indicatorId, raw] of fields) {
    if (!idSchema.safeParse(indicatorId).success) {
      errors.form = "unknownIndicator";
      continue;
    }
    const level = parseLevelField(raw.level);
    if (!level.ok) {
      errors[indicatorId] = "level";
      continue;
    }
    const note = raw.note === undefined ? undefined : raw.note.replace(/\r\n?/g, "\n").trim();
    if (note !== undefined && note.length > NOTE_MAX) {
      errors[indicatorId] = "noteTooLong";
      continue;
    }
    const links = raw.links === undefined ? undefined : parseLinks(raw.links);
    if (links && !links.ok) {
      errors[indicatorId] = links.error;
      continue;
    }
    entries.push({ indicatorId, level: level.level, ...(note === undefined ? {} : { note }), ...(links ? { links: links.links } : {}) });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, entries };
}

/* Consensus and action items */

export const consensusFieldsSchema = z.object({
  indicatorId: idSchema,
  level: z
    .string({ error: "level" })
    .transform((value, ctx) => {
      const parsed = parseLevelField(value);
      if (!parsed.ok || parsed.level === null) {
        ctx.addIssue({ code: "custom", message: "level" });
        return z.NEVER;
      }
      return parsed.level;
    }),
  rationale: text(NOTE_MAX, { required: false }),
});
export type ConsensusFields = z.output<typeof consensusFieldsSchema>;

export const ACTION_STATUSES = ["planned", "in_progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const actionItemFieldsSchema = z.object({
  what: text(ACTION_WHAT_MAX, { required: true }),
  owner: name(ACTION_OWNER_MAX),
  dueDate: optionalDate,
  status: z.enum(ACTION_STATUSES, { error: "invalid" }),
  indicatorId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(idSchema.nullable()),
});
export type ActionItemFields = z.output<typeof actionItemFieldsSchema>;
