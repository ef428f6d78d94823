import { describe, expect, it } from "vitest";
import type { Level } from "./levels";
import { averageChange, changeSincePrevious, dimensionAverages, indicatorReach, isComparable, isStrength, overallAverage, strengthsAndGrowthAreas, type IndicatorResult } from "./results";

function result(indicatorKey: string, dimensionKey: string, order: number, level: Level | null): IndicatorResult {
  return { indicatorKey, dimensionKey, order, level };
}

const school = [
  result("relationships", "foundations", 0, 4),
  result("culture", "foundations", 1, 3),
  result("mindset", "foundations", 2, 2),
  result("metacognition", "foundations", 3, null),
  result("profile-data", "paths", 4, 1),
  result("goals", "paths", 5, 2),
  result("space", "resources", 6, 4),
  result("tech", "resources", 7, 3),
];

describe("strengthsAndGrowthAreas", () => {
  it("takes the highest levels as strengths and the lowest as growth areas, framework order on ties", () => {
    const { strengths, growthAreas } = strengthsAndGrowthAreas(school);
    expect(strengths.map((r) => r.indicatorKey)).toEqual(["relationships", "space", "culture"]);
    expect(growthAreas.map((r) => r.indicatorKey)).toEqual(["profile-data", "mindset", "goals"]);
  });

  it("never calls a Not yet a strength or an Established a growth area", () => {
    const allEstablished = [result("a", "d", 0, 4), result("b", "d", 1, 4)];
    expect(strengthsAndGrowthAreas(allEstablished).growthAreas).toEqual([]);
    const allNotYet = [result("a", "d", 0, 1), result("b", "d", 1, 2)];
    expect(strengthsAndGrowthAreas(allNotYet).strengths).toEqual([]);
    expect(strengthsAndGrowthAreas(allNotYet).growthAreas.map((r) => r.indicatorKey)).toEqual(["a", "b"]);
  });

  it("honours the limit and ignores indicators without consensus", () => {
    const { strengths, growthAreas } = strengthsAndGrowthAreas(school, 1);
    expect(strengths.map((r) => r.indicatorKey)).toEqual(["relationships"]);
    expect(growthAreas.map((r) => r.indicatorKey)).toEqual(["profile-data"]);
    expect(strengthsAndGrowthAreas([result("x", "d", 0, null)])).toEqual({ strengths: [], growthAreas: [] });
  });
});

describe("dimensionAverages", () => {
  it("averages the rated indicators of each dimension, in the order given", () => {
    expect(dimensionAverages(["paths", "foundations", "empty"], school)).toEqual([
      { dimensionKey: "paths", average: 1.5, rated: 2, total: 2 },
      { dimensionKey: "foundations", average: 3, rated: 3, total: 4 },
      { dimensionKey: "empty", average: null, rated: 0, total: 0 },
    ]);
  });

  it("gives the overall average of the agreed levels", () => {
    expect(overallAverage(school)).toBeCloseTo(19 / 7);
    expect(overallAverage([result("a", "d", 0, null)])).toBeNull();
  });
});

describe("changeSincePrevious", () => {
  const previous = [
    result("relationships", "foundations", 0, 3),
    result("culture", "foundations", 1, 3),
    result("mindset", "foundations", 2, 3),
    result("profile-data", "paths", 3, null),
    result("retired-since", "paths", 4, 2),
  ];

  it("matches indicators by key and counts what improved, declined and stayed", () => {
    const summary = changeSincePrevious(school, previous);
    expect(summary.indicators.slice(0, 5)).toEqual([
      { indicatorKey: "relationships", before: 3, now: 4, change: 1 },
      { indicatorKey: "culture", before: 3, now: 3, change: 0 },
      { indicatorKey: "mindset", before: 3, now: 2, change: -1 },
      { indicatorKey: "metacognition", before: null, now: null, change: null },
      { indicatorKey: "profile-data", before: null, now: 1, change: null },
    ]);
    expect(summary).toMatchObject({ improved: 1, declined: 1, unchanged: 1, compared: 3 });
  });

  it("reports no change at all without a previous cycle", () => {
    const summary = changeSincePrevious(school, []);
    expect(summary.compared).toBe(0);
    expect(summary.indicators.every((i) => i.change === null)).toBe(true);
  });

  it("knows when an earlier cycle can be compared", () => {
    expect(isComparable(school, previous)).toBe(true);
    expect(isComparable(school, [result("other-framework", "x", 0, 3)])).toBe(false);
    expect(isComparable(school, [result("relationships", "x", 0, null)])).toBe(false);
  });

  it("subtracts dimension averages only when both exist", () => {
    expect(averageChange(3.5, 3)).toBe(0.5);
    expect(averageChange(null, 3)).toBeNull();
    expect(averageChange(2, null)).toBeNull();
  });
});

describe("indicatorReach", () => {
  it("counts, per indicator, the schools that agreed a level and those where it is a strength", () => {
    const schools: { levels: Record<string, Level | null> }[] = [{ levels: { a: 4, b: 2, c: null } }, { levels: { a: 3, b: 3 } }, { levels: { a: 1, b: null, c: null } }];
    expect(indicatorReach(["a", "b", "c"], schools)).toEqual([
      { indicatorId: "a", strong: 2, rated: 3 },
      { indicatorId: "b", strong: 1, rated: 2 },
      { indicatorId: "c", strong: 0, rated: 0 },
    ]);
  });

  it("draws the line between growth area and strength between Emerging and Developing", () => {
    expect(([1, 2, 3, 4] as Level[]).map(isStrength)).toEqual([false, false, true, true]);
  });
});
