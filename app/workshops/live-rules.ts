import type { ActivityState, WorkshopStatus } from "~/generated/prisma/enums";

/*
 * How a facilitator's commands move a live workshop: which activity is on
 * screen, which one accepts input, and the room's status. Pure, so the rules
 * are tested without a database; app/workshops/live.server.ts applies the
 * plan in one transaction.
 */

export type WorkshopCommand = "start" | "pause" | "resume" | "end" | "advance" | "back";
export type ActivityCommand = "show" | "open" | "lock" | "close" | "reveal" | "conceal" | "timer";

export const WORKSHOP_COMMANDS = ["start", "pause", "resume", "end", "advance", "back"] as const satisfies readonly WorkshopCommand[];
export const ACTIVITY_COMMANDS = ["show", "open", "lock", "close", "reveal", "conceal", "timer"] as const satisfies readonly ActivityCommand[];

/** The longest countdown a facilitator can set: two hours. */
export const TIMER_MAX_SECONDS = 2 * 60 * 60;

export type RunState = {
  status: WorkshopStatus;
  currentActivityId: string | null;
  activities: readonly { id: string; position: number; state: ActivityState }[];
};

export type WorkshopChanges = Partial<{
  status: WorkshopStatus;
  currentActivityId: string | null;
  startedAt: Date;
  endedAt: Date;
}>;

export type ActivityChanges = Partial<{
  state: ActivityState;
  openedAt: Date;
  closedAt: Date | null;
  resultsVisible: boolean;
  timerEndsAt: Date | null;
}>;

/** What to write: only what changes. */
export type RunPlan = { workshop: WorkshopChanges; activities: { id: string; changes: ActivityChanges }[] };

/**
 * Why a facilitator's command cannot run now. The reason travels with the
 * acknowledgement so the console says it in the reader's language; the
 * message is the server's English, for logs and API readers only.
 */
