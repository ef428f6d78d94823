import { describe, expect, it } from "vitest";
import { radarLabel, radarPoint, radarPolygon } from "./radar";

const center = { x: 100, y: 100 };

describe("radar geometry", () => {
  it("starts at twelve o'clock and goes clockwise", () => {
    expect(radarPoint(0, 4, 4, 80, center)).toEqual({ x: 100, y: 20 });
    expect(radarPoint(1, 4, 4, 80, center)).toEqual({ x: 180, y: 100 });
    expect(radarPoint(2, 4, 2, 80, center)).toEqual({ x: 100, y: 140 });
  });

  it("keeps values between the centre and the rim", () => {
    expect(radarPoint(0, 3, 9, 80, center)).toEqual({ x: 100, y: 20 });
    expect(radarPoint(0, 3, -2, 80, center)).toEqual({ x: 100, y: 100 });
  });

  it("draws a polygon through every value, missing ones at the centre", () => {
    expect(radarPolygon([4, null, 4, 4], 80, center)).toBe("100,20 100,100 100,180 20,100");
  });

  it("anchors labels away from the centre", () => {
    expect(radarLabel(0, 4, 80, center).anchor).toBe("middle");
    expect(radarLabel(1, 4, 80, center).anchor).toBe("start");
    expect(radarLabel(3, 4, 80, center).anchor).toBe("end");
  });
});
