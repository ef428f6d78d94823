import type { CommunicationStatus } from "~/generated/prisma/enums";
import { readPortraitContent } from "~/portrait/portrait.server";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { signPayload, verifySignedPayload } from "~/utils/tokens.server";
import { whatTheyCareAbout, type CaredAbout } from "./care";
import { planGaps, type AudiencePlanState, type MessagePlanGaps } from "./gaps";
import { canMoveTo, type CommunicationInput, type HouseInput, type PlanInput, type ProofPointInput } from "./plan";

// Database side of message planning. Every function takes the signed-in
// user's districtId and touches only that district's rows: an id from another
// district behaves as if it did not exist.

type Result<T = undefined> = { ok: true; value: T } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true };
const notFound = { ok: false as const, notFound: true as const };
const invalid = (errors: FieldErrors) => ({ ok: false as const, errors });

// ─── Message house ──────────────────────────────────────────────────────────

export async function loadHouse(districtId: string) {
  return prisma.messageHouse.findUnique({
    where: { districtId },
    select: {
      coreMessage: true,
      updatedAt: true,
      pillars: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          proofPoints: {
            orderBy: { createdAt: "asc" },
            select: { id: true, kind: true, text: true, source: true, stakeholderGroup: true },
          },
        },
      },
    },
  });
}
export type House = NonNullable<Awaited<ReturnType<typeof loadHouse>>>;

/** Saves the core message and the pillars as listed: known pillars keep their proof points, dropped ones lose theirs. */
export async function saveHouse(districtId: string, input: HouseInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const house = await tx.messageHouse.upsert({
      where: { districtId },
      create: { districtId, coreMessage: input.coreMessage },
      update: { coreMessage: input.coreMessage },
      select: { id: true, pillars: { select: { id: true } } },
    });
    const existing = new Set(house.pillars.map((pillar) => pillar.id));
    const kept = new Set<string>();
    for (const [position, pillar] of input.pillars.entries()) {
      if (pillar.id && existing.has(pillar.id)) {
        kept.add(pillar.id);
        await tx.messagePillar.update({ where: { id: pillar.id }, data: { title: pillar.title, position } });
      } else {
        await tx.messagePillar.create({ data: { houseId: house.id, title: pillar.title, position }, select: { id: true } });
      }
    }
    const dropped = [...existing].filter((id) => !kept.has(id));
    if (dropped.length > 0) await tx.messagePillar.deleteMany({ where: { houseId: house.id, id: { in: dropped } } });
  });
}

/** What a proof point can cite: the Portrait's competencies and the district's visible workshop ideas. */
export async function citationChoices(districtId: string) {
  const [portrait, ideas] = await Promise.all([
    readPortraitContent(districtId),
    prisma.idea.findMany({
      where: { workshop: { districtId }, hiddenAt: null, mergedIntoId: null },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, text: true, workshop: { select: { title: true } }, participant: { select: { stakeholderGroup: { select: { name: true } } } } },
    }),
  ]);
  return {
    competencies: portrait.competencies.filter((competency) => competency.title.trim()).map((competency) => ({ id: competency.id, title: competency.title })),
    ideas: ideas.map((idea) => ({ id: idea.id, text: idea.text, workshopTitle: idea.workshop.title, group: idea.participant.stakeholderGroup.name })),
  };
}

export async function addProofPoint(districtId: string, input: ProofPointInput): Promise<Result> {
  const pillar = await prisma.messagePillar.findFirst({ where: { id: input.pillarId, house: { districtId } }, select: { id: true } });
  if (!pillar) return notFound;
  if (input.kind === "competency") {
    const { competencies } = await readPortraitContent(districtId);
    const competency = competencies.find((item) => item.id === input.refId && item.title.trim());
    if (!competency) return invalid({ refId: "messages.errors.pickCompetency" });
    await prisma.proofPoint.create({ data: { pillarId: pillar.id, kind: "competency", refId: competency.id, text: competency.title.trim(), source: "Portrait of a Graduate" } });
    return { ok: true, value: undefined };
  }
  if (input.kind === "idea") {
    const idea = await prisma.idea.findFirst({
      where: { id: input.refId, workshop: { districtId }, hiddenAt: null, mergedIntoId: null },
      select: { id: true, text: true, workshop: { select: { title: true } }, participant: { select: { stakeholderGroup: { select: { name: true } } } } },
    });
    if (!idea) return invalid({ refId: "messages.errors.pickIdea" });
    await prisma.proofPoint.create({
      data: { pillarId: pillar.id, kind: "idea", refId: idea.id, text: idea.text, source: idea.workshop.title, stakeholderGroup: idea.participant.stakeholderGroup.name },
    });
    return { ok: true, value: undefined };
  }
  await prisma.proofPoint.create({ data: { pillarId: pillar.id, kind: input.kind, text: input.text, source: input.source } });
  return { ok: true, value: undefined };
}

export async function deleteProofPoint(districtId: string, proofPointId: string): Promise<boolean> {
  const { count } = await prisma.proofPoint.deleteMany({ where: { id: proofPointId, pillar: { house: { districtId } } } });
  return count > 0;
}

