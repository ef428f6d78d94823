import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { DefaultStakeholderGroupKey } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import { configSchemaFor, type ActivityType } from "./activity-types";
import { generateJoinCode } from "./join-code";

/*
 * The demo district's workshops: a community visioning night that already
 * took place (closed, with ideas, ratings, answers, themes and nominations,
 * so the results, themes and Portrait pages have something true-to-life to
 * show) and a draft listening session still to come. Every value comes from
 * the lists below or from a pseudo-random generator with a fixed seed, so two
 * seeded databases hold the same workshop, only the dates move with the day
 * it was seeded.
 */

type GroupKey = Extract<DefaultStakeholderGroupKey, "families" | "students" | "teachers" | "partners" | "school_staff" | "higher_education" | "other">;

/** Who came, by stakeholder group: families are fewer than the district's target, teachers more — the "who is missing?" check shows it. */
const ATTENDANCE: Record<GroupKey, number> = {
  families: 7,
  students: 8,
  teachers: 10,
  partners: 6,
  school_staff: 3,
  higher_education: 1,
  other: 2,
};

/** Participants who typed a display name (participant number → name); everyone else stayed anonymous. */
const DISPLAY_NAMES: Record<number, string> = { 0: "Rosa M.", 7: "Jaden", 16: "Ms. Patel", 25: "Ken (Riverbend Hardware)" };

/**
 * How a group tends to rate an idea (mean on 1–5). "all" applies to every
 * group not named. Common-ground ideas are high for everyone; divisive ones
 * split the groups.
 */
type Leaning = Partial<Record<GroupKey, number>> & { all: number };

type DemoIdea = {
  key: string;
  author: GroupKey;
  language: "en" | "es";
  text: string;
  leaning: Leaning;
  theme?: ThemeKey;
  /** Merged by the facilitator into this idea (a duplicate). */
  mergedInto?: string;
  hidden?: boolean;
};

type ThemeKey = "life" | "thinking" | "wellbeing" | "community";

const THEMES: { key: ThemeKey; name: string }[] = [
  { key: "life", name: "Ready for life and work" },
  { key: "thinking", name: "Thinking and communicating" },
  { key: "wellbeing", name: "Well-being and belonging" },
  { key: "community", name: "Community and citizenship" },
];

const COMMON = (mean: number): Leaning => ({ all: mean });

