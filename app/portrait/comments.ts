import { z } from "zod";
import { ANCHOR_MAX_LENGTH } from "./comment-anchor";
import { COMPETENCY_FIELDS, VISION_FIELD } from "./document";

/** The rich-text fields a comment can be anchored in: "vision" or "competency:<id>:<field>". */
export const COMMENT_FIELD_PATTERN = new RegExp(`^(?:${VISION_FIELD}|competency:[a-z0-9]{8,40}:(?:${COMPETENCY_FIELDS.join("|")}))$`);

export const COMMENT_BODY_MAX = 2000;
export const COMMENT_QUOTE_MAX = 500;

const recordId = z.string().regex(/^[a-z0-9]{10,40}$/, "portrait.comments.errors.unknown");
const body = z
  .string("portrait.comments.errors.bodyRequired")
  .trim()
  .min(1, "portrait.comments.errors.bodyRequired")
  .max(COMMENT_BODY_MAX, "portrait.comments.errors.bodyTooLong");
const anchor = z
  .string("portrait.comments.errors.noPassage")
  .min(4, "portrait.comments.errors.noPassage")
  .max(ANCHOR_MAX_LENGTH, "portrait.comments.errors.noPassage")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "portrait.comments.errors.noPassage");

/** The forms of the comments panel, told apart by `intent`. */
export const commentFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("comment"),
    field: z.string("portrait.comments.errors.noPassage").regex(COMMENT_FIELD_PATTERN, "portrait.comments.errors.noPassage"),
    anchorFrom: anchor,
    anchorTo: anchor,
    quote: z
      .string("portrait.comments.errors.noPassage")
      .trim()
      .min(1, "portrait.comments.errors.noPassage")
      .transform((text) => (text.length > COMMENT_QUOTE_MAX ? `${text.slice(0, COMMENT_QUOTE_MAX - 1)}…` : text)),
    body,
  }),
  z.object({ intent: z.literal("reply"), commentId: recordId, body }),
  z.object({ intent: z.literal("resolve"), commentId: recordId }),
  z.object({ intent: z.literal("reopen"), commentId: recordId }),
]);
export type CommentForm = z.infer<typeof commentFormSchema>;

/** The competency a field belongs to, if any. */
export function competencyOfField(field: string): string | null {
  return /^competency:([a-z0-9]+):/.exec(field)?.[1] ?? null;
}

export type CommentView = {
  id: string;
  body: string;
  author: string | null;
  authorId: string | null;
  createdAt: string;
};

export type CommentThread = CommentView & {
  field: string;
  competencyId: string | null;
  anchor: { from: string; to: string };
  quote: string;
  resolved: { at: string; by: string | null } | null;
  replies: CommentView[];
};
