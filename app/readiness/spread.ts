import { isLevel, LEVELS, type Level } from "./levels";

/** How far a team's submitted ratings of one indicator are from each other. */
/** "single": one rating so far, nothing to agree or differ with yet. */
export type Agreement = "none" | "single" | "agree" | "close" | "apart";

export type RatingSpread = {
  /** Ratings counted (members who submitted a level). */
  count: number;
  /** How many members chose each level. */
  counts: Record<Level, number>;
  min: Level | null;
  max: Level | null;
  /** max − min: 0 when everyone agrees, 3 when someone said "Not yet" and someone "Established". */
  range: number;
  mean: number | null;
  /** Population standard deviation: separates 1,1,4,4 (more difference) from 1,4,4,4 at the same range. */
  deviation: number;
  agreement: Agreement;
};

export function ratingSpread(levels: readonly number[]): RatingSpread {
  const valid = levels.filter(isLevel);
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 } satisfies Record<Level, number>;
  for (const level of valid) counts[level] += 1;
  if (valid.length === 0) return { count: 0, counts, min: null, max: null, range: 0, mean: null, deviation: 0, agreement: "none" };
  const min = LEVELS.find((level) => counts[level] > 0)!;
  const max = [...LEVELS].reverse().find((level) => counts[level] > 0)!;
  const mean = valid.reduce((sum, level) => sum + level, 0) / valid.length;
  const deviation = Math.sqrt(valid.reduce((sum, level) => sum + (level - mean) ** 2, 0) / valid.length);
  const range = max - min;
  return { count: valid.length, counts, min, max, range, mean, deviation, agreement: valid.length === 1 ? "single" : range === 0 ? "agree" : range === 1 ? "close" : "apart" };
}

/**
 * Indicators where the team differs most come first: widest range, then the
 * largest standard deviation, then the most ratings; indicators nobody rated
 * yet go last. Ties keep the framework's order.
 */
export function sortByDisagreement<T extends { spread: RatingSpread }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ratedA = a.item.spread.count > 0 ? 1 : 0;
      const ratedB = b.item.spread.count > 0 ? 1 : 0;
      return (
        ratedB - ratedA ||
        b.item.spread.range - a.item.spread.range ||
        b.item.spread.deviation - a.item.spread.deviation ||
        b.item.spread.count - a.item.spread.count ||
        a.index - b.index
      );
    })
    .map(({ item }) => item);
}
