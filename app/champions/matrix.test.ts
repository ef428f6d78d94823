import { describe, expect, it } from "vitest";
import { placeOnMatrix, quadrantOf } from "./matrix";

describe("quadrantOf", () => {
  it("places the four corners", () => {
    expect(quadrantOf(5, 5)).toBe("keep_close");
    expect(quadrantOf(5, 1)).toBe("win_over");
    expect(quadrantOf(1, 5)).toBe("keep_informed");
    expect(quadrantOf(1, 1)).toBe("monitor");
  });

  it("counts influence from 3 and support from 4", () => {
    expect(quadrantOf(3, 4)).toBe("keep_close");
    expect(quadrantOf(2, 4)).toBe("keep_informed");
    // A neutral person with influence is someone to win over, not a supporter yet.
    expect(quadrantOf(3, 3)).toBe("win_over");
    expect(quadrantOf(2, 3)).toBe("monitor");
  });

  it("places no one who is not rated on both", () => {
    expect(quadrantOf(null, 5)).toBeNull();
    expect(quadrantOf(4, null)).toBeNull();
  });
});

describe("placeOnMatrix", () => {
  it("groups people by quadrant, most influential and supportive first, and lists the unrated apart", () => {
    const people = [
      { name: "Bo", influence: 4, support: 5 },
      { name: "Al", influence: 5, support: 4 },
      { name: "Cy", influence: 4, support: 5 },
      { name: "Di", influence: 1, support: 1 },
      { name: "Ed", influence: null, support: 2 },
      { name: "Ab", influence: null, support: null },
    ];
    const { quadrants, unrated } = placeOnMatrix(people);
    expect(quadrants.keep_close.map((p) => p.name)).toEqual(["Al", "Bo", "Cy"]);
    expect(quadrants.monitor.map((p) => p.name)).toEqual(["Di"]);
    expect(quadrants.win_over).toEqual([]);
    expect(unrated.map((p) => p.name)).toEqual(["Ab", "Ed"]);
  });
});
