import { prisma } from "~/utils/db.server";
import { newCompetencyId } from "./competency-id";
import { writePortrait, type Competency, type PortraitContent, type RichText } from "./document";
import { portraitDocuments, saveVersion } from "./portrait.server";

/*
 * Riverbend's Portrait of a Graduate as the demo shows it: a draft with a
 * vision and five competencies, one saved version from before the latest
 * edits (so "compare" has something to show). The text is fixed; competency
 * ids are made at seed time.
 */

function paragraphs(...texts: string[]): RichText {
  return { type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

type DemoCompetency = Omit<Competency, "id">;

const COMPETENCIES: DemoCompetency[] = [
  {
    title: "Collaborator",
    description: paragraphs("Works with people who think differently to reach shared goals, sharing the work and the credit."),
    elementary: paragraphs("Takes turns, listens to classmates and helps the group finish a task."),
    middle: paragraphs("Plans a group project with classmates, takes on a role and gives and receives feedback kindly."),
    high: paragraphs("Leads and follows in diverse teams, resolves disagreements and delivers work with partners beyond school."),
  },
  {
    title: "Critical thinker",
    description: paragraphs("Asks good questions, weighs evidence and solves problems that matter to them and their community."),
    elementary: paragraphs("Wonders aloud, asks why and tries more than one way to solve a problem."),
    middle: paragraphs("Compares sources, tells facts from opinions and explains how they reached an answer."),
    high: paragraphs("Investigates complex, open questions, judges the quality of evidence and defends a reasoned position."),
  },
  {
    title: "Communicator",
    description: paragraphs("Shares ideas clearly and respectfully in speech, writing and media, in more than one language where they can."),
    elementary: paragraphs("Speaks in full sentences to a group and writes to tell a story or explain an idea."),
    middle: paragraphs("Adapts how they speak and write to the audience and uses visuals to support a message."),
    high: paragraphs("Presents to public audiences, writes persuasively and listens to understand before responding."),
  },
  {
    title: "Self-directed learner",
    description: paragraphs("Sets goals, tracks progress and keeps going when learning gets hard."),
    elementary: paragraphs("Chooses a goal with the teacher and says what helped them learn."),
    middle: paragraphs("Plans their time, asks for help when stuck and reflects on their progress."),
    high: paragraphs("Designs their own learning path, seeks out mentors and shows mastery through a portfolio."),
  },
  {
    title: "Engaged citizen",
    description: paragraphs("Cares for their community and acts to make it fairer, healthier and more sustainable."),
    elementary: paragraphs("Helps in the classroom and learns about the people and places in Riverbend."),
    middle: paragraphs("Joins a service project and learns how local decisions are made."),
    high: paragraphs("Leads a community project with local partners and takes part in civic life."),
  },
];

export const DEMO_VISION =
  "Every Riverbend graduate leaves ready to learn, work and lead in a changing world: confident in who they are, connected to their community, and prepared for the future they choose.";

export function demoPortraitContent(ids: readonly string[] = COMPETENCIES.map(() => newCompetencyId())): PortraitContent {
  return {
    vision: paragraphs(DEMO_VISION),
    competencies: COMPETENCIES.map((competency, index) => ({ id: ids[index] ?? newCompetencyId(), ...competency })),
  };
}

/** Seeds the demo district's Portrait draft (called once, on an empty database). */
export async function seedDemoPortrait(districtId: string): Promise<void> {
  const leader = await prisma.user.findFirst({ where: { districtId, role: "leader" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const latest = demoPortraitContent();
  // The version shared with the board had a shorter vision and no citizenship competency yet.
  const earlier: PortraitContent = {
    vision: paragraphs("Every Riverbend graduate leaves ready to learn, work and lead in a changing world."),
    competencies: latest.competencies.slice(0, 4).map((competency) =>
      competency.title === "Collaborator" ? { ...competency, description: paragraphs("Works with others to reach shared goals.") } : competency,
    ),
  };
  await portraitDocuments().change(districtId, (doc) => writePortrait(doc, earlier));
  await saveVersion({ districtId, name: "Draft shared with the board", createdById: leader?.id ?? null });
  await portraitDocuments().change(districtId, (doc) => writePortrait(doc, latest));
}
