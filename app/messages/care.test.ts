import { describe, expect, it } from "vitest";
import { whatTheyCareAbout, type CareIdea, type CareRating } from "./care";

const idea = (id: string, extra: Partial<CareIdea> = {}): CareIdea => ({ id, text: `Idea ${id}`, hidden: false, merged: false, workshopTitle: "Spring forum", ...extra });
const rate = (ideaId: string, group: string, ...values: number[]): CareRating[] => values.map((value) => ({ ideaId, value, stakeholderGroupId: group }));

describe("what an audience cares about", () => {
  const ideas = [idea("a"), idea("b"), idea("c"), idea("hidden", { hidden: true }), idea("merged", { merged: true })];

  it("ranks ideas by the ratings of the audience's own groups only", () => {
    const ratings = [...rate("a", "families", 3, 3, 3), ...rate("a", "teachers", 5, 5, 5, 5), ...rate("b", "families", 5, 4, 5), ...rate("c", "students", 5, 5, 5)];
    expect(whatTheyCareAbout(["families"], ideas, ratings)).toEqual([
      { ideaId: "b", text: "Idea b", workshopTitle: "Spring forum", mean: 14 / 3, count: 3 },
      { ideaId: "a", text: "Idea a", workshopTitle: "Spring forum", mean: 3, count: 3 },
    ]);
  });

  it("pools the ratings of every group the audience is made of", () => {
    const ratings = [...rate("a", "teachers", 4, 4), ...rate("a", "staff", 5)];
    expect(whatTheyCareAbout(["teachers", "staff"], ideas, ratings).map((item) => [item.ideaId, item.count])).toEqual([["a", 3]]);
  });

  it("needs a minimum number of ratings", () => {
    const ratings = [...rate("a", "families", 5, 5), ...rate("b", "families", 2, 2, 2)];
    expect(whatTheyCareAbout(["families"], ideas, ratings).map((item) => item.ideaId)).toEqual(["b"]);
    expect(whatTheyCareAbout(["families"], ideas, ratings, { minRatings: 2 }).map((item) => item.ideaId)).toEqual(["a", "b"]);
  });

  it("leaves out hidden and merged ideas however well rated", () => {
    const ratings = [...rate("hidden", "families", 5, 5, 5), ...rate("merged", "families", 5, 5, 5), ...rate("c", "families", 1, 1, 1)];
    expect(whatTheyCareAbout(["families"], ideas, ratings).map((item) => item.ideaId)).toEqual(["c"]);
  });

  it("ignores ratings of unknown ideas and values outside 1–5", () => {
    const ratings = [...rate("ghost", "families", 5, 5, 5), ...rate("a", "families", 5, 9, 0, 4, 4)];
    expect(whatTheyCareAbout(["families"], ideas, ratings)).toEqual([expect.objectContaining({ ideaId: "a", count: 3 })]);
  });

  it("keeps only the top few, and nothing for an audience without groups", () => {
    const many = Array.from({ length: 8 }, (_, index) => idea(`i${index}`));
    const ratings = many.flatMap((item, index) => rate(item.id, "families", 1 + (index % 5), 1 + (index % 5), 1 + (index % 5)));
    expect(whatTheyCareAbout(["families"], many, ratings, { limit: 3 })).toHaveLength(3);
    expect(whatTheyCareAbout([], many, ratings)).toEqual([]);
  });
});
