import { describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import { prisma } from "~/utils/db.server";
import { ideaRatingStats } from "~/workshops/aggregate";
import { groupConsensus } from "~/workshops/group-consensus";
import { useTestDatabase } from "../support/database";

useTestDatabase();

// Seeding the whole demo district inside the test (not a hook) needs the hooks' longer limit.
describe("demo workshops", { timeout: 60_000 }, () => {
  it("seeds a closed visioning night with common ground, divisive ideas, themes and nominations, and a draft", async () => {
    expect(await seedDemoDistrict()).toBe(true);
    const workshops = await prisma.workshop.findMany({ select: { id: true, title: true, status: true }, orderBy: { createdAt: "asc" } });
    expect(workshops.map((w) => [w.title, w.status])).toEqual([
      ["Community visioning night", "ended"],
      ["Spring listening session", "draft"],
    ]);
    const workshopId = workshops[0]!.id;
    const activities = await prisma.activity.findMany({ where: { workshopId }, select: { type: true, state: true }, orderBy: { position: "asc" } });
    expect(activities.map((a) => a.type)).toEqual(["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"]);
    expect(activities.every((a) => a.state === "closed")).toBe(true);

    const ideas = await prisma.idea.findMany({ where: { workshopId }, select: { id: true, hiddenAt: true, mergedIntoId: true, themeId: true } });
    expect(ideas.length).toBeGreaterThanOrEqual(30);
    expect(ideas.filter((i) => i.hiddenAt)).toHaveLength(1);
    expect(ideas.filter((i) => i.mergedIntoId)).toHaveLength(1);
    const themes = await prisma.theme.findMany({ where: { workshopId }, select: { id: true, _count: { select: { ideas: true } } } });
    expect(themes.length).toBeGreaterThanOrEqual(3);
    expect(themes.every((t) => t._count.ideas >= 4)).toBe(true);

    const ratings = await prisma.rating.findMany({
      where: { activity: { workshopId } },
      select: { ideaId: true, value: true, participant: { select: { stakeholderGroupId: true } } },
    });
    const roots = new Map(ideas.map((i) => [i.id, i.mergedIntoId ?? i.id]));
    const stats = ideaRatingStats(ratings.map((r) => ({ ideaId: roots.get(r.ideaId)!, value: r.value, stakeholderGroupId: r.participant.stakeholderGroupId })));
    const consensus = groupConsensus(stats);
    expect(consensus.commonGround.length).toBeGreaterThanOrEqual(5);
    expect(consensus.divisive.length).toBeGreaterThanOrEqual(4);

    const groupsWithParticipants = await prisma.participant.groupBy({ by: ["stakeholderGroupId"], where: { workshopId } });
    expect(groupsWithParticipants.length).toBeGreaterThanOrEqual(4);
    expect(await prisma.response.count({ where: { activity: { workshopId } } })).toBeGreaterThan(100);
    const nominations = await prisma.nomination.findMany({ where: { activity: { workshopId } }, select: { consentGiven: true } });
    expect(nominations.length).toBeGreaterThanOrEqual(1);
    expect(nominations.every((n) => n.consentGiven)).toBe(true);
  });
});
