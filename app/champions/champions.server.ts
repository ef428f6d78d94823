import { randomUUID } from "node:crypto";
import type { SessionUser } from "~/auth/session.server";
import type { ChampionSource, ChampionStage, Prisma } from "~/generated/prisma/client";
import type { CommandResult } from "~/models/district-settings.server";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { importDuplicateWarnings, parseChampionCsv, type ChampionCsvContext, type ChampionCsvError } from "./champion-csv";
import type { ChampionFields, ContactFields, StageMove } from "./champion-form";
import { NO_CONTACT } from "./consent";
import type { NamedChampion } from "./names";
import { stageMoveProblem } from "./pipeline";

/**
 * What anyone in the district may read about a champion. Contact details,
 * consent and notes are NOT here: they are read only through CONTACT_SELECT,
 * by the functions whose names say so, which routes call for leaders and facilitators only.
 */
const CHAMPION_SELECT = {
  id: true,
  kind: true,
  name: true,
  role: true,
  stakeholderGroupId: true,
  schoolId: true,
  affiliation: true,
  languages: true,
  reach: true,
  audienceSize: true,
  influence: true,
  support: true,
  tags: true,
  stage: true,
  stageChangedAt: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  stakeholderGroup: { select: { id: true, key: true, name: true } },
  school: { select: { id: true, name: true } },
  criteriaMet: { select: { criterionId: true } },
} as const satisfies Prisma.ChampionSelect;

const CONTACT_SELECT = {
  id: true,
  email: true,
  phone: true,
  contactOther: true,
  consentGiven: true,
  consentAt: true,
  consentMethod: true,
  notes: true,
} as const satisfies Prisma.ChampionSelect;

export type ChampionRow = Prisma.ChampionGetPayload<{ select: typeof CHAMPION_SELECT }>;
export type ChampionContactRow = Prisma.ChampionGetPayload<{ select: typeof CONTACT_SELECT }>;

const BY_NAME = [{ name: "asc" }, { id: "asc" }] as const satisfies Prisma.ChampionOrderByWithRelationInput[];

export async function listChampions(districtId: string): Promise<ChampionRow[]> {
  return prisma.champion.findMany({ where: { districtId }, select: CHAMPION_SELECT, orderBy: [...BY_NAME] });
}

/** Contact details of the whole directory, for leaders and facilitators only. */
export async function listChampionContacts(districtId: string): Promise<Map<string, ChampionContactRow>> {
  const rows = await prisma.champion.findMany({ where: { districtId }, select: CONTACT_SELECT });
  return new Map(rows.map((row) => [row.id, row]));
}

/** A champion of the district; another district's champion, like a made-up id, is a 404. */
export async function getChampion(districtId: string, championId: string): Promise<ChampionRow> {
  const champion = await prisma.champion.findFirst({ where: { id: championId, districtId }, select: CHAMPION_SELECT });
  invariantResponse(champion, "Not found");
  return champion;
}

/** One champion's contact details, consent and notes, for leaders and facilitators only. */
export async function getChampionContact(districtId: string, championId: string): Promise<ChampionContactRow> {
  const contact = await prisma.champion.findFirst({ where: { id: championId, districtId }, select: CONTACT_SELECT });
  invariantResponse(contact, "Not found");
  return contact;
}

/** Everyone in the directory by name, with what tells namesakes apart, for choosing a person (merging a nomination). */
export async function championNames(districtId: string): Promise<NamedChampion[]> {
  return prisma.champion.findMany({
    where: { districtId },
    select: { id: true, name: true, role: true, affiliation: true, school: { select: { name: true } } },
    orderBy: [...BY_NAME],
  });
}

/** Names, emails and phones for duplicate checks: used on the server only, never sent to a page. */
export async function duplicateKeys(districtId: string): Promise<{ id: string; name: string; email: string | null; phone: string | null }[]> {
  return prisma.champion.findMany({ where: { districtId }, select: { id: true, name: true, email: true, phone: true } });
}

