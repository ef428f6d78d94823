import { prisma } from "~/utils/db.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { FEEDBACK_LIMIT, summarizeFeedback, type CompetencyFeedbackSummary, type FeedbackForm } from "./feedback";
import { publicPortrait } from "./publication.server";
import { acceptsFeedback } from "./status";

export type FeedbackRefusal = "notFound" | "closed" | "outdated" | "unknownCompetency" | "rateLimited";
export type FeedbackResult = { ok: true } | { ok: false; error: FeedbackRefusal; retryAfterSeconds?: number };

export function feedbackRateKey(address: string): string {
  return `portrait-feedback:${address}`;
}

/**
 * Stores one anonymous piece of feedback on the publication a district's
 * public page shows, if it is open to feedback and was the one the form was
 * filled in on. Every attempt counts towards the per-address limit.
 */
export async function submitFeedback(input: { slug: string; publicationId: string; address: string; language: string; form: FeedbackForm }): Promise<FeedbackResult> {
  const shown = await publicPortrait(input.slug);
  if (!shown) return { ok: false, error: "notFound" };
  const { publication, status, portrait, district } = shown;
  if (!acceptsFeedback({ status, feedbackOpen: publication.feedbackOpen, stage: publication.stage })) return { ok: false, error: "closed" };
  if (publication.id !== input.publicationId) return { ok: false, error: "outdated" };
  const limit = await hitRateLimit(feedbackRateKey(input.address), FEEDBACK_LIMIT.perWindow, FEEDBACK_LIMIT.windowSeconds);
  if (!limit.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  if (!portrait.competencies.some((competency) => competency.id === input.form.competencyId)) return { ok: false, error: "unknownCompetency" };
  await prisma.competencyFeedback.create({
    data: {
      districtId: district.id,
      publicationId: publication.id,
      competencyId: input.form.competencyId,
      rating: input.form.rating,
      comment: input.form.comment,
      language: input.language,
    },
  });
  return { ok: true };
}

/** The feedback given on one publication of the district, per competency. */
export async function feedbackOfPublication(districtId: string, publicationId: string): Promise<Record<string, CompetencyFeedbackSummary>> {
  const entries = await prisma.competencyFeedback.findMany({
    where: { districtId, publicationId },
    select: { competencyId: true, rating: true, comment: true, createdAt: true },
  });
  return Object.fromEntries(summarizeFeedback(entries));
}
