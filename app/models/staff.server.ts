import { z } from "zod";
import { issueAccessToken, voidAccessTokens, type IssuedToken } from "~/auth/access-token.server";
import type { SessionUser } from "~/auth/session.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { emailSchema } from "./district";
import {
  canIssuePasswordReset,
  canResendInvitation,
  leaderRuleViolation,
  requireSchoolForSchoolRole,
  roleFields,
  schoolForRole,
  staffNameSchema,
  staffStatus,
  type RoleAssignment,
  type StaffRole,
  type StaffStatus,
} from "./staff";

export const invitationSchema = z
  .object({ name: staffNameSchema, email: emailSchema, ...roleFields })
  .superRefine(requireSchoolForSchoolRole);
export type Invitation = z.infer<typeof invitationSchema>;

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  schoolId: string | null;
  schoolName: string | null;
  preferredLanguage: string | null;
  status: StaffStatus;
  lastSignInAt: Date | null;
};

const MEMBER_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  schoolId: true,
  school: { select: { name: true } },
  preferredLanguage: true,
  passwordHash: true,
  disabledAt: true,
  // Signing in starts a session, so the newest session tells when they last signed in (while it lasts).
  sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.UserSelect;

function toStaffMember(row: Prisma.UserGetPayload<{ select: typeof MEMBER_SELECT }>): StaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    schoolId: row.schoolId,
    schoolName: row.school?.name ?? null,
    preferredLanguage: row.preferredLanguage,
    status: staffStatus({ hasPassword: Boolean(row.passwordHash), disabledAt: row.disabledAt }),
    lastSignInAt: row.sessions[0]?.createdAt ?? null,
  };
}