/** The groups, schools and languages a champion can be filed under, for forms and filters. */
export async function championOptions(districtId: string) {
  const [district, groups, schools] = await Promise.all([
    prisma.district.findUnique({ where: { id: districtId }, select: { languages: true } }),
    prisma.stakeholderGroup.findMany({
      where: { districtId, archivedAt: null },
      select: { id: true, key: true, name: true },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
    prisma.school.findMany({ where: { districtId, archivedAt: null }, select: { id: true, name: true, code: true }, orderBy: [{ name: "asc" }] }),
  ]);
  invariantResponse(district, "Not found");
  return { districtLanguages: district.languages, groups, schools };
}

/** The stage history, newest first; notes only for those who may read them. */
export async function stageHistory(districtId: string, championId: string, { withNotes }: { withNotes: boolean }) {
  return prisma.championStageEvent.findMany({
    where: { championId, champion: { districtId } },
    select: { id: true, fromStage: true, toStage: true, at: true, note: withNotes, createdAt: true },
    orderBy: [{ at: "desc" }, { createdAt: "desc" }],
  });
}

/** What a champion can be assigned to, and what they are assigned to now. */
export async function championAssignments(districtId: string, championId: string) {
  const [audiences, messengerFor, workshops, coHosting] = await Promise.all([
    prisma.audience.findMany({ where: { districtId }, select: { id: true, key: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    prisma.audienceMessenger.findMany({ where: { championId, audience: { districtId } }, select: { audienceId: true } }),
    prisma.workshop.findMany({
      where: { districtId },
      select: { id: true, title: true, scheduledAt: true, status: true },
      orderBy: [{ scheduledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    }),
    prisma.workshopCoHost.findMany({ where: { championId, workshop: { districtId } }, select: { workshopId: true } }),
  ]);
  return {
    audiences,
    audienceIds: messengerFor.map((row) => row.audienceId),
    workshops,
    workshopIds: coHosting.map((row) => row.workshopId),
  };
}

/** Ids arrive in page addresses and forms; anything that cannot be an id is simply not found. */
export function isPlausibleId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

type Tx = Prisma.TransactionClient;

/** Group and school ids from a form must be the district's own (a forged id is refused like a wrong choice). */
async function referenceErrors(tx: Tx, districtId: string, fields: Pick<ChampionFields, "stakeholderGroupId" | "schoolId">): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (fields.stakeholderGroupId) {
    const group = await tx.stakeholderGroup.findFirst({ where: { id: fields.stakeholderGroupId, districtId }, select: { id: true } });
    if (!group) errors.stakeholderGroupId = "unknownGroup";
  }
  if (fields.schoolId) {
    const school = await tx.school.findFirst({ where: { id: fields.schoolId, districtId }, select: { id: true } });
    if (!school) errors.schoolId = "unknownSchool";
  }
  return errors;
}

function audit(tx: Tx, actor: SessionUser, action: string, subjectId: string, detail?: Prisma.InputJsonValue) {
  // Audit entries carry ids and stages, never names or contact details: removing a person must leave none behind.
  return tx.auditEvent.create({ data: { districtId: actor.districtId, actorId: actor.id, action, subjectId, detail }, select: { id: true } });
}

export type NewChampion = { fields: ChampionFields; contact: ContactFields; stage: ChampionStage; stageAt: Date; source: ChampionSource };

/** Creates a champion in a transaction the caller holds (manual entry and accepted nominations). */
export async function createChampionIn(tx: Tx, actor: SessionUser, input: NewChampion): Promise<CommandResult<{ champion: { id: string; name: string } }>> {
  const errors = await referenceErrors(tx, actor.districtId, input.fields);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const champion = await tx.champion.create({
    data: {
      districtId: actor.districtId,
      ...input.fields,
      ...input.contact,
      stage: input.stage,
      stageChangedAt: input.stageAt,
      source: input.source,
      stageEvents: { create: { toStage: input.stage, at: input.stageAt, actorId: actor.id } },
    },
    select: { id: true, name: true },
  });
  await audit(tx, actor, "champion.created", champion.id, { source: input.source, stage: input.stage });
  return { ok: true, champion };
}

export async function createChampion(actor: SessionUser, input: NewChampion) {
  return prisma.$transaction((tx) => createChampionIn(tx, actor, input));
}

export async function updateChampion(actor: SessionUser, championId: string, fields: ChampionFields): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({ where: { id: championId, districtId: actor.districtId }, select: { id: true } });
    invariantResponse(champion, "Not found");
    const errors = await referenceErrors(tx, actor.districtId, fields);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    await tx.champion.update({ where: { id: champion.id }, data: fields, select: { id: true } });
    await audit(tx, actor, "champion.updated", champion.id);
    return { ok: true };
  });
}

/** Saves contact details with their consent; the form schema has applied the consent rule already. */
export async function updateChampionContact(actor: SessionUser, championId: string, contact: ContactFields): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({ where: { id: championId, districtId: actor.districtId }, select: { id: true } });
    invariantResponse(champion, "Not found");
    await tx.champion.update({ where: { id: champion.id }, data: contact, select: { id: true } });
    await audit(tx, actor, "champion.contact_updated", champion.id, { consentGiven: contact.consentGiven });
  });
}

