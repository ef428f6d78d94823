import { describe, expect, it } from "vitest";
import { configSchemaFor } from "./activity-types";
import type { LiveActivity } from "./live-view";
import { activityOutcomes, brainstormIdeas, ideaRoots, parseGroupFilter, ratingsOnRoots, workshopConsensus, type ResultsIdea, type ResultsRating } from "./results";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 18, minute));

function idea(id: string, group: string, extra: Partial<ResultsIdea> = {}): ResultsIdea {
  return { id, activityId: "b1", text: `Idea ${id}`, language: "en", stakeholderGroupId: group, hidden: false, mergedIntoId: null, themeId: null, createdAt: at(0), ...extra };
}

function ratings(ideaId: string, group: string, values: number[], activityId = "r1"): ResultsRating[] {
  return values.map((value) => ({ activityId, ideaId, value, stakeholderGroupId: group }));
}

function activity<T extends LiveActivity["type"]>(id: string, position: number, type: T, config: unknown): LiveActivity {
  const parsed = configSchemaFor(type, ["en"]).parse(config);
  return { id, position, type, config: parsed, state: "closed", resultsVisible: true, timerEndsAt: null, spotlightIdeaId: null } as LiveActivity;
}

describe("parseGroupFilter", () => {
  const groups = ["g-families", "g-students"];
  it("reads no group, a blank group or a known group", () => {
    expect(parseGroupFilter(null, groups)).toEqual({ ok: true, groupId: null });
    expect(parseGroupFilter("", groups)).toEqual({ ok: true, groupId: null });
    expect(parseGroupFilter("g-students", groups)).toEqual({ ok: true, groupId: "g-students" });
    expect(parseGroupFilter(" g-students ", groups)).toEqual({ ok: true, groupId: "g-students" });
  });
  it("calls anything else an unknown group", () => {
    for (const raw of ["g-teachers", "x".repeat(65), "g families", "<script>", "g-families'--"]) {
      expect(parseGroupFilter(raw, groups)).toEqual({ ok: false, problem: "unknownGroup" });
    }
  });
});

describe("ideaRoots", () => {
  it("maps merged duplicates to their target, follows chains, and leaves out hidden ideas and broken chains", () => {
    const roots = ideaRoots([
      idea("a", "f"),
      idea("b", "f", { mergedIntoId: "a" }),
      idea("c", "f", { mergedIntoId: "b" }),
      idea("h", "f", { hidden: true }),
      idea("d", "f", { mergedIntoId: "h" }),
      idea("x", "f", { mergedIntoId: "y" }),
      idea("y", "f", { mergedIntoId: "x" }),
      idea("z", "f", { mergedIntoId: "gone" }),
    ]);
    expect(Object.fromEntries(roots)).toEqual({ a: "a", b: "a", c: "a" });
  });
  it("moves ratings onto roots and drops ratings of hidden ideas", () => {
    const roots = ideaRoots([idea("a", "f"), idea("b", "f", { mergedIntoId: "a" }), idea("h", "f", { hidden: true })]);
    const moved = ratingsOnRoots([...ratings("a", "f", [5]), ...ratings("b", "f", [3]), ...ratings("h", "f", [1])], roots);
    expect(moved.map((rating) => [rating.ideaId, rating.value])).toEqual([
      ["a", 5],
      ["a", 3],
    ]);
  });
});

describe("brainstormIdeas", () => {
  const ideas = [
    idea("a", "families", { createdAt: at(1) }),
    idea("b", "students", { createdAt: at(2), mergedIntoId: "a" }),
    idea("c", "students", { createdAt: at(3) }),
    idea("d", "teachers", { createdAt: at(4) }),
    idea("h", "students", { createdAt: at(5), hidden: true }),
    idea("o", "students", { activityId: "other" }),
  ];
  const all = [...ratings("a", "families", [5, 5]), ...ratings("b", "students", [2]), ...ratings("c", "students", [4, 4, 4]), ...ratings("h", "families", [5])];

  it("lists the activity's shown ideas best rated first (newest first on a tie), duplicates counted with their target, unrated last", () => {
    const result = brainstormIdeas("b1", ideas, all, null);
    expect(result.map((entry) => [entry.id, entry.ratingCount, entry.mean, entry.mergedCount])).toEqual([
      ["c", 3, 4, 0],
      ["a", 3, 4, 1],
      ["d", 0, null, 0],
    ]);
  });

  it("with a group, keeps that group's ideas and counts that group's ratings only", () => {
    const result = brainstormIdeas("b1", ideas, all, "students");
    expect(result.map((entry) => [entry.id, entry.ratingCount, entry.mean])).toEqual([["c", 3, 4]]);
    const families = brainstormIdeas("b1", ideas, all, "families");
    expect(families.map((entry) => [entry.id, entry.ratingCount, entry.mean])).toEqual([["a", 2, 5]]);
  });
});

