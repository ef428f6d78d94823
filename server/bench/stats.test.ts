import { describe, expect, it } from "vitest";
import { percentile, summarize, updateLatencies } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it("summarizes unsorted values", () => {
    expect(summarize([30, 10, 20])).toEqual({ count: 3, p50: 20, p95: 30, p99: 30, max: 30 });
  });
});

describe("updateLatencies", () => {
  it("matches the k-th acknowledged submission with the first update counting k", () => {
    const submissions = [
      { sentAt: 0, ackedAt: 10 },
      { sentAt: 5, ackedAt: 12 },
      { sentAt: 100, ackedAt: 110 },
    ];
    const updates = [
      { at: 20, count: 2 },
      { at: 300, count: 3 },
    ];
    expect(updateLatencies(submissions, updates)).toEqual({ latencies: [20, 15, 200], uncovered: 0 });
  });

  it("starts from the count before the phase, and reports what no update showed", () => {
    const submissions = [
      { sentAt: 0, ackedAt: 5 },
      { sentAt: 1, ackedAt: 6 },
    ];
    expect(updateLatencies(submissions, [{ at: 50, count: 11 }], 10)).toEqual({ latencies: [50], uncovered: 1 });
  });

  it("never counts an update received before the submission was sent", () => {
    expect(updateLatencies([{ sentAt: 100, ackedAt: 120 }], [{ at: 90, count: 1 }, { at: 400, count: 1 }])).toEqual({ latencies: [300], uncovered: 0 });
  });
});
