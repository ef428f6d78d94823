import { describe, expect, test } from "vitest";
import { cycleProgress, cycleToShow, largestShortfall, SHORTFALL_POINTS } from "./process-overview";

const group = (groupId: string, actualShare: number, targetShare: number) => ({ groupId, count: 0, actualShare, targetShare, gap: targetShare - actualShare });

describe("largestShortfall", () => {
  test("names the group furthest below its target", () => {
    expect(largestShortfall([group("families", 19, 25), group("students", 5, 20), group("staff", 40, 20)])?.groupId).toBe("students");
  });

  test("ignores shortfalls smaller than the threshold and groups without a target", () => {
    expect(largestShortfall([group("families", 25 - SHORTFALL_POINTS + 1, 25), group("other", 0, 0)])).toBeNull();
    expect(largestShortfall([group("families", 25 - SHORTFALL_POINTS, 25)])?.groupId).toBe("families");
  });

  test("an empty room has no shortfall to report", () => {
    expect(largestShortfall([])).toBeNull();
  });
});

describe("cycleProgress", () => {
  test("counts complete and not-started school teams", () => {
    expect(cycleProgress(["complete", "rating", "notStarted", "complete", "consensus"])).toEqual({ schools: 5, complete: 2, notStarted: 1 });
  });
});

describe("cycleToShow", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  test("prefers the open cycle due soonest", () => {
    const cycles = [
      { id: "spring", status: "closed" as const, dueDate: day("2026-05-01") },
      { id: "fall", status: "open" as const, dueDate: day("2026-12-15") },
      { id: "pilot", status: "open" as const, dueDate: day("2026-12-01") },
    ];
    expect(cycleToShow(cycles)?.id).toBe("pilot");
  });

  test("falls back to the most recent closed cycle, or none", () => {
    expect(cycleToShow([{ id: "a", status: "closed" as const, dueDate: day("2025-05-01") }, { id: "b", status: "closed" as const, dueDate: day("2026-05-01") }])?.id).toBe("b");
    expect(cycleToShow([])).toBeNull();
  });
});
