import { prisma } from "~/utils/db.server";
import { addProofPoint, citationChoices } from "./messages.server";

/*
 * The demo district's message plan: a message house citing the demo Portrait
 * and visioning-night ideas, plans for families (in Spanish too, with the PTA
 * president as messenger) and for business partners, and a few dated
 * communications around today so the calendar has something to show.
 * Competencies, ideas, audiences or champions the seed does not find are
 * skipped, so changes to the other demo seeds never break it.
 */

/** `readiness`: cite the district's most widely held readiness strength. */
const PILLARS: { title: string; competency?: string; idea?: string; readiness?: true; other?: { text: string; source: string } }[] = [
  { title: "Every student thinks for themselves", competency: "Critical thinker", idea: "Think critically: check sources and spot misinformation", readiness: true },
  { title: "Learning that works with others", competency: "Collaborator", idea: "Work on a team with people who disagree with them" },
  { title: "Ready for work, college and community", competency: "Communicator", idea: "Communicate professionally: email, interviews and a résumé" },
  {
    title: "Built with our community",
    other: { text: "More than 200 families, students, staff and partners shaped the Portrait at visioning nights.", source: "Workshop sign-ins, fall 2026" },
  },
];

const day = 24 * 60 * 60 * 1000;
const dateFromToday = (days: number) => new Date(`${new Date(Date.now() + days * day).toISOString().slice(0, 10)}T00:00:00Z`);

export async function seedDemoMessages(districtId: string): Promise<void> {
  const choices = await citationChoices(districtId);
  const house = await prisma.messageHouse.create({
    data: { districtId, coreMessage: "Every Riverbend graduate leaves ready to think, work with others and shape their community — and we are building that future together." },
    select: { id: true },
  });
  for (const [position, pillar] of PILLARS.entries()) {
    const { id: pillarId } = await prisma.messagePillar.create({ data: { houseId: house.id, title: pillar.title, position }, select: { id: true } });
    const competency = choices.competencies.find((item) => item.title === pillar.competency);
    if (competency) await addProofPoint(districtId, { pillarId, kind: "competency", refId: competency.id });
    const idea = choices.ideas.find((item) => item.text === pillar.idea);
    if (idea) await addProofPoint(districtId, { pillarId, kind: "idea", refId: idea.id });
    const strongest = pillar.readiness ? choices.readiness[0] : undefined;
    if (strongest) await addProofPoint(districtId, { pillarId, kind: "readiness", refId: strongest.refId });
    if (pillar.other) await addProofPoint(districtId, { pillarId, kind: "other", ...pillar.other });
  }

  const audiences = await prisma.audience.findMany({ where: { districtId, key: { in: ["families", "partners"] } }, select: { id: true, key: true } });
  const champions = await prisma.champion.findMany({ where: { districtId, name: { in: ["María Elena Torres", "Riverbend Rotary Club"] } }, select: { id: true, name: true } });
  const families = audiences.find((audience) => audience.key === "families");
  const partners = audiences.find((audience) => audience.key === "partners");
  const maria = champions.find((champion) => champion.name === "María Elena Torres");
  const rotary = champions.find((champion) => champion.name === "Riverbend Rotary Club");

  if (families) {
    await prisma.audiencePlan.create({
      data: {
        audienceId: families.id,
        message: "We want every child to leave school ready for life. You helped us choose what matters most. Come and see the plan, and tell us what you think.",
        callToAction: "Come to the family night at your school and bring a neighbor.",
        channels: ["newsletter", "text_message", "backpack_flyer", "town_hall"],
        languages: ["en", "es"],
        messageLanguage: "en",
      },
    });
    if (maria) await prisma.audienceMessenger.createMany({ data: [{ audienceId: families.id, championId: maria.id }], skipDuplicates: true });
    await prisma.communication.createMany({
      data: [
        { districtId, audienceId: families.id, date: dateFromToday(-10), title: "Fall newsletter: what families told us", channel: "newsletter", language: "en", owner: "Communications office", status: "sent", feedback: "Many replies asking for the Spanish version sooner.", championId: null },
        { districtId, audienceId: families.id, date: dateFromToday(5), title: "Noche familiar: el Perfil del Graduado", channel: "town_hall", language: "es", owner: "Lincoln front office", status: "approved", championId: maria?.id ?? null },
        { districtId, audienceId: families.id, date: dateFromToday(12), title: "Text reminder: family night", channel: "text_message", language: "en", owner: "Communications office", status: "draft", championId: null },
      ],
    });
  }
  if (partners) {
    await prisma.audiencePlan.create({
      data: {
        audienceId: partners.id,
        message: "Riverbend's graduates will be the people you hire. Our Portrait of a Graduate names the skills employers asked for: critical thinking, teamwork and clear communication. Help us give students real work experience.",
        callToAction: "Offer one internship or job-shadowing day this spring.",
        channels: ["email", "meeting", "local_media"],
        languages: ["en"],
        messageLanguage: "en",
      },
    });
    if (rotary) await prisma.audienceMessenger.createMany({ data: [{ audienceId: partners.id, championId: rotary.id }], skipDuplicates: true });
    await prisma.communication.create({
      data: { districtId, audienceId: partners.id, date: dateFromToday(8), title: "Rotary lunch briefing on internships", channel: "meeting", language: "en", owner: "Superintendent's office", status: "draft", championId: rotary?.id ?? null },
    });
  }
}
