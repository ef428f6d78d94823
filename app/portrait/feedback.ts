import { z } from "zod";
import { competencyIdSchema } from "./evidence";

/*
 * Community feedback on a published Portrait: for one competency, a rating
 * from 1 ("does not fit us") to 5 ("fits us very well") and an optional
 * comment. Anonymous: nothing about who sent it is stored.
 */

export const FEEDBACK_COMMENT_MAX = 1000;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

/**
 * Per client address. Feedback is given from home or a phone, one competency
 * at a time: a family reviewing eight competencies stays far below it, while
 * a script filling the form is stopped within minutes.
 */
export const FEEDBACK_LIMIT = { perWindow: 30, windowSeconds: 10 * 60 } as const;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const feedbackFormSchema = z.object({
  competencyId: competencyIdSchema,
  rating: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "ratingRequired" }).int("ratingRange").min(1, "ratingRange").max(5, "ratingRange"),
  ),
  comment: z.preprocess(blankToUndefined, z.string().trim().max(FEEDBACK_COMMENT_MAX, "commentTooLong").optional()).transform((value) => value ?? ""),
});

export type FeedbackForm = z.infer<typeof feedbackFormSchema>;

export type FeedbackEntry = { competencyId: string; rating: number; comment: string; createdAt: Date | string };

export type CompetencyFeedbackSummary = {
  count: number;
  /** Mean rating, null without feedback. */
  average: number | null;
  /** How many gave each rating, from 1 to 5. */
  distribution: { rating: number; count: number }[];
  /** Comments that say something, newest first. */
  comments: { rating: number; comment: string; createdAt: string }[];
};

export function emptyFeedbackSummary(): CompetencyFeedbackSummary {
  return { count: 0, average: null, distribution: RATING_VALUES.map((rating) => ({ rating, count: 0 })), comments: [] };
}

/** Feedback per competency id. Ratings outside 1–5 (which the form never stores) are ignored. */
export function summarizeFeedback(entries: readonly FeedbackEntry[]): Map<string, CompetencyFeedbackSummary> {
  const summaries = new Map<string, CompetencyFeedbackSummary & { sum: number }>();
  for (const entry of entries) {
    if (!Number.isInteger(entry.rating) || entry.rating < 1 || entry.rating > 5) continue;
    let summary = summaries.get(entry.competencyId);
    if (!summary) {
      summary = { ...emptyFeedbackSummary(), sum: 0 };
      summaries.set(entry.competencyId, summary);
    }
    summary.count += 1;
    summary.sum += entry.rating;
    const bucket = summary.distribution[entry.rating - 1];
    if (bucket) bucket.count += 1;
    const comment = entry.comment.trim();
    if (comment) summary.comments.push({ rating: entry.rating, comment, createdAt: new Date(entry.createdAt).toISOString() });
  }
  return new Map(
    [...summaries].map(([id, { sum, ...summary }]) => [
      id,
      {
        ...summary,
        average: summary.count === 0 ? null : sum / summary.count,
        comments: summary.comments.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
      },
    ]),
  );
}