describe("workshopConsensus", () => {
  it("finds common ground and divisive ideas across groups, on roots, without hidden ideas", () => {
    const ideas = [idea("shared", "f"), idea("dup", "f", { mergedIntoId: "shared" }), idea("split", "s"), idea("hid", "s", { hidden: true })];
    const rows = [
      ...ratings("shared", "families", [5, 4]),
      ...ratings("dup", "families", [5]),
      ...ratings("shared", "students", [4, 4, 5]),
      ...ratings("split", "families", [1, 2, 1]),
      ...ratings("split", "students", [5, 5, 4]),
      ...ratings("hid", "families", [5, 5, 5]),
      ...ratings("hid", "students", [5, 5, 5]),
    ];
    const consensus = workshopConsensus(ideas, rows);
    expect(consensus.commonGround.map((entry) => entry.ideaId)).toEqual(["shared"]);
    expect(consensus.divisive.map((entry) => entry.ideaId)).toEqual(["split"]);
  });
});

describe("activityOutcomes", () => {
  const activities = [
    activity("b1", 0, "brainstorm", { prompt: { en: "Ideas?" } }),
    activity("r1", 1, "rate", { prompt: { en: "Rate" }, sourceActivityId: "b1" }),
    activity("p1", 2, "poll", { prompt: { en: "Pick" }, options: [{ id: "x", label: { en: "X" } }, { id: "y", label: { en: "Y" } }] }),
    activity("s1", 3, "scale", { prompt: { en: "How much?" }, max: 5 }),
    activity("w1", 4, "wordcloud", { prompt: { en: "Words" } }),
    activity("k1", 5, "ranking", { prompt: { en: "Order" }, items: [{ id: "one", label: { en: "One" } }, { id: "two", label: { en: "Two" } }] }),
    activity("n1", 6, "nomination", { prompt: { en: "Who?" } }),
  ];
  const rows = {
    activities,
    ideas: [idea("a", "families"), idea("c", "students")],
    ratings: [...ratings("a", "families", [5]), ...ratings("c", "students", [3, 4])],
    responses: [
      { activityId: "p1", stakeholderGroupId: "families", payload: { optionIds: ["x"] } },
      { activityId: "p1", stakeholderGroupId: "students", payload: { optionIds: ["y"] } },
      { activityId: "p1", stakeholderGroupId: "students", payload: { optionIds: ["y"] } },
      { activityId: "s1", stakeholderGroupId: "families", payload: { value: 2 } },
      { activityId: "s1", stakeholderGroupId: "students", payload: { value: 4 } },
      { activityId: "w1", stakeholderGroupId: "students", payload: { words: ["Kind", "brave"] } },
      { activityId: "w1", stakeholderGroupId: "families", payload: { words: ["kind"] } },
      { activityId: "k1", stakeholderGroupId: "families", payload: { order: ["one", "two"] } },
      { activityId: "k1", stakeholderGroupId: "students", payload: { order: ["two", "one"] } },
      { activityId: "k1", stakeholderGroupId: "students", payload: { order: ["two", "one"] } },
    ],
    nominationCounts: new Map([["n1", [{ stakeholderGroupId: "families", count: 2 }, { stakeholderGroupId: "students", count: 1 }]]]),
  };

  it("gives every activity's figures for everyone, in agenda order", () => {
    const outcomes = activityOutcomes(rows, null, "en");
    expect(outcomes.map((outcome) => outcome.type)).toEqual(["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"]);
    const [brainstorm, rate, poll, scale, words, ranking, nomination] = outcomes;
    expect(brainstorm?.type === "brainstorm" && brainstorm.ideas.map((entry) => entry.id)).toEqual(["a", "c"]);
    expect(rate?.type === "rate" && rate.ratingCount).toBe(3);
    expect(poll?.type === "poll" && poll.options.map((option) => option.count)).toEqual([1, 2]);
    expect(scale?.type === "scale" && scale.mean).toBe(3);
    expect(words?.type === "wordcloud" && words.words).toEqual([
      { word: "kind", count: 2 },
      { word: "brave", count: 1 },
    ]);
    expect(ranking?.type === "ranking" && ranking.items.map((item) => item.id)).toEqual(["two", "one"]);
    expect(nomination?.type === "nomination" && nomination.count).toBe(3);
  });

  it("counts one group's answers only when filtered", () => {
    const outcomes = activityOutcomes(rows, "families", "en");
    const [brainstorm, rate, poll, scale, words, ranking, nomination] = outcomes;
    expect(brainstorm?.type === "brainstorm" && brainstorm.ideas.map((entry) => entry.id)).toEqual(["a"]);
    expect(rate?.type === "rate" && rate.ratingCount).toBe(1);
    expect(poll?.type === "poll" && [poll.respondents, ...poll.options.map((option) => option.count)]).toEqual([1, 1, 0]);
    expect(scale?.type === "scale" && scale.mean).toBe(2);
    expect(words?.type === "wordcloud" && words.words).toEqual([{ word: "kind", count: 1 }]);
    expect(ranking?.type === "ranking" && ranking.items.map((item) => item.id)).toEqual(["one", "two"]);
    expect(nomination?.type === "nomination" && nomination.count).toBe(2);
  });
});
