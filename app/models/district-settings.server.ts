import { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import { Prisma } from "~/generated/prisma/client";
import { SUPPORTED_LOCALES, type Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import type { DistrictProfile } from "./district-profile";
import {
  canonicalGroupName,
  groupNameSchema,
  isGroupNameTaken,
  moveGroup,
  TARGET_FIELD_PREFIX,
  targetShareSchema,
} from "./stakeholder-groups";

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/* District profile */

export async function getDistrictProfile(districtId: string): Promise<{ name: string; languages: Locale[]; defaultLanguage: Locale }> {
  const district = await prisma.district.findUnique({
    where: { id: districtId },
    select: { name: true, languages: true, defaultLanguage: true },
  });
  invariantResponse(district, "Not found");
  const languages = SUPPORTED_LOCALES.filter((code) => district.languages.includes(code));
  const defaultLanguage = SUPPORTED_LOCALES.find((code) => code === district.defaultLanguage) ?? languages[0] ?? "en";
  return { name: district.name, languages, defaultLanguage };
}

export async function updateDistrictProfile(actor: SessionUser, profile: DistrictProfile): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.district.findUnique({
      where: { id: actor.districtId },
      select: { name: true, languages: true, defaultLanguage: true },
    });
    invariantResponse(before, "Not found");
    await tx.district.update({ where: { id: actor.districtId }, data: profile, select: { id: true } });
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "district.profile_updated",
        subjectId: actor.districtId,
        detail: { from: before, to: profile },
      },
    });
  });
}

/* Stakeholder groups */

export type StakeholderGroupRow = {
  id: string;
  key: string | null;
  name: string;
  targetShare: number;
  archivedAt: Date | null;
};

const GROUP_SELECT = { id: true, key: true, name: true, targetShare: true, archivedAt: true } as const;
const GROUP_ORDER = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.StakeholderGroupOrderByWithRelationInput[];

/** The district's groups in their display order, archived ones included. */
export async function listStakeholderGroups(districtId: string): Promise<StakeholderGroupRow[]> {
  return prisma.stakeholderGroup.findMany({ where: { districtId }, select: GROUP_SELECT, orderBy: GROUP_ORDER });
}

async function findGroup(tx: Prisma.TransactionClient, districtId: string, groupId: string) {
  const group = await tx.stakeholderGroup.findFirst({ where: { id: groupId, districtId }, select: GROUP_SELECT });
  invariantResponse(group, "Not found");
  return group;
}

export const newGroupSchema = z.object({ name: groupNameSchema, targetShare: targetShareSchema });
export type NewGroup = z.infer<typeof newGroupSchema>;

export async function addStakeholderGroup(actor: SessionUser, input: NewGroup): Promise<CommandResult<{ group: StakeholderGroupRow }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const groups = await tx.stakeholderGroup.findMany({ where: { districtId: actor.districtId }, select: { id: true, key: true, name: true } });
      if (isGroupNameTaken(input.name, groups)) return { ok: false, errors: { name: "groupNameTaken" } };
      const last = await tx.stakeholderGroup.aggregate({ where: { districtId: actor.districtId }, _max: { position: true } });
      const group = await tx.stakeholderGroup.create({
        data: {
          districtId: actor.districtId,
          name: input.name,
          targetShare: input.targetShare,
          position: (last._max.position ?? -1) + 1,
        },
        select: GROUP_SELECT,
      });
      await tx.auditEvent.create({
        data: {
          districtId: actor.districtId,
          actorId: actor.id,
          action: "stakeholder_group.created",
          subjectId: group.id,
          detail: { name: group.name, targetShare: group.targetShare },
        },
      });
      return { ok: true, group };
    });
  } catch (error) {
    // Another request took the same name between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, errors: { name: "groupNameTaken" } };
    throw error;
  }
}

