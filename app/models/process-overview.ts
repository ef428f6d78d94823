import { canManageChampions, championPaths } from "~/champions/champion";
import type { Role } from "~/generated/prisma/enums";

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

/** What the dashboard may point at: the ids its cards link to. */
export type DashboardTargets = {
  nextWorkshopId: string | null;
  lastWorkshopId: string | null;
  competencyWithoutEvidenceId: string | null;
  cycleId: string | null;
};

/**
 * Every address the dashboard links to, or null where the reader's role would
 * be refused by the page's own guard: a link must never lead to a 403.
 */
export function dashboardLinks(role: Role, targets: DashboardTargets) {
  const leader = role === "leader";
  return {
    nextWorkshop: targets.nextWorkshopId ? `/workshops/${targets.nextWorkshopId}` : null,
    workshopResults: targets.lastWorkshopId ? `/workshops/${targets.lastWorkshopId}/results` : null,
    workshops: "/workshops",
    findEvidence: targets.competencyWithoutEvidenceId ? `/portrait/evidence?competency=${encodeURIComponent(targets.competencyWithoutEvidenceId)}` : null,
    portrait: "/portrait",
    championCoverage: championPaths.coverage,
    nominations: canManageChampions(role) ? championPaths.nominations : null,
    cycle: targets.cycleId ? `/readiness/cycles/${targets.cycleId}` : null,
    newCycle: leader ? "/readiness/cycles/new" : null,
    messages: "/messages/audiences",
    schools: leader ? "/settings/schools" : null,
    staff: leader ? "/settings/staff" : null,
    groups: leader ? "/settings/groups" : null,
  };
}

export type DashboardLinks = ReturnType<typeof dashboardLinks>;