/** The person withdrew their consent: their contact details go with it. */
export async function withdrawConsent(actor: SessionUser, championId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({ where: { id: championId, districtId: actor.districtId }, select: { id: true } });
    invariantResponse(champion, "Not found");
    await tx.champion.update({ where: { id: champion.id }, data: NO_CONTACT, select: { id: true } });
    await audit(tx, actor, "champion.consent_withdrawn", champion.id);
  });
}

export async function moveChampionStage(actor: SessionUser, championId: string, move: StageMove): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({
      where: { id: championId, districtId: actor.districtId },
      select: { id: true, stage: true, stageEvents: { select: { at: true }, orderBy: { at: "desc" }, take: 1 } },
    });
    invariantResponse(champion, "Not found");
    const problem = stageMoveProblem({ from: champion.stage, to: move.stage, at: move.at }, champion.stageEvents[0]?.at ?? null);
    if (problem) {
      const errors: FieldErrors = problem === "sameStage" ? { stage: problem } : { at: problem };
      return { ok: false, errors };
    }
    await tx.champion.update({
      where: { id: champion.id },
      data: {
        stage: move.stage,
        stageChangedAt: move.at,
        stageEvents: { create: { fromStage: champion.stage, toStage: move.stage, at: move.at, note: move.note, actorId: actor.id } },
      },
      select: { id: true },
    });
    await audit(tx, actor, "champion.stage_moved", champion.id, { from: champion.stage, to: move.stage });
    return { ok: true };
  });
}

/** Replaces a set of links (criteria met, audiences, workshops) after checking every id is the district's. */
async function replaceLinks(
  actor: SessionUser,
  championId: string,
  ids: readonly string[],
  link: {
    known: (tx: Tx) => Promise<{ id: string }[]>;
    replace: (tx: Tx, championId: string, ids: string[]) => Promise<unknown>;
    action: string;
  },
): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({ where: { id: championId, districtId: actor.districtId }, select: { id: true } });
    invariantResponse(champion, "Not found");
    const known = new Set((await link.known(tx)).map((row) => row.id));
    const unique = [...new Set(ids)];
    if (!unique.every((id) => known.has(id))) return { ok: false, errors: { form: "invalid" } };
    await link.replace(tx, champion.id, unique);
    await audit(tx, actor, link.action, champion.id, { count: unique.length });
    return { ok: true };
  });
}

export function setCriteriaMet(actor: SessionUser, championId: string, criterionIds: readonly string[]) {
  return replaceLinks(actor, championId, criterionIds, {
    known: (tx) => tx.championCriterion.findMany({ where: { districtId: actor.districtId }, select: { id: true } }),
    replace: async (tx, id, ids) => {
      await tx.championCriterionCheck.deleteMany({ where: { championId: id } });
      await tx.championCriterionCheck.createMany({ data: ids.map((criterionId) => ({ championId: id, criterionId })) });
    },
    action: "champion.criteria_checked",
  });
}