const IDEAS: DemoIdea[] = [
  { key: "money", author: "families", language: "en", text: "Manage money: budgeting, credit, saving and taxes", leaning: COMMON(4.5), theme: "life" },
  { key: "help", author: "families", language: "es", text: "Saber pedir ayuda y cuidar su salud mental", leaning: COMMON(4.4), theme: "wellbeing" },
  { key: "bilingual", author: "families", language: "en", text: "Speak and write well in two languages", leaning: { all: 3.6, students: 3.0, partners: 4.3 }, theme: "thinking" },
  { key: "home", author: "families", language: "en", text: "Cook a healthy meal and take care of a home", leaning: { all: 3.2, students: 3.6 }, theme: "life" },
  { key: "respect", author: "families", language: "es", text: "Respetar a los demás y resolver conflictos sin violencia", leaning: COMMON(4.4), theme: "community" },
  { key: "history", author: "families", language: "en", text: "Know our town's history, including the mill and the river", leaning: { all: 3.0, students: 2.4 }, theme: "community" },
  { key: "plan", author: "families", language: "en", text: "Finish school with a real plan: college, trade school, the military or a job", leaning: COMMON(4.6), theme: "life" },
  { key: "phones", author: "families", language: "en", text: "Put phones away in class and learn to focus without screens", leaning: { all: 3.6, families: 4.6, students: 1.6, teachers: 4.4 }, theme: "wellbeing" },
  { key: "projects", author: "students", language: "en", text: "Less homework, more time for projects we choose ourselves", leaning: { all: 3.0, students: 4.7, families: 2.2, teachers: 2.8, partners: 3.5 } },
  { key: "internships", author: "students", language: "en", text: "Real internships with local businesses before graduating", leaning: COMMON(4.5), theme: "life" },
  { key: "ai", author: "students", language: "en", text: "How to use AI tools honestly and well", leaning: { all: 3.2, students: 4.6, teachers: 2.3, families: 3.0, partners: 4.4 }, theme: "thinking" },
  { key: "belonging", author: "students", language: "en", text: "Feel safe being who they are at school", leaning: { all: 4.2, families: 3.2 }, theme: "wellbeing" },
  { key: "start-later", author: "students", language: "en", text: "Start the school day later so we can actually learn", leaning: { all: 3.0, students: 4.8, teachers: 2.4, families: 3.1, partners: 2.7 }, theme: "wellbeing" },
  { key: "speaking", author: "students", language: "en", text: "Speak in public without panicking", leaning: { all: 3.7, students: 2.9 }, theme: "thinking" },
  { key: "coding", author: "students", language: "es", text: "Aprender a programar o construir algo con tecnología", leaning: { all: 3.4, partners: 4.1 }, theme: "thinking" },
  { key: "adulting", author: "students", language: "en", text: "Adulting basics: fix a flat tire, fill in a form, read a lease", leaning: { all: 3.9, teachers: 3.2 }, theme: "life" },
  { key: "money-dup", author: "students", language: "en", text: "Budgeting and how credit cards really work", leaning: COMMON(4.4), mergedInto: "money" },
  { key: "pizza", author: "students", language: "en", text: "pizza fridays!!!", leaning: COMMON(3.0), hidden: true },
  { key: "sources", author: "teachers", language: "en", text: "Think critically: check sources and spot misinformation", leaning: COMMON(4.6), theme: "thinking" },
  { key: "argument", author: "teachers", language: "en", text: "Write a clear argument backed by evidence", leaning: { all: 4.1, students: 3.1 }, theme: "thinking" },
  { key: "teamwork", author: "teachers", language: "en", text: "Work on a team with people who disagree with them", leaning: COMMON(4.3), theme: "community" },
  { key: "reading", author: "teachers", language: "en", text: "Read for pleasure, not only for tests", leaning: { all: 3.5, students: 2.8 }, theme: "thinking" },
  { key: "portfolios", author: "teachers", language: "en", text: "Fewer standardized tests, more portfolios of real work", leaning: { all: 3.3, teachers: 4.8, students: 4.3, partners: 2.5, families: 2.9 } },
  { key: "persist", author: "teachers", language: "en", text: "Keep going when something is hard, and learn from failure", leaning: COMMON(4.3) },
  { key: "follow-through", author: "partners", language: "en", text: "Show up on time and follow through on commitments", leaning: { all: 4.1, students: 3.6 }, theme: "life" },
  { key: "certification", author: "partners", language: "en", text: "Earn an industry certification before graduating", leaning: { all: 3.4, partners: 4.8, teachers: 2.5, families: 3.9, students: 3.4 }, theme: "life" },
  { key: "professional", author: "partners", language: "en", text: "Communicate professionally: email, interviews and a résumé", leaning: { all: 4.2, students: 3.3 }, theme: "life" },
  { key: "volunteer", author: "partners", language: "en", text: "Volunteer in the community and register to vote", leaning: { all: 3.6, students: 3.1 }, theme: "community" },
  { key: "government", author: "school_staff", language: "en", text: "Understand how local government and the school board work", leaning: { all: 3.1 }, theme: "community" },
  { key: "cultures", author: "partners", language: "es", text: "Trabajar con personas de otras culturas y con respeto", leaning: COMMON(4.3), theme: "community" },
  { key: "health", author: "school_staff", language: "en", text: "Eat breakfast and sleep enough: the basics of staying healthy", leaning: { all: 3.4, students: 2.9 }, theme: "wellbeing" },
  { key: "mentor", author: "higher_education", language: "en", text: "Have at least one adult mentor outside their family", leaning: { all: 3.9, partners: 3.1 } },
];

