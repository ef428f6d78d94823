import type { SessionUser } from "~/auth/session.server";
import type { ActionItemStatus, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { canViewSchool, teamAccess, type TeamAccess } from "./access";
import { completionOf, memberProgress, type Completion } from "./completion";
import { cycleFramework, getCycle, type CycleIndicator, type CycleSummary } from "./cycle.server";
import type { ActionItemFields, ActionStatus, ConsensusFields, RatingEntry } from "./forms";
import { isLevel, type Level } from "./levels";
import { idParam } from "./params.server";
import {
  changeSincePrevious,
  dimensionAverages,
  isComparable,
  overallAverage,
  strengthsAndGrowthAreas,
  type ChangeSummary,
  type DimensionAverage,
  type IndicatorResult,
} from "./results";
import { ratingSpread, type RatingSpread } from "./spread";

type Tx = Prisma.TransactionClient;

/** Thrown as a response: who may do what is checked before any input is read. */
function forbidden(message: string): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/* The team a page is about */

export type TeamContext = {
  cycle: CycleSummary;
  school: { id: string; name: string };
  assessmentId: string;
  access: TeamAccess;
};

/**
 * A school's team in a cycle, as the signed-in user may see it. A cycle of
 * another district, a school that is not in the cycle, or — for a school
 * member — any school but their own, is a 404.
 */
export async function teamContext(user: SessionUser, cycleId: string, schoolId: string): Promise<TeamContext> {
  const cycle = await getCycle(user.districtId, cycleId);
  invariantResponse(canViewSchool(user, schoolId), "Not found");
  const assessment = await prisma.schoolAssessment.findFirst({
    where: { cycleId: cycle.id, schoolId, districtId: user.districtId },
    select: { id: true, school: { select: { id: true, name: true } } },
  });
  invariantResponse(assessment, "Not found");
  const markedLead =
    user.role === "school" && user.schoolId === schoolId && (await prisma.teamLead.count({ where: { schoolId, userId: user.id } })) > 0;
  return {
    cycle,
    school: assessment.school,
    assessmentId: assessment.id,
    access: teamAccess(user, schoolId, { markedLead, cycleOpen: cycle.status === "open" }),
  };
}

export type TeamMember = { id: string; name: string; isLead: boolean };

export async function teamMembers(schoolId: string, db: Tx = prisma): Promise<TeamMember[]> {
  const members = await db.user.findMany({
    where: { schoolId, role: "school", disabledAt: null },
    select: { id: true, name: true, teamLeads: { where: { schoolId }, select: { id: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return members.map((member) => ({ id: member.id, name: member.name, isLead: member.teamLeads.length > 0 }));
}

export type MemberProgressRow = TeamMember & { rated: number; total: number; submittedAt: Date | null };

/** Each member's progress and the team's completion: visible to the whole team. */
export async function teamProgress(context: TeamContext): Promise<{ members: MemberProgressRow[]; completion: Completion; indicatorCount: number }> {
  const { indicators } = await cycleFramework(context.cycle.versionId);
  const active = new Set(indicators.map((indicator) => indicator.id));
  const [members, responses, agreed] = await Promise.all([
    teamMembers(context.school.id),
    prisma.memberResponse.findMany({
      where: { schoolAssessmentId: context.assessmentId },
      select: { userId: true, submittedAt: true, ratings: { select: { indicatorId: true, level: true } } },
    }),
    prisma.consensusRating.findMany({ where: { schoolAssessmentId: context.assessmentId }, select: { indicatorId: true } }),
  ]);
  const rows = members.map((member) => {
    const response = responses.find((candidate) => candidate.userId === member.id);
    const levels = (response?.ratings ?? []).filter((rating) => active.has(rating.indicatorId)).map((rating) => rating.level);
    const progress = memberProgress(levels, indicators.length);
    return { ...member, rated: progress.rated, total: progress.total, submittedAt: response?.submittedAt ?? null };
  });
  return {
    members: rows,
    indicatorCount: indicators.length,
    completion: completionOf({
      members: rows.length,
      started: rows.filter((row) => row.rated > 0 || row.submittedAt).length,
      submitted: rows.filter((row) => row.submittedAt).length,
      indicators: indicators.length,
      agreed: agreed.filter((entry) => active.has(entry.indicatorId)).length,
    }),
  };
}

/* A member's ratings */

export type SavedRating = { level: Level | null; note: string; links: string[] };

export async function memberRatings(context: TeamContext, userId: string): Promise<{ submittedAt: Date | null; ratings: Record<string, SavedRating> }> {
  const response = await prisma.memberResponse.findUnique({
    where: { schoolAssessmentId_userId: { schoolAssessmentId: context.assessmentId, userId } },
    select: { submittedAt: true, ratings: { select: { indicatorId: true, level: true, note: true, links: true } } },
  });
  const ratings: Record<string, SavedRating> = {};
  for (const rating of response?.ratings ?? []) {
    ratings[rating.indicatorId] = { level: isLevel(rating.level) ? rating.level : null, note: rating.note, links: rating.links };
  }
  return { submittedAt: response?.submittedAt ?? null, ratings };
}

export type SaveOutcome =
  | { ok: true; submitted: boolean; savedAt: Date; rated: number; total: number }
  | { ok: false; status: 400 | 409; errors: Record<string, string>; missing?: number };

async function activeIndicatorIds(tx: Tx, versionId: string): Promise<Set<string>> {
  const indicators = await tx.indicator.findMany({ where: { versionId, retiredAt: null }, select: { id: true } });
  return new Set(indicators.map((indicator) => indicator.id));
}

/**
 * Saves a member's ratings (all of them, or the one being autosaved) and, if
 * asked, submits them. Refused, changing nothing: a closed cycle, a submitted
 * response, an indicator that is not rated in this cycle. A submission with
 * indicators still unrated keeps what was saved and says how many are missing.
 */
export async function saveRatings(user: SessionUser, context: TeamContext, entries: readonly RatingEntry[], { submit }: { submit: boolean }): Promise<SaveOutcome> {
  if (!context.access.isMember) forbidden("Only members of this school's team rate its readiness.");
  const saved = await prisma.$transaction(async (tx): Promise<SaveOutcome | { ok: true; responseId: string; active: Set<string> }> => {
    const cycle = await tx.assessmentCycle.findUnique({ where: { id: context.cycle.id }, select: { status: true } });
    if (cycle?.status !== "open") return { ok: false, status: 409, errors: { form: "cycleClosed" } };
    const existing = await tx.memberResponse.findUnique({
      where: { schoolAssessmentId_userId: { schoolAssessmentId: context.assessmentId, userId: user.id } },
      select: { id: true, submittedAt: true },
    });
    if (existing?.submittedAt) return { ok: false, status: 409, errors: { form: "alreadySubmitted" } };
    const active = await activeIndicatorIds(tx, context.cycle.versionId);
    const unknown = entries.filter((entry) => !active.has(entry.indicatorId));
    if (unknown.length > 0) return { ok: false, status: 400, errors: { form: "unknownIndicator" } };
    const response =
      existing ??
      (await tx.memberResponse.create({ data: { schoolAssessmentId: context.assessmentId, userId: user.id }, select: { id: true, submittedAt: true } }));
    for (const entry of entries) {
      const where = { responseId_indicatorId: { responseId: response.id, indicatorId: entry.indicatorId } };
      const stored = await tx.indicatorRating.findUnique({ where, select: { note: true, links: true } });
      const values = { level: entry.level, note: entry.note ?? stored?.note ?? "", links: entry.links ?? stored?.links ?? [] };
      // Nothing left to keep: a level cleared with no evidence is no rating at all.
      if (values.level === null && values.note === "" && values.links.length === 0) {
        if (stored) await tx.indicatorRating.delete({ where });
        continue;
      }
      await tx.indicatorRating.upsert({ where, create: { responseId: response.id, indicatorId: entry.indicatorId, ...values }, update: values });
    }
    await tx.memberResponse.update({ where: { id: response.id }, data: { updatedAt: new Date() } });
    return { ok: true, responseId: response.id, active };
  });
  if (!saved.ok || !("responseId" in saved)) return saved as SaveOutcome;
  const ratedIds = await prisma.indicatorRating.findMany({
    where: { responseId: saved.responseId, level: { not: null } },
    select: { indicatorId: true },
  });
  const rated = ratedIds.filter((rating) => saved.active.has(rating.indicatorId)).length;
  const total = saved.active.size;
  if (!submit) return { ok: true, submitted: false, savedAt: new Date(), rated, total };
  if (rated < total) return { ok: false, status: 400, errors: { form: "notAllRated" }, missing: total - rated };
  const submitted = await prisma.$transaction(async (tx) => {
    const cycle = await tx.assessmentCycle.findUnique({ where: { id: context.cycle.id }, select: { status: true } });
    if (cycle?.status !== "open") return false;
    await tx.memberResponse.updateMany({ where: { id: saved.responseId, submittedAt: null }, data: { submittedAt: new Date() } });
    return true;
  });
  if (!submitted) return { ok: false, status: 409, errors: { form: "cycleClosed" } };
  return { ok: true, submitted: true, savedAt: new Date(), rated, total };
}

/* Consensus */

export type IndividualRating = { memberName: string; level: Level; note: string; links: string[] };

export type ConsensusIndicator = CycleIndicator & {
  /** Null when this viewer should not see the team's ratings yet (a member who has not submitted). */
  spread: RatingSpread | null;
  /** Only for the team lead and district leaders. */
  ratings: IndividualRating[] | null;
  consensus: { level: Level; rationale: string; decidedBy: string | null; updatedAt: Date } | null;
};

/**
 * Indicator by indicator: the spread of the members' submitted ratings, the
 * ratings themselves for the lead, and the consensus recorded so far. A member
 * sees the spread once they have submitted, so their own rating stays theirs.
 */
export async function consensusView(
  user: SessionUser,
  context: TeamContext,
): Promise<{ indicators: ConsensusIndicator[]; submittedCount: number; memberCount: number; spreadHidden: boolean }> {
  const { indicators } = await cycleFramework(context.cycle.versionId);
  const [responses, consensus, members] = await Promise.all([
    prisma.memberResponse.findMany({
      where: { schoolAssessmentId: context.assessmentId, submittedAt: { not: null } },
      select: { userId: true, user: { select: { name: true } }, ratings: { select: { indicatorId: true, level: true, note: true, links: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    prisma.consensusRating.findMany({
      where: { schoolAssessmentId: context.assessmentId },
      select: { indicatorId: true, level: true, rationale: true, updatedAt: true, decidedBy: { select: { name: true } } },
    }),
    teamMembers(context.school.id),
  ]);
  const spreadHidden = context.access.isMember && !context.access.isLead && !responses.some((response) => response.userId === user.id);
  return {
    submittedCount: responses.length,
    memberCount: members.length,
    spreadHidden,
    indicators: indicators.map((indicator) => {
      const ratings = responses.flatMap((response) => {
        const rating = response.ratings.find((candidate) => candidate.indicatorId === indicator.id);
        return rating && isLevel(rating.level) ? [{ memberName: response.user.name, level: rating.level, note: rating.note, links: rating.links }] : [];
      });
      const agreed = consensus.find((entry) => entry.indicatorId === indicator.id);
      return {
        ...indicator,
        spread: spreadHidden ? null : ratingSpread(ratings.map((rating) => rating.level)),
        ratings: context.access.seesIndividualRatings ? ratings : null,
        consensus:
          agreed && isLevel(agreed.level)
            ? { level: agreed.level, rationale: agreed.rationale, decidedBy: agreed.decidedBy?.name ?? null, updatedAt: agreed.updatedAt }
            : null,
      };
    }),
  };
}

export type ConsensusOutcome = { ok: true } | { ok: false; status: 400 | 409; errors: Record<string, string> };

/** The team lead records the level the team agreed for one indicator, with its rationale. */
export async function recordConsensus(user: SessionUser, context: TeamContext, fields: ConsensusFields): Promise<ConsensusOutcome> {
  if (!context.access.isLead) forbidden("Only the team lead or a district leader records the consensus.");
  return prisma.$transaction(async (tx): Promise<ConsensusOutcome> => {
    const cycle = await tx.assessmentCycle.findUnique({ where: { id: context.cycle.id }, select: { status: true } });
    if (cycle?.status !== "open") return { ok: false, status: 409, errors: { form: "cycleClosed" } };
    const active = await activeIndicatorIds(tx, context.cycle.versionId);
    if (!active.has(fields.indicatorId)) return { ok: false, status: 400, errors: { form: "unknownIndicator" } };
    const values = { level: fields.level, rationale: fields.rationale, decidedById: user.id };
    await tx.consensusRating.upsert({
      where: { schoolAssessmentId_indicatorId: { schoolAssessmentId: context.assessmentId, indicatorId: fields.indicatorId } },
      create: { schoolAssessmentId: context.assessmentId, indicatorId: fields.indicatorId, ...values },
      update: values,
    });
    return { ok: true };
  });
}

/* Action items */

export type ActionItemRow = {
  id: string;
  what: string;
  owner: string;
  dueDate: Date | null;
  status: ActionItemStatus;
  indicatorId: string | null;
  indicatorTitle: string | null;
};

export async function listActionItems(assessmentId: string): Promise<ActionItemRow[]> {
  const items = await prisma.actionItem.findMany({
    where: { schoolAssessmentId: assessmentId },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: { id: true, what: true, owner: true, dueDate: true, status: true, indicatorId: true, indicator: { select: { title: true } } },
  });
  return items.map(({ indicator, ...item }) => ({ ...item, indicatorTitle: indicator?.title ?? null }));
}

export type ActionOutcome = { ok: true } | { ok: false; status: 400; errors: Record<string, string> };

function requireActionEditor(context: TeamContext) {
  if (!context.access.canEditActionItems) forbidden("Only the school's team and district leaders change its action items.");
}

export async function addActionItem(context: TeamContext, fields: ActionItemFields): Promise<ActionOutcome> {
  requireActionEditor(context);
  if (fields.indicatorId) {
    const active = await activeIndicatorIds(prisma, context.cycle.versionId);
    if (!active.has(fields.indicatorId)) return { ok: false, status: 400, errors: { indicatorId: "unknownIndicator" } };
  }
  await prisma.actionItem.create({ data: { schoolAssessmentId: context.assessmentId, ...fields } });
  return { ok: true };
}

async function ownActionItem(context: TeamContext, itemId: string) {
  const item = await prisma.actionItem.findFirst({ where: { id: itemId, schoolAssessmentId: context.assessmentId }, select: { id: true } });
  invariantResponse(item, "Not found");
  return item;
}

export async function setActionItemStatus(context: TeamContext, itemId: string, status: ActionStatus): Promise<void> {
  requireActionEditor(context);
  const item = await ownActionItem(context, itemId);
  await prisma.actionItem.update({ where: { id: item.id }, data: { status } });
}

export async function deleteActionItem(context: TeamContext, itemId: string): Promise<void> {
  requireActionEditor(context);
  const item = await ownActionItem(context, itemId);
  await prisma.actionItem.delete({ where: { id: item.id } });
}

/* The school's profile */

export type ProfileIndicator = CycleIndicator & { level: Level | null; rationale: string; before: Level | null; change: number | null };

export type SchoolProfile = {
  dimensions: { key: string; name: string; average: number | null; rated: number; total: number; before: number | null }[];
  indicators: ProfileIndicator[];
  average: number | null;
  strengths: ProfileIndicator[];
  growthAreas: ProfileIndicator[];
  previous: { cycleId: string; cycleName: string; change: ChangeSummary } | null;
  actionItems: ActionItemRow[];
};

async function consensusResults(assessmentId: string, versionId: string): Promise<(IndicatorResult & { indicatorId: string; rationale: string })[]> {
  const [{ indicators }, consensus] = await Promise.all([
    cycleFramework(versionId),
    prisma.consensusRating.findMany({ where: { schoolAssessmentId: assessmentId }, select: { indicatorId: true, level: true, rationale: true } }),
  ]);
  return indicators.map((indicator) => {
    const agreed = consensus.find((entry) => entry.indicatorId === indicator.id);
    return {
      indicatorId: indicator.id,
      indicatorKey: indicator.key,
      dimensionKey: indicator.dimensionKey,
      order: indicator.order,
      level: agreed && isLevel(agreed.level) ? agreed.level : null,
      rationale: agreed?.rationale ?? "",
    };
  });
}

/**
 * The latest earlier cycle (by due date) this school took part in whose
 * consensus can be compared with this one (it shares rated indicators).
 */
async function previousResults(context: TeamContext, current: readonly IndicatorResult[]) {
  const earlier = await prisma.schoolAssessment.findMany({
    where: {
      schoolId: context.school.id,
      cycle: {
        id: { not: context.cycle.id },
        OR: [{ dueDate: { lt: context.cycle.dueDate } }, { dueDate: context.cycle.dueDate, createdAt: { lt: context.cycle.createdAt } }],
      },
    },
    orderBy: [{ cycle: { dueDate: "desc" } }, { cycle: { createdAt: "desc" } }],
    take: 10,
    select: { id: true, cycle: { select: { id: true, name: true, frameworkVersionId: true } } },
  });
  for (const assessment of earlier) {
    const results = await consensusResults(assessment.id, assessment.cycle.frameworkVersionId);
    if (isComparable(current, results)) return { cycleId: assessment.cycle.id, cycleName: assessment.cycle.name, results };
  }
  return null;
}

export async function schoolProfile(context: TeamContext): Promise<SchoolProfile> {
  const [{ dimensions, indicators }, results, actionItems] = await Promise.all([
    cycleFramework(context.cycle.versionId),
    consensusResults(context.assessmentId, context.cycle.versionId),
    listActionItems(context.assessmentId),
  ]);
  const previous = await previousResults(context, results);
  const change = previous ? changeSincePrevious(results, previous.results) : null;
  const dimensionKeys = dimensions.map((dimension) => dimension.key);
  const now = dimensionAverages(dimensionKeys, results);
  const before: DimensionAverage[] | null = previous ? dimensionAverages(dimensionKeys, previous.results) : null;
  const profileIndicators: ProfileIndicator[] = indicators.map((indicator, index) => {
    const result = results[index]!;
    const changed = change?.indicators[index];
    return { ...indicator, level: result.level, rationale: result.rationale, before: changed?.before ?? null, change: changed?.change ?? null };
  });
  const byId = new Map(profileIndicators.map((indicator) => [indicator.key, indicator]));
  const { strengths, growthAreas } = strengthsAndGrowthAreas(results);
  return {
    dimensions: dimensions.map((dimension, index) => ({
      key: dimension.key,
      name: dimension.name,
      average: now[index]!.average,
      rated: now[index]!.rated,
      total: now[index]!.total,
      before: before?.[index]?.average ?? null,
    })),
    indicators: profileIndicators,
    average: overallAverage(results),
    strengths: strengths.map((result) => byId.get(result.indicatorKey)!),
    growthAreas: growthAreas.map((result) => byId.get(result.indicatorKey)!),
    previous: previous && change ? { cycleId: previous.cycleId, cycleName: previous.cycleName, change } : null,
    actionItems,
  };
}

/* Team leads */

export type SchoolTeam = { id: string; name: string; members: { id: string; name: string; email: string; isLead: boolean }[] };

export async function listTeams(districtId: string): Promise<SchoolTeam[]> {
  const schools = await prisma.school.findMany({
    where: { districtId, archivedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      users: {
        where: { role: "school", disabledAt: null },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, teamLeads: { select: { schoolId: true } } },
      },
    },
  });
  return schools.map((school) => ({
    id: school.id,
    name: school.name,
    members: school.users.map(({ teamLeads, ...member }) => ({ ...member, isLead: teamLeads.some((lead) => lead.schoolId === school.id) })),
  }));
}

/** Marks a school member as a lead of their school's team, or unmarks them. */
export async function setTeamLead(actor: SessionUser, userId: string, lead: boolean): Promise<{ name: string }> {
  return prisma.$transaction(async (tx) => {
    const member = await tx.user.findFirst({
      where: { id: userId, districtId: actor.districtId, role: "school", schoolId: { not: null }, disabledAt: null },
      select: { id: true, name: true, schoolId: true },
    });
    invariantResponse(member?.schoolId, "Not found");
    if (lead) {
      const existing = await tx.teamLead.findFirst({ where: { schoolId: member.schoolId, userId: member.id }, select: { id: true } });
      if (!existing) await tx.teamLead.create({ data: { districtId: actor.districtId, schoolId: member.schoolId, userId: member.id } });
    } else {
      await tx.teamLead.deleteMany({ where: { userId: member.id } });
    }
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: lead ? "readiness.lead.marked" : "readiness.lead.unmarked", subjectId: member.id },
    });
    return { name: member.name };
  });
}

/** What every page of a team shows in its heading. */
export function teamSummary(context: TeamContext) {
  return {
    cycleId: context.cycle.id,
    cycleName: context.cycle.name,
    frameworkName: context.cycle.frameworkName,
    dueDate: context.cycle.dueDate,
    open: context.cycle.status === "open",
    schoolId: context.school.id,
    schoolName: context.school.name,
    isMember: context.access.isMember,
  };
}

/** The team of a page's route parameters, for the signed-in user. */
export async function teamOfRequest(user: SessionUser, params: Record<string, string | undefined>): Promise<TeamContext> {
  return teamContext(user, idParam(params, "cycleId"), idParam(params, "schoolId"));
}
