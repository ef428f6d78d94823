import { describe, expect, it } from "vitest";
import { catalogues } from "~/i18n/i18n";
import { ACTIVITY_COMMANDS, leastRatedCandidates, REFUSAL_REASONS, planActivityCommand, planWorkshopCommand, TIMER_MAX_SECONDS, type RunState } from "./live-rules";
import { pickIdeasToRate } from "./rating-order";

const now = new Date("2026-11-23T10:00:00Z");

function state(overrides: Partial<RunState> = {}): RunState {
  return {
    status: "live",
    currentActivityId: null,
    activities: [
      { id: "b", position: 1, state: "pending" },
      { id: "a", position: 0, state: "pending" },
      { id: "c", position: 2, state: "pending" },
    ],
    ...overrides,
  };
}

describe("planWorkshopCommand", () => {
  it("starts a draft, pauses and resumes a live one, and ends it", () => {
    expect(planWorkshopCommand(state({ status: "draft" }), "start", now)).toEqual({
      ok: true,
      plan: { workshop: { status: "live", startedAt: now }, activities: [] },
    });
    expect(planWorkshopCommand(state(), "pause", now)).toMatchObject({ ok: true, plan: { workshop: { status: "paused" } } });
    expect(planWorkshopCommand(state({ status: "paused" }), "resume", now)).toMatchObject({ ok: true, plan: { workshop: { status: "live" } } });
    expect(planWorkshopCommand(state({ status: "paused" }), "end", now)).toMatchObject({ ok: true, plan: { workshop: { status: "ended", endedAt: now } } });
  });

  it("refuses status changes that make no sense now", () => {
    expect(planWorkshopCommand(state(), "start", now)).toMatchObject({ ok: false, refusal: { reason: "alreadyStarted" } });
    expect(planWorkshopCommand(state({ status: "ended" }), "start", now)).toMatchObject({ ok: false, refusal: { reason: "ended" } });
    expect(planWorkshopCommand(state({ status: "paused" }), "pause", now)).toMatchObject({ ok: false, refusal: { reason: "notLive" } });
    expect(planWorkshopCommand(state(), "resume", now)).toMatchObject({ ok: false, refusal: { reason: "notPaused" } });
    expect(planWorkshopCommand(state({ status: "draft" }), "end", now)).toMatchObject({ ok: false, refusal: { reason: "notStarted" } });
    expect(planWorkshopCommand(state({ status: "ended" }), "end", now)).toMatchObject({ ok: false, refusal: { reason: "ended" } });
    expect(planWorkshopCommand(state({ status: "ended" }), "advance", now)).toMatchObject({ ok: false, refusal: { reason: "ended" } });
  });

  it("closes the open activity when the workshop ends", () => {
    const running = state({ currentActivityId: "a", activities: [{ id: "a", position: 0, state: "open" }, { id: "b", position: 1, state: "locked" }] });
    expect(planWorkshopCommand(running, "end", now)).toEqual({
      ok: true,
      plan: { workshop: { status: "ended", endedAt: now }, activities: [{ id: "a", changes: { state: "closed", closedAt: now, timerEndsAt: null } }] },
    });
  });

  it("advances in agenda order, opening an activity nobody has seen and locking the one left", () => {
    expect(planWorkshopCommand(state(), "advance", now)).toEqual({
      ok: true,
      plan: { workshop: { currentActivityId: "a" }, activities: [{ id: "a", changes: { state: "open", openedAt: now, closedAt: null } }] },
    });
    const onA = state({ currentActivityId: "a", activities: [{ id: "a", position: 0, state: "open" }, { id: "b", position: 1, state: "pending" }] });
    expect(planWorkshopCommand(onA, "advance", now)).toEqual({
      ok: true,
      plan: {
        workshop: { currentActivityId: "b" },
        activities: [
          { id: "a", changes: { state: "locked", timerEndsAt: null } },
          { id: "b", changes: { state: "open", openedAt: now, closedAt: null } },
        ],
      },
    });
  });

  it("only shows the next activity while paused or in a draft, and never reopens one already run", () => {
    const paused = state({ status: "paused", currentActivityId: "a" });
    expect(planWorkshopCommand(paused, "advance", now)).toEqual({ ok: true, plan: { workshop: { currentActivityId: "b" }, activities: [] } });
    const ran = state({ currentActivityId: "a", activities: [{ id: "a", position: 0, state: "closed" }, { id: "b", position: 1, state: "locked" }] });
    expect(planWorkshopCommand(ran, "advance", now)).toEqual({ ok: true, plan: { workshop: { currentActivityId: "b" }, activities: [] } });
  });

  it("goes back without reopening, and says when there is nowhere to go", () => {
    const onB = state({ currentActivityId: "b", activities: [{ id: "a", position: 0, state: "locked" }, { id: "b", position: 1, state: "open" }] });
    expect(planWorkshopCommand(onB, "back", now)).toEqual({
      ok: true,
      plan: { workshop: { currentActivityId: "a" }, activities: [{ id: "b", changes: { state: "locked", timerEndsAt: null } }] },
    });
    expect(planWorkshopCommand(state({ currentActivityId: "a" }), "back", now)).toMatchObject({ ok: false, refusal: { reason: "noPreviousActivity" } });
    expect(planWorkshopCommand(state(), "back", now)).toMatchObject({ ok: false, refusal: { reason: "noPreviousActivity" } });
    expect(planWorkshopCommand(state({ currentActivityId: "c" }), "advance", now)).toMatchObject({ ok: false, refusal: { reason: "noNextActivity" } });
    expect(planWorkshopCommand(state({ activities: [] }), "advance", now)).toMatchObject({ ok: false, refusal: { reason: "noNextActivity" } });
  });
});

