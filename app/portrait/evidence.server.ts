import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/workshops/unique-violation.server";
import { evidenceBreakdown, hasCommunityEvidence, meetsMinRating, pooledMean, type EvidenceFilters, type EvidenceSource, type GroupShare } from "./evidence";
import { readPortraitContent } from "./portrait.server";

/** Results shown per kind; the search narrows further. */
export const EVIDENCE_RESULTS_SHOWN = 50;

export type EvidenceGroup = { id: string; key: string | null; name: string; archived: boolean };

/** What the search filters choose from: the district's workshops and stakeholder groups. */
export async function evidenceSearchOptions(districtId: string) {
  const [workshops, groups] = await Promise.all([
    prisma.workshop.findMany({
      where: { districtId, ideas: { some: {} } },
      select: { id: true, title: true, scheduledAt: true, startedAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    prisma.stakeholderGroup.findMany({
      where: { districtId },
      select: { id: true, key: true, name: true, archivedAt: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    workshops: workshops.map((workshop) => ({ id: workshop.id, title: workshop.title, date: (workshop.startedAt ?? workshop.scheduledAt)?.toISOString() ?? null })),
    groups: groups.map(({ archivedAt, ...group }) => ({ ...group, archived: archivedAt !== null })) satisfies EvidenceGroup[],
  };
}

export type IdeaResult = {
  id: string;
  text: string;
  language: string;
  workshop: { id: string; title: string };
  groupId: string;
  theme: { id: string; name: string } | null;
  ratingCount: number;
  meanRating: number | null;
};

export type ThemeResult = {
  id: string;
  name: string;
  workshop: { id: string; title: string };
  ideaCount: number;
  groupIds: string[];
  ratingCount: number;
  meanRating: number | null;
};

/** Ideas a search can find: the district's, not hidden by a moderator, not merged into a duplicate. */
function ideaWhere(districtId: string, filters: EvidenceFilters): Prisma.IdeaWhereInput {
  return {
    workshop: { districtId, ...(filters.workshop ? { id: filters.workshop } : {}) },
    hiddenAt: null,
    mergedIntoId: null,
    ...(filters.q ? { text: { contains: filters.q, mode: "insensitive" } } : {}),
    ...(filters.group ? { participant: { stakeholderGroupId: filters.group } } : {}),
  };
}

async function ratingTotals(where: Prisma.RatingWhereInput): Promise<Map<string, { count: number; sum: number }>> {
  const rows = await prisma.rating.groupBy({ by: ["ideaId"], where: { ...where, value: { gte: 1, lte: 5 } }, _count: { _all: true }, _sum: { value: true } });
  return new Map(rows.map((row) => [row.ideaId, { count: row._count._all, sum: row._sum.value ?? 0 }]));
}

const byRating = <T extends { meanRating: number | null; ratingCount: number }>(a: T, b: T) =>
  (b.meanRating ?? -1) - (a.meanRating ?? -1) || b.ratingCount - a.ratingCount;

/** Workshop ideas of the district matching the filters, best rated first. */
export async function searchIdeas(districtId: string, filters: EvidenceFilters): Promise<{ ideas: IdeaResult[]; total: number }> {
  const where = ideaWhere(districtId, filters);
  const [candidates, totals] = await Promise.all([
    prisma.idea.findMany({ where, select: { id: true, createdAt: true } }),
    ratingTotals({ idea: where }),
  ]);
  const ranked = candidates
    .map((idea) => {
      const total = totals.get(idea.id);
      return { id: idea.id, createdAt: idea.createdAt, ratingCount: total?.count ?? 0, meanRating: total ? pooledMean([total]) : null };
    })
    .filter((idea) => meetsMinRating(idea.meanRating, filters.minRating))
    .sort((a, b) => byRating(a, b) || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const shown = ranked.slice(0, EVIDENCE_RESULTS_SHOWN);
  const rows = await prisma.idea.findMany({
    where: { id: { in: shown.map((idea) => idea.id) } },
    select: {
      id: true,
      text: true,
      language: true,
      workshop: { select: { id: true, title: true } },
      participant: { select: { stakeholderGroupId: true } },
      theme: { select: { id: true, name: true } },
    },
  });
  const details = new Map(rows.map((row) => [row.id, row]));
  const ideas = shown.flatMap((idea) => {
    const row = details.get(idea.id);
    if (!row) return [];
    return [{ id: row.id, text: row.text, language: row.language, workshop: row.workshop, groupId: row.participant.stakeholderGroupId, theme: row.theme, ratingCount: idea.ratingCount, meanRating: idea.meanRating }];
  });
  return { ideas, total: ranked.length };
}

/** Workshop themes of the district matching the filters: a theme matches a group when one of its ideas came from it. */
export async function searchThemes(districtId: string, filters: EvidenceFilters): Promise<{ themes: ThemeResult[]; total: number }> {
  const visibleIdeas: Prisma.IdeaWhereInput = { hiddenAt: null };
  const themes = await prisma.theme.findMany({
    where: {
      workshop: { districtId, ...(filters.workshop ? { id: filters.workshop } : {}) },
      ...(filters.q ? { name: { contains: filters.q, mode: "insensitive" } } : {}),
      ...(filters.group ? { ideas: { some: { ...visibleIdeas, participant: { stakeholderGroupId: filters.group } } } } : {}),
    },
    select: {
      id: true,
      name: true,
      position: true,
      workshop: { select: { id: true, title: true } },
      ideas: { where: visibleIdeas, select: { id: true, participant: { select: { stakeholderGroupId: true } } } },
    },
  });
  const totals = await ratingTotals({ idea: { ...visibleIdeas, themeId: { in: themes.map((theme) => theme.id) } } });
  const ranked = themes
    .map((theme) => {
      const ideaTotals = theme.ideas.flatMap((idea) => totals.get(idea.id) ?? []);
      return {
        id: theme.id,
        name: theme.name,
        position: theme.position,
        workshop: theme.workshop,
        ideaCount: theme.ideas.length,
        groupIds: [...new Set(theme.ideas.map((idea) => idea.participant.stakeholderGroupId))].sort(),
        ratingCount: ideaTotals.reduce((sum, entry) => sum + entry.count, 0),
        meanRating: pooledMean(ideaTotals),
      };
    })
    .filter((theme) => meetsMinRating(theme.meanRating, filters.minRating))
    .sort((a, b) => a.workshop.title.localeCompare(b.workshop.title) || a.position - b.position || a.name.localeCompare(b.name));
  return { themes: ranked.slice(0, EVIDENCE_RESULTS_SHOWN).map(({ position: _position, ...theme }) => theme), total: ranked.length };
}

export type LinkError = "unknownCompetency" | "notFound";
export type LinkResult = { ok: true; created: boolean; linkId: string } | { ok: false; error: LinkError };

/** Whether a competency id is one of the current draft's. */
export async function isDraftCompetency(districtId: string, competencyId: string): Promise<boolean> {
  const portrait = await readPortraitContent(districtId);
  return portrait.competencies.some((competency) => competency.id === competencyId);
}

/**
 * Cites an idea or a theme of the district's workshops for a competency of
 * the current draft. Citing it again is no error: the first link stays.
 */
export async function linkEvidence(
  actor: Pick<SessionUser, "id" | "districtId">,
  input: { competencyId: string; ideaId?: string; themeId?: string; note: string },
): Promise<LinkResult> {
  if (!(await isDraftCompetency(actor.districtId, input.competencyId))) return { ok: false, error: "unknownCompetency" };
  const source = input.ideaId
    ? await prisma.idea.findFirst({ where: { id: input.ideaId, workshop: { districtId: actor.districtId }, hiddenAt: null }, select: { id: true } })
    : input.themeId
      ? await prisma.theme.findFirst({ where: { id: input.themeId, workshop: { districtId: actor.districtId } }, select: { id: true } })
      : null;
  if (!source) return { ok: false, error: "notFound" };
  const key = input.ideaId ? { ideaId: source.id } : { themeId: source.id };
  const existing = await prisma.evidenceLink.findFirst({ where: { districtId: actor.districtId, competencyId: input.competencyId, ...key }, select: { id: true } });
  if (existing) return { ok: true, created: false, linkId: existing.id };
  try {
    const link = await prisma.evidenceLink.create({
      data: { districtId: actor.districtId, competencyId: input.competencyId, ...key, note: input.note, createdById: actor.id },
      select: { id: true },
    });
    return { ok: true, created: true, linkId: link.id };
  } catch (error) {
    // Two people linked the same idea at the same moment: the other link is the one kept.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.evidenceLink.findFirstOrThrow({ where: { districtId: actor.districtId, competencyId: input.competencyId, ...key }, select: { id: true } });
    return { ok: true, created: false, linkId: winner.id };
  }
}

/** Removes one evidence link of the district; false when there is no such link (or it is another district's). */
export async function unlinkEvidence(districtId: string, linkId: string): Promise<boolean> {
  const { count } = await prisma.evidenceLink.deleteMany({ where: { id: linkId, districtId } });
  return count > 0;
}

export type EvidenceItem = {
  id: string;
  competencyId: string;
  kind: "idea" | "theme";
  sourceId: string;
  text: string;
  /** The language an idea was written in; null for a theme (named by staff). */
  language: string | null;
  workshop: { id: string; title: string };
  /** The author's group of an idea; the groups of a theme's ideas. */
  groupIds: string[];
  ideaCount: number;
  hidden: boolean;
  note: string;
  createdBy: string | null;
  createdAt: string;
};

export type CompetencyEvidence = {
  items: EvidenceItem[];
  count: number;
  ideaCount: number;
  byGroup: GroupShare[];
  hasEvidence: boolean;
};

const LINK_SELECT = {
  id: true,
  competencyId: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  idea: { select: { id: true, text: true, language: true, hiddenAt: true, workshop: { select: { id: true, title: true } }, participant: { select: { stakeholderGroupId: true } } } },
  theme: {
    select: {
      id: true,
      name: true,
      workshop: { select: { id: true, title: true } },
      ideas: { where: { hiddenAt: null }, select: { id: true, participant: { select: { stakeholderGroupId: true } } } },
    },
  },
} as const satisfies Prisma.EvidenceLinkSelect;

type LinkRow = Prisma.EvidenceLinkGetPayload<{ select: typeof LINK_SELECT }>;

function sourceOf(row: LinkRow): EvidenceSource | null {
  if (row.idea) return row.idea.hiddenAt ? null : { kind: "idea", ideaId: row.idea.id, groupId: row.idea.participant.stakeholderGroupId };
  if (row.theme) return { kind: "theme", themeId: row.theme.id, ideas: row.theme.ideas.map((idea) => ({ ideaId: idea.id, groupId: idea.participant.stakeholderGroupId })) };
  return null;
}

function itemOf(row: LinkRow): EvidenceItem | null {
  const base = { id: row.id, competencyId: row.competencyId, note: row.note, createdBy: row.createdBy?.name ?? null, createdAt: row.createdAt.toISOString() };
  if (row.idea) {
    return { ...base, kind: "idea", sourceId: row.idea.id, text: row.idea.text, language: row.idea.language, workshop: row.idea.workshop, groupIds: [row.idea.participant.stakeholderGroupId], ideaCount: 1, hidden: row.idea.hiddenAt !== null };
  }
  if (row.theme) {
    const groupIds = [...new Set(row.theme.ideas.map((idea) => idea.participant.stakeholderGroupId))].sort();
    return { ...base, kind: "theme", sourceId: row.theme.id, text: row.theme.name, language: null, workshop: row.theme.workshop, groupIds, ideaCount: row.theme.ideas.length, hidden: false };
  }
  return null;
}

/** The evidence of each of the given competencies (every one of them has an entry, possibly empty). */
export async function evidenceOfCompetencies(districtId: string, competencyIds: readonly string[]): Promise<Record<string, CompetencyEvidence>> {
  const rows = await prisma.evidenceLink.findMany({
    where: { districtId, competencyId: { in: [...competencyIds] } },
    select: LINK_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const result: Record<string, CompetencyEvidence> = {};
  for (const competencyId of competencyIds) {
    const own = rows.filter((row) => row.competencyId === competencyId);
    const breakdown = evidenceBreakdown(own.flatMap((row) => sourceOf(row) ?? []));
    result[competencyId] = {
      items: own.flatMap((row) => itemOf(row) ?? []),
      count: own.length,
      ideaCount: breakdown.ideaCount,
      byGroup: breakdown.byGroup,
      hasEvidence: hasCommunityEvidence(breakdown),
    };
  }
  return result;
}

export type EvidenceSummary = { count: number; ideaCount: number; byGroup: GroupShare[]; hasEvidence: boolean };

/**
 * Per competency of the current draft: how many links, how many distinct
 * community ideas stand behind them by stakeholder group, and whether there
 * is any community evidence at all. For the editor page.
 */
export async function evidenceSummary(districtId: string): Promise<Record<string, EvidenceSummary>> {
  const portrait = await readPortraitContent(districtId);
  const evidence = await evidenceOfCompetencies(districtId, portrait.competencies.map((competency) => competency.id));
  return Object.fromEntries(Object.entries(evidence).map(([id, { items: _items, ...summary }]) => [id, summary]));
}

/** Which of the given ideas and themes are already cited for a competency (to offer "unlink" beside them). */
export async function linksOfCompetency(districtId: string, competencyId: string): Promise<{ ideas: Record<string, string>; themes: Record<string, string> }> {
  const rows = await prisma.evidenceLink.findMany({ where: { districtId, competencyId }, select: { id: true, ideaId: true, themeId: true } });
  return {
    ideas: Object.fromEntries(rows.flatMap((row) => (row.ideaId ? [[row.ideaId, row.id]] : []))),
    themes: Object.fromEntries(rows.flatMap((row) => (row.themeId ? [[row.themeId, row.id]] : []))),
  };
}
