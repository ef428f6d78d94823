import { describe, expect, it } from "vitest";
import { canViewSchool, teamAccess } from "./access";

const member = { role: "school" as const, schoolId: "rhs" };
const leader = { role: "leader" as const, schoolId: null };
const facilitator = { role: "facilitator" as const, schoolId: null };

describe("canViewSchool", () => {
  it("lets school members see only their own school, staff every school", () => {
    expect(canViewSchool(member, "rhs")).toBe(true);
    expect(canViewSchool(member, "cms")).toBe(false);
    expect(canViewSchool({ role: "school", schoolId: null }, "rhs")).toBe(false);
    expect(canViewSchool(leader, "cms")).toBe(true);
    expect(canViewSchool(facilitator, "cms")).toBe(true);
  });
});

describe("teamAccess", () => {
  const open = { markedLead: false, cycleOpen: true };

  it("lets a member rate but shows them only the spread", () => {
    expect(teamAccess(member, "rhs", open)).toEqual({
      isMember: true,
      isLead: false,
      seesIndividualRatings: false,
      canRate: true,
      canRecordConsensus: false,
      canEditActionItems: true,
    });
  });

  it("makes a member marked as lead, or any leader, the team lead", () => {
    expect(teamAccess(member, "rhs", { ...open, markedLead: true })).toMatchObject({ isLead: true, seesIndividualRatings: true, canRecordConsensus: true });
    expect(teamAccess(leader, "rhs", open)).toMatchObject({ isMember: false, isLead: true, canRate: false, canRecordConsensus: true });
  });

  it("gives a facilitator a read-only view", () => {
    expect(teamAccess(facilitator, "rhs", open)).toMatchObject({ isLead: false, seesIndividualRatings: false, canRate: false, canEditActionItems: false });
  });

  it("freezes ratings and consensus once the cycle is closed, not action items", () => {
    const closed = teamAccess(member, "rhs", { markedLead: true, cycleOpen: false });
    expect(closed).toMatchObject({ canRate: false, canRecordConsensus: false, canEditActionItems: true, seesIndividualRatings: true });
  });

  it("gives a member of another school nothing", () => {
    expect(teamAccess(member, "cms", { markedLead: true, cycleOpen: true })).toMatchObject({ isMember: false, isLead: false, canEditActionItems: false });
  });
});
