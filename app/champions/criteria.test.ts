import { describe, expect, it } from "vitest";
import { criterionLabel, defaultCriteria, isCriterionNameTaken } from "./criteria";

describe("default criteria", () => {
  it("are the toolkit's considerations, in order", () => {
    expect(defaultCriteria().map((criterion) => [criterion.key, criterion.name, criterion.position])).toEqual([
      ["credibility", "Credibility with their group", 0],
      ["passion", "Passion for the vision", 1],
      ["reach", "Reach into groups the district hears least from", 2],
      ["communication", "Ability to communicate", 3],
      ["availability", "Availability", 4],
    ]);
  });

  it("are shown in the reader's language until the district rewords them", () => {
    const [first] = defaultCriteria();
    if (!first) throw new Error("no default criteria");
    expect(criterionLabel(first, "es").name).toBe("Credibilidad ante su grupo");
    expect(criterionLabel({ ...first, name: "Trusted by peers" }, "es")).toEqual({ name: "Trusted by peers", description: first.description });
    expect(criterionLabel({ key: null, name: "Lives nearby", description: "" }, "es").name).toBe("Lives nearby");
  });
});

describe("isCriterionNameTaken", () => {
  const criteria = [
    { id: "1", key: "passion", name: "Passion for the vision" },
    { id: "2", key: null, name: "Lives nearby" },
  ];
  it("compares names in any case, and the translated default names", () => {
    expect(isCriterionNameTaken("lives NEARBY", criteria)).toBe(true);
    expect(isCriterionNameTaken("Pasión por la visión", criteria)).toBe(true);
    expect(isCriterionNameTaken("Lives nearby", criteria, "2")).toBe(false);
    expect(isCriterionNameTaken("Patience", criteria)).toBe(false);
  });
});
