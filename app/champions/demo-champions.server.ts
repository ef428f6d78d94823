import type { ChampionKind, ChampionStage, ConsentMethod } from "~/generated/prisma/client";
import type { DefaultAudienceKey } from "~/audiences/audiences";
import type { DefaultStakeholderGroupKey } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import type { DefaultCriterionKey } from "./criteria";

/*
 * The demo district's champions: people and organisations across groups,
 * schools and stages, so the matrix has people in every quadrant and the
 * coverage view shows real gaps (no committed champion among school staff,
 * higher education or the board, none at Harbor View K-8, and no one who
 * reaches Spanish-speaking families at Riverbend High or Maple Grove). Two
 * more nominations wait for review beside the visioning night's own; one of
 * them names a pastor already in the directory.
 */

type DemoChampion = {
  name: string;
  kind?: ChampionKind;
  role?: string;
  group: DefaultStakeholderGroupKey;
  /** School code. */
  school?: string;
  affiliation?: string;
  languages: string[];
  reach?: string;
  audienceSize?: number;
  influence: number | null;
  support: number | null;
  tags: string[];
  /** The stages they went through, with how many days ago each move happened; the last one is where they are. */
  path: [ChampionStage, number][];
  contact?: { email?: string; phone?: string; method: ConsentMethod; daysAgo: number };
  notes?: string;
  criteria: DefaultCriterionKey[];
  messengerFor?: DefaultAudienceKey[];
  coHostsUpcoming?: boolean;
};

