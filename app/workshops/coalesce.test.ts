import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "./coalesce";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A coalescer that records when each key was flushed. */
function recorded(intervalMs: number) {
  const flushes: { key: string; at: number }[] = [];
  const coalescer = createCoalescer({ intervalMs, flush: (key: string) => flushes.push({ key, at: Date.now() }) });
  return { coalescer, flushes };
}

describe("createCoalescer", () => {
  it("flushes the first change after a quiet period at once", () => {
    const { coalescer, flushes } = recorded(200);
    const start = Date.now();
    coalescer.touch("activity1");
    expect(flushes).toEqual([{ key: "activity1", at: start }]);
  });

  it("merges further changes within the interval into one flush at its end", () => {
    const { coalescer, flushes } = recorded(200);
    const start = Date.now();
    coalescer.touch("activity1");
    vi.advanceTimersByTime(50);
    coalescer.touch("activity1");
    vi.advanceTimersByTime(50);
    coalescer.touch("activity1");
    expect(flushes).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(flushes.map((flush) => flush.at - start)).toEqual([0, 200]);
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(2);
  });

  it("flushes at once again after a quiet interval", () => {
    const { coalescer, flushes } = recorded(200);
    const start = Date.now();
    coalescer.touch("activity1");
    vi.advanceTimersByTime(500);
    coalescer.touch("activity1");
    expect(flushes.map((flush) => flush.at - start)).toEqual([0, 500]);
  });

  it("keeps a steady pace while changes keep coming", () => {
    const { coalescer, flushes } = recorded(100);
    const start = Date.now();
    for (let elapsed = 0; elapsed < 1000; elapsed += 10) {
      coalescer.touch("activity1");
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    const times = flushes.map((flush) => flush.at - start);
    expect(times.slice(0, 3)).toEqual([0, 100, 200]);
    for (let index = 1; index < times.length; index += 1) expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it.each([50, 100, 250, 333, 1000])("turns 1,000 changes within a second into at most ceil(1000 / %i) + 1 flushes, the last change included", (intervalMs) => {
    const { coalescer, flushes } = recorded(intervalMs);
    const start = Date.now();
    // Irregular moments within one second, like votes arriving from a room.
    let seed = intervalMs;
    const moments = Array.from({ length: 1000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % 1000;
    }).sort((a, b) => a - b);
    let lastTouch = start;
    for (const moment of moments) {
      vi.advanceTimersByTime(start + moment - Date.now());
      coalescer.touch("activity1");
      lastTouch = Date.now();
    }
    expect(lastTouch - start).toBeLessThan(1000);
    vi.advanceTimersByTime(5 * intervalMs);
    expect(flushes.length).toBeLessThanOrEqual(Math.ceil(1000 / intervalMs) + 1);
    // …and results still move while the votes come in.
    expect(flushes.length).toBeGreaterThanOrEqual(Math.floor(1000 / intervalMs));
    expect(flushes.at(-1)?.at).toBeGreaterThanOrEqual(lastTouch);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("coalesces each key on its own", () => {
    const { coalescer, flushes } = recorded(100);
    coalescer.touch("a");
    coalescer.touch("b");
    coalescer.touch("a");
    expect(flushes.map((flush) => flush.key)).toEqual(["a", "b"]);
    vi.advanceTimersByTime(100);
    expect(flushes.map((flush) => flush.key)).toEqual(["a", "b", "a"]);
  });

  it("forgets a key once it has been quiet, leaving no timer behind", () => {
    const { coalescer } = recorded(100);
    coalescer.touch("a");
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits for the next interval when flushing causes another change", () => {
    const flushed: number[] = [];
    const coalescer = createCoalescer({
      intervalMs: 100,
      flush: () => {
        flushed.push(Date.now());
        if (flushed.length === 1) coalescer.touch("a");
      },
    });
    const start = Date.now();
    coalescer.touch("a");
    expect(flushed).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(flushed.map((at) => at - start)).toEqual([0, 100]);
  });

  it("flushAll sends every pending change at once and keeps the pace afterwards", () => {
    const { coalescer, flushes } = recorded(100);
    const start = Date.now();
    coalescer.touch("a");
    coalescer.touch("b");
    coalescer.touch("a");
    vi.advanceTimersByTime(30);
    coalescer.flushAll();
    expect(flushes.map((flush) => [flush.key, flush.at - start])).toEqual([
      ["a", 0],
      ["b", 0],
      ["a", 30],
    ]);
    coalescer.touch("a");
    vi.advanceTimersByTime(99);
    expect(flushes).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(flushes.at(-1)).toEqual({ key: "a", at: start + 130 });
  });

  it("flushAll does nothing when nothing is pending", () => {
    const { coalescer, flushes } = recorded(100);
    coalescer.flushAll();
    coalescer.touch("a");
    coalescer.flushAll();
    expect(flushes).toHaveLength(1);
  });

  it("dispose cancels every timer and ignores later changes", () => {
    const { coalescer, flushes } = recorded(100);
    coalescer.touch("a");
    coalescer.touch("a");
    coalescer.touch("b");
    coalescer.dispose();
    expect(vi.getTimerCount()).toBe(0);
    coalescer.touch("c");
    vi.advanceTimersByTime(1000);
    expect(flushes.map((flush) => flush.key)).toEqual(["a", "b"]);
  });

  it("reports a failing flush and carries on", () => {
    const errors: [unknown, string][] = [];
    let fail = true;
    const flushed: string[] = [];
    const coalescer = createCoalescer({
      intervalMs: 100,
      flush: (key: string) => {
        if (fail) throw new Error("socket gone");
        flushed.push(key);
      },
      onError: (error, key) => errors.push([error, key]),
    });
    coalescer.touch("a");
    coalescer.touch("a");
    fail = false;
    coalescer.touch("b");
    vi.advanceTimersByTime(100);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[1]).toBe("a");
    expect(flushed).toEqual(["b", "a"]);
  });

  it("logs a failing flush when no error handler is given", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const coalescer = createCoalescer({
      intervalMs: 100,
      flush: () => {
        throw new Error("boom");
      },
    });
    expect(() => coalescer.touch("a")).not.toThrow();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("uses the timer functions it is given", () => {
    const scheduled: { callback: () => void; ms: number; cleared: boolean }[] = [];
    const flushed: string[] = [];
    const coalescer = createCoalescer({
      intervalMs: 250,
      flush: (key: string) => flushed.push(key),
      setTimer: (callback, ms) => scheduled.push({ callback, ms, cleared: false }) - 1,
      clearTimer: (handle) => {
        const timer = scheduled[handle];
        if (timer) timer.cleared = true;
      },
    });
    coalescer.touch("a");
    coalescer.touch("a");
    expect(scheduled.map((timer) => timer.ms)).toEqual([250]);
    scheduled[0]?.callback();
    expect(flushed).toEqual(["a", "a"]);
    coalescer.dispose();
    expect(scheduled.map((timer) => timer.cleared)).toEqual([false, true]);
  });

  it("refuses an interval that is not a positive number", () => {
    for (const intervalMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createCoalescer({ intervalMs, flush: () => {} })).toThrow(RangeError);
    }
  });
});