export function setMessengerAudiences(actor: SessionUser, championId: string, audienceIds: readonly string[]) {
  return replaceLinks(actor, championId, audienceIds, {
    known: (tx) => tx.audience.findMany({ where: { districtId: actor.districtId }, select: { id: true } }),
    replace: async (tx, id, ids) => {
      await tx.audienceMessenger.deleteMany({ where: { championId: id } });
      await tx.audienceMessenger.createMany({ data: ids.map((audienceId) => ({ championId: id, audienceId })) });
    },
    action: "champion.audiences_assigned",
  });
}

export function setCoHostedWorkshops(actor: SessionUser, championId: string, workshopIds: readonly string[]) {
  return replaceLinks(actor, championId, workshopIds, {
    known: (tx) => tx.workshop.findMany({ where: { districtId: actor.districtId }, select: { id: true } }),
    replace: async (tx, id, ids) => {
      await tx.workshopCoHost.deleteMany({ where: { championId: id } });
      await tx.workshopCoHost.createMany({ data: ids.map((workshopId) => ({ championId: id, workshopId })) });
    },
    action: "champion.workshops_assigned",
  });
}

/** What a nomination keeps once the person it named is removed or it is dismissed: nothing that identifies anyone. */
export const SCRUBBED_NOMINATION = { nomineeName: "", reason: "", contact: null } as const;

/**
 * Removes a champion and their personal data: the row (with its history,
 * checklist and assignments) is deleted, and the workshop nominations that
 * named them are scrubbed of the name, reason and contact.
 */
export async function removeChampion(actor: SessionUser, championId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const champion = await tx.champion.findFirst({
      where: { id: championId, districtId: actor.districtId },
      select: { id: true, nominations: { select: { nominationId: true } } },
    });
    invariantResponse(champion, "Not found");
    const nominationIds = champion.nominations.map((link) => link.nominationId);
    if (nominationIds.length > 0) {
      await tx.nomination.updateMany({ where: { id: { in: nominationIds }, districtId: actor.districtId }, data: SCRUBBED_NOMINATION });
    }
    await tx.champion.delete({ where: { id: champion.id } });
    await audit(tx, actor, "champion.removed", champion.id, { nominationsScrubbed: nominationIds.length });
  });
}

/* CSV import */

async function csvContext(tx: Tx | typeof prisma, districtId: string): Promise<ChampionCsvContext> {
  const [groups, schools] = await Promise.all([
    tx.stakeholderGroup.findMany({ where: { districtId, archivedAt: null }, select: { id: true, key: true, name: true } }),
    tx.school.findMany({ where: { districtId, archivedAt: null }, select: { id: true, name: true, code: true } }),
  ]);
  return { groups, schools };
}

/** Checks a champions file without saving anything, with the rows that may repeat someone. */
export async function previewChampionImport(districtId: string, csvText: string) {
  const parsed = parseChampionCsv(csvText, await csvContext(prisma, districtId));
  if (!parsed.ok) return parsed;
  return { ...parsed, warnings: importDuplicateWarnings(parsed.rows, await duplicateKeys(districtId)) };
}

export type ChampionImportResult = { ok: true; count: number } | { ok: false; errors: ChampionCsvError[] };

/**
 * Imports a champions file whole or not at all. The file is checked again
 * here, inside the transaction, so a preview is never trusted.
 */
export async function importChampions(actor: SessionUser, csvText: string, now: Date = new Date()): Promise<ChampionImportResult> {
  return prisma.$transaction(async (tx) => {
    const parsed = parseChampionCsv(csvText, await csvContext(tx, actor.districtId));
    if (!parsed.ok) return parsed;
    // Ids are made here so the stage history can be written in one batch too.
    const rows = parsed.rows.map((row) => ({ id: randomUUID(), ...row }));
    await tx.champion.createMany({
      data: rows.map((row) => ({
        id: row.id,
        districtId: actor.districtId,
        ...row.fields,
        ...row.contact,
        stage: row.stage,
        stageChangedAt: now,
        source: "csv" as const,
      })),
    });
    await tx.championStageEvent.createMany({ data: rows.map((row) => ({ championId: row.id, toStage: row.stage, at: now, actorId: actor.id })) });
    await audit(tx, actor, "champion.imported", actor.districtId, { count: rows.length });
    return { ok: true, count: rows.length };
  });
}
