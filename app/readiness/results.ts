import type { Level } from "./levels";

/** One indicator of a school's result: where it sits in the framework and the level the team agreed (if any). */
export type IndicatorResult = {
  indicatorKey: string;
  dimensionKey: string;
  /** Framework order: dimension position, then indicator position. */
  order: number;
  level: Level | null;
};

export const HIGHLIGHT_LIMIT = 3;

/** A consensus level that counts as a strength: Developing or Established. Lower levels are growth areas. */
export function isStrength(level: Level): boolean {
  return level >= 3;
}

/**
 * Strengths are the highest consensus levels (Developing or Established),
 * growth areas the lowest (Not yet or Emerging), at most `limit` each; ties
 * keep the framework's order. An indicator is never both.
 */
export function strengthsAndGrowthAreas<T extends IndicatorResult>(
  results: readonly T[],
  limit = HIGHLIGHT_LIMIT,
): { strengths: T[]; growthAreas: T[] } {
  const rated = results.filter((result): result is T & { level: Level } => result.level !== null);
  const strengths = rated
    .filter((result) => isStrength(result.level))
    .sort((a, b) => b.level - a.level || a.order - b.order)
    .slice(0, limit);
  const growthAreas = rated
    .filter((result) => !isStrength(result.level))
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .slice(0, limit);
  return { strengths, growthAreas };
}

export type DimensionAverage = { dimensionKey: string; average: number | null; rated: number; total: number };

/** The mean consensus level of each dimension's indicators that have one (for the radar chart), in the dimensions' order. */
export function dimensionAverages(dimensionKeys: readonly string[], results: readonly IndicatorResult[]): DimensionAverage[] {
  return dimensionKeys.map((dimensionKey) => {
    const inDimension = results.filter((result) => result.dimensionKey === dimensionKey);
    const levels = inDimension.flatMap((result) => (result.level === null ? [] : [result.level]));
    return {
      dimensionKey,
      average: levels.length ? levels.reduce((sum, level) => sum + level, 0) / levels.length : null,
      rated: levels.length,
      total: inDimension.length,
    };
  });
}

/** The mean of the levels agreed so far, or null. */
export function overallAverage(results: readonly { level: Level | null }[]): number | null {
  const levels = results.flatMap((result) => (result.level === null ? [] : [result.level]));
  return levels.length ? levels.reduce((sum, level) => sum + level, 0) / levels.length : null;
}

export type IndicatorChange = { indicatorKey: string; before: Level | null; now: Level | null; change: number | null };

export type ChangeSummary = {
  indicators: IndicatorChange[];
  improved: number;
  declined: number;
  unchanged: number;
  /** Indicators with a level in both cycles. */
  compared: number;
};

/**
 * Change since the previous cycle, indicator by indicator, matched by key (keys
 * survive new versions and district copies). Indicators the previous cycle did
 * not have show no change rather than a made-up one.
 */
export function changeSincePrevious(current: readonly IndicatorResult[], previous: readonly IndicatorResult[]): ChangeSummary {
  const before = new Map(previous.map((result) => [result.indicatorKey, result.level]));
  const indicators = current.map((result) => {
    const earlier = before.get(result.indicatorKey) ?? null;
    return {
      indicatorKey: result.indicatorKey,
      before: earlier,
      now: result.level,
      change: earlier !== null && result.level !== null ? result.level - earlier : null,
    };
  });
  const changes = indicators.flatMap((indicator) => (indicator.change === null ? [] : [indicator.change]));
  return {
    indicators,
    improved: changes.filter((change) => change > 0).length,
    declined: changes.filter((change) => change < 0).length,
    unchanged: changes.filter((change) => change === 0).length,
    compared: changes.length,
  };
}

/** Whether an earlier cycle shares any rated indicator with this one, so its results can be compared. */
export function isComparable(current: readonly IndicatorResult[], previous: readonly IndicatorResult[]): boolean {
  const keys = new Set(current.map((result) => result.indicatorKey));
  return previous.some((result) => result.level !== null && keys.has(result.indicatorKey));
}

/** The difference of two dimension averages, or null when either is missing. */
export function averageChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

export type IndicatorReach = { indicatorId: string; strong: number; rated: number };

/**
 * Across the schools of a cycle, for each indicator: how many schools agreed
 * a level for it, and at how many that level is a strength. The district's
 * readiness in one sentence ("Developing or Established at 5 of 7 schools").
 */
export function indicatorReach(indicatorIds: readonly string[], schools: readonly { levels: Readonly<Record<string, Level | null>> }[]): IndicatorReach[] {
  return indicatorIds.map((indicatorId) => {
    const levels = schools.flatMap((school) => {
      const level = school.levels[indicatorId];
      return level === null || level === undefined ? [] : [level];
    });
    return { indicatorId, strong: levels.filter(isStrength).length, rated: levels.length };
  });
}
