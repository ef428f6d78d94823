import { describe, expect, it } from "vitest";
import { bordaCount, ideaRatingStats, pollResults, scaleResults, wordCloud } from "./aggregate";

describe("pollResults", () => {
  const options = [{ id: "yes" }, { id: "no" }, { id: "unsure" }];

  it("counts votes per option in the poll's order, with shares of respondents", () => {
    const results = pollResults(options, [{ optionIds: ["yes"] }, { optionIds: ["no"] }, { optionIds: ["yes"] }, { optionIds: ["yes"] }]);
    expect(results).toEqual({
      respondents: 4,
      options: [
        { id: "yes", count: 3, share: 0.75 },
        { id: "no", count: 1, share: 0.25 },
        { id: "unsure", count: 0, share: 0 },
      ],
    });
  });

  it("counts each selection of a multiple-choice poll", () => {
    const results = pollResults(options, [{ optionIds: ["yes", "no"] }, { optionIds: ["yes"] }]);
    expect(results.respondents).toBe(2);
    expect(results.options.map((option) => [option.id, option.count, option.share])).toEqual([
      ["yes", 2, 1],
      ["no", 1, 0.5],
      ["unsure", 0, 0],
    ]);
  });

  it("ignores unknown options and repeated selections", () => {
    const results = pollResults(options, [{ optionIds: ["gone"] }, { optionIds: ["no", "no", "gone"] }, { optionIds: [] }]);
    expect(results.respondents).toBe(1);
    expect(results.options.find((option) => option.id === "no")).toEqual({ id: "no", count: 1, share: 1 });
  });

  it("reports zero shares when nobody answered or the poll has no options", () => {
    expect(pollResults(options, []).options.every((option) => option.count === 0 && option.share === 0)).toBe(true);
    expect(pollResults([], [{ optionIds: ["yes"] }])).toEqual({ respondents: 0, options: [] });
  });
});

describe("scaleResults", () => {
  it("spreads answers over every point of the scale, with mean and median", () => {
    const results = scaleResults(1, 5, [5, 4, 4, 2]);
    expect(results.count).toBe(4);
    expect(results.mean).toBe(3.75);
    expect(results.median).toBe(4);
    expect(results.distribution).toEqual([
      { value: 1, count: 0, share: 0 },
      { value: 2, count: 1, share: 0.25 },
      { value: 3, count: 0, share: 0 },
      { value: 4, count: 2, share: 0.5 },
      { value: 5, count: 1, share: 0.25 },
    ]);
  });

  it("takes the middle answer of an odd count and the midpoint of an even one", () => {
    expect(scaleResults(1, 10, [9, 1, 3]).median).toBe(3);
    expect(scaleResults(1, 10, [1, 2, 9, 10]).median).toBe(5.5);
    expect(scaleResults(1, 5, [3]).median).toBe(3);
  });

  it("has no mean or median when nobody answered", () => {
    const results = scaleResults(1, 3, []);
    expect(results).toMatchObject({ count: 0, mean: null, median: null });
    expect(results.distribution.map((point) => point.count)).toEqual([0, 0, 0]);
  });

  it("ignores answers off the scale", () => {
    expect(scaleResults(1, 5, [0, 6, 2.5, Number.NaN, 3]).count).toBe(1);
  });

  it("refuses a scale that is not a range of whole numbers", () => {
    expect(() => scaleResults(5, 1, [])).toThrow(RangeError);
    expect(() => scaleResults(1, 5.5, [])).toThrow(RangeError);
    expect(() => scaleResults(1, 1e9, [])).toThrow(RangeError);
  });
});

