import { describe, expect, it } from "vitest";
import { DeliveryLedger, keptSchedule, keystrokeSchedule, typingSpots } from "./portrait";
import { summarize } from "./stats";

describe("DeliveryLedger", () => {
  it("times a keystroke to each receiver and to the last of them", () => {
    const ledger = new DeliveryLedger(3);
    ledger.keystroke(0, 1, 100);
    ledger.applied(1, 0, 1, 110);
    expect(ledger.settled(false)).toBe(false);
    ledger.applied(2, 0, 1, 130);
    const report = ledger.report(false);
    expect(report.toEach).toMatchObject({ count: 2, p50: 10, max: 30 });
    expect(report.toAll).toMatchObject({ count: 1, max: 30 });
    expect(report.undelivered).toBe(0);
    expect(report.stored).toBeNull();
    expect(ledger.settled(false)).toBe(true);
  });

  it("counts every keystroke up to the clock a receiver reached, once", () => {
    const ledger = new DeliveryLedger(2);
    ledger.keystroke(0, 1, 0);
    ledger.keystroke(0, 2, 10);
    ledger.keystroke(0, 3, 20);
    // One update carrying the first two keystrokes, then the same clock again, then the third.
    ledger.applied(1, 0, 2, 50);
    ledger.applied(1, 0, 2, 60);
    expect(ledger.report(false)).toMatchObject({ keystrokes: 3, undelivered: 1, toAll: { count: 2, p50: 40, max: 50 } });
    ledger.applied(1, 0, 3, 70);
    expect(ledger.report(false).toAll).toMatchObject({ count: 3, max: 50, p50: 50 });
  });

  it("ignores an editor applying its own keystrokes", () => {
    const ledger = new DeliveryLedger(2);
    ledger.keystroke(0, 1, 0);
    ledger.applied(0, 0, 1, 5);
    expect(ledger.report(false)).toMatchObject({ undelivered: 1, toEach: { count: 0 } });
  });

  it("times a keystroke until its editor is told it is stored", () => {
    const ledger = new DeliveryLedger(2);
    ledger.keystroke(1, 4, 1_000);
    ledger.keystroke(1, 5, 1_200);
    ledger.applied(0, 1, 5, 1_250);
    ledger.storedUpTo(1, 4, 3_000);
    expect(ledger.settled(true)).toBe(false);
    expect(ledger.report(true)).toMatchObject({ unstored: 1, stored: { count: 1, max: 2_000 } });
    ledger.storedUpTo(1, 9, 11_200);
    expect(ledger.report(true)).toMatchObject({ unstored: 0, stored: { count: 2, max: 10_000 } });
    expect(ledger.settled(true)).toBe(true);
  });
});

describe("keystrokeSchedule", () => {
  const options = { editors: 10, seconds: 5, minGapMs: 150, maxGapMs: 300, sharedEvery: 5, seed: 7 };

  it("is the same for the same seed, so both runs type alike", () => {
    expect(keystrokeSchedule(options)).toEqual(keystrokeSchedule(options));
    expect(keystrokeSchedule({ ...options, seed: 8 })).not.toEqual(keystrokeSchedule(options));
  });

  it("keeps each editor's keystrokes within the gaps and the time", () => {
    for (const keystrokes of keystrokeSchedule(options)) {
      expect(keystrokes[0]?.at).toBeLessThan(300);
      for (let i = 1; i < keystrokes.length; i++) {
        const gap = (keystrokes[i]?.at ?? 0) - (keystrokes[i - 1]?.at ?? 0);
        expect(gap).toBeGreaterThanOrEqual(150);
        expect(gap).toBeLessThanOrEqual(300);
      }
      expect(keystrokes.at(-1)?.at).toBeLessThan(5_000);
      expect(keystrokes.length).toBeGreaterThanOrEqual(16);
    }
  });

  it("sends every other keystroke of one editor in five to the shared field", () => {
    const schedule = keystrokeSchedule(options);
    const sharing = schedule.map((keystrokes) => keystrokes.some((keystroke) => keystroke.shared));
    expect(sharing).toEqual([false, false, false, false, true, false, false, false, false, true]);
    expect(schedule[4]?.slice(0, 4).map((keystroke) => keystroke.shared)).toEqual([false, true, false, true]);
  });
});

describe("typingSpots", () => {
  it("gives each editor a field of its own, then a paragraph of its own within a field", () => {
    const spots = typingSpots(10, ["c1", "c2"]);
    expect(spots[0]).toEqual({ fragment: "competency:c1:description", paragraph: 0 });
    expect(spots[5]).toEqual({ fragment: "competency:c2:elementary", paragraph: 0 });
    expect(spots[8]).toEqual({ fragment: "competency:c1:description", paragraph: 1 });
    expect(new Set(spots.map((spot) => `${spot.fragment}#${spot.paragraph}`)).size).toBe(10);
  });
});

describe("keptSchedule", () => {
  it("tells a load generator that fell behind", () => {
    expect(keptSchedule({ lag: summarize([0, 5, 40]), durationMs: 20_100 }, 20)).toBe(true);
    expect(keptSchedule({ lag: summarize([0, 5, 400]), durationMs: 20_100 }, 20)).toBe(false);
    expect(keptSchedule({ lag: summarize([0, 5, 40]), durationMs: 25_000 }, 20)).toBe(false);
  });
});
