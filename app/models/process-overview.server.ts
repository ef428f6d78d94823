import type { SessionUser } from "~/auth/session.server";
import { canManageChampions, isCommitted } from "~/champions/champion";
import { championOptions, listChampions } from "~/champions/champions.server";
import { championCoverage } from "~/champions/coverage";
import { pendingNominationCount } from "~/champions/nominations.server";
import { messagePlanGaps } from "~/messages/messages.server";
import { evidenceSummary } from "~/portrait/evidence.server";
import { readPortraitContent } from "~/portrait/portrait.server";
import { listCycles } from "~/readiness/cycle.server";
import { prisma } from "~/utils/db.server";
import { participationByGroup } from "~/workshops/group-consensus";
import { cycleProgress, cycleToShow, dashboardLinks, largestShortfall } from "./process-overview";

/**
 * The dashboard's view of the whole process, one summary per capability, in
 * the order a district goes through them: listen, draft the Portrait, find
 * champions, reflect on readiness, plan the messages. Every figure comes from
 * the capability's own functions; nothing is counted twice.
 */
export async function processOverview(user: SessionUser) {
  const { districtId } = user;
  const [workshops, portrait, champions, readiness, messages] = await Promise.all([
    workshopSummary(districtId),
    portraitSummary(districtId),
    championSummary(user),
    readinessSummary(user),
    messageSummary(districtId),
  ]);
  const links = dashboardLinks(user.role, {
    nextWorkshopId: workshops.next?.id ?? null,
    lastWorkshopId: workshops.last?.id ?? null,
    competencyWithoutEvidenceId: portrait.withoutEvidence[0]?.id ?? null,
    cycleId: readiness.cycle?.id ?? null,
  });
  return { workshops, portrait, champions, readiness, messages, links };
}

async function workshopSummary(districtId: string) {
  const [held, participants, next, last, groups] = await Promise.all([
    prisma.workshop.count({ where: { districtId, status: "ended" } }),
    prisma.participant.count({ where: { workshop: { districtId, status: "ended" } } }),
    prisma.workshop.findFirst({
      where: { districtId, status: { in: ["draft", "live", "paused"] } },
      orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { scheduledAt: { sort: "asc", nulls: "last" } }],
      select: { id: true, title: true, status: true, scheduledAt: true },
    }),
    prisma.workshop.findFirst({
      where: { districtId, status: "ended" },
      orderBy: { endedAt: { sort: "desc", nulls: "last" } },
      select: { id: true, title: true, participants: { select: { stakeholderGroupId: true } } },
    }),
    prisma.stakeholderGroup.findMany({ where: { districtId, archivedAt: null }, select: { id: true, targetShare: true } }),
  ]);
  const shortfall = last ? largestShortfall(participationByGroup(groups, last.participants)) : null;
  return {
    held,
    participants,
    next: next ? { ...next, scheduledAt: next.scheduledAt?.toISOString() ?? null } : null,
    last: last ? { id: last.id, title: last.title, participants: last.participants.length, shortfall } : null,
  };
}

async function portraitSummary(districtId: string) {
  const [document, content, evidence] = await Promise.all([
    prisma.portraitDocument.findUnique({ where: { districtId }, select: { status: true } }),
    readPortraitContent(districtId),
    evidenceSummary(districtId),
  ]);
  return {
    status: document?.status ?? "draft",
    competencies: content.competencies.length,
    withoutEvidence: content.competencies
      .filter((competency) => !evidence[competency.id]?.hasEvidence)
      .map((competency) => ({ id: competency.id, title: competency.title })),
  };
}

async function championSummary({ districtId, role }: SessionUser) {
  // Only those who review nominations are told how many wait: nobody else can open them.
  const [champions, options, pending] = await Promise.all([
    listChampions(districtId),
    championOptions(districtId),
    canManageChampions(role) ? pendingNominationCount(districtId) : null,
  ]);
  const coverage = championCoverage({ groups: options.groups, schools: options.schools, languages: options.districtLanguages, champions });
  return {
    people: champions.length,
    committed: champions.filter((champion) => isCommitted(champion.stage)).length,
    gaps: coverage.gaps.length,
    pendingNominations: pending,
  };
}

async function readinessSummary(user: SessionUser) {
  const cycle = cycleToShow(await listCycles(user));
  if (!cycle) return { cycle: null };
  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      status: cycle.status,
      dueDate: cycle.dueDate.toISOString(),
      ...cycleProgress(cycle.schools.map((school) => school.completion.state)),
    },
  };
}

async function messageSummary(districtId: string) {
  const [audiences, gaps] = await Promise.all([prisma.audience.count({ where: { districtId } }), messagePlanGaps(districtId)]);
  return {
    audiences,
    withoutMessage: gaps.withoutMessage.length,
    withoutMessenger: gaps.withoutMessenger.length,
    withoutLanguage: gaps.withoutLanguage.length,
  };
}
