import { describe, expect, it } from "vitest";
import {
  canonicalGroupName,
  DEFAULT_STAKEHOLDER_GROUPS,
  groupNameSchema,
  isGroupNameTaken,
  moveGroup,
  participationGaps,
  stakeholderGroupLabel,
  stakeholderGroupNameLabel,
  targetShareSchema,
  totalTargetShare,
} from "./stakeholder-groups";

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

describe("stakeholderGroupNameLabel", () => {
  it("translates a snapshot of a default group's English name and keeps any other", () => {
    expect(stakeholderGroupNameLabel("Teachers", "es")).toBe("Docentes");
    expect(stakeholderGroupNameLabel("Teachers", "en")).toBe("Teachers");
    expect(stakeholderGroupNameLabel("Alumni", "es")).toBe("Alumni");
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

describe("groupNameSchema", () => {
  it("tidies spaces and keeps names from 1 to 60 characters", () => {
    expect(groupNameSchema.parse("  Alumni   network ")).toBe("Alumni network");
    expect(groupNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("required");
    expect(groupNameSchema.safeParse("x".repeat(61)).error?.issues[0]?.message).toBe("tooLong");
    expect(groupNameSchema.parse("x".repeat(60))).toHaveLength(60);
  });
});

describe("targetShareSchema", () => {
  const problem = (text: string) => targetShareSchema.safeParse(text).error?.issues[0]?.message;
  it("takes whole percents from 0 to 100", () => {
    expect(targetShareSchema.parse(" 25 ")).toBe(25);
    expect(targetShareSchema.parse("0")).toBe(0);
    expect(targetShareSchema.parse("100")).toBe(100);
  });
  it("names each problem", () => {
    expect(problem("")).toBe("required");
    expect(problem("ten")).toBe("notANumber");
    expect(problem("1e2")).toBe("notANumber");
    expect(problem("12.5")).toBe("notWhole");
    expect(problem("12,5")).toBe("notWhole");
    expect(problem("101")).toBe("outOfRange");
    expect(problem("-1")).toBe("outOfRange");
  });
});

describe("canonicalGroupName", () => {
  it("keeps a default group's default name when it is submitted in either language", () => {
    expect(canonicalGroupName({ key: "families" }, "Familias")).toBe("Families");
    expect(canonicalGroupName({ key: "families" }, "families")).toBe("Families");
    expect(canonicalGroupName({ key: "families" }, "Caregivers")).toBe("Caregivers");
    expect(canonicalGroupName({ key: null }, "Familias")).toBe("Familias");
  });
});

describe("isGroupNameTaken", () => {
  const groups = [
    { id: "1", key: "families", name: "Families" },
    { id: "2", key: null, name: "Alumni" },
    { id: "3", key: "board", name: "Trustees" },
  ];
  it("ignores case and the group being renamed", () => {
    expect(isGroupNameTaken("ALUMNI", groups)).toBe(true);
    expect(isGroupNameTaken("alumni", groups, "2")).toBe(false);
  });
  it("counts the translated name of an unrenamed default group, not of a renamed one", () => {
    expect(isGroupNameTaken("familias", groups)).toBe(true);
    expect(isGroupNameTaken("Consejo escolar", groups)).toBe(false);
  });
});

describe("moveGroup", () => {
  const ordered = [
    { id: "a", archivedAt: null },
    { id: "b", archivedAt: new Date() },
    { id: "c", archivedAt: null },
    { id: "d", archivedAt: null },
  ];
  it("swaps with the next active group, leaving archived ones in place", () => {
    expect(moveGroup(ordered, "c", "up")).toEqual(["c", "b", "a", "d"]);
    expect(moveGroup(ordered, "c", "down")).toEqual(["a", "b", "d", "c"]);
  });
  it("refuses moves past either end, archived groups and unknown ids", () => {
    expect(moveGroup(ordered, "a", "up")).toBeNull();
    expect(moveGroup(ordered, "d", "down")).toBeNull();
    expect(moveGroup(ordered, "b", "up")).toBeNull();
    expect(moveGroup(ordered, "zz", "up")).toBeNull();
  });
});
