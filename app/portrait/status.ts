import { z } from "zod";

/*
 * The life of a district's Portrait: drafted by staff, published for
 * community review (feedback may be closed and reopened while it is in
 * review), then adopted. Publishing again from review replaces the version
 * the community sees; publishing after adoption starts a new review round.
 */

export const PORTRAIT_STATUSES = ["draft", "in_review", "adopted"] as const;
export type PortraitStatus = (typeof PORTRAIT_STATUSES)[number];

export const REVIEW_COMMANDS = ["publish", "adopt", "closeFeedback", "reopenFeedback"] as const;
export type ReviewCommand = (typeof REVIEW_COMMANDS)[number];

export type ReviewRefusal = "notInReview" | "feedbackAlreadyClosed" | "feedbackAlreadyOpen" | "nothingPublished";

export type ReviewState = {
  status: PortraitStatus;
  /** Whether the publication the public page shows takes feedback; null when nothing was ever published. */
  feedbackOpen: boolean | null;
};

export type ReviewTransition = { ok: true; status: PortraitStatus; feedbackOpen: boolean } | { ok: false; error: ReviewRefusal };

/** What a command does to the Portrait's status and the shown publication's feedback, or why it is refused. */
export function reviewTransition(state: ReviewState, command: ReviewCommand): ReviewTransition {
  switch (command) {
    case "publish":
      return { ok: true, status: "in_review", feedbackOpen: true };
    case "adopt":
      if (state.status !== "in_review") return { ok: false, error: "notInReview" };
      return { ok: true, status: "adopted", feedbackOpen: false };
    case "closeFeedback":
      if (state.status !== "in_review") return { ok: false, error: "notInReview" };
      if (state.feedbackOpen === null) return { ok: false, error: "nothingPublished" };
      if (!state.feedbackOpen) return { ok: false, error: "feedbackAlreadyClosed" };
      return { ok: true, status: "in_review", feedbackOpen: false };
    case "reopenFeedback":
      if (state.status !== "in_review") return { ok: false, error: "notInReview" };
      if (state.feedbackOpen === null) return { ok: false, error: "nothingPublished" };
      if (state.feedbackOpen) return { ok: false, error: "feedbackAlreadyOpen" };
      return { ok: true, status: "in_review", feedbackOpen: true };
  }
}

/** The commands a leader is offered in a state (the others would be refused). */
export function availableReviewCommands(state: ReviewState): ReviewCommand[] {
  return REVIEW_COMMANDS.filter((command) => reviewTransition(state, command).ok);
}

/** Community feedback is taken only on the publication shown while the Portrait is in review with feedback open. */
export function acceptsFeedback(state: ReviewState & { stage: "review" | "adopted" | null }): boolean {
  return state.status === "in_review" && state.stage === "review" && state.feedbackOpen === true;
}

export const VERSION_NAME_MAX = 120;

/** Publishing shows the text to the public and adopting ends the review: neither happens without a ticked confirmation. */
export function needsConfirmation(command: ReviewCommand): boolean {
  return command === "publish" || command === "adopt";
}

/** A leader's review command from the review page; the version name is used when publishing or adopting. */
export const reviewCommandSchema = z
  .object({
    intent: z.enum(REVIEW_COMMANDS, { message: "unknownCommand" }),
    versionName: z.preprocess((value) => (typeof value === "string" ? value : ""), z.string().trim().max(VERSION_NAME_MAX, "nameTooLong")),
    confirm: z.literal("on", { error: "confirmRequired" }).optional(),
  })
  .superRefine((command, ctx) => {
    if (needsConfirmation(command.intent) && command.confirm !== "on") ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirmRequired" });
  });