describe("planActivityCommand", () => {
  const twoOpen = state({ currentActivityId: "a", activities: [{ id: "a", position: 0, state: "open" }, { id: "b", position: 1, state: "pending" }] });

  it("opens one activity, makes it current and stops input on the other", () => {
    expect(planActivityCommand(twoOpen, "b", "open", now)).toEqual({
      ok: true,
      plan: {
        workshop: { currentActivityId: "b" },
        activities: [
          { id: "a", changes: { state: "locked", timerEndsAt: null } },
          { id: "b", changes: { state: "open", openedAt: now, closedAt: null } },
        ],
      },
    });
  });

  it("shows an activity without opening it, still stopping input elsewhere", () => {
    expect(planActivityCommand(twoOpen, "b", "show", now)).toEqual({
      ok: true,
      plan: { workshop: { currentActivityId: "b" }, activities: [{ id: "a", changes: { state: "locked", timerEndsAt: null } }] },
    });
    expect(planActivityCommand(twoOpen, "a", "show", now)).toEqual({ ok: true, plan: { workshop: { currentActivityId: "a" }, activities: [] } });
  });

  it("opens only while the workshop runs", () => {
    expect(planActivityCommand(state({ status: "draft" }), "a", "open", now)).toMatchObject({ ok: false, refusal: { reason: "notStarted" } });
    expect(planActivityCommand(state({ status: "ended" }), "a", "open", now)).toMatchObject({ ok: false, refusal: { reason: "ended" } });
    expect(planActivityCommand(state({ status: "paused" }), "a", "open", now)).toMatchObject({ ok: true });
  });

  it("locks and closes, stopping the countdown", () => {
    expect(planActivityCommand(twoOpen, "a", "lock", now)).toEqual({
      ok: true,
      plan: { workshop: {}, activities: [{ id: "a", changes: { state: "locked", timerEndsAt: null } }] },
    });
    expect(planActivityCommand(twoOpen, "a", "close", now)).toEqual({
      ok: true,
      plan: { workshop: {}, activities: [{ id: "a", changes: { state: "closed", closedAt: now, timerEndsAt: null } }] },
    });
  });

  it("reveals and conceals results", () => {
    expect(planActivityCommand(twoOpen, "a", "reveal", now)).toMatchObject({ ok: true, plan: { activities: [{ id: "a", changes: { resultsVisible: true } }] } });
    expect(planActivityCommand(twoOpen, "a", "conceal", now)).toMatchObject({ ok: true, plan: { activities: [{ id: "a", changes: { resultsVisible: false } }] } });
  });

  it("sets and clears the timer, within range", () => {
    expect(planActivityCommand(twoOpen, "a", "timer", now, 90)).toMatchObject({
      ok: true,
      plan: { activities: [{ id: "a", changes: { timerEndsAt: new Date("2026-11-23T10:01:30Z") } }] },
    });
    expect(planActivityCommand(twoOpen, "a", "timer", now, 0)).toMatchObject({ ok: true, plan: { activities: [{ id: "a", changes: { timerEndsAt: null } }] } });
    for (const seconds of [undefined, -1, 1.5, TIMER_MAX_SECONDS + 1]) {
      expect(planActivityCommand(twoOpen, "a", "timer", now, seconds)).toMatchObject({ ok: false, refusal: { reason: "timerOutOfRange" } });
    }
  });

  it("refuses every activity command once the workshop has ended", () => {
    const ended = state({ status: "ended" });
    for (const command of ACTIVITY_COMMANDS) {
      expect(planActivityCommand(ended, "a", command, now, 60)).toEqual({ ok: false, refusal: { reason: "ended", message: "The workshop has ended." } });
    }
  });

  it("refuses an activity that is not in the workshop", () => {
    expect(planActivityCommand(twoOpen, "elsewhere", "open", now)).toMatchObject({ ok: false, refusal: { reason: "notFound" } });
  });
});

