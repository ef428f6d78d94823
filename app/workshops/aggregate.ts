import type { Locale } from "~/i18n/i18n";

// Results of each kind of activity, computed the same way for the live room,
// the presenter view and the results pages. Shares are fractions from 0 to 1.

export type PollOptionResult = { id: string; count: number; share: number };
export type PollResults = { options: PollOptionResult[]; respondents: number };

/**
 * Votes per poll option, in the poll's order, and each option's share of the
 * people who answered: in a multiple-choice poll each selection counts, so
 * shares can add up to more than 1. Selections of options the poll no longer
 * has are ignored.
 */
export function pollResults(options: readonly { id: string }[], responses: readonly { optionIds: readonly string[] }[]): PollResults {
  const counts = new Map(options.map((option) => [option.id, 0]));
  let respondents = 0;
  for (const response of responses) {
    const chosen = new Set(response.optionIds.filter((id) => counts.has(id)));
    if (chosen.size === 0) continue;
    respondents += 1;
    for (const id of chosen) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return {
    respondents,
    options: [...counts].map(([id, count]) => ({ id, count, share: respondents === 0 ? 0 : count / respondents })),
  };
}

export type ScaleResults = {
  distribution: { value: number; count: number; share: number }[];
  count: number;
  mean: number | null;
  median: number | null;
};

// A scale runs from 1 to at most 10; the bound only keeps a bad call from building a huge distribution.
const MAX_SCALE_STEPS = 100;

/**
 * How answers to a scale spread over every point from `min` to `max`, with
 * their mean and median (null when nobody answered). Answers that are not
 * whole numbers within the scale are ignored.
 */
export function scaleResults(min: number, max: number, values: readonly number[]): ScaleResults {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min > max || max - min >= MAX_SCALE_STEPS) {
    throw new RangeError(`A scale runs between two whole numbers, got ${min}..${max}`);
  }
  const valid = values.filter((value) => Number.isInteger(value) && value >= min && value <= max).sort((a, b) => a - b);
  const count = valid.length;
  const tally = new Map<number, number>();
  for (const value of valid) tally.set(value, (tally.get(value) ?? 0) + 1);
  const distribution = [];
  for (let value = min; value <= max; value += 1) {
    const hits = tally.get(value) ?? 0;
    distribution.push({ value, count: hits, share: count === 0 ? 0 : hits / count });
  }
  return { distribution, count, mean: count === 0 ? null : sum(valid) / count, median: median(valid) };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Median of values already sorted in ascending order. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

// Words that say nothing on their own in English and Spanish, with and without
// accents because people type both on phones. Compared after case folding.
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves it's i'm don't can't won't isn't aren't we're they're you're let's that's there's
  al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde durante e el él ella ellas ellos
  en entre era eran es esa esas ese eso esos esta está están estas este esto estos fue fueron ha han hasta hay la las le les
  lo los más mas me mi mis mucho muchos muy nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra
  otras otro otros para pero poco por porque que qué quien quién quienes se sea ser si sin sobre son su sus también
  tambien te tiene tienen todo todos tu tú tus un una uno unos unas usted ustedes y ya yo`
    .split(/\s+/)
    .filter(Boolean),
);

const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;
export const WORD_CLOUD_LIMIT = 100;

export type WordCount = { word: string; count: number };

/**
 * The words of a word cloud, most frequent first (then alphabetical), top
 * `limit`. Words are case-folded in `locale` with accents kept ("Éxito" and
 * "éxito" are one word, "exito" another), stripped of surrounding punctuation,
 * and English and Spanish stop words are left out. A word counts once per
 * participant, however many times they typed it.
 */
export function wordCloud(wordsLists: readonly (readonly string[])[], locale: Locale, limit: number = WORD_CLOUD_LIMIT): WordCount[] {
  const counts = new Map<string, number>();
  for (const words of wordsLists) {
    const distinct = new Set(words.map((word) => foldWord(word, locale)).filter((word) => word !== "" && !STOP_WORDS.has(word)));
    for (const word of distinct) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const collator = new Intl.Collator(locale);
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.word, b.word) || compareCodePoints(a.word, b.word))
    .slice(0, Math.max(0, Math.floor(limit)));
}

function foldWord(word: string, locale: Locale): string {
  // Phones type a curly apostrophe where keyboards type a straight one.
  return word.normalize("NFC").trim().replace(/’/g, "'").replace(EDGE_PUNCTUATION, "").toLocaleLowerCase(locale);
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export type BordaItemResult = { id: string; points: number; meanRank: number | null };
export type BordaResults = { items: BordaItemResult[]; ballots: number };

/**
 * A ranking's result by Borda count: with n items, first place earns n − 1
 * points and last place none. Items are sorted by points, then by id so ties
 * always come out in the same order; meanRank is 1 for an item everyone put
 * first. Orders that are not a full ranking of exactly these items are ignored.
 */
export function bordaCount(items: readonly { id: string }[], orders: readonly (readonly string[])[]): BordaResults {
  const ids = new Set(items.map((item) => item.id));
  const totals = new Map([...ids].map((id) => [id, { points: 0, rankSum: 0 }]));
  let ballots = 0;
  for (const order of orders) {
    if (order.length !== ids.size || new Set(order).size !== order.length || !order.every((id) => ids.has(id))) continue;
    ballots += 1;
    order.forEach((id, index) => {
      const total = totals.get(id);
      if (!total) return;
      total.points += ids.size - 1 - index;
      total.rankSum += index + 1;
    });
  }
  return {
    ballots,
    items: [...totals]
      .map(([id, total]) => ({ id, points: total.points, meanRank: ballots === 0 ? null : total.rankSum / ballots }))
      .sort((a, b) => b.points - a.points || compareCodePoints(a.id, b.id)),
  };
}

export type RatingStats = { count: number; mean: number };
export type GroupRatingStats = RatingStats & { groupId: string };
export type IdeaRatingStats = RatingStats & { ideaId: string; groups: GroupRatingStats[] };

/**
 * Each rated idea's number of ratings and mean, overall and per stakeholder
 * group (groups in id order). Ideas come best-rated first, then most-rated,
 * then by id. Ratings that are not whole numbers from 1 to 5 are ignored.
 */
export function ideaRatingStats(ratings: readonly { ideaId: string; value: number; stakeholderGroupId: string }[]): IdeaRatingStats[] {
  const byIdea = new Map<string, { total: Tally; groups: Map<string, Tally> }>();
  for (const rating of ratings) {
    if (!Number.isInteger(rating.value) || rating.value < 1 || rating.value > 5) continue;
    let idea = byIdea.get(rating.ideaId);
    if (!idea) {
      idea = { total: { count: 0, sum: 0 }, groups: new Map() };
      byIdea.set(rating.ideaId, idea);
    }
    addTo(idea.total, rating.value);
    let group = idea.groups.get(rating.stakeholderGroupId);
    if (!group) {
      group = { count: 0, sum: 0 };
      idea.groups.set(rating.stakeholderGroupId, group);
    }
    addTo(group, rating.value);
  }
  return [...byIdea]
    .map(([ideaId, idea]) => ({
      ideaId,
      ...statsOf(idea.total),
      groups: [...idea.groups]
        .map(([groupId, tally]) => ({ groupId, ...statsOf(tally) }))
        .sort((a, b) => compareCodePoints(a.groupId, b.groupId)),
    }))
    .sort((a, b) => b.mean - a.mean || b.count - a.count || compareCodePoints(a.ideaId, b.ideaId));
}

type Tally = { count: number; sum: number };

function addTo(tally: Tally, value: number) {
  tally.count += 1;
  tally.sum += value;
}

function statsOf(tally: Tally): RatingStats {
  return { count: tally.count, mean: tally.sum / tally.count };
}