describe("wordCloud", () => {
  it("counts words case-folded, most frequent first, then alphabetically", () => {
    expect(wordCloud([["Curious", "kind"], ["curious"], ["Kind"], ["brave"], ["CURIOUS"]], "en")).toEqual([
      { word: "curious", count: 3 },
      { word: "kind", count: 2 },
      { word: "brave", count: 1 },
    ]);
  });

  it("keeps accents and trims surrounding punctuation", () => {
    expect(wordCloud([["Éxito!"], ["éxito"], ["exito"], ["«respeto»"], ["well-being."]], "es")).toEqual([
      { word: "éxito", count: 2 },
      { word: "exito", count: 1 },
      { word: "respeto", count: 1 },
      { word: "well-being", count: 1 },
    ]);
  });

  it("sorts ties in the reader's alphabet", () => {
    expect(wordCloud([["zorro", "árbol", "barco"]], "es").map((entry) => entry.word)).toEqual(["árbol", "barco", "zorro"]);
  });

  it("leaves out English and Spanish stop words", () => {
    expect(wordCloud([["the", "Y", "también", "don’t", "creativity"], ["Para", "...", ""]], "en")).toEqual([{ word: "creativity", count: 1 }]);
  });

  it("counts a word once per participant", () => {
    expect(wordCloud([["hope", "Hope", "HOPE"]], "en")).toEqual([{ word: "hope", count: 1 }]);
  });

  it("keeps the top 100 words, or the limit given", () => {
    const lists = Array.from({ length: 150 }, (_, index) => [`word${String(index).padStart(3, "0")}`]);
    expect(wordCloud(lists, "en")).toHaveLength(100);
    expect(wordCloud(lists, "en", 5).map((entry) => entry.word)).toEqual(["word000", "word001", "word002", "word003", "word004"]);
    expect(wordCloud(lists, "en", -1)).toEqual([]);
  });

  it("is empty when nobody answered", () => {
    expect(wordCloud([], "es")).toEqual([]);
  });
});

describe("bordaCount", () => {
  const items = [{ id: "a" }, { id: "b" }, { id: "c" }];

  it("gives n − 1 points for first place down to none for last", () => {
    const results = bordaCount(items, [
      ["a", "b", "c"],
      ["b", "a", "c"],
      ["a", "c", "b"],
    ]);
    expect(results.ballots).toBe(3);
    expect(results.items).toEqual([
      { id: "a", points: 5, meanRank: 4 / 3 },
      { id: "b", points: 3, meanRank: 2 },
      { id: "c", points: 1, meanRank: 8 / 3 },
    ]);
  });

  it("sorts tied items by id", () => {
    const results = bordaCount([{ id: "z" }, { id: "m" }, { id: "a" }], [
      ["z", "m", "a"],
      ["a", "m", "z"],
    ]);
    expect(results.items.map((item) => [item.id, item.points])).toEqual([
      ["a", 2],
      ["m", 2],
      ["z", 2],
    ]);
  });

  it("ignores orders that are not a full ranking of the items", () => {
    const results = bordaCount(items, [["a", "b"], ["a", "a", "b"], ["a", "b", "x"], ["c", "b", "a"]]);
    expect(results.ballots).toBe(1);
    expect(results.items[0]).toEqual({ id: "c", points: 2, meanRank: 1 });
  });

  it("has no mean rank before the first ballot", () => {
    expect(bordaCount(items, []).items.map((item) => [item.id, item.points, item.meanRank])).toEqual([
      ["a", 0, null],
      ["b", 0, null],
      ["c", 0, null],
    ]);
    expect(bordaCount([], [[]])).toEqual({ ballots: 1, items: [] });
  });
});

describe("ideaRatingStats", () => {
  it("gives each idea its count and mean, overall and per stakeholder group", () => {
    const stats = ideaRatingStats([
      { ideaId: "i1", value: 5, stakeholderGroupId: "students" },
      { ideaId: "i1", value: 3, stakeholderGroupId: "families" },
      { ideaId: "i1", value: 4, stakeholderGroupId: "students" },
      { ideaId: "i2", value: 2, stakeholderGroupId: "families" },
    ]);
    expect(stats).toEqual([
      {
        ideaId: "i1",
        count: 3,
        mean: 4,
        groups: [
          { groupId: "families", count: 1, mean: 3 },
          { groupId: "students", count: 2, mean: 4.5 },
        ],
      },
      { ideaId: "i2", count: 1, mean: 2, groups: [{ groupId: "families", count: 1, mean: 2 }] },
    ]);
  });

  it("puts the best-rated first, then the most-rated, then by id", () => {
    const stats = ideaRatingStats([
      { ideaId: "b", value: 4, stakeholderGroupId: "g" },
      { ideaId: "a", value: 4, stakeholderGroupId: "g" },
      { ideaId: "c", value: 4, stakeholderGroupId: "g" },
      { ideaId: "c", value: 4, stakeholderGroupId: "g" },
      { ideaId: "d", value: 5, stakeholderGroupId: "g" },
    ]);
    expect(stats.map((idea) => idea.ideaId)).toEqual(["d", "c", "a", "b"]);
  });

  it("ignores ratings off the 1–5 scale and is empty without ratings", () => {
    expect(ideaRatingStats([{ ideaId: "i", value: 0, stakeholderGroupId: "g" }, { ideaId: "i", value: 3.5, stakeholderGroupId: "g" }])).toEqual([]);
    expect(ideaRatingStats([])).toEqual([]);
  });
});