export async function listStaff(districtId: string): Promise<StaffMember[]> {
  const rows = await prisma.user.findMany({ where: { districtId }, select: MEMBER_SELECT, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return rows.map(toStaffMember);
}

/** One member of the actor's district; a member of another district is "not found", exactly like a missing one. */
export async function requireStaffMember(actor: SessionUser, userId: string): Promise<StaffMember> {
  const row = await prisma.user.findFirst({ where: { id: userId, districtId: actor.districtId }, select: MEMBER_SELECT });
  invariantResponse(row, "Not found");
  return toStaffMember(row);
}

/** Schools a school team member can be assigned to: the district's schools that are not archived. */
export async function assignableSchools(districtId: string): Promise<{ id: string; name: string }[]> {
  return prisma.school.findMany({ where: { districtId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

type Tx = Prisma.TransactionClient;

/**
 * Staff changes of one district happen one at a time: the leader rule reads
 * the other leaders and then changes one, which two concurrent requests
 * could otherwise both pass.
 */
async function inDistrictTransaction<T>(districtId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "District" WHERE "id" = ${districtId} FOR UPDATE`;
    return work(tx);
  });
}

async function schoolIsAssignable(tx: Tx, districtId: string, schoolId: string | null): Promise<boolean> {
  if (!schoolId) return true;
  return Boolean(await tx.school.findFirst({ where: { id: schoolId, districtId, archivedAt: null }, select: { id: true } }));
}

async function otherActiveLeaders(tx: Tx, districtId: string, subjectId: string): Promise<number> {
  return tx.user.count({
    where: { districtId, role: "leader", disabledAt: null, passwordHash: { not: null }, id: { not: subjectId } },
  });
}

async function loadSubject(tx: Tx, actor: SessionUser, userId: string) {
  const subject = await tx.user.findFirst({
    where: { id: userId, districtId: actor.districtId },
    select: { id: true, role: true, schoolId: true, passwordHash: true, disabledAt: true },
  });
  invariantResponse(subject, "Not found");
  return { ...subject, status: staffStatus({ hasPassword: Boolean(subject.passwordHash), disabledAt: subject.disabledAt }) };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

function invalid(field: string, messageKey: string): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [field]: messageKey } };
}

/** Creates a colleague's account without a password, and the invitation link that lets them choose one. */
export async function inviteStaff(actor: SessionUser, input: Invitation): Promise<CommandResult<IssuedToken & { userId: string }>> {
  const schoolId = schoolForRole(input.role, input.schoolId);
  try {
    return await inDistrictTransaction(actor.districtId, async (tx) => {
      if (!(await schoolIsAssignable(tx, actor.districtId, schoolId))) return invalid("schoolId", "invalidSchool");
      // Emails are unique across the whole deployment: one person, one account, one district.
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        return invalid("email", "emailTaken");
      }
      const user = await tx.user.create({
        data: { districtId: actor.districtId, email: input.email, name: input.name, role: input.role, schoolId },
        select: { id: true },
      });
      const issued = await issueAccessToken(tx, { districtId: actor.districtId, userId: user.id, purpose: "invitation", issuedById: actor.id });
      await tx.auditEvent.create({
        data: { districtId: actor.districtId, actorId: actor.id, action: "staff.invited", subjectId: user.id, detail: { role: input.role, schoolId } },
      });
      return { ok: true, userId: user.id, ...issued };
    });
  } catch (error) {
    // Another request took the same email between the check and the insert.
    if (isUniqueViolation(error)) return invalid("email", "emailTaken");
    throw error;
  }
}

export async function changeRole(actor: SessionUser, userId: string, assignment: RoleAssignment): Promise<CommandResult> {
  const schoolId = schoolForRole(assignment.role, assignment.schoolId);
  return inDistrictTransaction(actor.districtId, async (tx) => {
    const subject = await loadSubject(tx, actor, userId);
    const violation = leaderRuleViolation({
      actorId: actor.id,
      subject: { id: subject.id, role: subject.role, status: subject.status },
      change: { kind: "role", role: assignment.role },
      otherActiveLeaders: await otherActiveLeaders(tx, actor.districtId, subject.id),
    });
    if (violation) return invalid("form", violation);
    if (!(await schoolIsAssignable(tx, actor.districtId, schoolId))) return invalid("schoolId", "invalidSchool");
    if (subject.role === assignment.role && subject.schoolId === schoolId) return { ok: true };
    await tx.user.update({ where: { id: subject.id }, data: { role: assignment.role, schoolId } });
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "staff.role_changed",
        subjectId: subject.id,
        detail: { from: { role: subject.role, schoolId: subject.schoolId }, to: { role: assignment.role, schoolId } },
      },
    });
    return { ok: true };
  });
}

/** A new invitation link for someone who has not accepted yet; the previous link stops working. */
export async function resendInvitation(actor: SessionUser, userId: string): Promise<CommandResult<IssuedToken>> {
  return inDistrictTransaction(actor.districtId, async (tx) => {
    const subject = await loadSubject(tx, actor, userId);
    if (!canResendInvitation(subject.status)) return invalid("form", "notInvited");
    const issued = await issueAccessToken(tx, { districtId: actor.districtId, userId: subject.id, purpose: "invitation", issuedById: actor.id });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "staff.invitation_resent", subjectId: subject.id },
    });
    return { ok: true, ...issued };
  });
}

/** A password-reset link a leader hands to a colleague; the previous reset link stops working. */
export async function issuePasswordReset(actor: SessionUser, userId: string): Promise<CommandResult<IssuedToken>> {
  return inDistrictTransaction(actor.districtId, async (tx) => {
    const subject = await loadSubject(tx, actor, userId);
    if (!canIssuePasswordReset(subject.status)) return invalid("form", "notActive");
    const issued = await issueAccessToken(tx, {
      districtId: actor.districtId,
      userId: subject.id,
      purpose: "password_reset",
      issuedById: actor.id,
    });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "staff.password_reset_issued", subjectId: subject.id },
    });
    return { ok: true, ...issued };
  });
}

/** Turns an account off: every session ends at once and no outstanding link works any more. */
export async function disableStaff(actor: SessionUser, userId: string): Promise<CommandResult<{ sessionsEnded: number }>> {
  return inDistrictTransaction(actor.districtId, async (tx) => {
    const subject = await loadSubject(tx, actor, userId);
    if (subject.disabledAt) return { ok: true, sessionsEnded: 0 };
    const violation = leaderRuleViolation({
      actorId: actor.id,
      subject: { id: subject.id, role: subject.role, status: subject.status },
      change: { kind: "disable" },
      otherActiveLeaders: await otherActiveLeaders(tx, actor.districtId, subject.id),
    });
    if (violation) return invalid("form", violation);
    await tx.user.update({ where: { id: subject.id }, data: { disabledAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: subject.id } });
    await voidAccessTokens(tx, subject.id);
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "staff.disabled", subjectId: subject.id, detail: { sessionsEnded: count } },
    });
    return { ok: true, sessionsEnded: count };
  });
}

export async function enableStaff(actor: SessionUser, userId: string): Promise<CommandResult> {
  return inDistrictTransaction(actor.districtId, async (tx) => {
    const subject = await loadSubject(tx, actor, userId);
    if (!subject.disabledAt) return { ok: true };
    await tx.user.update({ where: { id: subject.id }, data: { disabledAt: null } });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "staff.enabled", subjectId: subject.id },
    });
    return { ok: true };
  });
}

/** What an email about a member needs: their language, and the district's name and language. */
export async function emailContext(districtId: string): Promise<{ districtName: string; defaultLanguage: string }> {
  const district = await prisma.district.findUnique({ where: { id: districtId }, select: { name: true, defaultLanguage: true } });
  invariantResponse(district, "Not found");
  return { districtName: district.name, defaultLanguage: district.defaultLanguage };
}
