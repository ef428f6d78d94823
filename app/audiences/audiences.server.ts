import { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import { catalogues } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { signPayload, verifySignedPayload } from "~/utils/tokens.server";
import { isUniqueViolation } from "~/workshops/unique-violation.server";
import { canonicalAudienceName, DEFAULT_AUDIENCES, isAudienceNameTaken, type AudienceDeletion, type AudienceInput } from "./audiences";

// Database side of the district's audiences. Every function takes the
// signed-in user's districtId and touches only that district's rows: an id
// from another district behaves as if it did not exist.

type Tx = Prisma.TransactionClient;
type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
type Result<T = undefined> = Checked<T> | { ok: false; notFound: true };
const notFound = { ok: false as const, notFound: true as const };
const invalid = (errors: FieldErrors) => ({ ok: false as const, errors });
const NAME_TAKEN = invalid({ name: "messages.errors.audienceNameTaken" });

/** Gives a district the default audiences, linked to its default stakeholder groups (which must exist already). */
export async function seedDefaultAudiences(tx: Prisma.TransactionClient, districtId: string): Promise<void> {
  const groups = await tx.stakeholderGroup.findMany({ where: { districtId, key: { not: null } }, select: { id: true, key: true } });
  const groupIdByKey = new Map(groups.map((group) => [group.key, group.id]));
  for (const [position, audience] of DEFAULT_AUDIENCES.entries()) {
    const groupIds = audience.groups.flatMap((key) => groupIdByKey.get(key) ?? []);
    await tx.audience.create({
      data: {
        districtId,
        key: audience.key,
        name: catalogues.en.champions.audiences.names[audience.key],
        position,
        stakeholderGroups: { connect: groupIds.map((id) => ({ id })) },
      },
      select: { id: true },
    });
  }
}

export type AudienceRow = { id: string; key: string | null; name: string };

export async function listAudiences(districtId: string): Promise<AudienceRow[]> {
  return prisma.audience.findMany({
    where: { districtId },
    select: { id: true, key: true, name: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

/**
 * Which of the district's stakeholder groups an audience may be mapped to:
 * the active ones, and for an existing audience also an archived group it is
 * mapped to already (so saving the form keeps it; once unticked it is gone).
 */
function choosableGroups(districtId: string, audienceId?: string): Prisma.StakeholderGroupWhereInput {
  return { districtId, OR: [{ archivedAt: null }, ...(audienceId ? [{ audiences: { some: { id: audienceId } } }] : [])] };
}

/** The stakeholder groups offered in an audience's form (see choosableGroups). */
export async function stakeholderGroupChoices(districtId: string, audienceId?: string) {
  return prisma.stakeholderGroup.findMany({
    where: choosableGroups(districtId, audienceId),
    select: { id: true, key: true, name: true, archivedAt: true },
    orderBy: { position: "asc" },
  });
}

/**
 * Whether another audience of the district reads as this name (isAudienceNameTaken).
 * The unique index only catches the same spelling: a concurrent save that
 * slips past this check is refused there, and isUniqueViolation turns that
 * into the same message.
 */
async function audienceNameTaken(tx: Tx, districtId: string, name: string, exceptAudienceId?: string): Promise<boolean> {
  const audiences = await tx.audience.findMany({ where: { districtId }, select: { id: true, key: true, name: true } });
  return isAudienceNameTaken(name, audiences, exceptAudienceId);
}

/** What only the database can tell about an audience form: are the groups the district's own, is the name free? */
async function audienceFormErrors(tx: Tx, districtId: string, input: AudienceInput, exceptAudienceId?: string): Promise<FieldErrors | null> {
  const groups = await tx.stakeholderGroup.count({ where: { ...choosableGroups(districtId, exceptAudienceId), id: { in: input.groupIds } } });
  if (groups !== input.groupIds.length) return { groupIds: "messages.errors.group" };
  if (await audienceNameTaken(tx, districtId, input.name, exceptAudienceId)) return NAME_TAKEN.errors;
  return null;
}

/** Adds an audience the district names itself, at the end of the list. */
export async function createAudience(districtId: string, input: AudienceInput): Promise<Checked<{ id: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const errors = await audienceFormErrors(tx, districtId, input);
      if (errors) return invalid(errors);
      const last = await tx.audience.aggregate({ where: { districtId }, _max: { position: true } });
      const created = await tx.audience.create({
        data: {
          districtId,
          key: null,
          name: input.name,
          position: (last._max.position ?? -1) + 1,
          stakeholderGroups: { connect: input.groupIds.map((id) => ({ id })) },
        },
        select: { id: true },
      });
      return { ok: true as const, value: created };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Renames an audience and maps it to the district's stakeholder groups; a default one given its name in any language keeps being translated. */
export async function updateAudience(districtId: string, audienceId: string, input: AudienceInput): Promise<Result> {
  try {
    return await prisma.$transaction(async (tx) => {
      const audience = await tx.audience.findFirst({ where: { id: audienceId, districtId }, select: { id: true, key: true } });
      if (!audience) return notFound;
      const name = canonicalAudienceName(audience, input.name);
      const errors = await audienceFormErrors(tx, districtId, { ...input, name }, audience.id);
      if (errors) return invalid(errors);
      await tx.audience.update({
        where: { id: audience.id },
        data: { name, stakeholderGroups: { set: input.groupIds.map((id) => ({ id })) } },
        select: { id: true },
      });
      return { ok: true as const, value: undefined };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** What deleting an audience takes with it, or null when the district has no such audience. */
export async function audienceDeletionImpact(districtId: string, audienceId: string) {
  const audience = await prisma.audience.findFirst({
    where: { id: audienceId, districtId },
    select: { plan: { select: { audienceId: true } }, _count: { select: { messengers: true, communications: true } } },
  });
  if (!audience) return null;
  return { plan: audience.plan !== null, messengers: audience._count.messengers, communications: audience._count.communications };
}

/**
 * Deletes an audience with its plan, its messenger assignments (the champions
 * stay) and its dated communications, once the editor has confirmed how many
 * communications go. Returns the audience's key and name for the notice.
 */
export async function deleteAudience(actor: SessionUser, audienceId: string, confirmation: AudienceDeletion): Promise<Result<{ key: string | null; name: string }>> {
  return prisma.$transaction(async (tx) => {
    const audience = await tx.audience.findFirst({
      where: { id: audienceId, districtId: actor.districtId },
      select: { id: true, key: true, name: true, _count: { select: { messengers: true, communications: true } } },
    });
    if (!audience) return notFound;
    if (audience._count.communications !== confirmation.communications) return invalid({ confirm: "messages.audiences.remove.changed" });
    await tx.audience.delete({ where: { id: audience.id }, select: { id: true } });
    // Dated communications go for good, so the district keeps a trace of who deleted them.
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "audience.deleted",
        subjectId: audience.id,
        detail: { name: audience.name, messengers: audience._count.messengers, communications: audience._count.communications },
      },
      select: { id: true },
    });
    return { ok: true as const, value: { key: audience.key, name: audience.name } };
  });
}

const DELETED_PURPOSE = "audience-deleted";
const deletedNoticeSchema = z.object({ v: z.literal(1), purpose: z.literal(DELETED_PURPOSE), districtId: z.string(), key: z.string().nullable(), name: z.string() });

/**
 * The notice the audience list shows after a deletion travels in the
 * redirect's address, signed so that a crafted link cannot make the page
 * announce a deletion that never happened.
 */
export function deletedNotice(districtId: string, audience: { key: string | null; name: string }): string {
  return signPayload({ v: 1, purpose: DELETED_PURPOSE, districtId, key: audience.key, name: audience.name }, getConfig().secret);
}

/** The audience a deletion notice names, when it was signed for this district; null otherwise. */
export function readDeletedNotice(districtId: string, notice: string | null): { key: string | null; name: string } | null {
  if (!notice) return null;
  const parsed = deletedNoticeSchema.safeParse(verifySignedPayload(notice, getConfig().secret));
  if (!parsed.success || parsed.data.districtId !== districtId) return null;
  return { key: parsed.data.key, name: parsed.data.name };
}
