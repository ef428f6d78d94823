import { describe, expect, it } from "vitest";
import { createTranslator } from "~/i18n/i18n";
import { canIssuePasswordReset, canResendInvitation, leaderRuleViolation, roleAssignmentSchema, schoolForRole, staffErrorMessage, staffStatus } from "./staff";

describe("staffStatus", () => {
  it("is disabled first, then invited until a password is chosen", () => {
    expect(staffStatus({ hasPassword: true, disabledAt: null })).toBe("active");
    expect(staffStatus({ hasPassword: false, disabledAt: null })).toBe("invited");
    expect(staffStatus({ hasPassword: true, disabledAt: new Date() })).toBe("disabled");
    expect(staffStatus({ hasPassword: false, disabledAt: "2024-01-01T00:00:00Z" })).toBe("disabled");
  });

  it("allows a new invitation only while invited, and a reset link only while active", () => {
    expect([canResendInvitation("invited"), canResendInvitation("active"), canResendInvitation("disabled")]).toEqual([true, false, false]);
    expect([canIssuePasswordReset("invited"), canIssuePasswordReset("active"), canIssuePasswordReset("disabled")]).toEqual([false, true, false]);
  });
});

describe("roleAssignmentSchema", () => {
  it("requires a school for a school team member only", () => {
    expect(roleAssignmentSchema.safeParse({ role: "school", schoolId: "" }).error?.issues[0]).toMatchObject({
      path: ["schoolId"],
      message: "schoolRequired",
    });
    expect(roleAssignmentSchema.parse({ role: "school", schoolId: "s1" })).toEqual({ role: "school", schoolId: "s1" });
    expect(roleAssignmentSchema.parse({ role: "facilitator" })).toEqual({ role: "facilitator", schoolId: null });
  });

  it("refuses an unknown role", () => {
    expect(roleAssignmentSchema.safeParse({ role: "admin" }).error?.issues[0]?.message).toBe("role");
  });

  it("drops a school picked for another role", () => {
    expect(schoolForRole("facilitator", "s1")).toBeNull();
    expect(schoolForRole("school", "s1")).toBe("s1");
  });
});

describe("leaderRuleViolation", () => {
  const leader = { id: "a", role: "leader" as const, status: "active" as const };

  it("stops a leader from demoting or disabling themselves", () => {
    expect(leaderRuleViolation({ actorId: "a", subject: leader, change: { kind: "role", role: "facilitator" }, otherActiveLeaders: 3 })).toBe(
      "selfDemote",
    );
    expect(leaderRuleViolation({ actorId: "a", subject: leader, change: { kind: "disable" }, otherActiveLeaders: 3 })).toBe("selfDisable");
    expect(leaderRuleViolation({ actorId: "a", subject: leader, change: { kind: "role", role: "leader" }, otherActiveLeaders: 0 })).toBeNull();
  });

  it("keeps at least one active leader", () => {
    expect(leaderRuleViolation({ actorId: "b", subject: leader, change: { kind: "disable" }, otherActiveLeaders: 0 })).toBe("lastLeader");
    expect(leaderRuleViolation({ actorId: "b", subject: leader, change: { kind: "role", role: "school" }, otherActiveLeaders: 0 })).toBe(
      "lastLeader",
    );
    expect(leaderRuleViolation({ actorId: "b", subject: leader, change: { kind: "disable" }, otherActiveLeaders: 1 })).toBeNull();
  });

  it("does not count a leader who cannot sign in", () => {
    const invited = { id: "c", role: "leader" as const, status: "invited" as const };
    expect(leaderRuleViolation({ actorId: "b", subject: invited, change: { kind: "disable" }, otherActiveLeaders: 0 })).toBeNull();
    const facilitator = { id: "d", role: "facilitator" as const, status: "active" as const };
    expect(leaderRuleViolation({ actorId: "b", subject: facilitator, change: { kind: "disable" }, otherActiveLeaders: 0 })).toBeNull();
  });
});

describe("staffErrorMessage", () => {
  it("translates staff and common keys, and falls back for unknown ones", () => {
    const t = createTranslator("en");
    expect(staffErrorMessage(t, "emailTaken")).toMatch(/already has a Groundwork account/);
    expect(staffErrorMessage(t, "required")).toBe("This field is required.");
    expect(staffErrorMessage(t, "nonsense")).toBe("This value is not valid.");
  });
});
