import { describe, expect, it } from "vitest";
import { championCoverage, type CoverageChampion } from "./coverage";

const groups = [
  { id: "fam", key: "families" },
  { id: "stu", key: "students" },
  { id: "oth", key: "other" },
];
const schools = [{ id: "lin" }, { id: "map" }, { id: "har" }];
const languages = ["en", "es"];

function champion(id: string, overrides: Partial<CoverageChampion>): CoverageChampion {
  return { id, stage: "committed", stakeholderGroupId: null, schoolId: null, languages: [], ...overrides };
}

describe("championCoverage", () => {
  it("lists every gap of an empty directory, groups first, never the catch-all group", () => {
    const { gaps } = championCoverage({ groups, schools, languages, champions: [] });
    expect(gaps).toEqual([
      { kind: "group", groupId: "fam" },
      { kind: "group", groupId: "stu" },
      { kind: "language", language: "en" },
      { kind: "language", language: "es" },
      { kind: "school", schoolId: "lin" },
      { kind: "school", schoolId: "map" },
      { kind: "school", schoolId: "har" },
    ]);
  });

  it("counts only committed and active champions", () => {
    const champions = [
      champion("a", { stage: "identified", stakeholderGroupId: "fam", schoolId: "lin", languages: ["es"] }),
      champion("b", { stage: "invited", stakeholderGroupId: "fam" }),
      champion("c", { stage: "stepped_back", stakeholderGroupId: "fam" }),
    ];
    const coverage = championCoverage({ groups, schools, languages, champions });
    expect(coverage.byGroup.find((row) => row.groupId === "fam")?.championIds).toEqual([]);
    expect(coverage.gaps).toContainEqual({ kind: "group", groupId: "fam" });
  });

  it("names the language missing at a school that has champions", () => {
    const champions = [
      champion("a", { stakeholderGroupId: "fam", schoolId: "lin", languages: ["en"] }),
      champion("b", { stage: "active", stakeholderGroupId: "stu", schoolId: "map", languages: ["en", "es"] }),
    ];
    const coverage = championCoverage({ groups, schools, languages, champions });
    expect(coverage.gaps).toEqual([
      { kind: "school", schoolId: "har" },
      { kind: "schoolLanguage", schoolId: "lin", language: "es" },
    ]);
    expect(coverage.bySchoolLanguage).toContainEqual({ schoolId: "map", language: "es", championIds: ["b"] });
    expect(coverage.byLanguage).toEqual([
      { language: "en", championIds: ["a", "b"] },
      { language: "es", championIds: ["b"] },
    ]);
  });

  it("closes a gap when a champion who fits commits", () => {
    const before = [champion("a", { schoolId: "lin", languages: ["en"], stakeholderGroupId: "fam" }), champion("b", { stage: "invited", schoolId: "lin", languages: ["es"] })];
    const gapBefore = championCoverage({ groups, schools, languages, champions: before }).gaps;
    expect(gapBefore).toContainEqual({ kind: "schoolLanguage", schoolId: "lin", language: "es" });
    const after = before.map((c) => (c.id === "b" ? { ...c, stage: "committed" as const } : c));
    expect(championCoverage({ groups, schools, languages, champions: after }).gaps).not.toContainEqual({
      kind: "schoolLanguage",
      schoolId: "lin",
      language: "es",
    });
  });

  it("has no gaps when everything is covered", () => {
    const champions = [
      champion("a", { stakeholderGroupId: "fam", schoolId: "lin", languages: ["en", "es"] }),
      champion("b", { stakeholderGroupId: "stu", schoolId: "map", languages: ["en", "es"] }),
      champion("c", { schoolId: "har", languages: ["es", "en"] }),
    ];
    expect(championCoverage({ groups, schools, languages, champions }).gaps).toEqual([]);
  });
});
