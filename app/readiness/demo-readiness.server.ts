import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/utils/db.server";
import { PERSONALIZED_LEARNING_READINESS } from "./builtin-frameworks";
import { ensureBuiltInFrameworks } from "./framework.server";
import type { Level } from "./levels";

/** School team members added for the demo, all with the demo password; the first of each school leads its team. */
export const DEMO_TEAM_MEMBERS = [
  { school: "RHS", email: "jordan@riverbend.example", name: "Jordan Ellis" },
  { school: "CMS", email: "tomas@riverbend.example", name: "Tomás Herrera", lead: true },
  { school: "CMS", email: "alicia@riverbend.example", name: "Alicia Grant" },
  { school: "CMS", email: "ben@riverbend.example", name: "Ben Osei" },
  { school: "LIN", email: "rosa@riverbend.example", name: "Rosa Delgado", lead: true },
  { school: "LIN", email: "kevin@riverbend.example", name: "Kevin Park" },
] as const;

/** The demo's existing school account (Priya Natarajan, Riverbend High School) leads her team. */
const DEMO_LEAD_EMAILS = ["school@riverbend.example"];

// Consensus levels of the 14 indicators of Personalized Learning readiness, in framework order.
const SPRING: Record<string, Level[]> = {
  RHS: [3, 3, 2, 2, 2, 1, 2, 2, 3, 3, 1, 2, 1, 2],
  CMS: [4, 3, 3, 2, 3, 2, 3, 2, 2, 4, 2, 3, 2, 3],
  LIN: [4, 4, 3, 3, 2, 2, 3, 3, 3, 2, 2, 3, 1, 2],
};
const FALL: Record<string, (Level | null)[]> = {
  CMS: [4, 3, 3, 3, 3, 3, 3, 3, 2, 3, 2, 3, 2, 3],
  LIN: [4, 4, 3, 3, 3, 2, 3, 3, null, null, null, null, null, null],
};

const NOTES = [
  "Advisory meets weekly, but only in some grades.",
  "We saw this in classroom walkthroughs this term.",
  "Student survey results point the same way.",
  "",
  "Strong in a few classrooms, not yet school-wide.",
  "",
];

const RATIONALES = [
  "Agreed after comparing our walkthrough notes.",
  "Most of us saw it in practice; the survey confirmed it.",
  "We differed on how widespread it is and settled in the middle.",
  "Clear evidence from student work samples.",
];

function clamp(level: number): Level {
  return Math.max(1, Math.min(4, Math.round(level))) as Level;
}

/** A member's rating near the team's consensus: members differ a little, sometimes by two levels. */
function memberLevel(consensus: Level, member: number, indicator: number): Level {
  const offsets = [0, 1, 0, -1, 0, 2, -1, 0];
  return clamp(consensus + offsets[(member * 3 + indicator * 5) % offsets.length]!);
}

