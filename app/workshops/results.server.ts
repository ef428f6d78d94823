import type { WorkshopStatus } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/i18n";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import type { ConsoleView } from "../../server/socket/events";
import { participationByGroup } from "./group-consensus";
import { readActivity, type LiveActivity } from "./live-view";
import type { CsvRating, CsvResponse } from "./results-csv";
import type { ResultsIdea } from "./results";

/*
 * Reads everything a workshop's results are made of, scoped to the reader's
 * district (another district's workshop is a 404). Nominations are only
 * counted: their content names people and belongs to the champions directory.
 */

export type ResultsGroup = { id: string; label: string; targetShare: number; archived: boolean };

export type WorkshopResultsRows = {
  workshop: { id: string; title: string; status: WorkshopStatus; languages: Locale[]; scheduledAt: Date | null; startedAt: Date | null; endedAt: Date | null };
  activities: LiveActivity[];
  ideas: ResultsIdea[];
  ratings: CsvRating[];
  responses: CsvResponse[];
  nominationCounts: Map<string, { stakeholderGroupId: string; count: number }[]>;
  themes: { id: string; name: string; position: number }[];
  groups: ResultsGroup[];
  participation: ConsoleView["participation"];
  participantCount: number;
};

/** A workshop of the district with its activities read through their type's schema; a 404 otherwise. */
export async function findWorkshopForResults(districtId: string, workshopId: string) {
  const workshop = await prisma.workshop.findFirst({
    where: { id: workshopId, districtId },
    select: {
      id: true,
      title: true,
      status: true,
      languages: true,
      scheduledAt: true,
      startedAt: true,
      endedAt: true,
      activities: {
        select: { id: true, position: true, type: true, state: true, config: true, resultsVisible: true, timerEndsAt: true, spotlightIdeaId: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  invariantResponse(workshop, "Not found");
  const { activities, languages, ...rest } = workshop;
  return {
    workshop: { ...rest, languages: languages.filter(isLocale) },
    activities: activities.flatMap((activity) => {
      const read = readActivity(
        {
          ...activity,
          config: activity.config !== null && typeof activity.config === "object" && !Array.isArray(activity.config) ? (activity.config as Record<string, unknown>) : {},
          timerEndsAt: activity.timerEndsAt?.toISOString() ?? null,
        },
        languages,
      );
      return read ? [read] : [];
    }),
  };
}

/** The district's stakeholder groups with their names in `locale`, in the district's order. */
export async function resultsGroups(districtId: string, locale: Locale): Promise<ResultsGroup[]> {
  const groups = await prisma.stakeholderGroup.findMany({
    where: { districtId },
    select: { id: true, key: true, name: true, targetShare: true, archivedAt: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return groups.map((group) => ({ id: group.id, label: stakeholderGroupLabel(group, locale), targetShare: group.targetShare, archived: group.archivedAt !== null }));
}

/** The ideas of a workshop as the results and themes rules read them. */
export async function workshopIdeas(workshopId: string): Promise<ResultsIdea[]> {
  const ideas = await prisma.idea.findMany({
    where: { workshopId },
    select: {
      id: true,
      activityId: true,
      text: true,
      language: true,
      hiddenAt: true,
      mergedIntoId: true,
      themeId: true,
      createdAt: true,
      participant: { select: { stakeholderGroupId: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return ideas.map(({ participant, hiddenAt, ...idea }) => ({ ...idea, hidden: hiddenAt !== null, stakeholderGroupId: participant.stakeholderGroupId }));
}

export async function workshopThemes(workshopId: string) {
  return prisma.theme.findMany({
    where: { workshopId },
    select: { id: true, name: true, position: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** Everything the results page and the CSV export show of one workshop. */
export async function loadWorkshopResults(districtId: string, workshopId: string, locale: Locale): Promise<WorkshopResultsRows> {
  const { workshop, activities } = await findWorkshopForResults(districtId, workshopId);
  const [ideas, ratings, responses, nominations, themes, groups, participants] = await Promise.all([
    workshopIdeas(workshop.id),
    prisma.rating.findMany({
      where: { activity: { workshopId: workshop.id } },
      select: { activityId: true, ideaId: true, value: true, createdAt: true, participant: { select: { stakeholderGroupId: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.response.findMany({
      where: { activity: { workshopId: workshop.id } },
      select: { activityId: true, payload: true, createdAt: true, participant: { select: { stakeholderGroupId: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.nomination.findMany({
      where: { activity: { workshopId: workshop.id } },
      select: { activityId: true, participant: { select: { stakeholderGroupId: true } } },
    }),
    workshopThemes(workshop.id),
    resultsGroups(districtId, locale),
    prisma.participant.findMany({ where: { workshopId: workshop.id }, select: { stakeholderGroupId: true } }),
  ]);

  const nominationCounts = new Map<string, { stakeholderGroupId: string; count: number }[]>();
  for (const nomination of nominations) {
    const list = nominationCounts.get(nomination.activityId) ?? [];
    const entry = list.find((item) => item.stakeholderGroupId === nomination.participant.stakeholderGroupId);
    if (entry) entry.count += 1;
    else list.push({ stakeholderGroupId: nomination.participant.stakeholderGroupId, count: 1 });
    nominationCounts.set(nomination.activityId, list);
  }

  // An archived group still counts while people of it took part: they joined before it was archived.
  const joined = new Set(participants.map((participant) => participant.stakeholderGroupId));
  const shown = groups.filter((group) => !group.archived || joined.has(group.id));
  const labels = new Map(groups.map((group) => [group.id, group.label]));
  const participation = participationByGroup(shown, participants).map(({ groupId, ...row }) => ({
    stakeholderGroupId: groupId,
    name: labels.get(groupId) ?? "",
    ...row,
  }));

  return {
    workshop,
    activities,
    ideas,
    ratings: ratings.map(({ participant, ...rating }) => ({ ...rating, stakeholderGroupId: participant.stakeholderGroupId })),
    responses: responses.map(({ participant, ...response }) => ({ ...response, stakeholderGroupId: participant.stakeholderGroupId })),
    nominationCounts,
    themes,
    groups,
    participation,
    participantCount: participants.length,
  };
}
