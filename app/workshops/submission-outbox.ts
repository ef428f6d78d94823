import { z } from "zod";
import type { AckErrorCode, SubmissionReceipt } from "../../server/socket/events";
import type { AckResult } from "./socket-client";

/**
 * The participant's outbox: every submission stays here, in the phone's
 * storage, from the moment it is made until the server has acknowledged it
 * (saved) or refused it. A reload or a lost connection therefore never drops
 * an answer the server was not told about; the server saves a resent one once.
 */
export type PendingSubmission = {
  clientId: string;
  activityId: string;
  payload: unknown;
  createdAt: string;
};

/** Only the minimal Storage surface, so tests and private-mode browsers can pass their own. */
export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const pendingSubmissionSchema = z.object({
  clientId: z.string().min(1).max(64),
  activityId: z.string().min(1).max(64),
  payload: z.unknown(),
  createdAt: z.string().max(40),
});
const storedOutboxSchema = z.object({ v: z.literal(1), items: z.array(pendingSubmissionSchema).max(500) });

/** One outbox per workshop and participant: a phone that joined two workshops keeps them apart. */
export function outboxKey(workshopId: string, participantId: string): string {
  return `groundwork:outbox:${workshopId}:${participantId}`;
}

/** What is stored under `key`; anything unreadable (another version, a damaged value) counts as empty. */
export function readOutbox(storage: OutboxStorage | null, key: string): PendingSubmission[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(key);
    if (!raw) return [];
    const parsed = storedOutboxSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.items.map((item) => ({ ...item, payload: item.payload ?? null })) : [];
  } catch {
    return [];
  }
}

/**
 * Stores the outbox; false when the browser refused (storage full or disabled),
 * in which case the submissions are still kept in memory for this page.
 */
export function writeOutbox(storage: OutboxStorage | null, key: string, items: readonly PendingSubmission[]): boolean {
  if (!storage) return false;
  try {
    if (items.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ v: 1, items }));
    return true;
  } catch {
    return false;
  }
}

export function addToOutbox(items: readonly PendingSubmission[], item: PendingSubmission): PendingSubmission[] {
  return items.some((existing) => existing.clientId === item.clientId) ? [...items] : [...items, item];
}

export function removeFromOutbox(items: readonly PendingSubmission[], clientId: string): PendingSubmission[] {
  return items.filter((item) => item.clientId !== clientId);
}

/** Refusals the participant is told about; the answer leaves the outbox because sending it again cannot succeed. */
export type RejectionCode = Exclude<AckErrorCode, "server_error" | "rate_limited">;

export type AckOutcome =
  | { kind: "saved"; receipt: SubmissionReceipt }
  | { kind: "rejected"; code: RejectionCode }
  | { kind: "retry"; slowDown: boolean };

/**
 * What to do with a submission after its acknowledgement: a receipt means it is
 * saved; a refusal (bad, duplicate answer, activity not open…) means stop and
 * tell; no answer in time or a server error means keep it and resend; "too
 * fast" means keep it and resend a little later (docs/realtime-protocol.md).
 */
export function ackOutcome(result: AckResult<SubmissionReceipt>): AckOutcome {
  if (result.ok) return { kind: "saved", receipt: result.data };
  if (result.code === "timeout" || result.code === "server_error") return { kind: "retry", slowDown: false };
  if (result.code === "rate_limited") return { kind: "retry", slowDown: true };
  return { kind: "rejected", code: result.code };
}

type RandomSource = { getRandomValues(array: Uint8Array): unknown; randomUUID?: () => string };

/** A client id for a submission: a random UUID, also where `crypto.randomUUID` is missing (pages served over plain http). */
export function newClientId(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === "function") return source.randomUUID();
  const bytes = new Uint8Array(16);
  source.getRandomValues(bytes);
  // RFC 4122 version 4 and variant bits.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A submission the server acknowledged while this page was open. */
export type SavedSubmission = { clientId: string; activityId: string; id: string; payload: unknown };
/** A submission the server refused, with the answer itself so the participant can see what was not saved. */
export type SubmissionRejection = { clientId: string; activityId: string; payload: unknown; code: RejectionCode };
/** What the server says this participant already submitted to an activity (submission:mine). */
export type OwnSubmissions = { clientIds: string[]; ideas: { id: string; text: string }[] };

export type OwnSubmissionsView = {
  /** Still in the outbox, oldest first. */
  pending: PendingSubmission[];
  /** Client ids of everything saved, whether the server listed it or acknowledged it to this page. */
  savedClientIds: Set<string>;
  /** A brainstorm's saved ideas, oldest first, each once. */
  savedIdeas: { id: string; text: string }[];
  /** The refusals of this activity, latest last. */
  rejections: SubmissionRejection[];
};

/** The idea text of a brainstorm payload, or null for any other payload. */
export function ideaTextOf(payload: unknown): string | null {
  if (payload === null || typeof payload !== "object") return null;
  const text = (payload as { text?: unknown }).text;
  return typeof text === "string" ? text : null;
}

/**
 * A participant's own submissions to one activity, merged from what the
 * server listed (after a reload), what it acknowledged since, and what is
 * still waiting in the outbox: each submission counted once.
 */
export function ownSubmissionsFor(
  activityId: string,
  sources: {
    outbox: readonly PendingSubmission[];
    saved: readonly SavedSubmission[];
    own: Readonly<Record<string, OwnSubmissions>>;
    rejections: readonly SubmissionRejection[];
  },
): OwnSubmissionsView {
  const listed = sources.own[activityId];
  const savedHere = sources.saved.filter((entry) => entry.activityId === activityId);
  const savedClientIds = new Set([...(listed?.clientIds ?? []), ...savedHere.map((entry) => entry.clientId)]);
  const savedIdeas: { id: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const idea of listed?.ideas ?? []) {
    if (seen.has(idea.id)) continue;
    seen.add(idea.id);
    savedIdeas.push(idea);
  }
  for (const entry of savedHere) {
    const text = ideaTextOf(entry.payload);
    if (text === null || seen.has(entry.id)) continue;
    seen.add(entry.id);
    savedIdeas.push({ id: entry.id, text });
  }
  return {
    pending: sources.outbox.filter((item) => item.activityId === activityId && !savedClientIds.has(item.clientId)),
    savedClientIds,
    savedIdeas,
    rejections: sources.rejections.filter((rejection) => rejection.activityId === activityId),
  };
}