describe("refusal reasons", () => {
  it("each has a message in every language, so the console never shows the server's English", () => {
    for (const reason of REFUSAL_REASONS) {
      expect(catalogues.en.live.console.refusals[reason]).toBeTruthy();
      expect(catalogues.es.live.console.refusals[reason]).toBeTruthy();
      expect(catalogues.es.live.console.refusals[reason]).not.toBe(catalogues.en.live.console.refusals[reason]);
    }
  });
});

describe("leastRatedCandidates", () => {
  const pool = (counts: number[]) => counts.map((ratingCount, index) => ({ id: `i${index}`, ratingCount }));

  it("keeps the least-rated ideas up to what is needed, with the whole tie at the edge", () => {
    const sorted = pool([0, 0, 1, 1, 1, 2, 3]);
    expect(leastRatedCandidates(sorted, 3).map((idea) => idea.id)).toEqual(["i0", "i1", "i2", "i3", "i4"]);
    expect(leastRatedCandidates(sorted, 2).map((idea) => idea.id)).toEqual(["i0", "i1"]);
    expect(leastRatedCandidates(sorted, 7)).toHaveLength(7);
    expect(leastRatedCandidates(sorted, 10)).toHaveLength(7);
    expect(leastRatedCandidates(sorted, 0)).toEqual([]);
  });

  it("never changes what pickIdeasToRate picks", () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 200; round += 1) {
      const ideas = Array.from({ length: 5 + Math.floor(random() * 60) }, (_, index) => ({
        id: `idea${index}`,
        authorParticipantId: `p${Math.floor(random() * 8)}`,
        ratingCount: Math.floor(random() * 4),
      }));
      const participantId = `p${Math.floor(random() * 8)}`;
      const alreadyRatedIds = new Set(ideas.filter(() => random() < 0.2).map((idea) => idea.id));
      const count = 1 + Math.floor(random() * 5);
      const own = ideas.filter((idea) => idea.authorParticipantId === participantId).length;
      const byCount = [...ideas].sort((a, b) => a.ratingCount - b.ratingCount);
      const whole = pickIdeasToRate({ ideas, participantId, alreadyRatedIds, count, seed: "rate" });
      const part = pickIdeasToRate({ ideas: leastRatedCandidates(byCount, count + own + alreadyRatedIds.size), participantId, alreadyRatedIds, count, seed: "rate" });
      expect(part).toEqual(whole);
    }
  });
});