// ─── Audiences and their plans ──────────────────────────────────────────────

const AUDIENCE_SELECT = {
  id: true,
  key: true,
  name: true,
  stakeholderGroups: { select: { id: true, key: true, name: true }, orderBy: { position: "asc" } },
  plan: { select: { message: true, callToAction: true, channels: true, languages: true, updatedAt: true } },
  messengers: { select: { champion: { select: { id: true, name: true, role: true, languages: true } } }, orderBy: { createdAt: "asc" } },
  communications: { select: { language: true } },
} as const;

export async function listAudiencePlans(districtId: string) {
  return prisma.audience.findMany({ where: { districtId }, select: AUDIENCE_SELECT, orderBy: [{ position: "asc" }, { name: "asc" }] });
}
type AudienceWithPlan = Awaited<ReturnType<typeof listAudiencePlans>>[number];

export function planState(audience: AudienceWithPlan): AudiencePlanState {
  return {
    id: audience.id,
    key: audience.key,
    name: audience.name,
    message: audience.plan?.message ?? null,
    languagesNeeded: audience.plan?.languages ?? [],
    messengerLanguages: audience.messengers.map((messenger) => messenger.champion.languages),
    communicationLanguages: audience.communications.map((communication) => communication.language),
  };
}

/** For the dashboard card: audiences without a message, without a messenger, or without their language. */
export async function messagePlanGaps(districtId: string): Promise<MessagePlanGaps> {
  return planGaps((await listAudiencePlans(districtId)).map(planState));
}

export async function loadAudience(districtId: string, audienceId: string) {
  return prisma.audience.findFirst({ where: { id: audienceId, districtId }, select: AUDIENCE_SELECT });
}

/** The workshop ideas the audience's own stakeholder groups rated best. */
export async function caredAbout(districtId: string, groupIds: readonly string[]): Promise<CaredAbout[]> {
  if (groupIds.length === 0) return [];
  const ratings = await prisma.rating.findMany({
    where: { participant: { stakeholderGroupId: { in: [...groupIds] } }, idea: { workshop: { districtId } } },
    select: { ideaId: true, value: true, participant: { select: { stakeholderGroupId: true } } },
  });
  const ideaIds = [...new Set(ratings.map((rating) => rating.ideaId))];
  const ideas = await prisma.idea.findMany({
    where: { id: { in: ideaIds } },
    select: { id: true, text: true, hiddenAt: true, mergedIntoId: true, workshop: { select: { title: true } } },
  });
  return whatTheyCareAbout(
    groupIds,
    ideas.map((idea) => ({ id: idea.id, text: idea.text, hidden: idea.hiddenAt !== null, merged: idea.mergedIntoId !== null, workshopTitle: idea.workshop.title })),
    ratings.map((rating) => ({ ideaId: rating.ideaId, value: rating.value, stakeholderGroupId: rating.participant.stakeholderGroupId })),
  );
}

export async function listChampions(districtId: string) {
  return prisma.champion.findMany({
    where: { districtId, stage: { not: "stepped_back" } },
    select: { id: true, name: true, role: true, languages: true },
    orderBy: { name: "asc" },
  });
}

/** Saves the plan and sets the audience's messengers to exactly the champions listed. */
export async function savePlan(districtId: string, audienceId: string, input: PlanInput): Promise<Result> {
  const audience = await prisma.audience.findFirst({ where: { id: audienceId, districtId }, select: { id: true } });
  if (!audience) return notFound;
  const champions = await prisma.champion.count({ where: { districtId, id: { in: input.messengerIds } } });
  if (champions !== input.messengerIds.length) return invalid({ messengerIds: "messages.errors.champion" });
  const plan = { message: input.message, callToAction: input.callToAction, channels: input.channels, languages: input.languages };
  await prisma.$transaction([
    prisma.audiencePlan.upsert({ where: { audienceId }, create: { audienceId, ...plan }, update: plan }),
    prisma.audienceMessenger.deleteMany({ where: { audienceId, championId: { notIn: input.messengerIds } } }),
    prisma.audienceMessenger.createMany({ data: input.messengerIds.map((championId) => ({ audienceId, championId })), skipDuplicates: true }),
  ]);
  return { ok: true, value: undefined };
}

/** Renames an audience and maps it to the district's stakeholder groups. */
export async function updateAudience(districtId: string, audienceId: string, input: { name: string; groupIds: string[] }): Promise<Result> {
  const audience = await prisma.audience.findFirst({ where: { id: audienceId, districtId }, select: { id: true } });
  if (!audience) return notFound;
  const groups = await prisma.stakeholderGroup.count({ where: { districtId, id: { in: input.groupIds } } });
  if (groups !== input.groupIds.length) return invalid({ groupIds: "messages.errors.group" });
  const clash = await prisma.audience.findFirst({ where: { districtId, name: { equals: input.name, mode: "insensitive" }, NOT: { id: audienceId } }, select: { id: true } });
  if (clash) return invalid({ name: "messages.errors.audienceNameTaken" });
  await prisma.audience.update({ where: { id: audienceId }, data: { name: input.name, stakeholderGroups: { set: input.groupIds.map((id) => ({ id })) } } });
  return { ok: true, value: undefined };
}

