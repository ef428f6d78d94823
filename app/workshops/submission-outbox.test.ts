import { describe, expect, it } from "vitest";
import {
  ackOutcome,
  ideaTextOf,
  ownSubmissionsFor,
  addToOutbox,
  newClientId,
  outboxKey,
  readOutbox,
  removeFromOutbox,
  writeOutbox,
  type OutboxStorage,
  type PendingSubmission,
} from "./submission-outbox";

class MemoryStorage implements OutboxStorage {
  values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

const item = (clientId: string, payload: unknown = { text: "More outdoor learning" }): PendingSubmission => ({
  clientId,
  activityId: "act-1",
  payload,
  createdAt: "2026-11-23T10:00:00.000Z",
});

describe("the stored outbox", () => {
  it("keeps workshops and participants apart", () => {
    expect(outboxKey("w1", "p1")).not.toBe(outboxKey("w1", "p2"));
    expect(outboxKey("w1", "p1")).not.toBe(outboxKey("w2", "p1"));
  });

  it("round-trips pending submissions through storage", () => {
    const storage = new MemoryStorage();
    const items = [item("a"), item("b", { optionIds: ["x"] })];
    expect(writeOutbox(storage, "k", items)).toBe(true);
    expect(readOutbox(storage, "k")).toEqual(items);
  });

  it("removes the key once the outbox is empty", () => {
    const storage = new MemoryStorage();
    writeOutbox(storage, "k", [item("a")]);
    writeOutbox(storage, "k", []);
    expect(storage.values.has("k")).toBe(false);
    expect(readOutbox(storage, "k")).toEqual([]);
  });

  it("treats damaged, foreign or oversized values as empty", () => {
    const storage = new MemoryStorage();
    for (const raw of ["not json", "[]", JSON.stringify({ v: 2, items: [] }), JSON.stringify({ v: 1, items: [{ clientId: "" }] })]) {
      storage.setItem("k", raw);
      expect(readOutbox(storage, "k")).toEqual([]);
    }
    storage.setItem("k", JSON.stringify({ v: 1, items: Array.from({ length: 501 }, (_, i) => item(`c${i}`)) }));
    expect(readOutbox(storage, "k")).toEqual([]);
  });

  it("survives a browser that refuses storage", () => {
    const refusing: OutboxStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(writeOutbox(refusing, "k", [item("a")])).toBe(false);
    expect(readOutbox(refusing, "k")).toEqual([]);
    expect(writeOutbox(null, "k", [item("a")])).toBe(false);
    expect(readOutbox(null, "k")).toEqual([]);
  });

  it("adds a submission once and removes it by client id", () => {
    const once = addToOutbox([], item("a"));
    expect(addToOutbox(once, item("a"))).toHaveLength(1);
    const two = addToOutbox(once, item("b"));
    expect(removeFromOutbox(two, "a").map((i) => i.clientId)).toEqual(["b"]);
    expect(removeFromOutbox(two, "zzz")).toHaveLength(2);
  });
});

describe("what an acknowledgement means for a pending submission", () => {
  it("is saved with a receipt, duplicate or not", () => {
    const receipt = { id: "idea-1", clientId: "a", duplicate: true };
    expect(ackOutcome({ ok: true, data: receipt })).toEqual({ kind: "saved", receipt });
  });

  it("is kept for resending when no answer came in time or the server failed", () => {
    expect(ackOutcome({ ok: false, code: "timeout", message: "No answer from the server" })).toEqual({ kind: "retry", slowDown: false });
    expect(ackOutcome({ ok: false, code: "server_error", message: "db down" })).toEqual({ kind: "retry", slowDown: false });
  });

  it("is kept and sent a little later when the participant was sending too fast", () => {
    expect(ackOutcome({ ok: false, code: "rate_limited", message: "slow down" })).toEqual({ kind: "retry", slowDown: true });
  });

  it("is dropped and reported when the server refused it", () => {
    for (const code of ["bad_request", "conflict", "not_open", "forbidden", "not_found"] as const) {
      expect(ackOutcome({ ok: false, code, message: code })).toEqual({ kind: "rejected", code });
    }
  });
});

describe("client ids", () => {
  it("are random version 4 UUIDs, also without crypto.randomUUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    const withoutRandomUuid = { getRandomValues: (array: Uint8Array) => globalThis.crypto.getRandomValues(array) };
    const ids = new Set(Array.from({ length: 50 }, () => newClientId(withoutRandomUuid)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(uuid);
  });
});

describe("a participant's own submissions to an activity", () => {
  const brainstorm = (clientId: string, text: string): PendingSubmission => ({ ...item(clientId, { clientId, text }), activityId: "b1" });

  it("counts each submission once across the server's list, this page's receipts and the outbox", () => {
    const view = ownSubmissionsFor("b1", {
      own: { b1: { clientIds: ["c1", "c2"], ideas: [{ id: "i1", text: "Gardens" }, { id: "i2", text: "Robotics" }] } },
      saved: [
        { clientId: "c2", activityId: "b1", id: "i2", payload: { text: "Robotics" } },
        { clientId: "c3", activityId: "b1", id: "i3", payload: { text: "Mentors" } },
        { clientId: "x", activityId: "other", id: "i9", payload: { text: "Elsewhere" } },
      ],
      outbox: [brainstorm("c4", "Later start"), brainstorm("c3", "Mentors"), { ...item("c5"), activityId: "other" }],
      rejections: [{ clientId: "c6", activityId: "b1", payload: { text: "Closed meanwhile" }, code: "not_open" }],
    });
    expect([...view.savedClientIds].sort()).toEqual(["c1", "c2", "c3"]);
    expect(view.savedIdeas).toEqual([
      { id: "i1", text: "Gardens" },
      { id: "i2", text: "Robotics" },
      { id: "i3", text: "Mentors" },
    ]);
    expect(view.pending.map((p) => p.clientId)).toEqual(["c4"]);
    expect(view.rejections.map((r) => r.code)).toEqual(["not_open"]);
  });

  it("is empty for an activity with nothing submitted", () => {
    const view = ownSubmissionsFor("b1", { own: {}, saved: [], outbox: [], rejections: [] });
    expect(view.savedClientIds.size).toBe(0);
    expect(view.savedIdeas).toEqual([]);
    expect(view.pending).toEqual([]);
  });

  it("reads idea text only from brainstorm payloads", () => {
    expect(ideaTextOf({ text: "Hi" })).toBe("Hi");
    expect(ideaTextOf({ optionIds: ["a"] })).toBeNull();
    expect(ideaTextOf(null)).toBeNull();
    expect(ideaTextOf("text")).toBeNull();
  });
});