const POLL_OPTIONS = [
  { id: "internship", label: { en: "An internship or apprenticeship", es: "Una pasantía o aprendizaje" } },
  { id: "service", label: { en: "A community service project", es: "Un proyecto de servicio comunitario" } },
  { id: "capstone", label: { en: "A senior capstone presented in public", es: "Un proyecto final presentado en público" } },
  { id: "travel", label: { en: "Travel or an exchange", es: "Un viaje o intercambio" } },
];

/** Each group's leaning among the poll options (weights). */
const POLL_WEIGHTS: Record<GroupKey, number[]> = {
  families: [5, 2, 2, 1],
  students: [3, 1, 1, 5],
  teachers: [2, 2, 5, 1],
  partners: [7, 2, 1, 0],
  school_staff: [2, 4, 2, 1],
  higher_education: [1, 1, 4, 2],
  other: [2, 3, 1, 1],
};

const SCALE_MEANS: Record<GroupKey, number> = {
  families: 2.6,
  students: 2.2,
  teachers: 3.6,
  partners: 2.4,
  school_staff: 3.4,
  higher_education: 3.0,
  other: 2.8,
};

const WORDS: Record<GroupKey, string[]> = {
  families: ["kind", "responsible", "prepared", "respetuoso", "confident", "honest"],
  students: ["confident", "creative", "free", "curious", "prepared", "ready"],
  teachers: ["curious", "critical", "kind", "resilient", "prepared", "thoughtful"],
  partners: ["reliable", "prepared", "skilled", "confident", "punctual"],
  school_staff: ["kind", "healthy", "resilient"],
  higher_education: ["curious", "prepared"],
  other: ["involved", "kind"],
};

const RANKING_ITEMS = [
  { id: "pathways", label: { en: "Career pathways", es: "Trayectorias profesionales" } },
  { id: "wellbeing", label: { en: "Mental health support", es: "Apoyo a la salud mental" } },
  { id: "arts", label: { en: "Arts and music", es: "Artes y música" } },
  { id: "class-size", label: { en: "Smaller classes", es: "Clases más pequeñas" } },
  { id: "technology", label: { en: "Technology for learning", es: "Tecnología para aprender" } },
];

/** Each group's preferred order (ballots vary around it). */
const RANKING_PREFERENCES: Record<GroupKey, string[]> = {
  families: ["wellbeing", "class-size", "pathways", "arts", "technology"],
  students: ["wellbeing", "arts", "technology", "pathways", "class-size"],
  teachers: ["class-size", "wellbeing", "arts", "pathways", "technology"],
  partners: ["pathways", "technology", "wellbeing", "class-size", "arts"],
  school_staff: ["wellbeing", "class-size", "pathways", "arts", "technology"],
  higher_education: ["pathways", "wellbeing", "class-size", "technology", "arts"],
  other: ["arts", "wellbeing", "pathways", "class-size", "technology"],
};

const NOMINATIONS = [
  {
    nominator: 0,
    nomineeName: "Lucía Hernández",
    reason: "Runs the family literacy nights at Lincoln and brings parents who never come to school meetings.",
    contact: "lucia.h@example.org",
  },
  {
    nominator: 25,
    nomineeName: "Darnell Price",
    reason: "Owner of Price Machining; already takes two interns every summer and would recruit other employers.",
    contact: null,
  },
];

/** mulberry32: a small pseudo-random generator; the fixed seed makes the demo the same every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value near `mean`: the floor or ceiling, with the odds that keep the average at `mean`. */
function roundedNear(mean: number, random: () => number, min: number, max: number): number {
  const lower = Math.floor(mean);
  const value = random() < mean - lower ? lower + 1 : lower;
  return Math.min(max, Math.max(min, value));
}

