import { describe, expect, it } from "vitest";
import { parseReadinessRef, readinessChoices, readinessRef, readinessSource } from "./readiness-proof";

const cycle = { id: "cyc1", name: "Spring 2026", frameworkName: "Personalized Learning Readiness" };
const indicators = [
  { id: "i1", title: "Learner profiles", dimensionName: "Foundations" },
  { id: "i2", title: "Flexible pacing", dimensionName: "Pathways" },
  { id: "i3", title: "Student agency", dimensionName: "Pathways" },
  { id: "i4", title: "Family partnership", dimensionName: "Community" },
];

describe("readiness proof choices", () => {
  it("offers rated indicators, the most widely held strengths first, and leaves out indicators nobody rated", () => {
    const choices = readinessChoices(cycle, indicators, [
      { indicatorId: "i1", strong: 2, rated: 4 },
      { indicatorId: "i2", strong: 3, rated: 3 },
      { indicatorId: "i3", strong: 0, rated: 0 },
      { indicatorId: "i4", strong: 4, rated: 8 },
    ]);
    expect(choices.map((choice) => [choice.indicatorTitle, choice.strong, choice.rated])).toEqual([
      ["Flexible pacing", 3, 3],
      ["Family partnership", 4, 8],
      ["Learner profiles", 2, 4],
    ]);
    expect(choices[0]).toEqual({
      refId: "cyc1:i2",
      cycleName: "Spring 2026",
      frameworkName: "Personalized Learning Readiness",
      indicatorTitle: "Flexible pacing",
      dimensionName: "Pathways",
      strong: 3,
      rated: 3,
    });
  });

  it("names a choice by cycle and indicator, and reads back only that shape", () => {
    expect(parseReadinessRef(readinessRef("cmabc123", "cmdef456"))).toEqual({ cycleId: "cmabc123", indicatorId: "cmdef456" });
    for (const bad of ["", "cyc1", "cyc1:", ":i1", "a:b:c", "cyc1:i1 OR 1=1", `${"x".repeat(41)}:i1`]) expect(parseReadinessRef(bad)).toBeNull();
  });

  it("records the cycle and framework as the source", () => {
    expect(readinessSource(cycle)).toBe("Spring 2026 — Personalized Learning Readiness");
  });
});