function day(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

/**
 * Seeds the demo district's readiness work: school team members and leads,
 * a closed "Spring 2026" cycle for three schools with every rating and
 * consensus, and an open "Fall 2026" cycle in progress, so the heatmap, the
 * school profiles and the change since the previous cycle show real figures.
 */
export async function seedDemoReadiness(districtId: string, password: string): Promise<void> {
  await ensureBuiltInFrameworks();
  const framework = await prisma.framework.findUniqueOrThrow({
    where: { builtInKey: PERSONALIZED_LEARNING_READINESS.key },
    select: {
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          dimensions: { orderBy: { position: "asc" }, select: { indicators: { orderBy: { position: "asc" }, select: { id: true }, where: { retiredAt: null } } } },
        },
      },
    },
  });
  const version = framework.versions[0]!;
  const indicatorIds = version.dimensions.flatMap((dimension) => dimension.indicators.map((indicator) => indicator.id));
  const schools = await prisma.school.findMany({ where: { districtId }, select: { id: true, code: true } });
  const schoolId = (code: string) => schools.find((school) => school.code === code)!.id;
  const passwordHash = await hashPassword(password);

  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({
      data: DEMO_TEAM_MEMBERS.map((member) => ({
        districtId,
        email: member.email,
        name: member.name,
        role: "school" as const,
        schoolId: schoolId(member.school),
        passwordHash,
      })),
    });
    const leadEmails = [...DEMO_LEAD_EMAILS, ...DEMO_TEAM_MEMBERS.filter((member) => "lead" in member && member.lead).map((member) => member.email)];
    const leads = await tx.user.findMany({ where: { districtId, email: { in: leadEmails } }, select: { id: true, schoolId: true } });
    await tx.teamLead.createMany({ data: leads.map((lead) => ({ districtId, schoolId: lead.schoolId!, userId: lead.id })) });

    const members = await tx.user.findMany({
      where: { districtId, role: "school" },
      select: { id: true, schoolId: true, email: true },
      orderBy: { email: "asc" },
    });
    const membersOf = (code: string) => members.filter((member) => member.schoolId === schoolId(code));
    const leader = await tx.user.findFirst({ where: { districtId, role: "leader" }, select: { id: true } });

    const createCycle = async (name: string, dueDate: string, createdAt: string, closedAt: string | null, codes: string[]) => {
      const cycle = await tx.assessmentCycle.create({
        data: {
          districtId,
          name,
          frameworkVersionId: version.id,
          dueDate: day(dueDate),
          createdAt: day(createdAt),
          status: closedAt ? "closed" : "open",
          closedAt: closedAt ? day(closedAt) : null,
        },
        select: { id: true },
      });
      const assessments: Record<string, string> = {};
      for (const code of codes) {
        const assessment = await tx.schoolAssessment.create({ data: { districtId, cycleId: cycle.id, schoolId: schoolId(code) }, select: { id: true } });
        assessments[code] = assessment.id;
      }
      return assessments;
    };

    const rate = async (assessmentId: string, memberId: string, memberIndex: number, levels: readonly Level[], submittedAt: string | null) => {
      const response = await tx.memberResponse.create({
        data: { schoolAssessmentId: assessmentId, userId: memberId, submittedAt: submittedAt ? day(submittedAt) : null },
        select: { id: true },
      });
      await tx.indicatorRating.createMany({
        data: levels.map((level, index) => ({
          responseId: response.id,
          indicatorId: indicatorIds[index]!,
          level: memberLevel(level, memberIndex, index),
          note: NOTES[(memberIndex + index) % NOTES.length]!,
        })),
      });
    };

    const agree = async (assessmentId: string, levels: readonly (Level | null)[], decidedById: string | undefined) => {
      await tx.consensusRating.createMany({
        data: levels.flatMap((level, index) =>
          level === null ? [] : [{ schoolAssessmentId: assessmentId, indicatorId: indicatorIds[index]!, level, rationale: RATIONALES[index % RATIONALES.length]!, decidedById }],
        ),
      });
    };

    const leadOf = (code: string) => leads.find((lead) => lead.schoolId === schoolId(code))?.id ?? leader?.id;

    // Spring 2026: finished by three schools.
    const spring = await createCycle("Spring 2026", "2026-05-15", "2026-03-02", "2026-05-29", ["RHS", "CMS", "LIN"]);
    for (const code of ["RHS", "CMS", "LIN"] as const) {
      for (const [index, member] of membersOf(code).entries()) await rate(spring[code]!, member.id, index, SPRING[code]!, "2026-05-08");
      await agree(spring[code]!, SPRING[code]!, leadOf(code));
    }
    await tx.actionItem.createMany({
      data: [
        { schoolAssessmentId: spring.RHS!, indicatorId: indicatorIds[5]!, what: "Pilot student-led goal conferences in grade 9", owner: "Priya Natarajan", dueDate: day("2026-10-30"), status: "in_progress" },
        { schoolAssessmentId: spring.RHS!, indicatorId: indicatorIds[10]!, what: "Try a flexible study block twice a week", owner: "Scheduling team", dueDate: day("2026-09-15"), status: "done" },
        { schoolAssessmentId: spring.RHS!, indicatorId: indicatorIds[12]!, what: "Map two courses to competencies", owner: "Jordan Ellis", dueDate: day("2026-12-18"), status: "planned" },
        { schoolAssessmentId: spring.LIN!, indicatorId: indicatorIds[12]!, what: "Visit a school that uses competency-based progression", owner: "Rosa Delgado", dueDate: day("2026-11-20"), status: "planned" },
      ],
    });

    // Fall 2026: open; Cedar has agreed everything, Lincoln part, Riverbend High is rating, Maple Grove has not started.
    const fall = await createCycle("Fall 2026", "2026-12-11", "2026-09-08", null, ["RHS", "CMS", "LIN", "MGE"]);
    for (const [index, member] of membersOf("CMS").entries()) await rate(fall.CMS!, member.id, index, FALL.CMS! as Level[], "2026-11-06");
    await agree(fall.CMS!, FALL.CMS!, leadOf("CMS"));
    const lincolnLevels = FALL.LIN!.map((level, index) => level ?? SPRING.LIN![index]!);
    for (const [index, member] of membersOf("LIN").entries()) await rate(fall.LIN!, member.id, index, lincolnLevels, "2026-11-10");
    await agree(fall.LIN!, FALL.LIN!, leadOf("LIN"));
    const jordan = members.find((member) => member.email === "jordan@riverbend.example")!;
    await rate(fall.RHS!, jordan.id, 1, SPRING.RHS!.map((level, index) => clamp(level + (index % 3 === 0 ? 1 : 0))), "2026-11-12");
  });
}