export const REFUSAL_REASONS = [
  "notFound",
  "notStarted",
  "alreadyStarted",
  "notLive",
  "notPaused",
  "ended",
  "noNextActivity",
  "noPreviousActivity",
  "timerOutOfRange",
  "promptMissing",
  "spotlightHidden",
  "mergeTargetRequired",
  "mergeIntoItself",
  "mergeOtherActivity",
  "mergeTargetHidden",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why a command cannot run now; the socket layer answers it as `conflict` (or `not_found`). */
export type RunRefusal = { reason: RefusalReason; message: string };

export type RunOutcome = { ok: true; plan: RunPlan } | { ok: false; refusal: RunRefusal };

function refuse(reason: RunRefusal["reason"], message: string): RunOutcome {
  return { ok: false, refusal: { reason, message } };
}

class PlanBuilder {
  private readonly workshop: WorkshopChanges = {};
  private readonly activities = new Map<string, ActivityChanges>();

  constructor(private readonly state: RunState) {}

  setWorkshop(changes: WorkshopChanges) {
    Object.assign(this.workshop, changes);
    return this;
  }

  setActivity(id: string, changes: ActivityChanges) {
    this.activities.set(id, { ...this.activities.get(id), ...changes });
    return this;
  }

  /** Stops input on every open activity but `exceptId`: only one activity is open at a time. */
  lockOpenActivities(exceptId: string | null) {
    for (const activity of this.state.activities) {
      if (activity.id !== exceptId && activity.state === "open") this.setActivity(activity.id, { state: "locked", timerEndsAt: null });
    }
    return this;
  }

  build(): RunOutcome {
    return { ok: true, plan: { workshop: this.workshop, activities: [...this.activities].map(([id, changes]) => ({ id, changes })) } };
  }
}

function inAgendaOrder(state: RunState) {
  return [...state.activities].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** The plan for a command on the whole workshop. */
export function planWorkshopCommand(state: RunState, command: WorkshopCommand, now: Date): RunOutcome {
  const plan = new PlanBuilder(state);
  switch (command) {
    case "start":
      if (state.status !== "draft") return refuse(state.status === "ended" ? "ended" : "alreadyStarted", "The workshop has already started.");
      return plan.setWorkshop({ status: "live", startedAt: now }).build();
    case "pause":
      if (state.status !== "live") return refuse("notLive", "Only a live workshop can be paused.");
      return plan.setWorkshop({ status: "paused" }).build();
    case "resume":
      if (state.status !== "paused") return refuse("notPaused", "Only a paused workshop can be resumed.");
      return plan.setWorkshop({ status: "live" }).build();
    case "end":
      if (state.status === "ended") return refuse("ended", "The workshop has already ended.");
      if (state.status === "draft") return refuse("notStarted", "The workshop has not started.");
      for (const activity of state.activities) {
        if (activity.state === "open") plan.setActivity(activity.id, { state: "closed", closedAt: now, timerEndsAt: null });
      }
      return plan.setWorkshop({ status: "ended", endedAt: now }).build();
    case "advance":
    case "back": {
      if (state.status === "ended") return refuse("ended", "The workshop has ended.");
      const agenda = inAgendaOrder(state);
      const index = agenda.findIndex((activity) => activity.id === state.currentActivityId);
      const target = command === "advance" ? agenda[index + 1] : index > 0 ? agenda[index - 1] : undefined;
      if (!target) {
        return command === "advance"
          ? refuse("noNextActivity", "There is no next activity.")
          : refuse("noPreviousActivity", "There is no previous activity.");
      }
      plan.lockOpenActivities(null).setWorkshop({ currentActivityId: target.id });
      // Moving forward to an activity nobody has seen yet opens it, as the next slide of a live deck would;
      // going back only shows what was there.
      if (command === "advance" && target.state === "pending" && state.status === "live") {
        plan.setActivity(target.id, { state: "open", openedAt: now, closedAt: null });
      }
      return plan.build();
    }
  }
}

/** The plan for a command on one activity of the workshop; `seconds` is for "timer". */
export function planActivityCommand(
  state: RunState,
  activityId: string,
  command: ActivityCommand,
  now: Date,
  seconds?: number,
): RunOutcome {
  const activity = state.activities.find((candidate) => candidate.id === activityId);
  if (!activity) return refuse("notFound", "No such activity in this workshop.");
  // An ended workshop is a record of what the room said: nothing on it moves, opens, counts down or shows differently.
  if (state.status === "ended") return refuse("ended", "The workshop has ended.");
  const plan = new PlanBuilder(state);
  switch (command) {
    case "show":
      return plan.lockOpenActivities(activity.id).setWorkshop({ currentActivityId: activity.id }).build();
    case "open":
      if (state.status === "draft") return refuse("notStarted", "Start the workshop before opening an activity.");
      return plan
        .lockOpenActivities(activity.id)
        .setWorkshop({ currentActivityId: activity.id })
        .setActivity(activity.id, activity.state === "open" ? {} : { state: "open", openedAt: now, closedAt: null })
        .build();
    case "lock":
      return plan.setActivity(activity.id, { state: "locked", timerEndsAt: null }).build();
    case "close":
      return plan.setActivity(activity.id, { state: "closed", closedAt: now, timerEndsAt: null }).build();
    case "reveal":
      return plan.setActivity(activity.id, { resultsVisible: true }).build();
    case "conceal":
      return plan.setActivity(activity.id, { resultsVisible: false }).build();
    case "timer": {
      if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0 || seconds > TIMER_MAX_SECONDS) {
        return refuse("timerOutOfRange", `The timer takes a whole number of seconds from 0 to ${TIMER_MAX_SECONDS}.`);
      }
      return plan.setActivity(activity.id, { timerEndsAt: seconds === 0 ? null : new Date(now.getTime() + seconds * 1000) }).build();
    }
  }
}

/**
 * The part of a rating pool that can matter for one participant.
 * pickIdeasToRate serves least-rated first, so when `needed` ideas (what they
 * want, plus their own and those they rated, which it skips) are rated at most
 * T times, no idea rated more than T times can be among its picks. Ties at T
 * are kept whole, so its answer is exactly the same as with the whole pool,
 * at a fraction of the work once a rating round is under way.
 * `byCount` must be sorted by ratingCount, ascending.
 */
export function leastRatedCandidates<T extends { ratingCount: number }>(byCount: readonly T[], needed: number): readonly T[] {
  if (needed >= byCount.length) return byCount;
  if (needed <= 0) return [];
  const threshold = byCount[needed - 1]?.ratingCount ?? 0;
  let end = needed;
  while (end < byCount.length && (byCount[end]?.ratingCount ?? Infinity) <= threshold) end += 1;
  return byCount.slice(0, end);
}
