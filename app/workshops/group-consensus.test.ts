import { describe, expect, it } from "vitest";
import { ideaRatingStats } from "./aggregate";
import { groupConsensus, participationByGroup } from "./group-consensus";

const group = (groupId: string, mean: number, count = 5) => ({ groupId, mean, count });

describe("groupConsensus", () => {
  it("finds ideas every group rated highly, the least enthusiastic group's mean first", () => {
    const { commonGround, divisive } = groupConsensus([
      { ideaId: "projects", groups: [group("students", 4.8), group("families", 4.0), group("teachers", 3.9)] },
      { ideaId: "advisors", groups: [group("students", 4.2), group("families", 4.1)] },
      { ideaId: "homework", groups: [group("students", 4.6), group("families", 3.4)] },
    ]);
    expect(commonGround.map((idea) => [idea.ideaId, idea.lowestMean])).toEqual([
      ["advisors", 4.1],
      ["projects", 3.9],
    ]);
    expect(commonGround[1]?.groups.map((g) => g.groupId)).toEqual(["students", "families", "teachers"]);
    expect(divisive).toEqual([]);
  });

  it("finds ideas the groups disagree on, the widest gap first, with the means that show it", () => {
    const { commonGround, divisive } = groupConsensus([
      { ideaId: "phones", groups: [group("students", 4.5), group("families", 2.0), group("teachers", 1.5)] },
      { ideaId: "uniforms", groups: [group("students", 1.5), group("families", 3.2)] },
      { ideaId: "lunch", groups: [group("students", 3.0), group("families", 2.0)] },
    ]);
    expect(commonGround).toEqual([]);
    expect(divisive).toEqual([
      {
        ideaId: "phones",
        groups: [group("students", 4.5), group("families", 2.0), group("teachers", 1.5)],
        lowestMean: 1.5,
        highestMean: 4.5,
        gap: 3,
      },
      { ideaId: "uniforms", groups: [group("families", 3.2), group("students", 1.5)], lowestMean: 1.5, highestMean: 3.2, gap: 3.2 - 1.5 },
    ]);
  });

  it("counts the thresholds themselves as reached", () => {
    const { commonGround, divisive } = groupConsensus([
      { ideaId: "edge-high", groups: [group("a", 3.5), group("b", 3.5)] },
      { ideaId: "edge-gap", groups: [group("a", 3), group("b", 1.5)] },
      // 4.1 − 2.6 is 1.4999999999999996 in floating point.
      { ideaId: "rounded-gap", groups: [group("a", 4.1), group("b", 2.6)] },
    ]);
    expect(commonGround.map((idea) => idea.ideaId)).toEqual(["edge-high"]);
    expect(divisive.map((idea) => idea.ideaId).sort()).toEqual(["edge-gap", "rounded-gap"]);
  });

  it("calls an idea every group rates highly common ground, not divisive, however far apart the means", () => {
    const { commonGround, divisive } = groupConsensus([{ ideaId: "both", groups: [group("a", 5), group("b", 3.5)] }]);
    expect(commonGround.map((idea) => idea.ideaId)).toEqual(["both"]);
    expect(divisive).toEqual([]);
  });

  it("leaves out groups with too few ratings, and ideas with fewer than two groups left", () => {
    const { commonGround, divisive } = groupConsensus([
      { ideaId: "one-group", groups: [group("a", 5, 10), group("b", 1, 2)] },
      { ideaId: "no-groups", groups: [] },
      { ideaId: "thin", groups: [group("a", 5, 3), group("b", 4, 3), group("c", 1, 2)] },
    ]);
    expect(divisive).toEqual([]);
    expect(commonGround.map((idea) => [idea.ideaId, idea.groups.map((g) => g.groupId)])).toEqual([["thin", ["a", "b"]]]);
  });

  it("breaks ties by number of ratings, then by id", () => {
    const { commonGround } = groupConsensus([
      { ideaId: "b", groups: [group("x", 4), group("y", 4)] },
      { ideaId: "a", groups: [group("x", 4), group("y", 4)] },
      { ideaId: "c", groups: [group("x", 4, 9), group("y", 4)] },
    ]);
    expect(commonGround.map((idea) => idea.ideaId)).toEqual(["c", "a", "b"]);
  });

  it("takes other thresholds", () => {
    const stats = [{ ideaId: "i", groups: [group("a", 4, 1), group("b", 3, 1)] }];
    expect(groupConsensus(stats).commonGround).toEqual([]);
    expect(groupConsensus(stats, { minRatingsPerGroup: 1, highThreshold: 3 }).commonGround).toHaveLength(1);
    expect(groupConsensus(stats, { minRatingsPerGroup: 1, gapThreshold: 1 }).divisive).toHaveLength(1);
  });

  it("refuses thresholds that make no sense", () => {
    expect(() => groupConsensus([], { minRatingsPerGroup: 0 })).toThrow(RangeError);
    expect(() => groupConsensus([], { minRatingsPerGroup: 1.5 })).toThrow(RangeError);
    expect(() => groupConsensus([], { highThreshold: Number.NaN })).toThrow(RangeError);
    expect(() => groupConsensus([], { gapThreshold: -1 })).toThrow(RangeError);
  });

  it("reads the stats ideaRatingStats produces", () => {
    const ratings = [
      ...[5, 4, 5].map((value) => ({ ideaId: "shared", value, stakeholderGroupId: "students" })),
      ...[4, 4, 4].map((value) => ({ ideaId: "shared", value, stakeholderGroupId: "families" })),
      ...[5, 5, 5].map((value) => ({ ideaId: "split", value, stakeholderGroupId: "students" })),
      ...[1, 2, 1].map((value) => ({ ideaId: "split", value, stakeholderGroupId: "families" })),
    ];
    const { commonGround, divisive } = groupConsensus(ideaRatingStats(ratings));
    expect(commonGround.map((idea) => idea.ideaId)).toEqual(["shared"]);
    expect(divisive.map((idea) => [idea.ideaId, idea.highestMean, idea.lowestMean])).toEqual([["split", 5, 4 / 3]]);
  });
});

describe("participationByGroup", () => {
  const groups = [
    { id: "students", targetShare: 50 },
    { id: "families", targetShare: 30 },
    { id: "teachers", targetShare: 20 },
  ];

  it("compares each group's share of participants with its target, largest shortfall first", () => {
    const participants = [
      ...Array.from({ length: 6 }, () => ({ stakeholderGroupId: "teachers" })),
      ...Array.from({ length: 3 }, () => ({ stakeholderGroupId: "students" })),
      { stakeholderGroupId: "families" },
    ];
    expect(participationByGroup(groups, participants).map((row) => [row.groupId, row.count, row.actualShare, row.gap])).toEqual([
      ["students", 3, 30, 20],
      ["families", 1, 10, 20],
      ["teachers", 6, 60, -40],
    ]);
  });

  it("counts participants of unlisted groups in the total", () => {
    const rows = participationByGroup(groups, [{ stakeholderGroupId: "students" }, { stakeholderGroupId: "archived" }]);
    expect(rows.find((row) => row.groupId === "students")?.actualShare).toBe(50);
    expect(rows).toHaveLength(3);
  });

  it("shows every group as missing before anyone joins", () => {
    expect(participationByGroup(groups, []).map((row) => [row.groupId, row.count, row.actualShare, row.gap])).toEqual([
      ["students", 0, 0, 50],
      ["families", 0, 0, 30],
      ["teachers", 0, 0, 20],
    ]);
    expect(participationByGroup([], [{ stakeholderGroupId: "students" }])).toEqual([]);
  });
});
