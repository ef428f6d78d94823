import { describe, expect, it } from "vitest";
import type { ActivityView } from "../../server/socket/events";
import {
  biggestGaps,
  countdownAnnouncement,
  formatCountdown,
  ideaNumbers,
  inEveryLanguage,
  mergedCounts,
  moveItem,
  newestFirst,
  readActivity,
  secondsLeft,
  submissionProblems,
  translated,
  visibleIdeas,
  wordSize,
} from "./live-view";

function activity(type: ActivityView["type"], config: Record<string, unknown>): ActivityView {
  return { id: "a1", position: 0, type, state: "open", config, resultsVisible: false, timerEndsAt: null, spotlightIdeaId: null };
}

describe("readActivity", () => {
  it("reads a poll's options with their labels", () => {
    const read = readActivity(
      activity("poll", {
        prompt: { en: "Which matters most?", es: "¿Qué importa más?" },
        options: [
          { id: "o1", label: { en: "Arts", es: "Artes" } },
          { id: "o2", label: { en: "Sports", es: "Deportes" } },
        ],
        multiple: false,
      }),
      ["en", "es"],
    );
    expect(read?.type).toBe("poll");
    if (read?.type !== "poll") throw new Error("not a poll");
    expect(read.config.options.map((o) => o.id)).toEqual(["o1", "o2"]);
    expect(read.config.multiple).toBe(false);
  });

  it("still reads an activity written before a language was added to the workshop", () => {
    const read = readActivity(activity("brainstorm", { prompt: { en: "Ideas?" }, maxIdeasPerParticipant: 3 }), ["en", "es"]);
    expect(read?.type).toBe("brainstorm");
  });

  it("refuses settings it cannot read rather than guessing", () => {
    expect(readActivity(activity("poll", { prompt: { en: "Pick" }, options: "nope" }), ["en"])).toBeNull();
    expect(readActivity(activity("scale", {}), ["en"])).toBeNull();
    expect(readActivity({ ...activity("poll", {}), type: "quiz" as ActivityView["type"] }, ["en"])).toBeNull();
  });
});

describe("ideas the room sees", () => {
  const ideas = [
    { id: "a", hidden: false, mergedIntoId: null, createdAt: "2026-11-23T10:00:00.000Z" },
    { id: "b", hidden: true, mergedIntoId: null, createdAt: "2026-11-23T10:01:00.000Z" },
    { id: "c", hidden: false, mergedIntoId: "a", createdAt: "2026-11-23T10:02:00.000Z" },
    { id: "d", hidden: false, mergedIntoId: "a", createdAt: "2026-11-23T10:02:00.000Z" },
  ];

  it("leaves out hidden and merged ideas", () => {
    expect(visibleIdeas(ideas).map((i) => i.id)).toEqual(["a"]);
  });

  it("counts the duplicates merged into each idea", () => {
    expect(mergedCounts(ideas).get("a")).toBe(2);
    expect(mergedCounts(ideas).has("b")).toBe(false);
  });

  it("orders newest first, ties by id", () => {
    expect(newestFirst(ideas).map((i) => i.id)).toEqual(["c", "d", "b", "a"]);
  });

  it("numbers ideas in order of arrival, so two with the same text can be told apart", () => {
    const numbers = ideaNumbers(ideas);
    expect([...numbers.entries()].sort((x, y) => x[1] - y[1]).map(([id]) => id)).toEqual(["a", "b", "d", "c"]);
    expect(ideaNumbers([...ideas].reverse())).toEqual(numbers);
  });
});

describe("inEveryLanguage", () => {
  const text = { en: "Creativity", es: "Creatividad" };

  it("gives the page's language first, then the workshop's others, marking those in another language", () => {
    expect(inEveryLanguage(text, "es", ["en", "es"])).toEqual([
      { text: "Creatividad", lang: undefined },
      { text: "Creativity", lang: "en" },
    ]);
    expect(inEveryLanguage(text, "en", ["en"])).toEqual([{ text: "Creativity", lang: undefined }]);
  });

  it("leaves out languages the text is not written in", () => {
    expect(inEveryLanguage({ en: "Only English" }, "es", ["en", "es"])).toEqual([{ text: "Only English", lang: "en" }]);
  });
});

