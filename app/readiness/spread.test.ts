import { describe, expect, it } from "vitest";
import { ratingSpread, sortByDisagreement } from "./spread";

describe("ratingSpread", () => {
  it("counts each level and measures the range", () => {
    const spread = ratingSpread([2, 3, 3, 4]);
    expect(spread.counts).toEqual({ 1: 0, 2: 1, 3: 2, 4: 1 });
    expect(spread).toMatchObject({ count: 4, min: 2, max: 4, range: 2, mean: 3, agreement: "apart" });
    expect(spread.deviation).toBeCloseTo(Math.sqrt(0.5));
  });

  it("calls identical ratings agreement and neighbouring ones close", () => {
    expect(ratingSpread([3, 3, 3]).agreement).toBe("agree");
    expect(ratingSpread([3, 3, 3]).deviation).toBe(0);
    expect(ratingSpread([2, 3]).agreement).toBe("close");
    expect(ratingSpread([1, 4]).agreement).toBe("apart");
    expect(ratingSpread([4]).agreement).toBe("single");
  });

  it("has nothing to measure without ratings, and ignores values that are not levels", () => {
    expect(ratingSpread([])).toMatchObject({ count: 0, min: null, max: null, range: 0, mean: null, agreement: "none" });
    expect(ratingSpread([0, 5, 2.5, Number.NaN, 2])).toMatchObject({ count: 1, min: 2, max: 2, agreement: "single" });
  });
});

describe("sortByDisagreement", () => {
  const item = (id: string, levels: number[]) => ({ id, spread: ratingSpread(levels) });

  it("puts the widest range first, then the larger deviation, unrated last, and keeps order on ties", () => {
    const items = [
      item("agree", [3, 3]),
      item("unrated", []),
      item("split-even", [1, 1, 4, 4]),
      item("close", [2, 3]),
      item("one-outlier", [1, 4, 4, 4]),
      item("agree-too", [2, 2]),
    ];
    expect(sortByDisagreement(items).map((i) => i.id)).toEqual(["split-even", "one-outlier", "close", "agree", "agree-too", "unrated"]);
  });

  it("does not change the list it is given", () => {
    const items = [item("a", [1]), item("b", [1, 4])];
    sortByDisagreement(items);
    expect(items.map((i) => i.id)).toEqual(["a", "b"]);
  });
});
