import { describe, expect, test } from "vitest";
import { citationsOfIdeas } from "./my-ideas";

const competencies = [
  { id: "c1", title: "Collaborator" },
  { id: "c2", title: "Critical thinker" },
  { id: "c3", title: "Well-being" },
];

describe("citationsOfIdeas", () => {
  test("direct, through a theme and through a merged duplicate, in the Portrait's order", () => {
    const citations = citationsOfIdeas(
      [
        { id: "i1", themeId: "t1", mergedIntoId: null },
        { id: "i2", themeId: null, mergedIntoId: "i9" },
        { id: "i3", themeId: null, mergedIntoId: null },
      ],
      [
        { competencyId: "c3", ideaId: "i1", themeId: null },
        { competencyId: "c1", ideaId: null, themeId: "t1" },
        { competencyId: "c2", ideaId: "i9", themeId: null },
        { competencyId: "c2", ideaId: "i8", themeId: null },
      ],
      competencies,
    );
    expect(citations.get("i1")).toEqual([
      { competencyId: "c1", title: "Collaborator", via: "theme" },
      { competencyId: "c3", title: "Well-being", via: "idea" },
    ]);
    expect(citations.get("i2")).toEqual([{ competencyId: "c2", title: "Critical thinker", via: "merged" }]);
    expect(citations.get("i3")).toEqual([]);
  });

  test("a competency cited twice for one idea is told once, directly", () => {
    const citations = citationsOfIdeas(
      [{ id: "i1", themeId: "t1", mergedIntoId: null }],
      [
        { competencyId: "c1", ideaId: null, themeId: "t1" },
        { competencyId: "c1", ideaId: "i1", themeId: null },
      ],
      competencies,
    );
    expect(citations.get("i1")).toEqual([{ competencyId: "c1", title: "Collaborator", via: "idea" }]);
  });

  test("competencies not in the Portrait shown are not told", () => {
    const citations = citationsOfIdeas([{ id: "i1", themeId: null, mergedIntoId: null }], [{ competencyId: "gone", ideaId: "i1", themeId: null }], competencies);
    expect(citations.get("i1")).toEqual([]);
  });
});