const CHAMPIONS: DemoChampion[] = [
  {
    name: "María Elena Torres",
    role: "PTA president",
    group: "families",
    school: "LIN",
    languages: ["en", "es"],
    reach: "Spanish-speaking parents at Lincoln pickup and at the Saturday market",
    audienceSize: 400,
    influence: 4,
    support: 5,
    tags: ["parent leader", "PTA"],
    path: [["identified", 60], ["invited", 50], ["committed", 40], ["active", 20]],
    contact: { email: "maria.torres@example.org", phone: "555-010-2231", method: "in_person", daysAgo: 50 },
    notes: "Prefers WhatsApp messages in Spanish in the evening.",
    criteria: ["credibility", "passion", "reach", "communication"],
    messengerFor: ["families"],
    coHostsUpcoming: true,
  },
  {
    name: "James Okoye",
    role: "Pastor, New Hope Community Church",
    group: "partners",
    affiliation: "New Hope Community Church",
    languages: ["en"],
    reach: "About 600 families at Sunday service on the east side",
    audienceSize: 600,
    influence: 5,
    support: 3,
    tags: ["faith"],
    path: [["identified", 30], ["invited", 12]],
    contact: { phone: "555-014-2231", method: "phone", daysAgo: 12 },
    notes: "Wants to hear how the plan affects graduation requirements before he commits.",
    criteria: ["credibility", "reach"],
  },
  {
    name: "Riverbend Rotary Club",
    kind: "organisation",
    group: "partners",
    affiliation: "Rotary International",
    languages: ["en"],
    reach: "120 local business owners at the Tuesday lunch",
    audienceSize: 120,
    influence: 4,
    support: 4,
    tags: ["business", "internships"],
    path: [["identified", 45], ["invited", 35], ["committed", 25]],
    contact: { email: "secretary@riverbendrotary.example.org", method: "email", daysAgo: 35 },
    criteria: ["credibility", "passion", "availability"],
    messengerFor: ["partners"],
  },
  {
    name: "Helen Park",
    role: "Dean of instruction, Riverbend Community College",
    group: "higher_education",
    affiliation: "Riverbend Community College",
    languages: ["en", "ko"],
    influence: 4,
    support: 4,
    tags: ["dual enrollment"],
    path: [["identified", 10]],
    criteria: ["credibility", "communication"],
  },
  {
    name: "Marcus Johnson",
    role: "Student body president",
    group: "students",
    school: "RHS",
    languages: ["en"],
    reach: "Student council and the school's morning announcements",
    audienceSize: 1400,
    influence: 3,
    support: 5,
    tags: ["student voice"],
    path: [["identified", 40], ["invited", 30], ["committed", 28]],
    contact: { email: "marcus.j@student.riverbend.example.org", method: "written", daysAgo: 30 },
    criteria: ["passion", "communication", "availability"],
    messengerFor: ["students"],
  },
  {
    name: "Nguyen Thi Lan",
    role: "Parent volunteer",
    group: "families",
    school: "HVK",
    languages: ["en", "vi"],
    reach: "Vietnamese-speaking families of the Harbor View neighborhood",
    audienceSize: 80,
    influence: 2,
    support: 5,
    tags: ["parent leader"],
    path: [["identified", 20], ["invited", 6]],
    contact: { phone: "555-018-7742", method: "in_person", daysAgo: 6 },
    criteria: ["passion", "reach"],
  },
  {
    name: "Tom Alvarez",
    role: "Principal, Cedar Middle School",
    group: "school_leaders",
    school: "CMS",
    languages: ["en", "es"],
    influence: 4,
    support: 4,
    tags: ["principal"],
    path: [["identified", 70], ["invited", 65], ["committed", 60], ["active", 45]],
    contact: { email: "talvarez@riverbend.example.org", method: "email", daysAgo: 65 },
    criteria: ["credibility", "passion", "communication", "availability"],
    messengerFor: ["school_leaders", "teachers_staff"],
  },
  {
    name: "Grace Kim",
    role: "Principal, Lincoln Elementary",
    group: "school_leaders",
    school: "LIN",
    languages: ["en", "ko"],
    influence: 3,
    support: 2,
    tags: ["principal"],
    path: [["identified", 15]],
    notes: "Worried about report cards changing before teachers are ready.",
    criteria: ["credibility"],
  },
  {
    name: "Sofía Ramírez",
    role: "Seventh-grade science teacher",
    group: "teachers",
    school: "CMS",
    languages: ["en", "es"],
    reach: "Cedar's science department and the teachers' union building reps",
    audienceSize: 45,
    influence: 3,
    support: 5,
    tags: ["teacher leader"],
    path: [["identified", 40], ["invited", 33], ["committed", 21]],
    contact: { email: "sramirez@riverbend.example.org", method: "in_person", daysAgo: 33 },
    criteria: ["credibility", "passion", "communication"],
    messengerFor: ["teachers_staff"],
    coHostsUpcoming: true,
  },
  {
    name: "Richard Hale",
    role: "School board member",
    group: "board",
    languages: ["en"],
    influence: 5,
    support: 2,
    tags: ["board"],
    path: [["identified", 8]],
    criteria: ["credibility"],
  },
  {
    name: "Aisha Bello",
    role: "Family engagement volunteer",
    group: "families",
    school: "MGE",
    languages: ["en", "so"],
    reach: "Somali-speaking families who meet at the Maple Grove library",
    audienceSize: 150,
    influence: 3,
    support: 4,
    tags: ["parent leader"],
    path: [["identified", 35], ["invited", 30], ["committed", 14]],
    contact: { phone: "555-016-4410", method: "phone", daysAgo: 30 },
    criteria: ["passion", "reach", "communication"],
    messengerFor: ["families"],
  },
  {
    name: "Carmen Flores",
    role: "Family liaison",
    group: "school_staff",
    school: "MGE",
    languages: ["en", "es"],
    influence: 2,
    support: 4,
    tags: ["family liaison"],
    path: [["identified", 90], ["invited", 80], ["committed", 70], ["stepped_back", 9]],
    contact: { email: "cflores@riverbend.example.org", method: "email", daysAgo: 80 },
    notes: "Stepped back while on leave; check in again in the spring.",
    criteria: ["reach", "communication"],
  },
  {
    name: "Daniel Reyes",
    role: "Eighth grader, robotics club",
    group: "students",
    school: "CMS",
    languages: ["es", "en"],
    influence: 2,
    support: 3,
    tags: ["student voice"],
    path: [["identified", 4]],
    criteria: [],
  },
];

