import { z } from "zod";
import type { CommunicationStatus } from "~/generated/prisma/enums";
import { readPortraitContent } from "~/portrait/portrait.server";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { randomToken, signPayload, verifySignedPayload } from "~/utils/tokens.server";
import { cycleHeatmap } from "~/readiness/cycle.server";
import { indicatorReach } from "~/readiness/results";
import { whatTheyCareAbout, type CaredAbout } from "./care";
import { planGaps, type AudiencePlanState, type MessagePlanGaps } from "./gaps";
import { parseReadinessRef, readinessChoices, readinessSource, type ReadinessChoice } from "./readiness-proof";
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
            select: { id: true, kind: true, text: true, source: true, stakeholderGroup: true, schoolsStrong: true, schoolsRated: true },
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

/** How many of the district's latest readiness cycles the proof point picker offers results from. */
const READINESS_CYCLES_OFFERED = 3;

/** The results of the district's latest cycles that have any agreed level, newest first. */
async function readinessResults(districtId: string): Promise<ReadinessChoice[]> {
  const cycles = await prisma.assessmentCycle.findMany({
    where: { districtId, schoolAssessments: { some: { consensus: { some: {} } } } },
    orderBy: [{ dueDate: "desc" }, { createdAt: "desc" }],
    take: READINESS_CYCLES_OFFERED,
    select: { id: true },
  });
  const results = await Promise.all(cycles.map((cycle) => readinessResultsOf(districtId, cycle.id)));
  return results.flat();
}

async function readinessResultsOf(districtId: string, cycleId: string): Promise<ReadinessChoice[]> {
  const heatmap = await cycleHeatmap(districtId, cycleId);
  const reach = indicatorReach(
    heatmap.indicators.map((indicator) => indicator.id),
    heatmap.rows,
  );
  return readinessChoices({ id: heatmap.cycle.id, name: heatmap.cycle.name, frameworkName: heatmap.cycle.frameworkName }, heatmap.indicators, reach);
}

/** What a proof point can cite: the Portrait's competencies, the district's visible workshop ideas and its latest readiness results. */
export async function citationChoices(districtId: string) {
  const [portrait, ideas, readiness] = await Promise.all([
    readPortraitContent(districtId),
    prisma.idea.findMany({
      where: { workshop: { districtId }, hiddenAt: null, mergedIntoId: null },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, text: true, workshop: { select: { title: true } }, participant: { select: { stakeholderGroup: { select: { name: true } } } } },
    }),
    readinessResults(districtId),
  ]);
  return {
    readiness,
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
    await prisma.proofPoint.create({ data: { pillarId: pillar.id, kind: "competency", refId: competency.id, text: competency.title.trim() } });
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
  if (input.kind === "readiness") {
    const ref = parseReadinessRef(input.refId);
    const cycle = ref ? await prisma.assessmentCycle.findFirst({ where: { id: ref.cycleId, districtId }, select: { id: true } }) : null;
    const result = ref && cycle ? (await readinessResultsOf(districtId, cycle.id)).find((choice) => choice.refId === input.refId) : undefined;
    if (!result) return invalid({ refId: "messages.errors.pickReadiness" });
    await prisma.proofPoint.create({
      data: {
        pillarId: pillar.id,
        kind: "readiness",
        refId: result.refId,
        text: result.indicatorTitle,
        source: readinessSource({ name: result.cycleName, frameworkName: result.frameworkName }),
        schoolsStrong: result.strong,
        schoolsRated: result.rated,
      },
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
  plan: { select: { message: true, callToAction: true, channels: true, languages: true, messageLanguage: true, updatedAt: true } },
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
    select: { id: true, name: true, role: true, affiliation: true, school: { select: { name: true } }, languages: true },
    orderBy: { name: "asc" },
  });
}

/** Saves the plan and sets the audience's messengers to exactly the champions listed. */
export async function savePlan(districtId: string, audienceId: string, input: PlanInput): Promise<Result> {
  const audience = await prisma.audience.findFirst({ where: { id: audienceId, districtId }, select: { id: true } });
  if (!audience) return notFound;
  const champions = await prisma.champion.count({ where: { districtId, id: { in: input.messengerIds } } });
  if (champions !== input.messengerIds.length) return invalid({ messengerIds: "messages.errors.champion" });
  const plan = { message: input.message, callToAction: input.callToAction, channels: input.channels, languages: input.languages, messageLanguage: input.messageLanguage };
  await prisma.$transaction([
    prisma.audiencePlan.upsert({ where: { audienceId }, create: { audienceId, ...plan }, update: plan }),
    prisma.audienceMessenger.deleteMany({ where: { audienceId, championId: { notIn: input.messengerIds } } }),
    prisma.audienceMessenger.createMany({ data: input.messengerIds.map((championId) => ({ audienceId, championId })), skipDuplicates: true }),
  ]);
  return { ok: true, value: undefined };
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

/**
 * The district's current feed key, made on first use. Two first requests at
 * once both try to create it; the second create is skipped and both read the
 * one that was stored.
 */
async function currentFeedKey(districtId: string): Promise<string> {
  await prisma.communicationFeed.createMany({ data: [{ districtId, key: randomToken() }], skipDuplicates: true });
  const feed = await prisma.communicationFeed.findUniqueOrThrow({ where: { districtId }, select: { key: true } });
  return feed.key;
}

/** The secret part of a calendar feed address: the district id and its feed key, signed with the deployment secret. */
export function feedToken(districtId: string, key: string): string {
  return signPayload({ v: 2, purpose: FEED_PURPOSE, districtId, key }, getConfig().secret);
}

/** The path of the district's calendar feed as it stands (a new key retires the old paths). */
export async function feedPath(districtId: string): Promise<string> {
  return feedPathFor(districtId, await currentFeedKey(districtId));
}

function feedPathFor(districtId: string, key: string): string {
  return `/feeds/messages/${feedToken(districtId, key)}/communications.ics`;
}

/** When the district's feed address was last replaced, or null if it never was given out. */
export async function feedRotatedAt(districtId: string): Promise<Date | null> {
  const feed = await prisma.communicationFeed.findUnique({ where: { districtId }, select: { rotatedAt: true } });
  return feed?.rotatedAt ?? null;
}

/** Gives the district a new feed key: every address handed out before stops answering. Returns the new path. */
export async function replaceFeedKey(districtId: string): Promise<string> {
  const key = randomToken();
  const now = new Date();
  await prisma.communicationFeed.upsert({ where: { districtId }, create: { districtId, key, rotatedAt: now }, update: { key, rotatedAt: now } });
  return feedPathFor(districtId, key);
}

/**
 * The district a feed token opens, or null when it was forged, damaged, signed
 * for something else, or carries a key the district has since replaced.
 */
export async function districtOfFeedToken(token: string): Promise<string | null> {
  const payload = verifySignedPayload(token, getConfig().secret);
  const parsed = feedPayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const feed = await prisma.communicationFeed.findUnique({ where: { districtId: parsed.data.districtId }, select: { key: true } });
  return feed && feed.key === parsed.data.key ? parsed.data.districtId : null;
}

const feedPayloadSchema = z.object({ v: z.literal(2), purpose: z.literal(FEED_PURPOSE), districtId: z.string().min(1), key: z.string().min(1) });
