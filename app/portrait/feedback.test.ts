import { describe, expect, test } from "vitest";
import { feedbackFormSchema, summarizeFeedback } from "./feedback";

const firstMessage = (input: Record<string, unknown>) => {
  const parsed = feedbackFormSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("feedbackFormSchema", () => {
  test("a rating from 1 to 5 and an optional comment", () => {
    expect(feedbackFormSchema.parse({ competencyId: "c1", rating: "4", comment: "  Yes!  " })).toEqual({ competencyId: "c1", rating: 4, comment: "Yes!" });
    expect(feedbackFormSchema.parse({ competencyId: "c1", rating: "1" })).toEqual({ competencyId: "c1", rating: 1, comment: "" });
  });

  test("refuses ratings outside 1–5, missing ratings, long comments and odd competency ids", () => {
    expect(firstMessage({ competencyId: "c1", rating: "0" })).toBe("ratingRange");
    expect(firstMessage({ competencyId: "c1", rating: "6" })).toBe("ratingRange");
    expect(firstMessage({ competencyId: "c1", rating: "2.5" })).toBe("ratingRange");
    expect(firstMessage({ competencyId: "c1", rating: "" })).toBe("ratingRequired");
    expect(firstMessage({ competencyId: "c1" })).toBe("ratingRequired");
    expect(firstMessage({ competencyId: "c1", rating: "five" })).toBe("ratingRequired");
    expect(firstMessage({ competencyId: "c1", rating: "3", comment: "x".repeat(1001) })).toBe("commentTooLong");
    expect(firstMessage({ competencyId: "../c1", rating: "3" })).toBe("unknownCompetency");
  });
});

describe("summarizeFeedback", () => {
  test("count, average, distribution and comments newest first, per competency", () => {
    const summary = summarizeFeedback([
      { competencyId: "c1", rating: 5, comment: "Love it", createdAt: "2026-01-01T10:00:00Z" },
      { competencyId: "c1", rating: 2, comment: "  ", createdAt: "2026-01-02T10:00:00Z" },
      { competencyId: "c1", rating: 4, comment: "Add money skills", createdAt: new Date("2026-01-03T10:00:00Z") },
      { competencyId: "c2", rating: 3, comment: "", createdAt: "2026-01-01T10:00:00Z" },
      { competencyId: "c2", rating: 9, comment: "ignored", createdAt: "2026-01-01T10:00:00Z" },
    ]);
    expect(summary.get("c1")).toEqual({
      count: 3,
      average: 11 / 3,
      distribution: [
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 1 },
      ],
      comments: [
        { rating: 4, comment: "Add money skills", createdAt: "2026-01-03T10:00:00.000Z" },
        { rating: 5, comment: "Love it", createdAt: "2026-01-01T10:00:00.000Z" },
      ],
    });
    expect(summary.get("c2")?.count).toBe(1);
    expect(summary.get("c2")?.comments).toEqual([]);
    expect(summary.has("c3")).toBe(false);
  });
});
