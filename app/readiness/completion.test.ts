import { describe, expect, it } from "vitest";
import { completionOf, memberProgress } from "./completion";

const counts = { members: 3, started: 0, submitted: 0, indicators: 10, agreed: 0 };

describe("completionOf", () => {
  it("moves from not started through rating, submitted and consensus to complete", () => {
    expect(completionOf(counts).state).toBe("notStarted");
    expect(completionOf({ ...counts, started: 1 }).state).toBe("rating");
    expect(completionOf({ ...counts, started: 3, submitted: 2 }).state).toBe("rating");
    expect(completionOf({ ...counts, started: 3, submitted: 3 }).state).toBe("submitted");
    expect(completionOf({ ...counts, started: 3, submitted: 3, agreed: 4 }).state).toBe("consensus");
    expect(completionOf({ ...counts, started: 3, submitted: 3, agreed: 10 }).state).toBe("complete");
  });

  it("gives the share of indicators agreed", () => {
    expect(completionOf({ ...counts, agreed: 4 }).share).toBe(0.4);
    expect(completionOf({ ...counts, indicators: 0 }).share).toBe(0);
  });

  it("treats a team without members as not started until something is agreed", () => {
    expect(completionOf({ ...counts, members: 0 }).state).toBe("notStarted");
    expect(completionOf({ ...counts, members: 0, agreed: 10 }).state).toBe("complete");
  });

  it("never calls a framework without indicators complete", () => {
    expect(completionOf({ ...counts, indicators: 0 }).state).toBe("notStarted");
  });
});

describe("memberProgress", () => {
  it("counts the indicators with a level", () => {
    expect(memberProgress([1, null, 3], 4)).toEqual({ rated: 2, total: 4, done: false });
    expect(memberProgress([1, 2, 3, 4], 4)).toEqual({ rated: 4, total: 4, done: true });
    expect(memberProgress([], 0).done).toBe(false);
  });
});
