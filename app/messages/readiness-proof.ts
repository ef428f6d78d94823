import type { IndicatorReach } from "~/readiness/results";

// A proof point can cite a readiness result: one indicator of one cycle, and
// at how many of the schools that agreed a level it is a strength. This is
// what the picker offers and how its choice is named in a form.

export type ReadinessChoice = {
  /** "<cycle id>:<indicator id>", what the form sends. */
  refId: string;
  cycleName: string;
  frameworkName: string;
  indicatorTitle: string;
  dimensionName: string;
  strong: number;
  rated: number;
};

export function readinessRef(cycleId: string, indicatorId: string): string {
  return `${cycleId}:${indicatorId}`;
}

/** The cycle and indicator a picked readiness result names, or null for anything else. */
export function parseReadinessRef(refId: string): { cycleId: string; indicatorId: string } | null {
  const match = /^([A-Za-z0-9_-]{1,40}):([A-Za-z0-9_-]{1,40})$/.exec(refId);
  return match ? { cycleId: match[1]!, indicatorId: match[2]! } : null;
}

/** Where a proof point's readiness result came from, as stored with it. */
export function readinessSource(cycle: { name: string; frameworkName: string }): string {
  return `${cycle.name} — ${cycle.frameworkName}`;
}

/**
 * The results of one cycle a proof point can cite: indicators at least one
 * school agreed a level for, the most widely held strengths first (share,
 * then number of schools), ties in the framework's order.
 */
export function readinessChoices(
  cycle: { id: string; name: string; frameworkName: string },
  indicators: readonly { id: string; title: string; dimensionName: string }[],
  reach: readonly IndicatorReach[],
): ReadinessChoice[] {
  const reachOf = new Map(reach.map((entry) => [entry.indicatorId, entry]));
  return indicators
    .map((indicator, order) => ({ indicator, order, reach: reachOf.get(indicator.id) }))
    .filter((entry): entry is typeof entry & { reach: IndicatorReach } => entry.reach !== undefined && entry.reach.rated > 0)
    .sort((a, b) => b.reach.strong / b.reach.rated - a.reach.strong / a.reach.rated || b.reach.strong - a.reach.strong || a.order - b.order)
    .map(({ indicator, reach: { strong, rated } }) => ({
      refId: readinessRef(cycle.id, indicator.id),
      cycleName: cycle.name,
      frameworkName: cycle.frameworkName,
      indicatorTitle: indicator.title,
      dimensionName: indicator.dimensionName,
      strong,
      rated,
    }));
}
