import { describe, expect, it } from "vitest";
import { instantToLocalTime, isTimeZone, localTimeToInstant } from "./schedule";

describe("localTimeToInstant", () => {
  it("reads a wall-clock time in UTC", () => {
    expect(localTimeToInstant("2026-03-04T18:30", "UTC")?.toISOString()).toBe("2026-03-04T18:30:00.000Z");
  });

  it("reads a wall-clock time in a zone behind UTC, in winter and in summer", () => {
    expect(localTimeToInstant("2026-01-15T18:30", "America/Chicago")?.toISOString()).toBe("2026-01-16T00:30:00.000Z");
    expect(localTimeToInstant("2026-07-15T18:30", "America/Chicago")?.toISOString()).toBe("2026-07-15T23:30:00.000Z");
  });

  it("reads a wall-clock time in a zone ahead of UTC", () => {
    expect(localTimeToInstant("2026-07-15T09:00", "Europe/Madrid")?.toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(localTimeToInstant("2026-07-15T09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-07-15T03:30:00.000Z");
  });

  it("reads a time that clocks skip in spring with the offset from before the jump", () => {
    // 2:30 on 8 March 2026 never happens in Chicago; 2:30 CST is 8:30 UTC (3:30 CDT).
    expect(localTimeToInstant("2026-03-08T02:30", "America/Chicago")?.toISOString()).toBe("2026-03-08T08:30:00.000Z");
  });

  it("reads a time that happens twice in autumn as one of the two", () => {
    const instant = localTimeToInstant("2026-11-01T01:30", "America/Chicago");
    expect(["2026-11-01T06:30:00.000Z", "2026-11-01T07:30:00.000Z"]).toContain(instant?.toISOString());
  });

  it("refuses what is not a wall-clock time or not a zone", () => {
    expect(localTimeToInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(localTimeToInstant("2026-13-01T10:00", "UTC")).toBeNull();
    expect(localTimeToInstant("2026-01-01T24:00", "UTC")).toBeNull();
    expect(localTimeToInstant("tomorrow", "UTC")).toBeNull();
    expect(localTimeToInstant("2026-01-01T10:00", "Mars/Olympus_Mons")).toBeNull();
  });
});

describe("instantToLocalTime", () => {
  it("shows an instant on the clocks of a zone", () => {
    expect(instantToLocalTime("2026-01-16T00:30:00.000Z", "America/Chicago")).toBe("2026-01-15T18:30");
    expect(instantToLocalTime(new Date("2026-07-15T07:00:00.000Z"), "Europe/Madrid")).toBe("2026-07-15T09:00");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(instantToLocalTime("2026-01-16T00:30:00.000Z", "Nowhere/Land")).toBe("2026-01-16T00:30");
  });

  it("round-trips with localTimeToInstant", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Australia/Adelaide", "Pacific/Chatham"]) {
      const local = "2026-05-20T07:45";
      const instant = localTimeToInstant(local, zone);
      expect(instant && instantToLocalTime(instant, zone)).toBe(local);
    }
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("x".repeat(65))).toBe(false);
    expect(isTimeZone("Not/AZone")).toBe(false);
  });
});