export async function listStakeholderGroups(districtId: string) {
  return prisma.stakeholderGroup.findMany({ where: { districtId }, select: { id: true, key: true, name: true }, orderBy: { position: "asc" } });
}

// ─── Communications ─────────────────────────────────────────────────────────

const COMMUNICATION_SELECT = {
  id: true,
  date: true,
  title: true,
  channel: true,
  language: true,
  owner: true,
  status: true,
  feedback: true,
  updatedAt: true,
  audience: { select: { id: true, key: true, name: true } },
  champion: { select: { id: true, name: true } },
} as const;

export async function listCommunications(districtId: string, range?: { start: Date; end: Date }) {
  return prisma.communication.findMany({
    where: { districtId, ...(range ? { date: { gte: range.start, lt: range.end } } : {}) },
    select: COMMUNICATION_SELECT,
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
  });
}
export type CommunicationRow = Awaited<ReturnType<typeof listCommunications>>[number];

export async function loadCommunication(districtId: string, communicationId: string) {
  return prisma.communication.findFirst({ where: { id: communicationId, districtId }, select: COMMUNICATION_SELECT });
}

async function checkReferences(districtId: string, input: CommunicationInput): Promise<FieldErrors | null> {
  const [audience, champion] = await Promise.all([
    prisma.audience.findFirst({ where: { id: input.audienceId, districtId }, select: { id: true } }),
    input.championId ? prisma.champion.findFirst({ where: { id: input.championId, districtId }, select: { id: true } }) : Promise.resolve({ id: null }),
  ]);
  const errors: FieldErrors = {};
  if (!audience) errors.audienceId = "messages.errors.audience";
  if (!champion) errors.championId = "messages.errors.champion";
  return Object.keys(errors).length > 0 ? errors : null;
}

export async function createCommunication(districtId: string, input: CommunicationInput): Promise<Result<{ id: string }>> {
  const errors = await checkReferences(districtId, input);
  if (errors) return invalid(errors);
  const created = await prisma.communication.create({ data: { districtId, ...input }, select: { id: true } });
  return { ok: true, value: created };
}

export async function updateCommunication(districtId: string, communicationId: string, input: CommunicationInput): Promise<Result> {
  const existing = await prisma.communication.findFirst({ where: { id: communicationId, districtId }, select: { id: true } });
  if (!existing) return notFound;
  const errors = await checkReferences(districtId, input);
  if (errors) return invalid(errors);
  await prisma.communication.update({ where: { id: communicationId }, data: input });
  return { ok: true, value: undefined };
}

/** Moves a communication on; the status it was read with must still be current, so two editors cannot both send it. */
export async function changeStatus(districtId: string, communicationId: string, to: CommunicationStatus): Promise<Result> {
  const existing = await prisma.communication.findFirst({ where: { id: communicationId, districtId }, select: { status: true } });
  if (!existing) return notFound;
  if (!canMoveTo(existing.status, to)) return invalid({ status: "messages.errors.statusStep" });
  const { count } = await prisma.communication.updateMany({ where: { id: communicationId, status: existing.status }, data: { status: to } });
  if (count === 0) return invalid({ status: "messages.errors.statusStep" });
  return { ok: true, value: undefined };
}

export async function saveFeedback(districtId: string, communicationId: string, feedback: string): Promise<Result> {
  const existing = await prisma.communication.findFirst({ where: { id: communicationId, districtId }, select: { status: true } });
  if (!existing) return notFound;
  if (existing.status !== "sent") return invalid({ feedback: "messages.errors.feedbackBeforeSent" });
  await prisma.communication.update({ where: { id: communicationId }, data: { feedback: feedback || null } });
  return { ok: true, value: undefined };
}

export async function deleteCommunication(districtId: string, communicationId: string): Promise<boolean> {
  const { count } = await prisma.communication.deleteMany({ where: { id: communicationId, districtId } });
  return count > 0;
}

// ─── Calendar feed ──────────────────────────────────────────────────────────

const FEED_PURPOSE = "messages-ics";

/** The secret part of the district's calendar feed address: its id, signed with the deployment secret. */
export function feedToken(districtId: string): string {
  return signPayload({ v: 1, purpose: FEED_PURPOSE, districtId }, getConfig().secret);
}

export function feedPath(districtId: string): string {
  return `/feeds/messages/${feedToken(districtId)}/communications.ics`;
}

/** The district a feed token was signed for, or null when it was forged, damaged or signed for something else. */
export function districtOfFeedToken(token: string): string | null {
  const payload = verifySignedPayload(token, getConfig().secret);
  if (typeof payload !== "object" || payload === null) return null;
  const { v, purpose, districtId } = payload as Record<string, unknown>;
  return v === 1 && purpose === FEED_PURPOSE && typeof districtId === "string" ? districtId : null;
}
