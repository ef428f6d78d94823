import { describe, expect, test } from "vitest";
import { acceptsFeedback, availableReviewCommands, needsConfirmation, reviewCommandSchema, reviewTransition } from "./status";

describe("Portrait review status", () => {
  test("publishing puts any Portrait in review with feedback open", () => {
    for (const status of ["draft", "in_review", "adopted"] as const) {
      expect(reviewTransition({ status, feedbackOpen: status === "draft" ? null : false }, "publish")).toEqual({ ok: true, status: "in_review", feedbackOpen: true });
    }
  });

  test("only a Portrait in review can be adopted, and adopting closes feedback", () => {
    expect(reviewTransition({ status: "in_review", feedbackOpen: true }, "adopt")).toEqual({ ok: true, status: "adopted", feedbackOpen: false });
    expect(reviewTransition({ status: "draft", feedbackOpen: null }, "adopt")).toEqual({ ok: false, error: "notInReview" });
    expect(reviewTransition({ status: "adopted", feedbackOpen: false }, "adopt")).toEqual({ ok: false, error: "notInReview" });
  });

  test("feedback closes and reopens only in review, and only when it would change", () => {
    expect(reviewTransition({ status: "in_review", feedbackOpen: true }, "closeFeedback")).toEqual({ ok: true, status: "in_review", feedbackOpen: false });
    expect(reviewTransition({ status: "in_review", feedbackOpen: false }, "closeFeedback")).toEqual({ ok: false, error: "feedbackAlreadyClosed" });
    expect(reviewTransition({ status: "in_review", feedbackOpen: false }, "reopenFeedback")).toEqual({ ok: true, status: "in_review", feedbackOpen: true });
    expect(reviewTransition({ status: "in_review", feedbackOpen: true }, "reopenFeedback")).toEqual({ ok: false, error: "feedbackAlreadyOpen" });
    expect(reviewTransition({ status: "in_review", feedbackOpen: null }, "closeFeedback")).toEqual({ ok: false, error: "nothingPublished" });
    expect(reviewTransition({ status: "draft", feedbackOpen: null }, "closeFeedback")).toEqual({ ok: false, error: "notInReview" });
    expect(reviewTransition({ status: "adopted", feedbackOpen: false }, "reopenFeedback")).toEqual({ ok: false, error: "notInReview" });
  });

  test("the offered commands are exactly those allowed", () => {
    expect(availableReviewCommands({ status: "draft", feedbackOpen: null })).toEqual(["publish"]);
    expect(availableReviewCommands({ status: "in_review", feedbackOpen: true })).toEqual(["publish", "adopt", "closeFeedback"]);
    expect(availableReviewCommands({ status: "in_review", feedbackOpen: false })).toEqual(["publish", "adopt", "reopenFeedback"]);
    expect(availableReviewCommands({ status: "adopted", feedbackOpen: false })).toEqual(["publish"]);
  });

  test("feedback is taken only on an open review publication", () => {
    expect(acceptsFeedback({ status: "in_review", feedbackOpen: true, stage: "review" })).toBe(true);
    expect(acceptsFeedback({ status: "in_review", feedbackOpen: false, stage: "review" })).toBe(false);
    expect(acceptsFeedback({ status: "adopted", feedbackOpen: true, stage: "adopted" })).toBe(false);
    expect(acceptsFeedback({ status: "draft", feedbackOpen: true, stage: "review" })).toBe(false);
    expect(acceptsFeedback({ status: "in_review", feedbackOpen: null, stage: null })).toBe(false);
  });
});

describe("reviewCommandSchema", () => {
  test("a known command with an optional version name", () => {
    expect(reviewCommandSchema.parse({ intent: "publish", versionName: "  Spring review ", confirm: "on" })).toEqual({ intent: "publish", versionName: "Spring review", confirm: "on" });
    expect(reviewCommandSchema.parse({ intent: "closeFeedback" })).toEqual({ intent: "closeFeedback", versionName: "" });
    const unknown = reviewCommandSchema.safeParse({ intent: "delete" });
    expect(unknown.success ? null : unknown.error.issues[0]?.message).toBe("unknownCommand");
    const long = reviewCommandSchema.safeParse({ intent: "adopt", versionName: "x".repeat(121), confirm: "on" });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("nameTooLong");
  });
});

describe("confirming a review command", () => {
  test("publishing and adopting need the ticked box; closing and reopening feedback do not", () => {
    for (const intent of ["publish", "adopt"] as const) {
      const unconfirmed = reviewCommandSchema.safeParse({ intent, versionName: "" });
      expect(unconfirmed.success ? null : unconfirmed.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirm", "confirmRequired"]]);
      const forged = reviewCommandSchema.safeParse({ intent, versionName: "", confirm: "yes" });
      expect(forged.success).toBe(false);
      expect(needsConfirmation(intent)).toBe(true);
    }
    for (const intent of ["closeFeedback", "reopenFeedback"] as const) {
      expect(reviewCommandSchema.safeParse({ intent }).success).toBe(true);
      expect(needsConfirmation(intent)).toBe(false);
    }
  });
});
