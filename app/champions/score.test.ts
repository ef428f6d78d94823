import { describe, expect, it } from "vitest";
import { criteriaScore } from "./score";

describe("criteriaScore", () => {
  it("counts the criteria met out of the district's criteria", () => {
    expect(criteriaScore(["a", "b", "c", "d"], ["a", "c"])).toEqual({ met: 2, total: 4, share: 0.5 });
    expect(criteriaScore(["a", "b"], [])).toEqual({ met: 0, total: 2, share: 0 });
    expect(criteriaScore(["a", "b"], ["a", "b"])).toEqual({ met: 2, total: 2, share: 1 });
  });

  it("ignores checks of removed criteria and repeated checks", () => {
    expect(criteriaScore(["a", "b"], ["a", "a", "gone"])).toEqual({ met: 1, total: 2, share: 0.5 });
  });

  it("has no share without criteria", () => {
    expect(criteriaScore([], ["a"])).toEqual({ met: 0, total: 0, share: null });
  });
});