describe("countdowns", () => {
  const end = "2026-11-23T10:05:00.000Z";
  const device = Date.parse("2026-11-23T10:04:00.000Z");

  it("counts on the server's clock when the phone's clock is off", () => {
    expect(secondsLeft(end, device, 0)).toBe(60);
    // The phone is 30 s slow: the server is already at 10:04:30.
    expect(secondsLeft(end, device, 30_000)).toBe(30);
    expect(secondsLeft(end, device, 120_000)).toBe(0);
    expect(secondsLeft("not a date", device, 0)).toBe(0);
  });

  it("rounds up so that a countdown shows 0:00 only when it is over", () => {
    expect(secondsLeft(end, device + 59_500, 0)).toBe(1);
  });

  it("formats minutes and seconds, and hours when needed", () => {
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(65)).toBe("1:05");
    expect(formatCountdown(3723)).toBe("1:02:03");
    expect(formatCountdown(-3)).toBe("0:00");
  });

  it("announces only the last minute and the end", () => {
    expect(countdownAnnouncement(null, 120)).toBeNull();
    expect(countdownAnnouncement(120, 119)).toBeNull();
    expect(countdownAnnouncement(61, 60)).toBe("oneMinute");
    // A second skipped by a sleeping phone still announces the last minute once.
    expect(countdownAnnouncement(62, 59)).toBe("oneMinute");
    expect(countdownAnnouncement(60, 59)).toBeNull();
    expect(countdownAnnouncement(1, 0)).toBe("timeUp");
    expect(countdownAnnouncement(0, 0)).toBeNull();
    // A timer set again to a longer time says nothing.
    expect(countdownAnnouncement(10, 300)).toBeNull();
  });
});

describe("who is missing", () => {
  const row = (id: string, count: number, actualShare: number, targetShare: number) => ({
    stakeholderGroupId: id,
    name: id,
    count,
    actualShare,
    targetShare,
    gap: targetShare - actualShare,
  });

  it("lists the groups furthest below target first, and only real shortfalls", () => {
    const rows = [row("families", 2, 0.2, 0.25), row("students", 0, 0, 0.2), row("teachers", 8, 0.8, 0.15), row("board", 0, 0, 0)];
    expect(biggestGaps(rows).map((r) => r.stakeholderGroupId)).toEqual(["students", "families"]);
    expect(biggestGaps(rows, 1).map((r) => r.stakeholderGroupId)).toEqual(["students"]);
  });

  it("flags no group before anyone has joined, whatever the shares say", () => {
    const empty = [row("families", 0, 0, 0.25), row("students", 0, 0, 0.2), row("teachers", 0, 0.1, 0.15)];
    expect(biggestGaps(empty)).toEqual([]);
  });
});

describe("word sizes and ranking moves", () => {
  it("sizes words from 1 to 5 against the most frequent", () => {
    expect(wordSize(10, 10)).toBe(5);
    expect(wordSize(1, 10)).toBe(1);
    expect(wordSize(5, 10)).toBe(3);
    expect(wordSize(0, 0)).toBe(1);
  });

  it("moves an item one place and leaves the ends alone", () => {
    expect(moveItem(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, "up")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, "down")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a"], 5, "up")).toEqual(["a"]);
  });
});

describe("translated", () => {
  it("uses the reader's language, else the first written one with its language", () => {
    expect(translated({ en: "Ideas?", es: "¿Ideas?" }, "es")).toEqual({ text: "¿Ideas?", lang: undefined });
    expect(translated({ en: "Ideas?" }, "es")).toEqual({ text: "Ideas?", lang: "en" });
    expect(translated({ en: "", es: "¿Ideas?" }, "en")).toEqual({ text: "¿Ideas?", lang: "es" });
    expect(translated(undefined, "en")).toEqual({ text: "", lang: undefined });
  });
});

describe("submissionProblems", () => {
  const wordcloud = readActivity(activity("wordcloud", { prompt: { en: "One word" }, maxWords: 2 }), ["en"]);
  const nomination = readActivity(activity("nomination", { prompt: { en: "Who?" } }), ["en"]);
  const brainstorm = readActivity(activity("brainstorm", { prompt: { en: "Ideas?" }, maxIdeasPerParticipant: 3 }), ["en"]);
  if (!wordcloud || !nomination || !brainstorm) throw new Error("fixtures must read");

  it("accepts a good answer", () => {
    expect(submissionProblems(brainstorm, { text: "Outdoor classrooms" })).toEqual({});
    expect(submissionProblems(wordcloud, { words: ["curious", ""] })).toEqual({});
  });

  it("names each field's problem with the activity message keys", () => {
    expect(submissionProblems(brainstorm, { text: "   " })).toEqual({ text: "required" });
    expect(submissionProblems(brainstorm, { text: "x".repeat(281) })).toEqual({ text: "tooLong" });
    expect(submissionProblems(wordcloud, { words: ["two words"] })).toEqual({ "words.0": "oneWordOnly" });
    expect(submissionProblems(nomination, { nomineeName: "Ana", reason: "Leads the garden club", contact: "ana@example.org", consent: false })).toEqual({
      consent: "consentRequired",
    });
  });
});
