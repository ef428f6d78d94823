/**
 * Geometry of the radar chart of dimension averages: one axis per dimension,
 * clockwise from twelve o'clock, level 0 at the centre and 4 at the rim.
 */

export const RADAR_MAX = 4;

export type Point = { x: number; y: number };

export function radarPoint(axis: number, axes: number, value: number, radius: number, center: Point): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / Math.max(axes, 1);
  const distance = (Math.max(0, Math.min(RADAR_MAX, value)) / RADAR_MAX) * radius;
  return { x: round(center.x + distance * Math.cos(angle)), y: round(center.y + distance * Math.sin(angle)) };
}

/** The SVG `points` of a polygon through the values; a missing value sits at the centre. */
export function radarPolygon(values: readonly (number | null)[], radius: number, center: Point): string {
  return values
    .map((value, axis) => radarPoint(axis, values.length, value ?? 0, radius, center))
    .map((point) => `${point.x},${point.y}`)
    .join(" ");
}

/** Where an axis label goes: a little beyond the rim, anchored away from the centre. */
export function radarLabel(axis: number, axes: number, radius: number, center: Point): Point & { anchor: "start" | "middle" | "end" } {
  const point = radarPoint(axis, axes, RADAR_MAX, radius + 14, center);
  const dx = point.x - center.x;
  const anchor = Math.abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end";
  return { ...point, anchor };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
