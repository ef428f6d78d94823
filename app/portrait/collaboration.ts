import { z } from "zod";
import type { Role } from "~/generated/prisma/enums";

/**
 * What the browser and the collaboration server agree on, besides the Yjs and
 * Hocuspocus protocols themselves (docs/realtime-protocol.md, "Portrait").
 */

/** The WebSocket path of the collaboration server, on the app's own port. */
export const COLLABORATION_PATH = "/collab";

/** Roles that may change the Portrait; everyone else in the district connects read-only (and comments). */
export const PORTRAIT_EDITOR_ROLES = ["leader", "facilitator"] as const satisfies readonly Role[];

export function canEditPortrait(role: Role): boolean {
  return (PORTRAIT_EDITOR_ROLES as readonly Role[]).includes(role);
}

/**
 * Stateless messages on a Portrait document.
 *   stored            server → clients: the document is stored in the database up to this state vector
 *   comments:changed  client → server → clients: a comment was added or changed; reload the comments
 *   session:ended     server → one client: its session was revoked or expired; it is disconnected and must sign in again
 *   you               server → one client, on connecting: how it is shown to the others (its awareness `user`, exactly)
 */
export const statelessMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stored"), stateVector: z.base64().max(65_536) }),
  z.object({ type: z.literal("comments:changed") }),
  z.object({ type: z.literal("session:ended") }),
  z.object({ type: z.literal("you"), user: z.lazy(() => presenceUserSchema) }),
]);
export type StatelessMessage = z.infer<typeof statelessMessageSchema>;

export function parseStatelessMessage(payload: string): StatelessMessage | null {
  if (payload.length > 100_000) return null;
  try {
    const parsed = statelessMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Caret and presence colours: dark enough for white label text (WCAG AA on
 * the label) and told apart by name too, never by colour alone.
 */
export const PRESENCE_COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;

export function presenceColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}

/** What each browser puts in its awareness state. Other clients' states are untrusted: parse them. */
const presenceUserSchema = z.object({
  name: z.string().min(1).max(120),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  role: z.enum(["leader", "facilitator", "school"]).optional(),
});

export const presenceSchema = z.object({
  user: presenceUserSchema,
  /** The field the person is in, e.g. "vision" or "competency:<id>:middle". */
  field: z.string().max(120).nullable().optional(),
});
export type Presence = z.infer<typeof presenceSchema>;
