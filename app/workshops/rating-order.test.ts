import { describe, expect, it } from "vitest";
import { pickIdeasToRate, ratingGoal, type RatableIdea } from "./rating-order";

const idea = (id: string, authorParticipantId: string, ratingCount = 0): RatableIdea => ({ id, authorParticipantId, ratingCount });
const none = new Set<string>();

/** A small seeded generator so the simulations are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

type Room = { ideas: RatableIdea[]; participants: string[]; rated: Map<string, Set<string>> };

function room(participantCount: number, ideaCount: number, random: () => number): Room {
  const participants = Array.from({ length: participantCount }, (_, index) => `p${index}`);
  // Some participants wrote several ideas, most wrote none.
  const ideas = Array.from({ length: ideaCount }, (_, index) => idea(`i${index}`, participants[Math.floor(random() * 40)] ?? "p0"));
  return { ideas, participants, rated: new Map(participants.map((id) => [id, new Set<string>()])) };
}

function rate(state: Room, participantId: string, ideaId: string) {
  const target = state.ideas.find((candidate) => candidate.id === ideaId);
  if (!target) throw new Error(`unknown idea ${ideaId}`);
  target.ratingCount += 1;
  state.rated.get(participantId)?.add(ideaId);
}

function spread(ideas: readonly RatableIdea[]): number {
  const counts = ideas.map((candidate) => candidate.ratingCount);
  return Math.max(...counts) - Math.min(...counts);
}

describe("pickIdeasToRate", () => {
  it("serves the least-rated ideas first", () => {
    const ideas = [idea("a", "x", 4), idea("b", "x", 1), idea("c", "x", 0), idea("d", "x", 2)];
    expect(pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: none, count: 3, seed: "s" })).toEqual(["c", "b", "d"]);
  });

  it("never serves the participant's own idea or one they already rated", () => {
    const ideas = [idea("own", "p"), idea("done", "x"), idea("next", "x", 9)];
    expect(pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: new Set(["done"]), count: 10, seed: "s" })).toEqual(["next"]);
  });

  it("returns fewer ideas when fewer are left, and none when all are done", () => {
    const ideas = [idea("a", "x"), idea("b", "x")];
    expect(pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: none, count: 5, seed: "s" })).toHaveLength(2);
    expect(pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: new Set(["a", "b"]), count: 5, seed: "s" })).toEqual([]);
    expect(pickIdeasToRate({ ideas: [], participantId: "p", alreadyRatedIds: none, count: 5, seed: "s" })).toEqual([]);
  });

  it("treats a count that is not a positive whole number sensibly", () => {
    const ideas = [idea("a", "x"), idea("b", "x"), idea("c", "x")];
    const ask = (count: number) => pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: none, count, seed: "s" });
    expect(ask(0)).toEqual([]);
    expect(ask(-2)).toEqual([]);
    expect(ask(Number.NaN)).toEqual([]);
    expect(ask(2.9)).toHaveLength(2);
    expect(ask(Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it("counts a missing or broken rating count as none, and an idea listed twice once", () => {
    const ideas = [idea("a", "x", 2), idea("b", "x", Number.NaN), idea("c", "x", -3), idea("a", "x", 0)];
    const order = pickIdeasToRate({ ideas, participantId: "p", alreadyRatedIds: none, count: 5, seed: "s" });
    expect(order).toHaveLength(3);
    expect(order.slice(2)).toEqual(["a"]);
  });

  it("gives the same participant the same order every time", () => {
    const ideas = Array.from({ length: 20 }, (_, index) => idea(`i${index}`, "x"));
    const ask = () => pickIdeasToRate({ ideas, participantId: "p7", alreadyRatedIds: none, count: 20, seed: "activity1" });
    expect(ask()).toEqual(ask());
    expect([...ask()].sort()).toEqual(ideas.map((candidate) => candidate.id).sort());
  });

  it("breaks ties differently for different participants and activities", () => {
    const ideas = Array.from({ length: 20 }, (_, index) => idea(`i${index}`, "x"));
    const first = (participantId: string, seed: string) => pickIdeasToRate({ ideas, participantId, alreadyRatedIds: none, count: 1, seed })[0];
    const firstsByParticipant = new Set(Array.from({ length: 50 }, (_, index) => first(`p${index}`, "activity1")));
    const firstsByActivity = new Set(Array.from({ length: 50 }, (_, index) => first("p1", `activity${index}`)));
    expect(firstsByParticipant.size).toBeGreaterThan(10);
    expect(firstsByActivity.size).toBeGreaterThan(10);
  });

  it("spreads 200 participants asking at the same moment over the tied ideas", () => {
    const ideas = Array.from({ length: 60 }, (_, index) => idea(`i${index}`, "x"));
    const served = new Map<string, number>();
    for (let index = 0; index < 200; index += 1) {
      const [first] = pickIdeasToRate({ ideas, participantId: `p${index}`, alreadyRatedIds: none, count: 1, seed: "activity1" });
      if (first) served.set(first, (served.get(first) ?? 0) + 1);
    }
    expect(served.size).toBeGreaterThan(45);
    expect(Math.max(...served.values())).toBeLessThanOrEqual(10);
  });
});

describe("fair rating order in a simulated room", () => {
  it("gives 60 ideas nearly equal ratings when 200 participants rate 10 each, one at a time, in turns", () => {
    const random = mulberry32(42);
    const state = room(200, 60, random);
    for (let turn = 0; turn < 10; turn += 1) {
      for (const participantId of shuffled(state.participants, random)) {
        const [next] = pickIdeasToRate({ ideas: state.ideas, participantId, alreadyRatedIds: state.rated.get(participantId) ?? none, count: 1, seed: "activity1" });
        if (next) rate(state, participantId, next);
      }
    }
    expect(state.ideas.reduce((sum, candidate) => sum + candidate.ratingCount, 0)).toBe(2000);
    expect(spread(state.ideas)).toBeLessThanOrEqual(2);
  });

  it("stays even when each participant rates their 10 ideas in one go", () => {
    const random = mulberry32(7);
    const state = room(200, 60, random);
    for (const participantId of shuffled(state.participants, random)) {
      for (let turn = 0; turn < 10; turn += 1) {
        const [next] = pickIdeasToRate({ ideas: state.ideas, participantId, alreadyRatedIds: state.rated.get(participantId) ?? none, count: 1, seed: "activity1" });
        if (next) rate(state, participantId, next);
      }
    }
    expect(spread(state.ideas)).toBeLessThanOrEqual(2);
  });

  it("stays even for many seeds and sizes of room", () => {
    for (let seed = 1; seed <= 10; seed += 1) {
      const random = mulberry32(seed);
      const state = room(50 + seed * 20, 20 + seed * 6, random);
      for (let turn = 0; turn < 10; turn += 1) {
        for (const participantId of shuffled(state.participants, random)) {
          const [next] = pickIdeasToRate({ ideas: state.ideas, participantId, alreadyRatedIds: state.rated.get(participantId) ?? none, count: 1, seed: `activity${seed}` });
          if (next) rate(state, participantId, next);
        }
      }
      expect(spread(state.ideas)).toBeLessThanOrEqual(2);
    }
  });

  it("stays even when ratings arrive after a burst of 20 servings, counting ideas served but not yet rated", () => {
    const random = mulberry32(3);
    const state = room(200, 60, random);
    const awaiting = new Map<string, number>();
    const withAwaiting = () => state.ideas.map((candidate) => ({ ...candidate, ratingCount: candidate.ratingCount + (awaiting.get(candidate.id) ?? 0) }));
    for (let turn = 0; turn < 10; turn += 1) {
      const order = shuffled(state.participants, random);
      for (let start = 0; start < order.length; start += 20) {
        const served: { participantId: string; ideaId: string }[] = [];
        for (const participantId of order.slice(start, start + 20)) {
          const [next] = pickIdeasToRate({ ideas: withAwaiting(), participantId, alreadyRatedIds: state.rated.get(participantId) ?? none, count: 1, seed: "activity1" });
          if (!next) continue;
          awaiting.set(next, (awaiting.get(next) ?? 0) + 1);
          served.push({ participantId, ideaId: next });
        }
        for (const { participantId, ideaId } of served) {
          awaiting.set(ideaId, (awaiting.get(ideaId) ?? 0) - 1);
          rate(state, participantId, ideaId);
        }
      }
    }
    expect(spread(state.ideas)).toBeLessThanOrEqual(2);
  });
});

describe("ratingGoal", () => {
  it("asks for the activity's number of ratings when enough ideas are open to the participant", () => {
    expect(ratingGoal(10, 25)).toBe(10);
    expect(ratingGoal(10, 10)).toBe(10);
  });

  it("asks for no more ideas than are open to the participant", () => {
    expect(ratingGoal(10, 3)).toBe(3);
    expect(ratingGoal(10, 0)).toBe(0);
  });
});