function weightedPick(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (const [index, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return index;
  }
  return weights.length - 1;
}

/** A version-4-shaped id from the generator, as a participant's phone would send with each submission. */
function clientId(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

function checkedConfig(type: ActivityType, config: unknown): Prisma.InputJsonObject {
  return configSchemaFor(type, ["en", "es"]).parse(config) as Prisma.InputJsonObject;
}

async function uniqueJoinCode(tx: Prisma.TransactionClient): Promise<string> {
  for (;;) {
    const code = generateJoinCode();
    if (!(await tx.workshop.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
  }
}

/**
 * Seeds the demo district's workshops: "Community visioning night", held
 * three weeks before `now` and closed, and a draft listening session a month
 * after it. Called once by seedDemoDistrict, on an empty database.
 */
export async function seedDemoWorkshops(districtId: string, now: Date = new Date()): Promise<void> {
  const random = seededRandom(20261123);
  const facilitator = await prisma.user.findFirst({ where: { districtId, role: "facilitator" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const groups = await prisma.stakeholderGroup.findMany({ where: { districtId }, select: { id: true, key: true } });
  const groupId = (key: GroupKey): string => {
    const group = groups.find((candidate) => candidate.key === key);
    if (!group) throw new Error(`The demo district has no stakeholder group "${key}"`);
    return group.id;
  };

  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  const heldAt = new Date(day.getTime() - 21 * 24 * 60 * 60_000 + (18 * 60 + 30) * 60_000);
  const upcomingAt = new Date(day.getTime() + 30 * 24 * 60 * 60_000 + (17 * 60 + 30) * 60_000);

  await prisma.$transaction(
    async (tx) => {
      const workshop = await tx.workshop.create({
        data: {
          districtId,
          title: "Community visioning night",
          description: "An evening at Riverbend High School's cafeteria where families, students, staff and local employers described the graduate they hope Riverbend will send into the world.",
          scheduledAt: heldAt,
          languages: ["en", "es"],
          joinCode: await uniqueJoinCode(tx),
          status: "ended",
          createdById: facilitator?.id ?? null,
          startedAt: heldAt,
          endedAt: minutesAfter(heldAt, 95),
        },
        select: { id: true },
      });
      const workshopId = workshop.id;

      const activity = async (position: number, type: ActivityType, config: unknown, openedMinute: number, closedMinute: number) =>
        (
          await tx.activity.create({
            data: {
              workshopId,
              position,
              type,
              config: checkedConfig(type, config),
              state: "closed",
              resultsVisible: true,
              openedAt: minutesAfter(heldAt, openedMinute),
              closedAt: minutesAfter(heldAt, closedMinute),
            },
            select: { id: true },
          })
        ).id;

      const brainstormId = await activity(
        0,
        "brainstorm",
        {
          prompt: {
            en: "What should every Riverbend graduate know and be able to do?",
            es: "¿Qué debería saber y saber hacer cada graduado de Riverbend?",
          },
          maxIdeasPerParticipant: 5,
        },
        5,
        25,
      );
      const rateId = await activity(
        1,
        "rate",
        {
          prompt: { en: "How important is this for every graduate?", es: "¿Qué tan importante es esto para cada graduado?" },
          sourceActivityId: brainstormId,
          ratingsPerParticipant: 40,
        },
        27,
        45,
      );
      const pollId = await activity(
        2,
        "poll",
        {
          prompt: {
            en: "Which experience should every student have before graduating?",
            es: "¿Qué experiencia debería tener cada estudiante antes de graduarse?",
          },
          options: POLL_OPTIONS,
          multiple: false,
        },
        47,
        52,
      );
      const scaleId = await activity(
        3,
        "scale",
        {
          prompt: {
            en: "Today, how well do our schools prepare students for life after graduation?",
            es: "Hoy, ¿qué tan bien preparan nuestras escuelas a los estudiantes para la vida después de graduarse?",
          },
          min: 1,
          max: 5,
          minLabel: { en: "Not at all", es: "Nada" },
          maxLabel: { en: "Very well", es: "Muy bien" },
        },
        53,
        57,
      );
      const wordcloudId = await activity(
        4,
        "wordcloud",
        { prompt: { en: "In one to three words: a Riverbend graduate is…", es: "En una a tres palabras: un graduado de Riverbend es…" }, maxWords: 3 },
        58,
        63,
      );
      const rankingId = await activity(
        5,
        "ranking",
        {
          prompt: { en: "Rank these priorities for the next five years", es: "Ordena estas prioridades para los próximos cinco años" },
          items: RANKING_ITEMS,
        },
        64,
        72,
      );
      const nominationId = await activity(
        6,
        "nomination",
        {
          prompt: {
            en: "Who in our community could champion this vision?",
            es: "¿Quién en nuestra comunidad podría impulsar esta visión?",
          },
        },
        74,
        90,
      );
      await tx.workshop.update({ where: { id: workshopId }, data: { currentActivityId: nominationId } });

      // Participants, numbered in the order they joined.
      const attendees: { group: GroupKey; language: "en" | "es" }[] = [];
      for (const [group, count] of Object.entries(ATTENDANCE) as [GroupKey, number][]) {
        for (let n = 0; n < count; n += 1) attendees.push({ group, language: group === "families" && n % 3 === 0 ? "es" : "en" });
      }
      const participants = await tx.participant.createManyAndReturn({
        data: attendees.map((attendee, index) => ({
          workshopId,
          deviceTokenHash: createHash("sha256").update(`riverbend-demo-visioning-${index}`).digest("hex"),
          stakeholderGroupId: groupId(attendee.group),
          language: attendee.language,
          displayName: DISPLAY_NAMES[index] ?? null,
          joinedAt: minutesAfter(heldAt, index / 8),
          lastSeenAt: minutesAfter(heldAt, 90),
        })),
        select: { id: true, deviceTokenHash: true },
      });
      // createManyAndReturn keeps the order of the rows given, but matching by token keeps that from mattering.
      const participantIds = attendees.map((_, index) => {
        const hash = createHash("sha256").update(`riverbend-demo-visioning-${index}`).digest("hex");
        const participant = participants.find((candidate) => candidate.deviceTokenHash === hash);
        if (!participant) throw new Error("A demo participant was not created");
        return participant.id;
      });
      const membersOf = (group: GroupKey) => attendees.flatMap((attendee, index) => (attendee.group === group ? [index] : []));

      // Ideas: each group's ideas come from its members in turn.
      const nextAuthor = new Map<GroupKey, number>();
      const authorOf = IDEAS.map((idea) => {
        const members = membersOf(idea.author);
        const turn = nextAuthor.get(idea.author) ?? 0;
        nextAuthor.set(idea.author, turn + 1);
        return members[turn % members.length] ?? 0;
      });
      const createdIdeas = await tx.idea.createManyAndReturn({
        data: IDEAS.map((idea, index) => ({
          workshopId,
          activityId: brainstormId,
          participantId: participantIds[authorOf[index] ?? 0] ?? "",
          clientId: clientId(random),
          text: idea.text,
          language: idea.language,
          hiddenAt: idea.hidden ? minutesAfter(heldAt, 20) : null,
          createdAt: minutesAfter(heldAt, 6 + (index * 18) / IDEAS.length),
        })),
        select: { id: true, text: true },
      });
      const ideaIdByKey = new Map(IDEAS.map((idea) => [idea.key, createdIdeas.find((created) => created.text === idea.text)?.id ?? ""]));

      const themeIdByKey = new Map<ThemeKey, string>();
      for (const [position, theme] of THEMES.entries()) {
        const created = await tx.theme.create({
          data: { workshopId, name: theme.name, position, createdAt: minutesAfter(heldAt, 100 + position) },
          select: { id: true },
        });
        themeIdByKey.set(theme.key, created.id);
      }
      for (const idea of IDEAS) {
        const id = ideaIdByKey.get(idea.key) ?? "";
        const mergedIntoId = idea.mergedInto ? ideaIdByKey.get(idea.mergedInto) : undefined;
        const themeId = idea.theme ? themeIdByKey.get(idea.theme) : undefined;
        if (mergedIntoId || themeId) await tx.idea.update({ where: { id }, data: { mergedIntoId, themeId } });
      }

      // Ratings: everyone rated every idea still on the wall except their own, each group after its own leaning.
      const ratings: Prisma.RatingCreateManyInput[] = [];
      const rateable = IDEAS.map((idea, index) => ({ idea, index })).filter(({ idea }) => !idea.hidden);
      attendees.forEach((attendee, participantIndex) => {
        rateable.forEach(({ idea, index }, order) => {
          if (authorOf[index] === participantIndex) return;
          const mean = idea.leaning[attendee.group] ?? idea.leaning.all;
          ratings.push({
            activityId: rateId,
            ideaId: ideaIdByKey.get(idea.key) ?? "",
            participantId: participantIds[participantIndex] ?? "",
            clientId: clientId(random),
            value: roundedNear(mean, random, 1, 5),
            createdAt: minutesAfter(heldAt, 28 + (order * 15) / rateable.length + participantIndex / 60),
          });
        });
      });
      await tx.rating.createMany({ data: ratings });

      // Answers to the poll, scale, word cloud and ranking; a few people left before the later activities.
      const responses: Prisma.ResponseCreateManyInput[] = [];
      attendees.forEach((attendee, index) => {
        const participantId = participantIds[index] ?? "";
        const at = (minute: number) => minutesAfter(heldAt, minute + index / 20);
        const option = POLL_OPTIONS[weightedPick(POLL_WEIGHTS[attendee.group], random)];
        if (option) responses.push({ activityId: pollId, participantId, clientId: clientId(random), payload: { optionIds: [option.id] }, createdAt: at(48) });
        responses.push({
          activityId: scaleId,
          participantId,
          clientId: clientId(random),
          payload: { value: roundedNear(SCALE_MEANS[attendee.group], random, 1, 5) },
          createdAt: at(54),
        });
        const pool = WORDS[attendee.group];
        const words = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pool[Math.floor(random() * pool.length)] ?? "kind"))];
        responses.push({ activityId: wordcloudId, participantId, clientId: clientId(random), payload: { words }, createdAt: at(59) });
        if (index % 7 === 6) return;
        const order = [...RANKING_PREFERENCES[attendee.group]];
        // Each ballot swaps one or two neighbours of the group's preference.
        for (let swaps = 1 + Math.floor(random() * 2); swaps > 0; swaps -= 1) {
          const at = Math.floor(random() * (order.length - 1));
          const [first, second] = [order[at], order[at + 1]];
          if (first !== undefined && second !== undefined) [order[at], order[at + 1]] = [second, first];
        }
        responses.push({ activityId: rankingId, participantId, clientId: clientId(random), payload: { order }, createdAt: at(65) });
      });
      await tx.response.createMany({ data: responses });

      await tx.nomination.createMany({
        data: NOMINATIONS.map((nomination, index) => ({
          districtId,
          activityId: nominationId,
          participantId: participantIds[nomination.nominator] ?? "",
          clientId: clientId(random),
          nomineeName: nomination.nomineeName,
          reason: nomination.reason,
          contact: nomination.contact,
          consentGiven: true,
          createdAt: minutesAfter(heldAt, 76 + index * 4),
        })),
      });

      const upcoming = await tx.workshop.create({
        data: {
          districtId,
          title: "Spring listening session",
          description: "A follow-up for families who could not attend the visioning night, with Spanish interpretation and childcare.",
          scheduledAt: upcomingAt,
          languages: ["en", "es"],
          joinCode: await uniqueJoinCode(tx),
          createdById: facilitator?.id ?? null,
        },
        select: { id: true },
      });
      await tx.activity.createMany({
        data: [
          {
            workshopId: upcoming.id,
            position: 0,
            type: "brainstorm",
            config: checkedConfig("brainstorm", {
              prompt: {
                en: "What did the visioning night miss about your family's hopes for school?",
                es: "¿Qué le faltó a la noche de visión sobre lo que su familia espera de la escuela?",
              },
              maxIdeasPerParticipant: 5,
            }),
          },
          {
            workshopId: upcoming.id,
            position: 1,
            type: "scale",
            config: checkedConfig("scale", {
              prompt: {
                en: "How welcome do you feel at your child's school?",
                es: "¿Qué tan bienvenido se siente en la escuela de su hijo o hija?",
              },
              min: 1,
              max: 5,
              minLabel: { en: "Not welcome", es: "Nada bienvenido" },
              maxLabel: { en: "Very welcome", es: "Muy bienvenido" },
            }),
          },
        ],
      });
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
