import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Collaborator } from "./access";
import { awarenessEntries, mayApplyAwareness, presenceIdentity, type AwarenessEntry, type AwarenessView } from "./presence";

const fay: Collaborator = { userId: "cfacilitator0001", sessionId: "s1", districtId: "cdistrict00001", name: "Fay Facilitator", role: "facilitator" };
const identity = presenceIdentity(fay);

/** An awareness message as the Hocuspocus provider sends it. */
function awarenessMessage(awareness: Awareness, type = 1): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "portrait:cdistrict00001");
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

const nobodyElse: AwarenessView = { clockOf: () => undefined, ownedByAnother: () => false };

describe("presence identity", () => {
  it("is the stored name, a colour from the user id and the role", () => {
    expect(identity).toEqual({ name: "Fay Facilitator", color: expect.stringMatching(/^#[0-9a-f]{6}$/) as string, role: "facilitator" });
    expect(presenceIdentity({ ...fay, name: "Someone else" }).color).toBe(identity.color);
  });
});

describe("reading an awareness message", () => {
  it("gives each entry's client, clock and state", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField("user", identity);
    const [entry] = awarenessEntries(awarenessMessage(awareness))!;
    expect(entry).toEqual({ clientId: awareness.clientID, clock: awareness.meta.get(awareness.clientID)!.clock, state: { user: identity } });
    awareness.destroy();
  });

  it("leaves other messages alone", () => {
    const awareness = new Awareness(new Y.Doc());
    expect(awarenessEntries(awarenessMessage(awareness, 0))).toBeNull();
    awareness.destroy();
  });

  it("throws on a truncated message", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField("user", identity);
    const message = awarenessMessage(awareness);
    expect(() => awarenessEntries(message.slice(0, message.length - 5))).toThrow();
    awareness.destroy();
  });
});

describe("which awareness updates a connection may send", () => {
  const entry = (state: unknown, clock = 1, clientId = 42): AwarenessEntry => ({ clientId, clock, state });

  it("lets a connection show itself as the server said, with its field and caret, or without a user", () => {
    expect(mayApplyAwareness([entry({ user: identity, field: "vision", cursor: { anchor: {}, head: {} } })], identity, nobodyElse)).toBe(true);
    expect(mayApplyAwareness([entry({ field: "vision" })], identity, nobodyElse)).toBe(true);
    expect(mayApplyAwareness([entry({ user: null, field: "vision" })], identity, nobodyElse)).toBe(true);
    expect(mayApplyAwareness([entry(null)], identity, nobodyElse)).toBe(true);
  });

  it("refuses another name, colour or role, or extra fields in the user", () => {
    expect(mayApplyAwareness([entry({ user: { ...identity, name: "Dana Whitfield" } })], identity, nobodyElse)).toBe(false);
    expect(mayApplyAwareness([entry({ user: { ...identity, color: "#000000" } })], identity, nobodyElse)).toBe(false);
    expect(mayApplyAwareness([entry({ user: { ...identity, role: "leader" } })], identity, nobodyElse)).toBe(false);
    expect(mayApplyAwareness([entry({ user: { ...identity, title: "Superintendent" } })], identity, nobodyElse)).toBe(false);
    expect(mayApplyAwareness([entry({ user: "Fay Facilitator" })], identity, nobodyElse)).toBe(false);
  });

  it("refuses writing over a state another connection owns", () => {
    const owned: AwarenessView = { clockOf: () => 3, ownedByAnother: (clientId) => clientId === 7 };
    expect(mayApplyAwareness([entry({ user: identity }, 4, 7)], identity, owned)).toBe(false);
    expect(mayApplyAwareness([entry({ user: identity }, 4, 8)], identity, owned)).toBe(true);
  });

  it("lets through echoes of states the server has already, as browsers send them back", () => {
    const known: AwarenessView = { clockOf: () => 5, ownedByAnother: () => true };
    expect(mayApplyAwareness([entry({ user: { name: "Dana Whitfield", color: "#1d4ed8", role: "leader" } }, 5, 7)], identity, known)).toBe(true);
    expect(mayApplyAwareness([entry({ user: { name: "Dana Whitfield", color: "#1d4ed8", role: "leader" } }, 6, 7)], identity, known)).toBe(false);
  });
});