export async function renameStakeholderGroup(
  actor: SessionUser,
  groupId: string,
  submittedName: string,
): Promise<CommandResult<{ group: StakeholderGroupRow }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const group = await findGroup(tx, actor.districtId, groupId);
      const name = canonicalGroupName(group, submittedName);
      if (name === group.name) return { ok: true, group };
      const groups = await tx.stakeholderGroup.findMany({ where: { districtId: actor.districtId }, select: { id: true, key: true, name: true } });
      if (isGroupNameTaken(name, groups, group.id)) return { ok: false, errors: { name: "groupNameTaken" } };
      const renamed = await tx.stakeholderGroup.update({ where: { id: group.id }, data: { name }, select: GROUP_SELECT });
      await tx.auditEvent.create({
        data: {
          districtId: actor.districtId,
          actorId: actor.id,
          action: "stakeholder_group.renamed",
          subjectId: group.id,
          detail: { from: group.name, to: name },
        },
      });
      return { ok: true, group: renamed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: "groupNameTaken" } };
    throw error;
  }
}

/**
 * Reads the target fields ("target-<groupId>") of the targets form. A field
 * naming a group the district does not have is a 404; archived groups, shown
 * without a field, are skipped so a form left open while one was archived still saves.
 */
export async function parseTargetShares(
  districtId: string,
  formData: FormData,
): Promise<{ ok: true; targets: Map<string, number> } | { ok: false; errors: FieldErrors }> {
  const groups = await listStakeholderGroups(districtId);
  const byId = new Map(groups.map((group) => [group.id, group]));
  const targets = new Map<string, number>();
  const errors: FieldErrors = {};
  for (const [field, value] of formData) {
    if (!field.startsWith(TARGET_FIELD_PREFIX)) continue;
    const group = byId.get(field.slice(TARGET_FIELD_PREFIX.length));
    invariantResponse(group, "Not found");
    if (group.archivedAt) continue;
    const parsed = targetShareSchema.safeParse(typeof value === "string" ? value : undefined);
    if (parsed.success) targets.set(group.id, parsed.data);
    else errors[field] ??= parsed.error.issues[0]?.message ?? "invalid";
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, targets };
}

export async function saveTargetShares(actor: SessionUser, targets: ReadonlyMap<string, number>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const groups = await tx.stakeholderGroup.findMany({
      where: { districtId: actor.districtId, id: { in: [...targets.keys()] } },
      select: { id: true, targetShare: true },
    });
    const changes = groups.filter((group) => targets.get(group.id) !== group.targetShare);
    for (const group of changes) {
      await tx.stakeholderGroup.update({ where: { id: group.id }, data: { targetShare: targets.get(group.id) }, select: { id: true } });
    }
    if (changes.length === 0) return;
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "stakeholder_group.targets_updated",
        detail: changes.map((group) => ({ groupId: group.id, from: group.targetShare, to: targets.get(group.id) ?? null })),
      },
    });
  });
}

/** Moves an active group one place up or down among the active groups; false when it is already at that end. */
export async function moveStakeholderGroup(actor: SessionUser, groupId: string, direction: "up" | "down"): Promise<{ group: StakeholderGroupRow; moved: boolean }> {
  return prisma.$transaction(async (tx) => {
    const group = await findGroup(tx, actor.districtId, groupId);
    const ordered = await tx.stakeholderGroup.findMany({
      where: { districtId: actor.districtId },
      select: { id: true, archivedAt: true, position: true },
      orderBy: GROUP_ORDER,
    });
    const order = moveGroup(ordered, group.id, direction);
    if (!order) return { group, moved: false };
    // Positions are renumbered 0..n-1 so that ties and gaps left by older data disappear.
    for (const [position, id] of order.entries()) {
      if (ordered.find((row) => row.id === id)?.position !== position) {
        await tx.stakeholderGroup.update({ where: { id }, data: { position }, select: { id: true } });
      }
    }
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "stakeholder_group.moved", subjectId: group.id, detail: { direction } },
    });
    return { group, moved: true };
  });
}

/** Archives or restores a group; archived groups keep their history but are not offered to participants. */
export async function setStakeholderGroupArchived(actor: SessionUser, groupId: string, archived: boolean): Promise<StakeholderGroupRow> {
  return prisma.$transaction(async (tx) => {
    const group = await findGroup(tx, actor.districtId, groupId);
    if (Boolean(group.archivedAt) === archived) return group;
    const updated = await tx.stakeholderGroup.update({
      where: { id: group.id },
      data: { archivedAt: archived ? new Date() : null },
      select: GROUP_SELECT,
    });
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: archived ? "stakeholder_group.archived" : "stakeholder_group.restored",
        subjectId: group.id,
      },
    });
    return updated;
  });
}
