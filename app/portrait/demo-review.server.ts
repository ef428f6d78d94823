import { prisma } from "~/utils/db.server";
import { readPortraitContent } from "./portrait.server";

/*
 * The demo district's evidence: ideas and themes of the "Community visioning
 * night" cited for the demo Portrait's competencies, so that the evidence
 * page, the group breakdown and "Where did my ideas go?" have something
 * true-to-life to show. "Self-directed learner" is left without evidence on
 * purpose: the page flags it. Competencies or ideas the seed does not find
 * are skipped, so a changed demo Portrait or workshop never breaks seeding.
 */

type DemoEvidence = { ideas?: { text: string; note?: string }[]; themes?: { name: string; note?: string }[] };

const PLAN: Record<string, DemoEvidence> = {
  Collaborator: {
    ideas: [
      { text: "Work on a team with people who disagree with them", note: "Common ground: rated highly by every group." },
      { text: "Trabajar con personas de otras culturas y con respeto" },
      { text: "Respetar a los demás y resolver conflictos sin violencia" },
    ],
  },
  "Critical thinker": {
    ideas: [
      { text: "Think critically: check sources and spot misinformation", note: "The highest rated idea of the evening." },
      { text: "Write a clear argument backed by evidence" },
      { text: "How to use AI tools honestly and well", note: "Divisive: students and partners for, teachers less sure." },
    ],
  },
  Communicator: {
    ideas: [
      { text: "Speak in public without panicking" },
      { text: "Speak and write well in two languages" },
      { text: "Communicate professionally: email, interviews and a résumé" },
    ],
  },
  "Engaged citizen": {
    themes: [{ name: "Community and citizenship", note: "The whole theme: families, teachers, partners and staff." }],
    ideas: [{ text: "Volunteer in the community and register to vote" }],
  },
};

export async function seedDemoPortraitReview(districtId: string): Promise<void> {
  const portrait = await readPortraitContent(districtId);
  if (portrait.competencies.length === 0) return;
  const leader = await prisma.user.findFirst({ where: { districtId, role: "leader" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const [ideas, themes] = await Promise.all([
    prisma.idea.findMany({ where: { workshop: { districtId }, hiddenAt: null, mergedIntoId: null }, select: { id: true, text: true } }),
    prisma.theme.findMany({ where: { workshop: { districtId } }, select: { id: true, name: true } }),
  ]);
  const data = portrait.competencies.flatMap((competency) => {
    const plan = PLAN[competency.title];
    if (!plan) return [];
    const base = { districtId, competencyId: competency.id, createdById: leader?.id ?? null };
    return [
      ...(plan.themes ?? []).flatMap((entry) => {
        const theme = themes.find((candidate) => candidate.name === entry.name);
        return theme ? [{ ...base, themeId: theme.id, note: entry.note ?? "" }] : [];
      }),
      ...(plan.ideas ?? []).flatMap((entry) => {
        const idea = ideas.find((candidate) => candidate.text === entry.text);
        return idea ? [{ ...base, ideaId: idea.id, note: entry.note ?? "" }] : [];
      }),
    ];
  });
  if (data.length > 0) await prisma.evidenceLink.createMany({ data, skipDuplicates: true });
}
