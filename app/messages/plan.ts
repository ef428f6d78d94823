import { z } from "zod";
import { CHAMPION_LANGUAGES } from "~/champions/languages";
import type { CommunicationStatus } from "~/generated/prisma/enums";
import { READABILITY_LANGUAGES } from "./readability";

// The rules of a message plan: what may be written in a message house, an
// audience's plan and a communication, and how a communication moves on.

export const CHANNELS = ["newsletter", "social_media", "town_hall", "text_message", "backpack_flyer", "website", "email", "local_media", "meeting"] as const;
export type Channel = (typeof CHANNELS)[number];

export const MIN_PILLARS = 3;
export const MAX_PILLARS = 5;
export const CORE_MESSAGE_MAX = 400;
export const PILLAR_TITLE_MAX = 120;
export const PROOF_TEXT_MAX = 600;
export const MESSAGE_MAX = 2000;
export const CTA_MAX = 300;
export const TITLE_MAX = 200;
export const FEEDBACK_MAX = 2000;

const squashed = (max: number, key: string) =>
  z
    .string({ error: key })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, { error: "messages.errors.tooLong" }));

const paragraphs = (max: number) =>
  z
    .string({ error: "messages.errors.required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, { error: "messages.errors.tooLong" }));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value?.replace(/\s+/g, " ").trim() || null)
    .pipe(z.string().max(max, { error: "messages.errors.tooLong" }).nullable());

/** The house form: a core message and five pillar fields, of which three to five are filled in. */
export const houseSchema = z
  .object({
    coreMessage: paragraphs(CORE_MESSAGE_MAX).pipe(z.string().min(1, { error: "messages.errors.coreMessageRequired" })),
    pillarIds: z.array(z.string().max(40)).max(MAX_PILLARS, { error: "messages.errors.pillarCount" }),
    pillarTitles: z.array(squashed(PILLAR_TITLE_MAX, "messages.errors.required")).max(MAX_PILLARS, { error: "messages.errors.pillarCount" }),
  })
  .transform(({ coreMessage, pillarIds, pillarTitles }) => ({
    coreMessage,
    pillars: pillarTitles
      .map((title, index) => ({ id: pillarIds[index] || null, title }))
      .filter((pillar) => pillar.title.length > 0),
  }))
  .refine((house) => house.pillars.length >= MIN_PILLARS && house.pillars.length <= MAX_PILLARS, {
    path: ["pillarTitles"],
    error: "messages.errors.pillarCount",
  });
export type HouseInput = z.infer<typeof houseSchema>;

/** The id of a record picked from a list; missing or empty, the user is asked to pick one. */
const picked = (key: string) => z.string({ error: key }).min(1, { error: key }).max(100, { error: key });

export const PROOF_KINDS = ["competency", "readiness", "idea", "other"] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/**
 * A proof point. A competency, an idea or a readiness result is picked from a
 * list (refId) and its text is filled in on the server from the cited record;
 * any other evidence is written out with its source.
 */
export const proofPointSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("competency"), pillarId: z.string().min(1), refId: picked("messages.errors.pickCompetency") }),
    z.object({ kind: z.literal("idea"), pillarId: z.string().min(1), refId: picked("messages.errors.pickIdea") }),
    z.object({ kind: z.literal("readiness"), pillarId: z.string().min(1), refId: picked("messages.errors.pickReadiness") }),
    z.object({
      kind: z.literal("other"),
      pillarId: z.string().min(1),
      text: squashed(PROOF_TEXT_MAX, "messages.errors.required").pipe(z.string().min(1, { error: "messages.errors.proofTextRequired" })),
      source: optionalText(200),
    }),
  ],
  { error: "messages.errors.proofKind" },
);
export type ProofPointInput = z.infer<typeof proofPointSchema>;

export const languageSchema = z.enum(CHAMPION_LANGUAGES, { error: "messages.errors.language" });

export const planSchema = z.object({
  message: paragraphs(MESSAGE_MAX),
  callToAction: squashed(CTA_MAX, "messages.errors.required"),
  channels: z.array(z.enum(CHANNELS, { error: "messages.errors.channel" })).transform((list) => [...new Set(list)]),
  languages: z.array(languageSchema).transform((list) => [...new Set(list)]),
  messengerIds: z.array(z.string().min(1).max(40)).max(50).transform((list) => [...new Set(list)]),
  /** The language the message is written in, which picks its readability formula. */
  messageLanguage: z.enum(READABILITY_LANGUAGES, { error: "messages.errors.messageLanguage" }).optional().transform((value) => value ?? null),
});
export type PlanInput = z.infer<typeof planSchema>;
export const PLAN_ARRAY_FIELDS = ["channels", "languages", "messengerIds"] as const;

/** A calendar date written YYYY-MM-DD that exists, kept as midnight UTC. */
export const dateSchema = z
  .string({ error: "messages.errors.date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "messages.errors.date" })
  .transform((value, context) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      context.addIssue({ code: "custom", message: "messages.errors.date" });
      return z.NEVER;
    }
    return date;
  })
  .refine((date) => date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100, { error: "messages.errors.date" });

export const communicationSchema = z.object({
  audienceId: z.string({ error: "messages.errors.audience" }).min(1, { error: "messages.errors.audience" }),
  date: dateSchema,
  title: squashed(TITLE_MAX, "messages.errors.required").pipe(z.string().min(1, { error: "messages.errors.titleRequired" })),
  channel: z.enum(CHANNELS, { error: "messages.errors.channel" }),
  championId: z
    .string()
    .optional()
    .transform((value) => value || null),
  language: languageSchema,
  owner: optionalText(120),
});
export type CommunicationInput = z.infer<typeof communicationSchema>;

export const feedbackSchema = z.object({ feedback: paragraphs(FEEDBACK_MAX) });

export const COMMUNICATION_STATUSES = ["draft", "approved", "sent"] as const satisfies readonly CommunicationStatus[];
export const statusSchema = z.object({ status: z.enum(COMMUNICATION_STATUSES, { error: "messages.errors.status" }) });

/**
 * Where a communication may go from its status: forward one step, or an
 * approval taken back. Nothing is sent without being approved, and what was
 * sent stays sent.
 */
export function nextStatuses(status: CommunicationStatus): CommunicationStatus[] {
  switch (status) {
    case "draft":
      return ["approved"];
    case "approved":
      return ["sent", "draft"];
    case "sent":
      return [];
  }
}

export function canMoveTo(from: CommunicationStatus, to: CommunicationStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** Replacing the calendar feed address breaks every subscription to the old one, so it is confirmed. */
export const replaceFeedSchema = z.object({ confirm: z.literal("on", { error: "messages.errors.confirmReplaceFeed" }) });

/** Who edits the message plan; school members read it. */
export const EDITOR_ROLES = ["leader", "facilitator"] as const;
