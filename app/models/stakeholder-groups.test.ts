import { describe, expect, it } from "vitest";
import { DEFAULT_STAKEHOLDER_GROUPS, participationGaps, stakeholderGroupLabel, totalTargetShare } from "./stakeholder-groups";

describe("default stakeholder groups", () => {
  it("targets add up to 100 percent", () => {
    expect(totalTargetShare(DEFAULT_STAKEHOLDER_GROUPS)).toBe(100);
  });
});

describe("stakeholderGroupLabel", () => {
  it("translates an unrenamed default group and keeps a renamed or custom one", () => {
    expect(stakeholderGroupLabel({ key: "families", name: "Families" }, "es")).toBe("Familias");
    expect(stakeholderGroupLabel({ key: "families", name: "Parents & caregivers" }, "es")).toBe("Parents & caregivers");
    expect(stakeholderGroupLabel({ key: null, name: "Alumni" }, "es")).toBe("Alumni");
  });
});

describe("totalTargetShare", () => {
  it("ignores archived groups", () => {
    expect(totalTargetShare([{ targetShare: 60 }, { targetShare: 40, archivedAt: new Date() }])).toBe(60);
  });
});

describe("participationGaps", () => {
  it("puts the group furthest below its target first", () => {
    const gaps = participationGaps(
      [
        { id: "families", targetShare: 50 },
        { id: "students", targetShare: 50 },
      ],
      new Map([
        ["families", 1],
        ["students", 3],
      ]),
    );
    expect(gaps.map((g) => [g.groupId, g.actualShare, g.gap])).toEqual([
      ["families", 25, 25],
      ["students", 75, -25],
    ]);
  });

  it("reports zero shares when nobody has joined", () => {
    expect(participationGaps([{ id: "a", targetShare: 10 }], new Map())[0]).toMatchObject({ actualShare: 0, gap: 10 });
  });
});
