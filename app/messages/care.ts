import { ideaRatingStats } from "~/workshops/aggregate";

/** How many ratings from an audience's groups an idea needs before it counts as something they care about. */
export const MIN_CARE_RATINGS = 3;
export const CARE_LIMIT = 5;

export type CareIdea = { id: string; text: string; hidden: boolean; merged: boolean; workshopTitle: string };
export type CareRating = { ideaId: string; value: number; stakeholderGroupId: string };
export type CaredAbout = { ideaId: string; text: string; workshopTitle: string; mean: number; count: number };

/**
 * What an audience cares about: the workshop ideas rated best by participants
 * from the audience's own stakeholder groups. Ratings from other groups do
 * not count; hidden ideas and ideas merged into another are left out; an idea
 * needs at least `minRatings` ratings from those groups, so one enthusiastic
 * vote does not speak for a whole audience.
 */
export function whatTheyCareAbout(
  groupIds: readonly string[],
  ideas: readonly CareIdea[],
  ratings: readonly CareRating[],
  { minRatings = MIN_CARE_RATINGS, limit = CARE_LIMIT }: { minRatings?: number; limit?: number } = {},
): CaredAbout[] {
  const groups = new Set(groupIds);
  if (groups.size === 0) return [];
  const visible = new Map(ideas.filter((idea) => !idea.hidden && !idea.merged).map((idea) => [idea.id, idea]));
  const stats = ideaRatingStats(ratings.filter((rating) => groups.has(rating.stakeholderGroupId) && visible.has(rating.ideaId)));
  return stats
    .filter((stat) => stat.count >= minRatings)
    .slice(0, limit)
    .flatMap((stat) => {
      const idea = visible.get(stat.ideaId);
      return idea ? [{ ideaId: idea.id, text: idea.text, workshopTitle: idea.workshopTitle, mean: stat.mean, count: stat.count }] : [];
    });
}
