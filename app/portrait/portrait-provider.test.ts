import { describe, expect, it } from "vitest";
import { ownAwarenessChanges } from "./portrait-provider";

describe("which awareness changes a browser sends", () => {
  it("keeps only its own client's part", () => {
    expect(ownAwarenessChanges({ added: [7], updated: [1, 9], removed: [] }, 9)).toEqual({ added: [], updated: [9], removed: [] });
    expect(ownAwarenessChanges({ added: [], updated: [], removed: [9, 4] }, 9)).toEqual({ added: [], updated: [], removed: [9] });
  });

  it("sends nothing for changes that are only about other editors", () => {
    expect(ownAwarenessChanges({ added: [7], updated: [1], removed: [4] }, 9)).toBeNull();
    expect(ownAwarenessChanges({ added: [], updated: [], removed: [] }, 9)).toBeNull();
  });
});
