import { describe, expect, it } from "vitest";
import { dateFromField, nextStage, pipelineColumns, stageMoveProblem, stagesToMoveTo } from "./pipeline";

const NOW = new Date("2026-11-20T12:00:00Z");

describe("stages", () => {
  it("step forward one at a time, and stepping back ends the line", () => {
    expect(nextStage("identified")).toBe("invited");
    expect(nextStage("invited")).toBe("committed");
    expect(nextStage("committed")).toBe("active");
    expect(nextStage("active")).toBeNull();
    expect(nextStage("stepped_back")).toBeNull();
  });

  it("can move to any other stage", () => {
    expect(stagesToMoveTo("invited")).toEqual(["identified", "committed", "active", "stepped_back"]);
  });
});

describe("stageMoveProblem", () => {
  it("accepts a dated move to another stage", () => {
    expect(stageMoveProblem({ from: "identified", to: "invited", at: new Date("2026-11-19T12:00:00Z") }, new Date("2026-11-01T12:00:00Z"), NOW)).toBeNull();
  });

  it("refuses staying put, a future date and a date before the last move", () => {
    expect(stageMoveProblem({ from: "invited", to: "invited", at: NOW }, null, NOW)).toBe("sameStage");
    expect(stageMoveProblem({ from: "invited", to: "committed", at: new Date("2026-11-25T12:00:00Z") }, null, NOW)).toBe("dateInFuture");
    expect(stageMoveProblem({ from: "invited", to: "committed", at: new Date("2026-10-31T12:00:00Z") }, new Date("2026-11-01T09:00:00Z"), NOW)).toBe(
      "dateBeforeLastMove",
    );
    // The same day as the last move is fine.
    expect(stageMoveProblem({ from: "invited", to: "committed", at: new Date("2026-11-01T12:00:00Z") }, new Date("2026-11-01T18:00:00Z"), NOW)).toBeNull();
  });
});

describe("dateFromField", () => {
  it("reads real calendar dates only", () => {
    expect(dateFromField("2026-02-28")?.toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(dateFromField("2026-02-30")).toBeNull();
    expect(dateFromField("28/02/2026")).toBeNull();
    expect(dateFromField("")).toBeNull();
  });
});

describe("pipelineColumns", () => {
  it("puts everyone in their stage's column, longest waiting first", () => {
    const columns = pipelineColumns([
      { name: "B", stage: "invited", stageChangedAt: "2026-11-10T00:00:00Z" },
      { name: "A", stage: "invited", stageChangedAt: "2026-11-01T00:00:00Z" },
      { name: "C", stage: "active", stageChangedAt: "2026-10-01T00:00:00Z" },
    ]);
    expect(columns.map((column) => [column.stage, column.people.map((p) => p.name)])).toEqual([
      ["identified", []],
      ["invited", ["A", "B"]],
      ["committed", []],
      ["active", ["C"]],
      ["stepped_back", []],
    ]);
  });
});
