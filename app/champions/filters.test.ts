import { describe, expect, it } from "vitest";
import { allTags, filterChampions, filterFromSearchParams, isFiltered, NO_FILTER, type FilterableChampion } from "./filters";

function champion(name: string, overrides: Partial<FilterableChampion> = {}): FilterableChampion {
  return { name, role: null, affiliation: null, reach: null, tags: [], stakeholderGroupId: null, schoolId: null, languages: [], stage: "identified", ...overrides };
}

const people = [
  champion("Ana Pérez", { role: "PTA president", schoolId: "lin", stakeholderGroupId: "fam", languages: ["en", "es"], tags: ["Parent leader"], stage: "committed" }),
  champion("Grace Church", { affiliation: "Grace Community Church", reach: "Sunday families", tags: ["faith"], languages: ["en"] }),
  champion("Tom Alvarez", { schoolId: "map", stakeholderGroupId: "tea", stage: "active" }),
];

describe("filterFromSearchParams", () => {
  it("reads known filters and ignores the rest", () => {
    expect(filterFromSearchParams(new URLSearchParams("q=%20ana%20&stage=active&school=&group=fam"))).toEqual({ ...NO_FILTER, q: "ana", stage: "active", group: "fam" });
    expect(filterFromSearchParams(new URLSearchParams("stage=famous")).stage).toBeNull();
    expect(isFiltered(filterFromSearchParams(new URLSearchParams("")))).toBe(false);
  });
});

describe("filterChampions", () => {
  it("searches names, roles, affiliations, reach and tags, ignoring case and accents", () => {
    expect(filterChampions(people, { ...NO_FILTER, q: "perez pta" }).map((p) => p.name)).toEqual(["Ana Pérez"]);
    expect(filterChampions(people, { ...NO_FILTER, q: "SUNDAY" }).map((p) => p.name)).toEqual(["Grace Church"]);
    expect(filterChampions(people, { ...NO_FILTER, q: "parent" }).map((p) => p.name)).toEqual(["Ana Pérez"]);
  });

  it("filters by group, school, language, stage and tag together", () => {
    expect(filterChampions(people, { ...NO_FILTER, language: "en" }).map((p) => p.name)).toEqual(["Ana Pérez", "Grace Church"]);
    expect(filterChampions(people, { ...NO_FILTER, language: "en", stage: "committed" }).map((p) => p.name)).toEqual(["Ana Pérez"]);
    expect(filterChampions(people, { ...NO_FILTER, school: "map", group: "tea" }).map((p) => p.name)).toEqual(["Tom Alvarez"]);
    expect(filterChampions(people, { ...NO_FILTER, tag: "FAITH" }).map((p) => p.name)).toEqual(["Grace Church"]);
    expect(filterChampions(people, { ...NO_FILTER, group: "fam", school: "map" })).toEqual([]);
  });
});

describe("allTags", () => {
  it("lists each tag once, alphabetically", () => {
    expect(allTags([{ tags: ["radio", "Faith"] }, { tags: ["faith", "art"] }])).toEqual(["art", "Faith", "radio"]);
  });
});
