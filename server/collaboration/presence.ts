import * as decoding from "lib0/decoding";
import { presenceColour, type Presence } from "~/portrait/collaboration";
import type { Collaborator } from "./access";

/**
 * Presence (who is here, whose caret is where) travels in Yjs awareness
 * states that each browser writes. The server decides who a connection is
 * shown as: it sends the browser its identity ("you") and refuses an
 * awareness update that would show the connection as anyone else, or that
 * writes over another connection's state. See docs/realtime-protocol.md.
 */

/** How a collaborator is shown to the others: their name as stored, their colour, their role. */
export function presenceIdentity(collaborator: Collaborator): Presence["user"] {
  return { name: collaborator.name, color: presenceColour(collaborator.userId), role: collaborator.role };
}

/** Hocuspocus' message type for awareness (its MessageType.Awareness). */
const AWARENESS_MESSAGE = 1;

export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/**
 * The entries of an awareness message as Hocuspocus carries it (document
 * name, message type, then the y-protocols awareness update); null for any
 * other message. Throws on a malformed awareness message.
 */
export function awarenessEntries(message: Uint8Array): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== AWARENESS_MESSAGE) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(update)) as unknown });
  }
  return entries;
}

/** What the server knows of the document's awareness when an update arrives. */
export type AwarenessView = {
  /** The clock last applied for a client id, if any. */
  clockOf(clientId: number): number | undefined;
  /** Whether a connection of another person on this node wrote this client id's state. */
  ownedByAnother(clientId: number): boolean;
};

function sameUser(a: unknown, b: Presence["user"]): boolean {
  if (typeof a !== "object" || a === null) return false;
  const user = a as Record<string, unknown>;
  return Object.keys(user).length === 3 && user.name === b.name && user.color === b.color && user.role === b.role;
}

/**
 * Whether a connection may send these awareness entries. Entries that would
 * not be applied (an echo of a state the server has already, which browsers
 * send back) and removals are let through as y-protocols would treat them;
 * a state that would be applied must not be another person's client id and
 * must show exactly this connection's identity (or no user at all: a browser
 * clears it while disconnected, until the server says "you" again).
 */
export function mayApplyAwareness(entries: readonly AwarenessEntry[], identity: Presence["user"], view: AwarenessView): boolean {
  return entries.every(({ clientId, clock, state }) => {
    const current = view.clockOf(clientId);
    if (current !== undefined && clock <= current) return true;
    if (state === null) return true;
    if (view.ownedByAnother(clientId)) return false;
    const user = typeof state === "object" && "user" in state ? (state as { user: unknown }).user : undefined;
    return user === undefined || user === null || sameUser(user, identity);
  });
}
