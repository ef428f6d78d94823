import { z } from "zod";

/*
 * Evidence: the workshop ideas and themes a competency of the Portrait rests
 * on. A theme stands for the ideas grouped in it, so it counts the voices of
 * each of its ideas; an idea cited both directly and through a theme counts
 * once.
 */

const RECORD_ID = /^[a-z0-9]{10,40}$/;
/** Competency ids are made by the editor: short, URL-safe. */
export const COMPETENCY_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const EVIDENCE_NOTE_MAX = 500;
export const EVIDENCE_QUERY_MAX = 200;
export const EVIDENCE_KINDS = ["all", "ideas", "themes"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

// An empty field of a GET form arrives as "": the same as not filtering.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const competencyIdSchema = z.string().regex(COMPETENCY_ID, "unknownCompetency");

export const evidenceFiltersSchema = z.object({
  q: optional(z.string().trim().max(EVIDENCE_QUERY_MAX, "queryTooLong")).transform((value) => value ?? ""),
  workshop: optional(z.string().regex(RECORD_ID, "unknownWorkshop")),
  group: optional(z.string().regex(RECORD_ID, "unknownGroup")),
  minRating: optional(
    z.coerce
      .number({ message: "minRatingInvalid" })
      .refine((value) => Number.isFinite(value) && value >= 1 && value <= 5, "minRatingInvalid"),
  ),
  kind: optional(z.enum(EVIDENCE_KINDS, { message: "kindInvalid" })).transform((value) => value ?? "all"),
  competency: optional(competencyIdSchema),
});

export type EvidenceFilters = z.infer<typeof evidenceFiltersSchema>;
export type EvidenceFilterField = keyof EvidenceFilters;

export const DEFAULT_EVIDENCE_FILTERS: EvidenceFilters = { q: "", kind: "all" };

/**
 * Reads the search from the page's address. A bad value is reported by field
 * (as a message key) and left out of the search, so the page still shows
 * something useful with the filters that were fine.
 */
export function parseEvidenceFilters(params: URLSearchParams): { filters: EvidenceFilters; errors: Partial<Record<EvidenceFilterField, string>> } {
  const raw = Object.fromEntries(Object.keys(evidenceFiltersSchema.shape).map((key) => [key, params.get(key)]));
  const parsed = evidenceFiltersSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, errors: {} };
  const errors: Partial<Record<EvidenceFilterField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as EvidenceFilterField;
    errors[field] ??= issue.message;
  }
  const valid = evidenceFiltersSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !(key in errors))));
  return { filters: valid.success ? valid.data : DEFAULT_EVIDENCE_FILTERS, errors };
}

/** Link a competency to exactly one idea or one theme. */
export const linkEvidenceSchema = z
  .object({
    intent: z.literal("link"),
    competencyId: competencyIdSchema,
    ideaId: optional(z.string()),
    themeId: optional(z.string()),
    note: optional(z.string().trim().max(EVIDENCE_NOTE_MAX, "noteTooLong")).transform((value) => value ?? ""),
  })
  .superRefine((value, context) => {
    const given = [value.ideaId, value.themeId].filter((id): id is string => id !== undefined);
    if (given.length !== 1) context.addIssue({ code: "custom", path: ["source"], message: "sourceRequired" });
    else if (!RECORD_ID.test(given[0] ?? "")) context.addIssue({ code: "custom", path: ["source"], message: "notFound" });
  });

export const unlinkEvidenceSchema = z.object({
  intent: z.literal("unlink"),
  linkId: z.string().regex(RECORD_ID, "notFound"),
});

export type EvidenceSource =
  | { kind: "idea"; ideaId: string; groupId: string }
  | { kind: "theme"; themeId: string; ideas: readonly { ideaId: string; groupId: string }[] };

export type GroupShare = { groupId: string; count: number; share: number };
export type EvidenceBreakdown = { ideaCount: number; byGroup: GroupShare[] };

/**
 * How many distinct ideas stand behind a competency's evidence, by the
 * stakeholder group of whoever wrote them, most first. Shares are fractions
 * of the distinct ideas.
 */
export function evidenceBreakdown(sources: readonly EvidenceSource[]): EvidenceBreakdown {
  const groupOfIdea = new Map<string, string>();
  for (const source of sources) {
    const ideas = source.kind === "idea" ? [source] : source.ideas;
    for (const idea of ideas) if (!groupOfIdea.has(idea.ideaId)) groupOfIdea.set(idea.ideaId, idea.groupId);
  }
  const counts = new Map<string, number>();
  for (const groupId of groupOfIdea.values()) counts.set(groupId, (counts.get(groupId) ?? 0) + 1);
  const ideaCount = groupOfIdea.size;
  const byGroup = [...counts]
    .map(([groupId, count]) => ({ groupId, count, share: count / ideaCount }))
    .sort((a, b) => b.count - a.count || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  return { ideaCount, byGroup };
}

/** A competency has community evidence when at least one community idea stands behind it. */
export function hasCommunityEvidence(breakdown: EvidenceBreakdown): boolean {
  return breakdown.ideaCount > 0;
}

/** The mean of several ideas' ratings taken together (each rating weighs the same), or null without ratings. */
export function pooledMean(stats: readonly { count: number; sum: number }[]): number | null {
  let count = 0;
  let sum = 0;
  for (const entry of stats) {
    count += entry.count;
    sum += entry.sum;
  }
  return count === 0 ? null : sum / count;
}

/** Whether a mean rating passes the "at least" filter; an unrated idea passes only when there is no filter. */
export function meetsMinRating(mean: number | null, minRating: number | undefined): boolean {
  if (minRating === undefined) return true;
  return mean !== null && mean >= minRating - 1e-9;
}
