import { participationGaps } from "~/models/stakeholder-groups";
import type { GroupRatingStats, IdeaRatingStats } from "./aggregate";

export type ConsensusOptions = {
  /** Ratings a group must have given an idea for its mean to count. */
  minRatingsPerGroup: number;
  /** The mean on the 1–5 scale every counted group must reach for common ground. */
  highThreshold: number;
  /** The gap between the highest and lowest group mean that makes an idea divisive. */
  gapThreshold: number;
};

// Means are ratios of sums; a gap of exactly 1.5 may come out as 1.4999999999999996.
const TOLERANCE = 1e-9;

export const DEFAULT_CONSENSUS_OPTIONS: ConsensusOptions = { minRatingsPerGroup: 3, highThreshold: 3.5, gapThreshold: 1.5 };

/** An idea judged across groups, with the means that explain the judgement. */
export type IdeaAcrossGroups = {
  ideaId: string;
  /** The groups that rated it often enough to count, highest mean first. */
  groups: GroupRatingStats[];
  lowestMean: number;
  highestMean: number;
  gap: number;
};

export type GroupConsensus = { commonGround: IdeaAcrossGroups[]; divisive: IdeaAcrossGroups[] };

/**
 * The ideas stakeholder groups agree on and the ones that divide them, so a
 * district sees where the community stands together and where to listen more.
 * Only groups with at least `minRatingsPerGroup` ratings of an idea count, and
 * an idea needs two such groups. Common ground: every counted group's mean is
 * at least `highThreshold`; sorted by the lowest group mean. Divisive: the
 * counted group means are at least `gapThreshold` apart; sorted by that gap.
 * An idea every group rates highly is common ground, never divisive.
 */
export function groupConsensus(
  stats: readonly Pick<IdeaRatingStats, "ideaId" | "groups">[],
  options: Partial<ConsensusOptions> = {},
): GroupConsensus {
  const { minRatingsPerGroup, highThreshold, gapThreshold } = checkedOptions(options);
  const commonGround: IdeaAcrossGroups[] = [];
  const divisive: IdeaAcrossGroups[] = [];
  for (const idea of stats) {
    const groups = idea.groups
      .filter((group) => group.count >= minRatingsPerGroup && Number.isFinite(group.mean))
      .sort((a, b) => b.mean - a.mean || compareIds(a.groupId, b.groupId));
    if (groups.length < 2) continue;
    const highestMean = groups[0]?.mean ?? 0;
    const lowestMean = groups[groups.length - 1]?.mean ?? 0;
    const judged = { ideaId: idea.ideaId, groups, lowestMean, highestMean, gap: highestMean - lowestMean };
    if (lowestMean >= highThreshold - TOLERANCE) commonGround.push(judged);
    else if (judged.gap >= gapThreshold - TOLERANCE) divisive.push(judged);
  }
  commonGround.sort((a, b) => b.lowestMean - a.lowestMean || ratingsOf(b) - ratingsOf(a) || compareIds(a.ideaId, b.ideaId));
  divisive.sort((a, b) => b.gap - a.gap || ratingsOf(b) - ratingsOf(a) || compareIds(a.ideaId, b.ideaId));
  return { commonGround, divisive };
}

function checkedOptions(options: Partial<ConsensusOptions>): ConsensusOptions {
  const merged = { ...DEFAULT_CONSENSUS_OPTIONS, ...options };
  if (!Number.isInteger(merged.minRatingsPerGroup) || merged.minRatingsPerGroup < 1) {
    throw new RangeError(`minRatingsPerGroup must be a whole number of at least 1, got ${merged.minRatingsPerGroup}`);
  }
  if (!Number.isFinite(merged.highThreshold)) throw new RangeError(`highThreshold must be a number, got ${merged.highThreshold}`);
  if (!Number.isFinite(merged.gapThreshold) || merged.gapThreshold < 0) {
    throw new RangeError(`gapThreshold must be a number of at least 0, got ${merged.gapThreshold}`);
  }
  return merged;
}

function ratingsOf(idea: IdeaAcrossGroups): number {
  return idea.groups.reduce((total, group) => total + group.count, 0);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The "who is missing?" check for one workshop: each group's number of
 * participants, actual share and gap against its target share (in percent),
 * largest shortfall first. Everyone who joined counts towards the total,
 * including participants of groups not listed (an archived group, say).
 */
export function participationByGroup(
  groups: readonly { id: string; targetShare: number }[],
  participants: readonly { stakeholderGroupId: string }[],
): ReturnType<typeof participationGaps> {
  const counts = new Map<string, number>();
  for (const participant of participants) counts.set(participant.stakeholderGroupId, (counts.get(participant.stakeholderGroupId) ?? 0) + 1);
  return participationGaps(groups, counts);
}
