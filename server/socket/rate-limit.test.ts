import { describe, expect, it } from "vitest";
import { createSlidingWindowLimiter } from "./rate-limit";

function clock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("createSlidingWindowLimiter", () => {
  it("allows `limit` hits per window and refuses the next", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 1000, now: time.now });
    expect([limiter.hit("a"), limiter.hit("a"), limiter.hit("a"), limiter.hit("a")]).toEqual([true, true, true, false]);
    expect(limiter.hit("b")).toBe(true);
  });

  it("slides: a hit becomes available again exactly one window after the oldest one", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 1000, now: time.now });
    limiter.hit("a");
    time.advance(600);
    limiter.hit("a");
    time.advance(399);
    expect(limiter.hit("a")).toBe(false);
    time.advance(1);
    expect(limiter.hit("a")).toBe(true);
    expect(limiter.hit("a")).toBe(false);
  });

  it("does not count refused hits, so a client that keeps trying is not locked out for longer", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 1000, now: time.now });
    limiter.hit("a");
    for (let i = 0; i < 10; i += 1) {
      time.advance(50);
      limiter.hit("a");
    }
    time.advance(500);
    expect(limiter.hit("a")).toBe(true);
  });

  it("forgets idle keys", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 5, windowMs: 1000, now: time.now });
    for (let i = 0; i < 1023; i += 1) limiter.hit(`key-${i}`);
    expect(limiter.size).toBe(1023);
    time.advance(1000);
    limiter.hit("fresh");
    expect(limiter.size).toBe(1);
  });

  it("refuses nonsense settings", () => {
    expect(() => createSlidingWindowLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createSlidingWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
