import { z } from "zod";
import type { Locale } from "~/i18n/i18n";
import type { ActivityResults } from "../../server/socket/events";
import { bordaCount, ideaRatingStats, pollResults, scaleResults, wordCloud, type GroupRatingStats, type IdeaRatingStats } from "./aggregate";
import { groupConsensus, type GroupConsensus } from "./group-consensus";
import type { LiveActivity } from "./live-view";

/*
 * A workshop's results after the fact, for the results page and the CSV
 * export: every activity's figures, optionally for one stakeholder group, and
 * where the groups stand together or apart. Pure: the loader reads the rows,
 * these rules decide what they mean. Aggregation itself is aggregate.ts and
 * group-consensus.ts, the same rules the live room uses.
 */

export type ResultsIdea = {
  id: string;
  activityId: string;
  text: string;
  language: string;
  /** The stakeholder group of the participant who wrote it. */
  stakeholderGroupId: string;
  hidden: boolean;
  mergedIntoId: string | null;
  themeId: string | null;
  createdAt: Date;
};

export type ResultsRating = { activityId: string; ideaId: string; value: number; stakeholderGroupId: string };
export type ResultsResponse = { activityId: string; stakeholderGroupId: string; payload: unknown };

// ---------------------------------------------------------------------------
// The stakeholder group filter

const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export type GroupFilter = { ok: true; groupId: string | null } | { ok: false; problem: "unknownGroup" };

/**
 * The `group` search parameter of a results address: missing or blank means
 * every group; otherwise it must be the id of one of `groupIds` (the
 * district's groups). Anything else is an unknown group, never an error page.
 */
export function parseGroupFilter(raw: string | null | undefined, groupIds: readonly string[]): GroupFilter {
  const schema = z
    .string()
    .trim()
    .max(64)
    .regex(GROUP_ID_PATTERN)
    .refine((id) => groupIds.includes(id))
    .or(z.literal(""))
    .optional();
  const parsed = schema.safeParse(raw ?? undefined);
  if (!parsed.success) return { ok: false, problem: "unknownGroup" };
  return { ok: true, groupId: parsed.data ? parsed.data : null };
}

// ---------------------------------------------------------------------------
// Ideas: hidden ones left out, merged duplicates counted with their target

/**
 * Each idea's root: itself, or the idea it was (perhaps in turn) merged into.
 * Ideas whose root is hidden, or whose merge chain leads nowhere or in a
 * circle, have no root and take no part in results.
 */
export function ideaRoots(ideas: readonly Pick<ResultsIdea, "id" | "hidden" | "mergedIntoId">[]): Map<string, string> {
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const roots = new Map<string, string>();
  for (const idea of ideas) {
    let current = idea;
    const seen = new Set<string>();
    while (current.mergedIntoId !== null && !seen.has(current.id)) {
      seen.add(current.id);
      const next = byId.get(current.mergedIntoId);
      if (!next) break;
      current = next;
    }
    if (current.mergedIntoId === null && !current.hidden) roots.set(idea.id, current.id);
  }
  return roots;
}

/** Ratings moved onto their idea's root; ratings of hidden ideas dropped. */
export function ratingsOnRoots<T extends Pick<ResultsRating, "ideaId">>(ratings: readonly T[], roots: ReadonlyMap<string, string>): T[] {
  return ratings.flatMap((rating) => {
    const root = roots.get(rating.ideaId);
    return root ? [{ ...rating, ideaId: root }] : [];
  });
}

export type IdeaResult = {
  id: string;
  activityId: string;
  text: string;
  language: string;
  stakeholderGroupId: string;
  themeId: string | null;
  /** How many duplicates were merged into it. */
  mergedCount: number;
  ratingCount: number;
  mean: number | null;
  /** Means by the stakeholder group of the people who rated it. */
  groups: GroupRatingStats[];
};

/**
 * A brainstorm's ideas with how they were rated, best first (unrated last,
 * newest first among them). With a group, only that group's ideas and that
 * group's ratings count.
 */
