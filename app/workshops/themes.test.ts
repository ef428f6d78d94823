import { describe, expect, it } from "vitest";
import type { ResultsIdea } from "./results";
import { ideasToMove, inThemeOrder, isDuplicateThemeName, themeBoard, themeCommandSchema, themeOrderAfterMove } from "./themes";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 18, minute));
function idea(id: string, extra: Partial<ResultsIdea> = {}): ResultsIdea {
  return { id, activityId: "b1", text: `Idea ${id}`, language: "en", stakeholderGroupId: "g", hidden: false, mergedIntoId: null, themeId: null, createdAt: at(0), ...extra };
}

describe("themeBoard", () => {
  it("puts each shown idea once in its theme, oldest first; hidden ideas out, duplicates counted on their target", () => {
    const board = themeBoard(
      [
        idea("late", { createdAt: at(5), themeId: "t1" }),
        idea("early", { createdAt: at(1), themeId: "t1" }),
        idea("dup", { createdAt: at(2), mergedIntoId: "early", themeId: "t2" }),
        idea("hidden", { hidden: true, themeId: "t1" }),
        idea("loose", { createdAt: at(3) }),
        idea("orphan", { createdAt: at(4), themeId: "deleted-theme" }),
      ],
      [
        { id: "t2", name: "Second", position: 1 },
        { id: "t1", name: "First", position: 0 },
      ],
    );
    expect(board.themes.map((theme) => [theme.name, theme.ideas.map((card) => card.id)])).toEqual([
      ["First", ["early", "late"]],
      ["Second", []],
    ]);
    expect(board.themes[0]?.ideas[0]?.mergedCount).toBe(1);
    expect(board.unthemed.map((card) => card.id)).toEqual(["loose", "orphan"]);
  });
});

describe("ideasToMove", () => {
  const ideas = [idea("a"), idea("b", { mergedIntoId: "a" }), idea("c", { mergedIntoId: "a" }), idea("h", { hidden: true }), idea("x")];
  it("moves an idea with its merged duplicates; a duplicate's id moves its target", () => {
    expect(ideasToMove(ideas, "a")).toEqual({ rootId: "a", ids: ["a", "b", "c"] });
    expect(ideasToMove(ideas, "b")).toEqual({ rootId: "a", ids: ["a", "b", "c"] });
    expect(ideasToMove(ideas, "x")).toEqual({ rootId: "x", ids: ["x"] });
  });
  it("refuses hidden and unknown ideas", () => {
    expect(ideasToMove(ideas, "h")).toBeNull();
    expect(ideasToMove(ideas, "nope")).toBeNull();
  });
});

describe("theme commands", () => {
  it("tidies names and refuses blank, long or duplicate ones", () => {
    expect(themeCommandSchema.parse({ intent: "create", name: "  Ready   for life " })).toEqual({ intent: "create", name: "Ready for life" });
    const blank = themeCommandSchema.safeParse({ intent: "create", name: "   " });
    expect(blank.success ? null : blank.error.issues[0]?.message).toBe("required");
    const long = themeCommandSchema.safeParse({ intent: "rename", themeId: "t1", name: "x".repeat(81) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("tooLong");
    expect(isDuplicateThemeName("ready FOR  life", [{ id: "t1", name: "Ready for life" }])).toBe(true);
    expect(isDuplicateThemeName("Ready for life", [{ id: "t1", name: "Ready for life" }], "t1")).toBe(false);
  });
  it("reads moves to a theme or out of every theme, and refuses malformed ids and intents", () => {
    expect(themeCommandSchema.parse({ intent: "move", ideaId: "i1", themeId: "none" })).toEqual({ intent: "move", ideaId: "i1", themeId: "none" });
    expect(themeCommandSchema.safeParse({ intent: "move", ideaId: "i 1", themeId: "t1" }).success).toBe(false);
    expect(themeCommandSchema.safeParse({ intent: "move", ideaId: "i1" }).success).toBe(false);
    expect(themeCommandSchema.safeParse({ intent: "explode" }).success).toBe(false);
  });
});

describe("moving a theme earlier or later", () => {
  const themes = [
    { id: "tb", position: 1 },
    { id: "ta", position: 0 },
    { id: "tc", position: 2 },
  ];

  it("swaps it with its neighbour", () => {
    expect(themeOrderAfterMove(themes, "tb", "earlier")).toEqual(["tb", "ta", "tc"]);
    expect(themeOrderAfterMove(themes, "tb", "later")).toEqual(["ta", "tc", "tb"]);
  });

  it("leaves the order as it is for the first moved earlier, the last moved later, or an unknown theme", () => {
    expect(themeOrderAfterMove(themes, "ta", "earlier")).toEqual(["ta", "tb", "tc"]);
    expect(themeOrderAfterMove(themes, "tc", "later")).toEqual(["ta", "tb", "tc"]);
    expect(themeOrderAfterMove(themes, "nope", "later")).toEqual(["ta", "tb", "tc"]);
  });

  it("settles themes with the same position by id, as the board shows them", () => {
    const tied = [
      { id: "t2", position: 0 },
      { id: "t1", position: 0 },
    ];
    expect(inThemeOrder(tied).map((theme) => theme.id)).toEqual(["t1", "t2"]);
    expect(themeOrderAfterMove(tied, "t2", "earlier")).toEqual(["t2", "t1"]);
  });

  it("reads only a known direction", () => {
    expect(themeCommandSchema.safeParse({ intent: "reorder", themeId: "ta", direction: "later" }).success).toBe(true);
    expect(themeCommandSchema.safeParse({ intent: "reorder", themeId: "ta", direction: "sideways" }).success).toBe(false);
    expect(themeCommandSchema.safeParse({ intent: "reorder", themeId: "ta" }).success).toBe(false);
  });
});
