import { prisma } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { citationsOfIdeas, type Citation } from "./my-ideas";
import { currentPublication } from "./publication.server";
import { portraitContentFromJson } from "./export";
import { readPortraitContent } from "./portrait.server";

export type MyIdea = { id: string; text: string; language: string; hidden: boolean; citations: Citation[] };

export type MyWorkshop = {
  id: string;
  title: string;
  endedAt: string | null;
  ideas: MyIdea[];
};

export type MyDistrict = {
  name: string;
  /** The public page of the Portrait, when the district has published one. */
  publicPath: string | null;
  /** Whether the competency titles come from a published version (otherwise from the draft). */
  published: boolean;
  workshops: MyWorkshop[];
};

/** The competencies a participant is told about: the newest published version's, else the draft's. */
async function portraitShownTo(districtId: string) {
  const publication = await currentPublication(districtId);
  if (publication) {
    const version = await prisma.portraitVersion.findUnique({ where: { id: publication.version.id }, select: { content: true } });
    return { published: true, competencies: portraitContentFromJson(version?.content).competencies };
  }
  return { published: false, competencies: (await readPortraitContent(districtId)).competencies };
}

/**
 * Everything this device contributed as ideas, by district and workshop,
 * with the competencies citing each idea. Only the device's own
 * participants are looked up: nothing about anybody else is read.
 */
export async function ideasOfDevice(deviceToken: string): Promise<MyDistrict[]> {
  const participants = await prisma.participant.findMany({
    where: { deviceTokenHash: hashToken(deviceToken) },
    select: {
      workshop: { select: { id: true, title: true, endedAt: true, createdAt: true, district: { select: { id: true, name: true, slug: true } } } },
      ideas: {
        select: { id: true, text: true, language: true, hiddenAt: true, themeId: true, mergedIntoId: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const byDistrict = new Map<string, { name: string; slug: string; entries: typeof participants }>();
  for (const participant of participants) {
    if (participant.ideas.length === 0) continue;
    const district = participant.workshop.district;
    const entry = byDistrict.get(district.id) ?? { name: district.name, slug: district.slug, entries: [] };
    entry.entries.push(participant);
    byDistrict.set(district.id, entry);
  }

  const result: MyDistrict[] = [];
  for (const [districtId, { name, slug, entries }] of byDistrict) {
    const ideas = entries.flatMap((entry) => entry.ideas);
    const shown = await portraitShownTo(districtId);
    const links = await prisma.evidenceLink.findMany({
      where: {
        districtId,
        OR: [
          { ideaId: { in: ideas.flatMap((idea) => [idea.id, ...(idea.mergedIntoId ? [idea.mergedIntoId] : [])]) } },
          { themeId: { in: ideas.flatMap((idea) => (idea.themeId ? [idea.themeId] : [])) } },
        ],
      },
      select: { competencyId: true, ideaId: true, themeId: true },
    });
    // A hidden idea was taken off the wall by a facilitator: it is listed for its author, but cites nothing.
    const citations = citationsOfIdeas(
      ideas.filter((idea) => idea.hiddenAt === null),
      links,
      shown.competencies.map((competency) => ({ id: competency.id, title: competency.title })),
    );
    result.push({
      name,
      publicPath: shown.published ? `/p/${slug}` : null,
      published: shown.published,
      workshops: entries
        .sort((a, b) => b.workshop.createdAt.getTime() - a.workshop.createdAt.getTime())
        .map((entry) => ({
          id: entry.workshop.id,
          title: entry.workshop.title,
          endedAt: entry.workshop.endedAt?.toISOString() ?? null,
          ideas: entry.ideas.map((idea) => ({
            id: idea.id,
            text: idea.text,
            language: idea.language,
            hidden: idea.hiddenAt !== null,
            citations: citations.get(idea.id) ?? [],
          })),
        })),
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}
