import { z } from "zod";
import type { Translate } from "~/i18n/i18n";

export const STAFF_ROLES = ["leader", "facilitator", "school"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Active: can sign in. Invited: has not chosen a password yet. Disabled: a leader turned the account off. */
export type StaffStatus = "active" | "invited" | "disabled";

export function staffStatus(user: { hasPassword: boolean; disabledAt: Date | string | null }): StaffStatus {
  if (user.disabledAt) return "disabled";
  return user.hasPassword ? "active" : "invited";
}

/** An invitation can be sent again only while it has not been accepted. */
export function canResendInvitation(status: StaffStatus): boolean {
  return status === "invited";
}

/** A reset link only makes sense for an account that already has a password and may sign in. */
export function canIssuePasswordReset(status: StaffStatus): boolean {
  return status === "active";
}

export const staffNameSchema = z.string({ error: "required" }).trim().min(1, "required").max(120, "tooLong");

/** The role fields of a form: the school arrives as an id, or empty. */
export const roleFields = {
  role: z.enum(STAFF_ROLES, { error: "role" }),
  schoolId: z
    .string()
    .trim()
    .max(64, "invalidSchool")
    .optional()
    .transform((value) => (value ? value : null)),
};

/**
 * Role and school travel together: a school team member belongs to exactly
 * one school, and nobody else is tied to one (a school picked for another
 * role is dropped by `schoolForRole`).
 */
export function requireSchoolForSchoolRole(value: { role: StaffRole; schoolId: string | null }, ctx: z.RefinementCtx): void {
  if (value.role === "school" && !value.schoolId) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "schoolRequired" });
}

export function schoolForRole(role: StaffRole, schoolId: string | null): string | null {
  return role === "school" ? schoolId : null;
}

export const roleAssignmentSchema = z.object(roleFields).superRefine(requireSchoolForSchoolRole);
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export type LeaderRuleViolation = "selfDemote" | "selfDisable" | "lastLeader";

type LeaderChange = { kind: "role"; role: StaffRole } | { kind: "disable" };

/**
 * Whether a leader may make this change to a colleague's account. A leader
 * never locks themselves out, and the district always keeps at least one
 * leader who can sign in — otherwise nobody could manage its staff again.
 * `otherActiveLeaders` counts active leaders other than the subject.
 */
export function leaderRuleViolation(input: {
  actorId: string;
  subject: { id: string; role: StaffRole; status: StaffStatus };
  change: LeaderChange;
  otherActiveLeaders: number;
}): LeaderRuleViolation | null {
  const { actorId, subject, change, otherActiveLeaders } = input;
  const removesLeader = change.kind === "disable" || change.role !== "leader";
  if (subject.id === actorId) {
    if (change.kind === "disable") return "selfDisable";
    if (removesLeader) return "selfDemote";
  }
  const subjectIsActiveLeader = subject.role === "leader" && subject.status === "active";
  if (subjectIsActiveLeader && removesLeader && otherActiveLeaders < 1) return "lastLeader";
  return null;
}

const STAFF_ERROR_KEYS = [
  "emailTaken",
  "schoolRequired",
  "invalidSchool",
  "role",
  "selfDemote",
  "selfDisable",
  "lastLeader",
  "notInvited",
  "notActive",
  "intent",
] as const;
type StaffErrorKey = (typeof STAFF_ERROR_KEYS)[number];

function isStaffErrorKey(key: string): key is StaffErrorKey {
  return (STAFF_ERROR_KEYS as readonly string[]).includes(key);
}

/** The words for an error key of a staff form, in the page's language. */
export function staffErrorMessage(t: Translate, key: string): string {
  if (isStaffErrorKey(key)) return t(`staff.errors.${key}`);
  if (key === "required" || key === "email") return t(`common.validation.${key}`);
  if (key === "tooLong") return t("common.validation.tooLong", { max: 120 });
  return t("common.validation.invalid");
}