export function brainstormIdeas(
  activityId: string,
  ideas: readonly ResultsIdea[],
  ratings: readonly ResultsRating[],
  groupId: string | null,
): IdeaResult[] {
  const roots = ideaRoots(ideas);
  const counted = ratingsOnRoots(ratings, roots).filter((rating) => groupId === null || rating.stakeholderGroupId === groupId);
  const stats = new Map(ideaRatingStats(counted).map((entry) => [entry.ideaId, entry]));
  const merged = new Map<string, number>();
  for (const idea of ideas) {
    const root = roots.get(idea.id);
    if (root && root !== idea.id) merged.set(root, (merged.get(root) ?? 0) + 1);
  }
  return ideas
    .filter((idea) => idea.activityId === activityId && roots.get(idea.id) === idea.id)
    .filter((idea) => groupId === null || idea.stakeholderGroupId === groupId)
    .map((idea) => {
      const own = stats.get(idea.id);
      return {
        id: idea.id,
        activityId: idea.activityId,
        text: idea.text,
        language: idea.language,
        stakeholderGroupId: idea.stakeholderGroupId,
        themeId: idea.themeId,
        mergedCount: merged.get(idea.id) ?? 0,
        ratingCount: own?.count ?? 0,
        mean: own ? own.mean : null,
        groups: own?.groups ?? [],
        createdAt: idea.createdAt,
      };
    })
    .sort(
      (a, b) =>
        (b.mean ?? -1) - (a.mean ?? -1) || b.ratingCount - a.ratingCount || b.createdAt.getTime() - a.createdAt.getTime() || compare(a.id, b.id),
    )
    .map(({ createdAt: _createdAt, ...idea }) => idea);
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Common ground and divisive ideas of a workshop, across every stakeholder
 * group: all its ratings, on the ideas' roots, judged by groupConsensus. A
 * group filter does not apply: agreement is a comparison of groups.
 */
export function workshopConsensus(ideas: readonly ResultsIdea[], ratings: readonly ResultsRating[]): GroupConsensus {
  return groupConsensus(ideaRatingStats(ratingsOnRoots(ratings, ideaRoots(ideas))));
}

// ---------------------------------------------------------------------------
// Every activity's figures

export type ActivityOutcome =
  | { type: "brainstorm"; activityId: string; ideas: IdeaResult[] }
  | { type: "rate"; activityId: string; sourceActivityId: string | null; ratingCount: number; ideas: IdeaRatingStats[] }
  | Exclude<ActivityResults, { type: "brainstorm" | "rate" }>;

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export type WorkshopRows = {
  activities: readonly LiveActivity[];
  ideas: readonly ResultsIdea[];
  ratings: readonly ResultsRating[];
  responses: readonly ResultsResponse[];
  /** Nominations by activity and the nominators' group: only counted, their content names people. */
  nominationCounts: ReadonlyMap<string, { stakeholderGroupId: string; count: number }[]>;
};

/**
 * Each activity's results, in agenda order, for one stakeholder group or
 * (groupId null) for everyone. Brainstorms list the group's ideas with the
 * group's ratings; rate activities count the group's ratings; polls, scales,
 * word clouds and rankings count the group's answers.
 */
export function activityOutcomes(rows: WorkshopRows, groupId: string | null, locale: Locale): ActivityOutcome[] {
  const inGroup = (row: { stakeholderGroupId: string }) => groupId === null || row.stakeholderGroupId === groupId;
  const roots = ideaRoots(rows.ideas);
  const ratings = rows.ratings.filter(inGroup);
  const responses = rows.responses.filter(inGroup);
  return rows.activities.map((activity): ActivityOutcome => {
    const payloads = () => responses.filter((response) => response.activityId === activity.id).map((response) => asObject(response.payload));
    switch (activity.type) {
      case "brainstorm":
        return { type: "brainstorm", activityId: activity.id, ideas: brainstormIdeas(activity.id, rows.ideas, ratings, groupId) };
      case "rate": {
        const own = ratingsOnRoots(
          ratings.filter((rating) => rating.activityId === activity.id),
          roots,
        );
        return {
          type: "rate",
          activityId: activity.id,
          sourceActivityId: activity.config.sourceActivityId,
          ratingCount: own.length,
          ideas: ideaRatingStats(own),
        };
      }
      case "poll": {
        const results = pollResults(activity.config.options, payloads().map((payload) => ({ optionIds: stringList(payload.optionIds) })));
        return { type: "poll", activityId: activity.id, respondents: results.respondents, options: results.options };
      }
      case "scale": {
        const values = payloads()
          .map((payload) => payload.value)
          .filter((value): value is number => typeof value === "number");
        const results = scaleResults(activity.config.min, activity.config.max, values);
        return {
          type: "scale",
          activityId: activity.id,
          respondents: results.count,
          distribution: results.distribution.map(({ value, count }) => ({ value, count })),
          mean: results.mean,
        };
      }
      case "wordcloud": {
        const lists = payloads().map((payload) => stringList(payload.words));
        return { type: "wordcloud", activityId: activity.id, respondents: lists.filter((words) => words.length > 0).length, words: wordCloud(lists, locale) };
      }
      case "ranking": {
        const results = bordaCount(activity.config.items, payloads().map((payload) => stringList(payload.order)));
        return { type: "ranking", activityId: activity.id, respondents: results.ballots, items: results.items };
      }
      case "nomination": {
        const counts = rows.nominationCounts.get(activity.id) ?? [];
        return { type: "nomination", activityId: activity.id, count: counts.filter(inGroup).reduce((sum, entry) => sum + entry.count, 0) };
      }
    }
  });
}
