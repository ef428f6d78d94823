import { describe, expect, test } from "vitest";
import { distinguishableNames } from "./names";

describe("distinguishableNames", () => {
  test("keeps a name alone when no one else in the list has it", () => {
    const labels = distinguishableNames([
      { id: "a", name: "Rosa Martínez", role: "Parent" },
      { id: "b", name: "Ken Ito", role: "Owner" },
    ]);
    expect([...labels]).toEqual([
      ["a", "Rosa Martínez"],
      ["b", "Ken Ito"],
    ]);
  });

  test("adds only the details in which namesakes differ, in any letter case or spacing of the name", () => {
    const labels = distinguishableNames([
      { id: "a", name: "Rosa Martínez", role: "Parent", affiliation: "Lincoln PTA", school: { name: "Lincoln Elementary" } },
      { id: "b", name: "rosa  martínez", role: "Parent", affiliation: "Lincoln PTA", school: { name: "Central High" } },
    ]);
    expect(labels.get("a")).toBe("Rosa Martínez (Lincoln Elementary)");
    expect(labels.get("b")).toBe("rosa  martínez (Central High)");
  });

  test("names role and affiliation together when both differ, and leaves out an empty one", () => {
    const labels = distinguishableNames([
      { id: "a", name: "Riverbend Rotary Club", role: "Service club", affiliation: "Rotary International" },
      { id: "b", name: "Riverbend Rotary Club", role: null, affiliation: "Riverbend Chamber" },
    ]);
    expect(labels.get("a")).toBe("Riverbend Rotary Club (Service club, Rotary International)");
    expect(labels.get("b")).toBe("Riverbend Rotary Club (Riverbend Chamber)");
  });

  test("numbers namesakes whom nothing else tells apart, so no two labels are the same", () => {
    const champions = [
      { id: "a", name: "Rosa Martínez", role: "Parent" },
      { id: "b", name: "Rosa Martínez", role: "Parent" },
      { id: "c", name: "Rosa Martínez", role: "Teacher" },
      { id: "d", name: "Sam Lee" },
      { id: "e", name: "Sam Lee" },
    ];
    const labels = distinguishableNames(champions);
    expect(Object.fromEntries(labels)).toEqual({
      a: "Rosa Martínez (Parent, #1)",
      b: "Rosa Martínez (Parent, #2)",
      c: "Rosa Martínez (Teacher)",
      d: "Sam Lee (#1)",
      e: "Sam Lee (#2)",
    });
    expect(new Set(labels.values()).size).toBe(champions.length);
  });
});
