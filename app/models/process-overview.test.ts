import { describe, expect, test } from "vitest";
import { cycleProgress, cycleToShow, dashboardLinks, largestShortfall, SHORTFALL_POINTS } from "./process-overview";

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

describe("dashboardLinks", () => {
  const targets = { nextWorkshopId: "w1", lastWorkshopId: "w0", competencyWithoutEvidenceId: "c 1", cycleId: "cy" };

  test("gives a school team member no link to the nominations, a new cycle or the settings", () => {
    const links = dashboardLinks("school", targets);
    expect(links).toMatchObject({ nominations: null, newCycle: null, schools: null, staff: null, groups: null });
    expect(links.championCoverage).toBe("/champions/coverage");
    expect(links.cycle).toBe("/readiness/cycles/cy");
  });

  test("gives a facilitator the nominations but not the leader's pages", () => {
    expect(dashboardLinks("facilitator", targets)).toMatchObject({ nominations: "/champions/nominations", newCycle: null, staff: null });
  });

  test("gives a leader every page, and leaves out links to what does not exist", () => {
    const links = dashboardLinks("leader", { nextWorkshopId: null, lastWorkshopId: null, competencyWithoutEvidenceId: "c 1", cycleId: null });
    expect(links).toMatchObject({ nominations: "/champions/nominations", newCycle: "/readiness/cycles/new", staff: "/settings/staff", nextWorkshop: null, workshopResults: null, cycle: null });
    expect(links.findEvidence).toBe("/portrait/evidence?competency=c%201");
  });
});
