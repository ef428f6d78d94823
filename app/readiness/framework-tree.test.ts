import { describe, expect, it } from "vitest";
import { activeIndicators, indicatorCodes, moveInList } from "./framework-tree";

const tree = [
  {
    id: "d2",
    key: "paths",
    position: 1,
    indicators: [
      { id: "i4", key: "goals", position: 1, retiredAt: null },
      { id: "i3", key: "profile", position: 0, retiredAt: null },
    ],
  },
  {
    id: "d1",
    key: "foundations",
    position: 0,
    indicators: [
      { id: "i1", key: "relationships", position: 0, retiredAt: null },
      { id: "i2", key: "retired", position: 1, retiredAt: new Date("2026-01-01") },
      { id: "i5", key: "culture", position: 2, retiredAt: null },
    ],
  },
];

describe("activeIndicators", () => {
  it("lists indicators that are not retired, in framework order, with their dimension", () => {
    expect(activeIndicators(tree).map((i) => [i.id, i.dimensionKey, i.order])).toEqual([
      ["i1", "foundations", 0],
      ["i5", "foundations", 1],
      ["i3", "paths", 2],
      ["i4", "paths", 3],
    ]);
  });
});

describe("indicatorCodes", () => {
  it("numbers active indicators within their dimension", () => {
    expect([...indicatorCodes(tree)]).toEqual([
      ["i1", "1.1"],
      ["i5", "1.2"],
      ["i3", "2.1"],
      ["i4", "2.2"],
    ]);
  });
});

describe("moveInList", () => {
  it("swaps with the neighbour, and refuses to move past the ends", () => {
    expect(moveInList(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInList(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveInList(["a", "b", "c"], "a", "up")).toBeNull();
    expect(moveInList(["a", "b", "c"], "c", "down")).toBeNull();
    expect(moveInList(["a"], "z", "down")).toBeNull();
  });
});
