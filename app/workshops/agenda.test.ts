import { describe, expect, it } from "vitest";
import {
  agendaOrderProblem,
  brainstormsBefore,
  canManageWorkshops,
  missingPrompts,
  moveInAgenda,
  rateSourceProblem,
  sourceActivityIdOf,
  type AgendaEntry,
} from "./agenda";

const agenda: AgendaEntry[] = [
  { id: "b1", type: "brainstorm", sourceActivityId: null },
  { id: "p1", type: "poll", sourceActivityId: null },
  { id: "r1", type: "rate", sourceActivityId: "b1" },
  { id: "b2", type: "brainstorm", sourceActivityId: null },
];

describe("canManageWorkshops", () => {
  it("lets leaders and facilitators manage, not school teams", () => {
    expect(canManageWorkshops("leader")).toBe(true);
    expect(canManageWorkshops("facilitator")).toBe(true);
    expect(canManageWorkshops("school")).toBe(false);
  });
});

describe("rateSourceProblem", () => {
  it("accepts a brainstorm earlier in the agenda", () => {
    expect(rateSourceProblem(agenda, 2, "b1")).toBeNull();
  });

  it("refuses a brainstorm at or after the rate activity", () => {
    expect(rateSourceProblem(agenda, 2, "b2")).toBe("sourceNotEarlier");
    expect(rateSourceProblem(agenda, 0, "b1")).toBe("sourceNotEarlier");
  });

  it("refuses an activity that is not a brainstorm, or not in the agenda", () => {
    expect(rateSourceProblem(agenda, 2, "p1")).toBe("sourceNotBrainstorm");
    expect(rateSourceProblem(agenda, 2, "elsewhere")).toBe("sourceMissing");
  });

  it("accepts a source for a new activity added at the end", () => {
    expect(rateSourceProblem(agenda, agenda.length, "b2")).toBeNull();
  });
});

describe("agendaOrderProblem", () => {
  it("finds nothing wrong with a rate after its brainstorm", () => {
    expect(agendaOrderProblem(agenda)).toBeNull();
  });

  it("finds a rate moved before its brainstorm", () => {
    const moved = moveInAgenda(moveInAgenda(agenda, "r1", "up")!, "r1", "up")!;
    expect(agendaOrderProblem(moved)).toEqual({ activityId: "r1", problem: "sourceNotEarlier" });
  });

  it("finds a rate without a source", () => {
    expect(agendaOrderProblem([{ id: "r", type: "rate", sourceActivityId: null }])).toEqual({ activityId: "r", problem: "sourceMissing" });
  });
});

describe("moveInAgenda", () => {
  it("swaps an activity with its neighbour", () => {
    expect(moveInAgenda(agenda, "p1", "down")?.map((entry) => entry.id)).toEqual(["b1", "r1", "p1", "b2"]);
    expect(moveInAgenda(agenda, "p1", "up")?.map((entry) => entry.id)).toEqual(["p1", "b1", "r1", "b2"]);
  });

  it("does not move past either end or an unknown id", () => {
    expect(moveInAgenda(agenda, "b1", "up")).toBeNull();
    expect(moveInAgenda(agenda, "b2", "down")).toBeNull();
    expect(moveInAgenda(agenda, "nope", "down")).toBeNull();
  });

  it("leaves the original agenda untouched", () => {
    moveInAgenda(agenda, "p1", "down");
    expect(agenda.map((entry) => entry.id)).toEqual(["b1", "p1", "r1", "b2"]);
  });
});

describe("brainstormsBefore and sourceActivityIdOf", () => {
  it("lists only the brainstorms before a position", () => {
    expect(brainstormsBefore(agenda, 3).map((entry) => entry.id)).toEqual(["b1"]);
    expect(brainstormsBefore(agenda, 4).map((entry) => entry.id)).toEqual(["b1", "b2"]);
    expect(brainstormsBefore(agenda, 0)).toEqual([]);
  });

  it("reads the source of a rate config only", () => {
    expect(sourceActivityIdOf("rate", { sourceActivityId: "b1" })).toBe("b1");
    expect(sourceActivityIdOf("poll", { sourceActivityId: "b1" })).toBeNull();
    expect(sourceActivityIdOf("rate", null)).toBeNull();
    expect(sourceActivityIdOf("rate", { sourceActivityId: 3 })).toBeNull();
  });
});

describe("missingPrompts", () => {
  it("names each activity, in agenda order, whose prompt lacks an offered language", () => {
    const activities = [
      { id: "b", position: 1, config: { prompt: { en: "Rate", es: "  " } } },
      { id: "a", position: 0, config: { prompt: { en: "Ideas?", es: "¿Ideas?" } } },
      { id: "c", position: 2, config: { prompt: { en: "Pick" } } },
      { id: "d", position: 3, config: null },
    ];
    expect(missingPrompts(activities, ["en", "es"])).toEqual([
      { number: 2, language: "es" },
      { number: 3, language: "es" },
      { number: 4, language: "en" },
      { number: 4, language: "es" },
    ]);
    expect(missingPrompts(activities.slice(0, 3), ["en"])).toEqual([]);
    expect(missingPrompts([], ["en", "es"])).toEqual([]);
  });
});