/** Nominations still to review, made in the visioning night: the first names a pastor already in the directory. */
const PENDING_NOMINATIONS = [
  {
    nomineeName: "Pastor Okoye",
    reason: "Leads the biggest congregation on the east side; families there listen to him more than to the district.",
    contact: "(555) 014-2231",
  },
  {
    nomineeName: "Esperanza Ruiz",
    reason: "Runs the Harbor View after-school homework club in Spanish and English.",
    contact: "esperanza.ruiz@example.org",
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedDemoChampions(districtId: string, now: Date = new Date()): Promise<void> {
  const noonToday = new Date(now);
  noonToday.setUTCHours(12, 0, 0, 0);
  const daysAgo = (days: number) => new Date(noonToday.getTime() - days * DAY_MS);

  await prisma.$transaction(async (tx) => {
    const [groups, schools, criteria, audiences, leader, upcoming] = await Promise.all([
      tx.stakeholderGroup.findMany({ where: { districtId }, select: { id: true, key: true } }),
      tx.school.findMany({ where: { districtId }, select: { id: true, code: true } }),
      tx.championCriterion.findMany({ where: { districtId }, select: { id: true, key: true } }),
      tx.audience.findMany({ where: { districtId }, select: { id: true, key: true } }),
      tx.user.findFirst({ where: { districtId, role: "leader" }, select: { id: true } }),
      tx.workshop.findFirst({ where: { districtId, status: "draft" }, select: { id: true }, orderBy: { createdAt: "asc" } }),
    ]);
    const idOf = (rows: { id: string; key: string | null }[], key: string) => rows.find((row) => row.key === key)?.id;

    for (const champion of CHAMPIONS) {
      const [stage, stageDaysAgo] = champion.path.at(-1) ?? ["identified", 0];
      await tx.champion.create({
        data: {
          districtId,
          kind: champion.kind ?? "person",
          name: champion.name,
          role: champion.role ?? null,
          stakeholderGroupId: idOf(groups, champion.group) ?? null,
          schoolId: schools.find((school) => school.code === champion.school)?.id ?? null,
          affiliation: champion.affiliation ?? null,
          languages: champion.languages,
          reach: champion.reach ?? null,
          audienceSize: champion.audienceSize ?? null,
          influence: champion.influence,
          support: champion.support,
          tags: champion.tags,
          notes: champion.notes ?? null,
          ...(champion.contact
            ? {
                email: champion.contact.email ?? null,
                phone: champion.contact.phone ?? null,
                consentGiven: true,
                consentAt: daysAgo(champion.contact.daysAgo),
                consentMethod: champion.contact.method,
              }
            : {}),
          stage,
          stageChangedAt: daysAgo(stageDaysAgo),
          source: "manual",
          createdAt: daysAgo(champion.path[0]?.[1] ?? 0),
          stageEvents: {
            create: champion.path.map(([toStage, days], index) => ({
              fromStage: index === 0 ? null : (champion.path[index - 1]?.[0] ?? null),
              toStage,
              at: daysAgo(days),
              actorId: leader?.id ?? null,
            })),
          },
          criteriaMet: { create: champion.criteria.flatMap((key) => idOf(criteria, key) ?? []).map((criterionId) => ({ criterionId })) },
          messengerFor: { create: (champion.messengerFor ?? []).flatMap((key) => idOf(audiences, key) ?? []).map((audienceId) => ({ audienceId })) },
          coHosting: champion.coHostsUpcoming && upcoming ? { create: { workshopId: upcoming.id } } : undefined,
        },
        select: { id: true },
      });
    }

    // Nominations belong to a workshop's nomination activity and a participant: the demo's visioning night has both.
    const activity = await tx.activity.findFirst({
      where: { type: "nomination", workshop: { districtId, status: "ended" } },
      select: { id: true, workshopId: true, closedAt: true },
      orderBy: { createdAt: "asc" },
    });
    const participants = activity
      ? await tx.participant.findMany({ where: { workshopId: activity.workshopId }, select: { id: true }, orderBy: { joinedAt: "asc" }, take: 12 })
      : [];
    const nominators = participants.slice(-PENDING_NOMINATIONS.length);
    if (!activity || nominators.length < PENDING_NOMINATIONS.length) return;
    await tx.nomination.createMany({
      data: PENDING_NOMINATIONS.map((nomination, index) => ({
        districtId,
        activityId: activity.id,
        participantId: nominators[index]?.id ?? "",
        clientId: `demo-champion-nomination-${index}`,
        nomineeName: nomination.nomineeName,
        reason: nomination.reason,
        contact: nomination.contact,
        consentGiven: true,
        createdAt: activity.closedAt ? new Date(activity.closedAt.getTime() - (index + 1) * 60_000) : daysAgo(21),
      })),
    });
  });
}
