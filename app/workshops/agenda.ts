import { z } from "zod";
import type { ActivityType } from "./activity-types";

/** A workshop id in an address: the pages answer anything else with a 404. */
export const workshopIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Who may prepare and run workshops; school team members may only look at the list. */
export const WORKSHOP_MANAGER_ROLES = ["leader", "facilitator"] as const;

export function canManageWorkshops(role: string): boolean {
  return (WORKSHOP_MANAGER_ROLES as readonly string[]).includes(role);
}

/** An activity as the agenda rules see it, in agenda order. */
export type AgendaEntry = { id: string; type: ActivityType; sourceActivityId: string | null };

export type AgendaProblem = "sourceMissing" | "sourceNotBrainstorm" | "sourceNotEarlier";

/** The brainstorm a rate activity rates, from its stored config. */
export function sourceActivityIdOf(type: ActivityType, config: unknown): string | null {
  if (type !== "rate" || config === null || typeof config !== "object") return null;
  const source = (config as { sourceActivityId?: unknown }).sourceActivityId;
  return typeof source === "string" ? source : null;
}

/**
 * Why `sourceId` cannot be the brainstorm rated by the activity at `index` of
 * `agenda`, or null when it can: the ideas to rate must come from a
 * brainstorm that runs before the rating does.
 */
export function rateSourceProblem(agenda: readonly AgendaEntry[], index: number, sourceId: string): AgendaProblem | null {
  const sourceIndex = agenda.findIndex((entry) => entry.id === sourceId);
  if (sourceIndex < 0) return "sourceMissing";
  if (agenda[sourceIndex]?.type !== "brainstorm") return "sourceNotBrainstorm";
  if (sourceIndex >= index) return "sourceNotEarlier";
  return null;
}

/** The first rate activity whose brainstorm is not earlier in `agenda`, with the reason, or null. */
export function agendaOrderProblem(agenda: readonly AgendaEntry[]): { activityId: string; problem: AgendaProblem } | null {
  for (const [index, entry] of agenda.entries()) {
    if (entry.type !== "rate") continue;
    const problem = entry.sourceActivityId === null ? "sourceMissing" : rateSourceProblem(agenda, index, entry.sourceActivityId);
    if (problem) return { activityId: entry.id, problem };
  }
  return null;
}

/** The brainstorms a rate activity at `index` may rate: those earlier in the agenda. */
export function brainstormsBefore<T extends { type: ActivityType }>(agenda: readonly T[], index: number): T[] {
  return agenda.slice(0, Math.max(0, index)).filter((entry) => entry.type === "brainstorm");
}

/** The agenda with `id` swapped with its neighbour, or null when it is already at that end. */
export function moveInAgenda<T extends { id: string }>(agenda: readonly T[], id: string, direction: "up" | "down"): T[] | null {
  const from = agenda.findIndex((entry) => entry.id === id);
  if (from < 0) return null;
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= agenda.length) return null;
  const moved = [...agenda];
  [moved[from], moved[to]] = [moved[to] as T, moved[from] as T];
  return moved;
}

/**
 * Where a workshop's staff pages live. The console sits in the signed-in
 * layout; the presenter view is a page of its own (app/routes/present.$workshopId.tsx)
 * so that a projector shows nothing but the room.
 */
export function workshopPaths(workshopId: string) {
  const id = encodeURIComponent(workshopId);
  return {
    page: `/workshops/${id}`,
    run: `/workshops/${id}/run`,
    present: `/present/${id}`,
    results: `/workshops/${id}/results`,
    themes: `/workshops/${id}/themes`,
  };
}

/**
 * The prompts a workshop cannot start without: for each activity (numbered
 * from 1 in agenda order) each offered language its prompt is not written
 * in. Participants choose any offered language and must read every prompt.
 */
export function missingPrompts(
  activities: readonly { position: number; id: string; config: unknown }[],
  languages: readonly string[],
): { number: number; language: string }[] {
  const ordered = [...activities].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  return ordered.flatMap((activity, index) => {
    const config = activity.config !== null && typeof activity.config === "object" ? (activity.config as { prompt?: unknown }) : {};
    const prompt = config.prompt !== null && typeof config.prompt === "object" ? (config.prompt as Record<string, unknown>) : {};
    return languages
      .filter((language) => typeof prompt[language] !== "string" || (prompt[language] as string).trim() === "")
      .map((language) => ({ number: index + 1, language }));
  });
}
