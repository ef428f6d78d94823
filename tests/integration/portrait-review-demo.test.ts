import { describe, expect, it } from "vitest";
import { createDistrict } from "~/models/district.server";
import { seedDemoDistrict } from "~/models/demo.server";
import { seedDemoPortraitReview } from "~/portrait/demo-review.server";
import { evidenceSummary } from "~/portrait/evidence.server";
import { readPortraitContent } from "~/portrait/portrait.server";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";

useTestDatabase();

describe("demo evidence", () => {
  it("cites community ideas and a theme for every demo competency but one, which the evidence page flags", async () => {
    expect(await seedDemoDistrict()).toBe(true);
    const district = await prisma.district.findFirstOrThrow({ select: { id: true } });
    const portrait = await readPortraitContent(district.id);
    const summary = await evidenceSummary(district.id);
    const byTitle = Object.fromEntries(portrait.competencies.map((competency) => [competency.title, summary[competency.id]]));
    expect(Object.entries(byTitle).filter(([, entry]) => !entry?.hasEvidence).map(([title]) => title)).toEqual(["Self-directed learner"]);
    expect(byTitle.Collaborator).toMatchObject({ count: 3, ideaCount: 3 });
    // The citizenship theme brings the voices of several groups.
    expect(byTitle["Engaged citizen"]?.ideaCount).toBeGreaterThan(3);
    expect(byTitle["Engaged citizen"]?.byGroup.length).toBeGreaterThan(2);
    const links = await prisma.evidenceLink.findMany({ where: { districtId: district.id }, select: { idea: { select: { hiddenAt: true, mergedIntoId: true } } } });
    expect(links.every((link) => link.idea === null || (link.idea.hiddenAt === null && link.idea.mergedIntoId === null))).toBe(true);
  });

  it("does nothing for a district without a Portrait", async () => {
    const { districtId } = await createDistrict({ districtName: "Empty District", languages: ["en"], leaderName: "L", leaderEmail: "l@empty.example", password: "a-long-enough-password" });
    await seedDemoPortraitReview(districtId);
    expect(await prisma.evidenceLink.count({ where: { districtId } })).toBe(0);
  });
});
