import { describe, expect, test } from "vitest";
import { evidenceBreakdown, hasCommunityEvidence, linkEvidenceSchema, meetsMinRating, parseEvidenceFilters, pooledMean } from "./evidence";

const ID_A = "ckworkshop0000000000001";
const ID_G = "ckgroup00000000000000001";

describe("parseEvidenceFilters", () => {
  test("no filters is the default search", () => {
    expect(parseEvidenceFilters(new URLSearchParams())).toEqual({ filters: { q: "", kind: "all" }, errors: {} });
    expect(parseEvidenceFilters(new URLSearchParams("q=&workshop=&group=&minRating=&kind="))).toEqual({ filters: { q: "", kind: "all" }, errors: {} });
  });

  test("reads every filter", () => {
    const { filters, errors } = parseEvidenceFilters(new URLSearchParams(`q=+money+&workshop=${ID_A}&group=${ID_G}&minRating=3.5&kind=themes&competency=c-1`));
    expect(errors).toEqual({});
    expect(filters).toEqual({ q: "money", workshop: ID_A, group: ID_G, minRating: 3.5, kind: "themes", competency: "c-1" });
  });

  test("a bad value is named and dropped, the good ones are kept", () => {
    expect(parseEvidenceFilters(new URLSearchParams("q=ok&minRating=6"))).toEqual({ filters: { q: "ok", kind: "all" }, errors: { minRating: "minRatingInvalid" } });
    expect(parseEvidenceFilters(new URLSearchParams("minRating=0")).errors).toEqual({ minRating: "minRatingInvalid" });
    expect(parseEvidenceFilters(new URLSearchParams("minRating=lots")).errors).toEqual({ minRating: "minRatingInvalid" });
    expect(parseEvidenceFilters(new URLSearchParams("workshop=../x&group=DROP%20TABLE&kind=people")).errors).toEqual({
      workshop: "unknownWorkshop",
      group: "unknownGroup",
      kind: "kindInvalid",
    });
    expect(parseEvidenceFilters(new URLSearchParams(`q=${"x".repeat(201)}`)).errors).toEqual({ q: "queryTooLong" });
    expect(parseEvidenceFilters(new URLSearchParams("competency=<script>")).errors).toEqual({ competency: "unknownCompetency" });
  });
});

describe("linkEvidenceSchema", () => {
  const base = { intent: "link", competencyId: "c1" };
  test("needs exactly one idea or theme", () => {
    expect(linkEvidenceSchema.safeParse({ ...base, ideaId: "ckidea000000000000000001" }).success).toBe(true);
    expect(linkEvidenceSchema.safeParse({ ...base, themeId: "cktheme00000000000000001", ideaId: "" }).success).toBe(true);
    const neither = linkEvidenceSchema.safeParse(base);
    expect(neither.success ? null : neither.error.issues[0]?.message).toBe("sourceRequired");
    const both = linkEvidenceSchema.safeParse({ ...base, ideaId: "ckidea000000000000000001", themeId: "cktheme00000000000000001" });
    expect(both.success ? null : both.error.issues[0]?.message).toBe("sourceRequired");
    const malformed = linkEvidenceSchema.safeParse({ ...base, ideaId: "1 OR 1=1" });
    expect(malformed.success ? null : malformed.error.issues[0]?.message).toBe("notFound");
  });

  test("notes are trimmed and limited", () => {
    const parsed = linkEvidenceSchema.parse({ ...base, ideaId: "ckidea000000000000000001", note: "  why  " });
    expect(parsed.note).toBe("why");
    const long = linkEvidenceSchema.safeParse({ ...base, ideaId: "ckidea000000000000000001", note: "x".repeat(501) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("noteTooLong");
  });
});

describe("evidenceBreakdown", () => {
  test("an idea counts for its author's group; a theme counts the groups of its ideas", () => {
    const breakdown = evidenceBreakdown([
      { kind: "idea", ideaId: "i1", groupId: "families" },
      {
        kind: "theme",
        themeId: "t1",
        ideas: [
          { ideaId: "i2", groupId: "students" },
          { ideaId: "i3", groupId: "families" },
          { ideaId: "i4", groupId: "teachers" },
        ],
      },
    ]);
    expect(breakdown).toEqual({
      ideaCount: 4,
      byGroup: [
        { groupId: "families", count: 2, share: 0.5 },
        { groupId: "students", count: 1, share: 0.25 },
        { groupId: "teachers", count: 1, share: 0.25 },
      ],
    });
  });

  test("an idea cited directly and through a theme counts once", () => {
    const breakdown = evidenceBreakdown([
      { kind: "theme", themeId: "t1", ideas: [{ ideaId: "i1", groupId: "families" }] },
      { kind: "idea", ideaId: "i1", groupId: "families" },
      { kind: "theme", themeId: "t2", ideas: [{ ideaId: "i1", groupId: "families" }] },
    ]);
    expect(breakdown).toEqual({ ideaCount: 1, byGroup: [{ groupId: "families", count: 1, share: 1 }] });
  });

  test("no evidence, or only empty themes, is no community evidence", () => {
    expect(hasCommunityEvidence(evidenceBreakdown([]))).toBe(false);
    expect(hasCommunityEvidence(evidenceBreakdown([{ kind: "theme", themeId: "t", ideas: [] }]))).toBe(false);
    expect(hasCommunityEvidence(evidenceBreakdown([{ kind: "idea", ideaId: "i", groupId: "g" }]))).toBe(true);
  });
});

describe("ratings", () => {
  test("a theme's mean weighs every rating of its ideas the same", () => {
    expect(pooledMean([{ count: 1, sum: 5 }, { count: 3, sum: 6 }])).toBe(2.75);
    expect(pooledMean([])).toBeNull();
  });

  test("the minimum rating filter", () => {
    expect(meetsMinRating(null, undefined)).toBe(true);
    expect(meetsMinRating(null, 1)).toBe(false);
    expect(meetsMinRating(3.5, 3.5)).toBe(true);
    expect(meetsMinRating(3.49, 3.5)).toBe(false);
  });
});
