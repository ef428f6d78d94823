import type { SessionUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import { catalogues } from "~/i18n/i18n";
import { isUniqueViolation, type CommandResult } from "~/models/district-settings.server";
import { nameKey } from "~/models/names";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { CRITERIA_MAX, isCriterionNameTaken, isDefaultCriterionKey, type CriterionFields } from "./criteria";

const CRITERION_SELECT = { id: true, key: true, name: true, description: true, position: true } as const;

export type CriterionRow = { id: string; key: string | null; name: string; description: string; position: number };

export async function listCriteria(districtId: string): Promise<CriterionRow[]> {
  return prisma.championCriterion.findMany({ where: { districtId }, select: CRITERION_SELECT, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

/** How many champions meet each criterion, by criterion id. */
export async function criteriaUse(districtId: string): Promise<Record<string, number>> {
  const rows = await prisma.championCriterionCheck.groupBy({ by: ["criterionId"], where: { criterion: { districtId } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.criterionId, row._count._all]));
}

/**
 * Submitting a default criterion's own Spanish wording keeps the English one,
 * so it goes on being shown in each reader's language.
 */
function canonicalFields(key: string | null, fields: CriterionFields): CriterionFields {
  if (!isDefaultCriterionKey(key)) return fields;
  const spanish = catalogues.es.champions.defaultCriteria[key];
  if (nameKey(fields.name) === nameKey(spanish.name) && nameKey(fields.description) === nameKey(spanish.description)) {
    return catalogues.en.champions.defaultCriteria[key];
  }
  return fields;
}

const NAME_TAKEN = { ok: false, errors: { name: "criterionNameTaken" } } as const;

async function siblings(tx: Prisma.TransactionClient, districtId: string) {
  return tx.championCriterion.findMany({ where: { districtId }, select: { id: true, key: true, name: true, position: true }, orderBy: { position: "asc" } });
}

function audit(tx: Prisma.TransactionClient, actor: SessionUser, action: string, subjectId: string) {
  return tx.auditEvent.create({ data: { districtId: actor.districtId, actorId: actor.id, action, subjectId }, select: { id: true } });
}

export async function addCriterion(actor: SessionUser, fields: CriterionFields): Promise<CommandResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await siblings(tx, actor.districtId);
      if (existing.length >= CRITERIA_MAX) return { ok: false, errors: { name: "tooManyCriteria" } };
      if (isCriterionNameTaken(fields.name, existing)) return NAME_TAKEN;
      const position = Math.max(-1, ...existing.map((criterion) => criterion.position)) + 1;
      const created = await tx.championCriterion.create({ data: { districtId: actor.districtId, ...fields, position }, select: { id: true } });
      await audit(tx, actor, "champion_criterion.created", created.id);
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

export async function updateCriterion(actor: SessionUser, criterionId: string, fields: CriterionFields): Promise<CommandResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const criterion = await tx.championCriterion.findFirst({ where: { id: criterionId, districtId: actor.districtId }, select: { id: true, key: true } });
      invariantResponse(criterion, "Not found");
      const stored = canonicalFields(criterion.key, fields);
      if (isCriterionNameTaken(stored.name, await siblings(tx, actor.districtId), criterion.id)) return NAME_TAKEN;
      await tx.championCriterion.update({ where: { id: criterion.id }, data: stored, select: { id: true } });
      await audit(tx, actor, "champion_criterion.updated", criterion.id);
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Removes a criterion and every champion's check of it; scores are then out of the remaining criteria. */
export async function removeCriterion(actor: SessionUser, criterionId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const criterion = await tx.championCriterion.findFirst({ where: { id: criterionId, districtId: actor.districtId }, select: { id: true } });
    invariantResponse(criterion, "Not found");
    await tx.championCriterion.delete({ where: { id: criterion.id } });
    await audit(tx, actor, "champion_criterion.removed", criterion.id);
  });
}

/** Swaps a criterion with its neighbour; at either end nothing moves. */
export async function moveCriterion(actor: SessionUser, criterionId: string, direction: "up" | "down"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const ordered = await siblings(tx, actor.districtId);
    const from = ordered.findIndex((criterion) => criterion.id === criterionId);
    invariantResponse(from >= 0, "Not found");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return;
    const ids = ordered.map((criterion) => criterion.id);
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    for (const [position, id] of ids.entries()) {
      await tx.championCriterion.update({ where: { id }, data: { position }, select: { id: true } });
    }
    await audit(tx, actor, "champion_criterion.moved", criterionId);
  });
}
