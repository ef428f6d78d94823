/**
 * Rules behind the dashboard's view of the visioning process: what needs a
 * district leader's attention next, from figures each capability already has.
 */

/** A shortfall smaller than this many percentage points is noise, not a missing voice. */
export const SHORTFALL_POINTS = 5;

export type GroupParticipation = { groupId: string; count: number; actualShare: number; targetShare: number; gap: number };

/** The group furthest below its target share, if any is short by at least SHORTFALL_POINTS. */
export function largestShortfall(participation: readonly GroupParticipation[]): GroupParticipation | null {
  let worst: GroupParticipation | null = null;
  for (const group of participation) {
    if (group.targetShare <= 0 || group.gap < SHORTFALL_POINTS) continue;
    if (!worst || group.gap > worst.gap) worst = group;
  }
  return worst;
}

export type CompletionStateName = "notStarted" | "rating" | "submitted" | "consensus" | "complete";

/** How many school teams of a cycle are done, and how many have not started. */
export function cycleProgress(states: readonly CompletionStateName[]): { schools: number; complete: number; notStarted: number } {
  return {
    schools: states.length,
    complete: states.filter((state) => state === "complete").length,
    notStarted: states.filter((state) => state === "notStarted").length,
  };
}

/** The cycle a dashboard shows: the open one due soonest, else the most recently due closed one. */
export function cycleToShow<C extends { status: "open" | "closed"; dueDate: Date }>(cycles: readonly C[]): C | null {
  const open = cycles.filter((cycle) => cycle.status === "open").sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  if (open[0]) return open[0];
  return [...cycles].sort((a, b) => b.dueDate.getTime() - a.dueDate.getTime())[0] ?? null;
}
