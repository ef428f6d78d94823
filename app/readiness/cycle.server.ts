import type { SessionUser } from "~/auth/session.server";
import type { CycleStatus, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { isUniqueViolation } from "~/workshops/unique-violation.server";
import { completionOf, type Completion } from "./completion";
import type { ExportSchool } from "./csv";
import type { CycleFields } from "./forms";
import { ensureBuiltInFrameworks, latestUsableVersion, versionTree, type CommandResult, type TreeIndicatorRow } from "./framework.server";
import { activeIndicators, indicatorCodes } from "./framework-tree";
import { isLevel, type Level } from "./levels";
import { overallAverage } from "./results";

type Tx = Prisma.TransactionClient;

/** Active school accounts of these schools: the members of their readiness teams. */
export async function teamSizes(schoolIds: readonly string[], db: Tx = prisma): Promise<Map<string, number>> {
  const groups = await db.user.groupBy({
    by: ["schoolId"],
    where: { schoolId: { in: [...schoolIds] }, role: "school", disabledAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.schoolId ?? "", group._count._all]));
}

/** Completion of each school assessment of a cycle, by school assessment id. */
async function completions(cycle: { frameworkVersionId: string; schoolAssessments: { id: string; schoolId: string }[] }): Promise<Map<string, Completion>> {
  const indicators = await prisma.indicator.count({ where: { versionId: cycle.frameworkVersionId, retiredAt: null } });
  const ids = cycle.schoolAssessments.map((assessment) => assessment.id);
  const [sizes, responses, agreed] = await Promise.all([
    teamSizes(cycle.schoolAssessments.map((assessment) => assessment.schoolId)),
    prisma.memberResponse.findMany({
      where: { schoolAssessmentId: { in: ids }, user: { role: "school", disabledAt: null } },
      select: { schoolAssessmentId: true, submittedAt: true, user: { select: { schoolId: true } }, _count: { select: { ratings: { where: { level: { not: null } } } } } },
    }),
    prisma.consensusRating.groupBy({
      by: ["schoolAssessmentId"],
      where: { schoolAssessmentId: { in: ids }, indicator: { retiredAt: null } },
      _count: { _all: true },
    }),
  ]);
  return new Map(
    cycle.schoolAssessments.map((assessment) => {
      // A member who has moved to another school no longer counts for this one.
      const own = responses.filter((response) => response.schoolAssessmentId === assessment.id && response.user.schoolId === assessment.schoolId);
      return [
        assessment.id,
        completionOf({
          members: sizes.get(assessment.schoolId) ?? 0,
          started: own.filter((response) => response._count.ratings > 0 || response.submittedAt).length,
          submitted: own.filter((response) => response.submittedAt).length,
          indicators,
          agreed: agreed.find((group) => group.schoolAssessmentId === assessment.id)?._count._all ?? 0,
        }),
      ];
    }),
  );
}

export type CycleListItem = {
  id: string;
  name: string;
  status: CycleStatus;
  dueDate: Date;
  frameworkName: string;
  versionNumber: number;
  schools: { schoolId: string; schoolName: string; completion: Completion }[];
};

/**
 * Cycles a user may see, newest due date first: every cycle of the district
 * for staff, and for a school member only the cycles their school is in
 * (with only their school).
 */
export async function listCycles(user: SessionUser): Promise<CycleListItem[]> {
  const schoolFilter = user.role === "school" ? { schoolId: user.schoolId ?? "none" } : {};
  const cycles = await prisma.assessmentCycle.findMany({
    where: { districtId: user.districtId, ...(user.role === "school" ? { schoolAssessments: { some: schoolFilter } } : {}) },
    orderBy: [{ dueDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      status: true,
      dueDate: true,
      frameworkVersionId: true,
      frameworkVersion: { select: { number: true, framework: { select: { name: true } } } },
      schoolAssessments: { where: schoolFilter, select: { id: true, schoolId: true, school: { select: { name: true } } }, orderBy: { school: { name: "asc" } } },
    },
  });
  return Promise.all(
    cycles.map(async (cycle) => {
      const done = await completions(cycle);
      return {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        dueDate: cycle.dueDate,
        frameworkName: cycle.frameworkVersion.framework.name,
        versionNumber: cycle.frameworkVersion.number,
        schools: cycle.schoolAssessments.map((assessment) => ({
          schoolId: assessment.schoolId,
          schoolName: assessment.school.name,
          completion: done.get(assessment.id)!,
        })),
      };
    }),
  );
}

/** What the form to open a cycle offers: the district's active schools (frameworks come from listFrameworks). */
export async function cycleFormSchools(districtId: string): Promise<{ id: string; name: string }[]> {
  return prisma.school.findMany({ where: { districtId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

const CYCLE_NAME_TAKEN = { ok: false, errors: { name: "cycleNameTaken" } } as const;

/** Opens a cycle on the newest version of a framework for the chosen schools, in one transaction. */
export async function openCycle(actor: SessionUser, fields: CycleFields): Promise<CommandResult<{ cycleId: string }>> {
  await ensureBuiltInFrameworks();
  try {
    return await prisma.$transaction(async (tx): Promise<CommandResult<{ cycleId: string }>> => {
      const version = await latestUsableVersion(tx, actor.districtId, fields.frameworkId);
      if (!version) return { ok: false, errors: { frameworkId: "unknownFramework" } };
      if (version.activeIndicators === 0) return { ok: false, errors: { frameworkId: "frameworkEmpty" } };
      const schoolIds = [...new Set(fields.schoolIds)];
      const schools = await tx.school.findMany({ where: { id: { in: schoolIds }, districtId: actor.districtId, archivedAt: null }, select: { id: true } });
      if (schools.length !== schoolIds.length) return { ok: false, errors: { schoolIds: "unknownSchool" } };
      const taken = await tx.assessmentCycle.findMany({ where: { districtId: actor.districtId }, select: { name: true } });
      if (taken.some((cycle) => cycle.name.toLocaleLowerCase("en") === fields.name.toLocaleLowerCase("en"))) return CYCLE_NAME_TAKEN;
      const cycle = await tx.assessmentCycle.create({
        data: { districtId: actor.districtId, name: fields.name, frameworkVersionId: version.versionId, dueDate: fields.dueDate },
        select: { id: true },
      });
      await tx.schoolAssessment.createMany({ data: schoolIds.map((schoolId) => ({ districtId: actor.districtId, cycleId: cycle.id, schoolId })) });
      await tx.auditEvent.create({
        data: {
          districtId: actor.districtId,
          actorId: actor.id,
          action: "readiness.cycle.opened",
          subjectId: cycle.id,
          detail: { name: fields.name, frameworkVersionId: version.versionId, schools: schoolIds.length },
        },
      });
      return { ok: true, cycleId: cycle.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return CYCLE_NAME_TAKEN;
    throw error;
  }
}

/** Closes a cycle: its ratings and consensus are final from then on. Closing a closed cycle changes nothing. */
export async function closeCycle(actor: SessionUser, cycleId: string): Promise<{ alreadyClosed: boolean; name: string }> {
  return prisma.$transaction(async (tx) => {
    const cycle = await tx.assessmentCycle.findFirst({ where: { id: cycleId, districtId: actor.districtId }, select: { id: true, name: true, status: true } });
    invariantResponse(cycle, "Not found");
    if (cycle.status === "closed") return { alreadyClosed: true, name: cycle.name };
    await tx.assessmentCycle.update({ where: { id: cycle.id }, data: { status: "closed", closedAt: new Date() } });
    await tx.auditEvent.create({ data: { districtId: actor.districtId, actorId: actor.id, action: "readiness.cycle.closed", subjectId: cycle.id } });
    return { alreadyClosed: false, name: cycle.name };
  });
}

export type CycleIndicator = TreeIndicatorRow & { code: string; dimensionKey: string; dimensionName: string; order: number };

export type CycleSummary = {
  id: string;
  name: string;
  status: CycleStatus;
  dueDate: Date;
  closedAt: Date | null;
  createdAt: Date;
  frameworkId: string;
  frameworkName: string;
  versionId: string;
  versionNumber: number;
};

const CYCLE_SELECT = {
  id: true,
  name: true,
  status: true,
  dueDate: true,
  closedAt: true,
  createdAt: true,
  frameworkVersion: { select: { id: true, number: true, framework: { select: { id: true, name: true } } } },
} as const;

function summaryOf(cycle: Prisma.AssessmentCycleGetPayload<{ select: typeof CYCLE_SELECT }>): CycleSummary {
  return {
    id: cycle.id,
    name: cycle.name,
    status: cycle.status,
    dueDate: cycle.dueDate,
    closedAt: cycle.closedAt,
    createdAt: cycle.createdAt,
    frameworkId: cycle.frameworkVersion.framework.id,
    frameworkName: cycle.frameworkVersion.framework.name,
    versionId: cycle.frameworkVersion.id,
    versionNumber: cycle.frameworkVersion.number,
  };
}

/** A cycle of the district; another district's, or a made-up id, is a 404. */
export async function getCycle(districtId: string, cycleId: string): Promise<CycleSummary> {
  const cycle = await prisma.assessmentCycle.findFirst({ where: { id: cycleId, districtId }, select: CYCLE_SELECT });
  invariantResponse(cycle, "Not found");
  return summaryOf(cycle);
}

/** The dimensions of a cycle's framework version and the indicators rated in it, numbered. */
export async function cycleFramework(versionId: string): Promise<{
  dimensions: { key: string; name: string; description: string }[];
  indicators: CycleIndicator[];
}> {
  const tree = await versionTree(versionId);
  const codes = indicatorCodes(tree.dimensions);
  const names = new Map(tree.dimensions.map((dimension) => [dimension.key, dimension.name]));
  const indicators = activeIndicators(tree.dimensions).map((indicator) => ({
    ...indicator,
    code: codes.get(indicator.id) ?? "",
    dimensionName: names.get(indicator.dimensionKey) ?? "",
  }));
  const used = new Set(indicators.map((indicator) => indicator.dimensionKey));
  return {
    dimensions: tree.dimensions.filter((dimension) => used.has(dimension.key)).map(({ key, name, description }) => ({ key, name, description })),
    indicators,
  };
}

export type HeatmapData = {
  cycle: CycleSummary;
  dimensions: { key: string; name: string }[];
  indicators: CycleIndicator[];
  rows: { schoolId: string; schoolName: string; levels: Record<string, Level | null>; average: number | null; completion: Completion }[];
};

/** Schools × indicators of a cycle with each consensus level, for the district heatmap. */
export async function cycleHeatmap(districtId: string, cycleId: string): Promise<HeatmapData> {
  const cycle = await getCycle(districtId, cycleId);
  const { dimensions, indicators } = await cycleFramework(cycle.versionId);
  const assessments = await prisma.schoolAssessment.findMany({
    where: { cycleId: cycle.id },
    select: { id: true, schoolId: true, school: { select: { name: true } }, consensus: { select: { indicatorId: true, level: true } } },
  });
  const done = await completions({ frameworkVersionId: cycle.versionId, schoolAssessments: assessments });
  const rows = assessments.map((assessment) => {
    const levels: Record<string, Level | null> = {};
    for (const indicator of indicators) {
      const level = assessment.consensus.find((entry) => entry.indicatorId === indicator.id)?.level;
      levels[indicator.id] = isLevel(level) ? level : null;
    }
    return {
      schoolId: assessment.schoolId,
      schoolName: assessment.school.name,
      levels,
      average: overallAverage(Object.values(levels).map((level) => ({ level }))),
      completion: done.get(assessment.id)!,
    };
  });
  return { cycle, dimensions, indicators, rows };
}

/** Everything the CSV export of a cycle holds: submitted ratings and consensus of every school. */
export async function cycleExport(districtId: string, cycleId: string): Promise<{ cycle: CycleSummary; indicators: CycleIndicator[]; schools: ExportSchool[] }> {
  const cycle = await getCycle(districtId, cycleId);
  const { indicators } = await cycleFramework(cycle.versionId);
  const assessments = await prisma.schoolAssessment.findMany({
    where: { cycleId: cycle.id },
    orderBy: { school: { name: "asc" } },
    select: {
      school: { select: { name: true } },
      responses: {
        where: { submittedAt: { not: null } },
        select: {
          submittedAt: true,
          user: { select: { name: true, email: true } },
          ratings: { select: { indicatorId: true, level: true, note: true, links: true } },
        },
      },
      consensus: { select: { indicatorId: true, level: true, rationale: true, updatedAt: true, decidedBy: { select: { name: true } } } },
    },
  });
  return {
    cycle,
    indicators,
    schools: assessments.map((assessment) => ({
      name: assessment.school.name,
      responses: assessment.responses.map((response) => ({
        memberName: response.user.name,
        memberEmail: response.user.email,
        submittedAt: response.submittedAt!,
        ratings: response.ratings.map((rating) => ({ ...rating, level: isLevel(rating.level) ? rating.level : null })),
      })),
      consensus: assessment.consensus.flatMap((entry) =>
        isLevel(entry.level)
          ? [{ indicatorId: entry.indicatorId, level: entry.level, rationale: entry.rationale, decidedBy: entry.decidedBy?.name ?? null, updatedAt: entry.updatedAt }]
          : [],
      ),
    })),
  };
}
