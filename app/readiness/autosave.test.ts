import { describe, expect, it } from "vitest";
import { createAutosaver, type AutosaveAnswer } from "./autosave";

/** A send whose answers the test releases one at a time. */
function controlledSend() {
  const calls: { indicatorId: string; resolve: (answer: AutosaveAnswer) => void; reject: (error: Error) => void }[] = [];
  const send = (indicatorId: string) =>
    new Promise<AutosaveAnswer>((resolve, reject) => {
      calls.push({ indicatorId, resolve, reject });
    });
  return { send, calls };
}

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    timers: {
      set: (run: () => void) => {
        pending.set(++next, run);
        return next;
      },
      clear: (handle: unknown) => void pending.delete(handle as number),
    },
    fire: () => {
      const runs = [...pending.values()];
      pending.clear();
      for (const run of runs) run();
    },
    count: () => pending.size,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createAutosaver", () => {
  it("reports saving then saved, with the progress the server counted", async () => {
    const { send, calls } = controlledSend();
    const states: string[] = [];
    const progress: unknown[] = [];
    const saver = createAutosaver({ send, onState: (id, state) => states.push(`${id}:${state}`), onProgress: (p) => progress.push(p) });
    const done = saver.save("a");
    calls[0]!.resolve({ ok: true, rated: 3, total: 14 });
    await done;
    expect(states).toEqual(["a:saving", "a:saved"]);
    expect(progress).toEqual([{ rated: 3, total: 14 }]);
  });

  it("never has two requests in flight for one indicator, and sends the change made meanwhile afterwards", async () => {
    const { send, calls } = controlledSend();
    const saver = createAutosaver({ send, onState: () => {}, onProgress: () => {} });
    const first = saver.save("a");
    void saver.save("a");
    void saver.save("a");
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ ok: true, rated: 1, total: 2 });
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ ok: true, rated: 1, total: 2 });
    await first;
    expect(calls).toHaveLength(2);
  });

  it("sends different indicators independently", () => {
    const { send, calls } = controlledSend();
    const saver = createAutosaver({ send, onState: () => {}, onProgress: () => {} });
    void saver.save("a");
    void saver.save("b");
    expect(calls.map((call) => call.indicatorId)).toEqual(["a", "b"]);
  });

  it("waits for a pause in typing, and a definite change cancels the wait", async () => {
    const { send, calls } = controlledSend();
    const clock = manualTimers();
    const states: string[] = [];
    const saver = createAutosaver({ send, onState: (_id, state) => states.push(state), onProgress: () => {}, timers: clock.timers });
    saver.typed("a");
    saver.typed("a");
    expect(clock.count()).toBe(1);
    expect(calls).toHaveLength(0);
    clock.fire();
    expect(calls).toHaveLength(1);
    saver.typed("b");
    void saver.save("b");
    expect(clock.count()).toBe(0);
    expect(calls.map((call) => call.indicatorId)).toEqual(["a", "b"]);
    expect(states.slice(0, 3)).toEqual(["dirty", "dirty", "saving"]);
  });

  it("shows the server's refusal, and keeps a failed connection for a retry", async () => {
    const { send, calls } = controlledSend();
    const states: string[] = [];
    const saver = createAutosaver({ send, onState: (id, state, error) => states.push(`${id}:${state}${error ? `:${error}` : ""}`), onProgress: () => {} });
    const refused = saver.save("a");
    calls[0]!.resolve({ ok: false, errors: { form: "cycleClosed" } });
    await refused;
    const failed = saver.save("b");
    calls[1]!.reject(new TypeError("Failed to fetch"));
    await failed;
    expect(states).toEqual(["a:saving", "a:error:cycleClosed", "b:saving", "b:offline"]);
    saver.retryOffline();
    expect(calls.map((call) => call.indicatorId)).toEqual(["a", "b", "b"]);
  });

  it("does nothing more once disposed", async () => {
    const { send, calls } = controlledSend();
    const clock = manualTimers();
    const states: string[] = [];
    const saver = createAutosaver({ send, onState: (_id, state) => states.push(state), onProgress: () => {}, timers: clock.timers });
    saver.typed("a");
    const pending = saver.save("b");
    saver.dispose();
    expect(clock.count()).toBe(0);
    calls[0]!.resolve({ ok: true, rated: 1, total: 1 });
    await pending;
    void saver.save("c");
    expect(states).toEqual(["dirty", "saving"]);
    expect(calls).toHaveLength(1);
  });
});
