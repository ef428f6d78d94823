import { beforeAll, describe, expect, it } from "vitest";
import { evidenceSummary } from "~/portrait/evidence.server";
import { action, loader } from "~/routes/_app.portrait.evidence";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";
import { loaded, reviewDistrict, type ReviewDistrict } from "./portrait-review-fixtures";

useTestDatabase();

let a: ReviewDistrict;
let b: ReviewDistrict;

beforeAll(async () => {
  a = await reviewDistrict("Lakeside Unified", "lakeside");
  b = await reviewDistrict("Hilltop Schools", "hilltop");
});

const load = (cookie: string, query = "") => loaded(() => loader(loaderArgs(getRequest(`/portrait/evidence${query}`, cookie))));
const post = (cookie: string, fields: Record<string, string>) => responseOf(() => action(actionArgs(formRequest("/portrait/evidence", fields, { cookie }))));
const linksOf = (districtId: string) => prisma.evidenceLink.findMany({ where: { districtId }, select: { competencyId: true, ideaId: true, themeId: true, note: true }, orderBy: { createdAt: "asc" } });

describe("evidence search", () => {
  it("finds the district's visible ideas, best rated first, and its themes", async () => {
    const page = await load(a.schoolMember);
    expect(page.canEdit).toBe(false);
    expect(page.ideas?.ideas.map((idea) => idea.id)).toEqual([a.ideas.money, a.ideas.internships, a.ideas.phones]);
    expect(page.ideas?.ideas[0]).toMatchObject({ meanRating: 5, ratingCount: 2, groupId: a.groups.families, theme: { id: a.themeId } });
    expect(page.themes?.themes).toEqual([
      expect.objectContaining({ id: a.themeId, ideaCount: 2, groupIds: [a.groups.families, a.groups.students].sort(), ratingCount: 4, meanRating: 17 / 4 }),
    ]);
    expect(page.problems).toEqual({});
  });

  it("filters by text, workshop, stakeholder group, minimum rating and kind", async () => {
    expect((await load(a.leader, "?q=MONEY")).ideas?.ideas.map((idea) => idea.id)).toEqual([a.ideas.money]);
    expect((await load(a.leader, `?group=${a.groups.students}`)).ideas?.ideas.map((idea) => idea.id)).toEqual([a.ideas.internships]);
    expect((await load(a.leader, `?group=${a.groups.teachers}`)).themes?.themes).toEqual([]);
    expect((await load(a.leader, "?minRating=3.5")).ideas?.ideas.map((idea) => idea.id)).toEqual([a.ideas.money, a.ideas.internships]);
    expect((await load(a.leader, "?minRating=4.5")).themes?.themes).toEqual([]);
    const workshop = await load(a.leader, `?workshop=${a.workshopId}&kind=themes`);
    expect(workshop.ideas).toBeNull();
    expect(workshop.themes?.total).toBe(1);
    expect((await load(a.leader, "?kind=ideas")).themes).toBeNull();
  });

  it("names each bad filter, leaves it out and never shows another district's ideas", async () => {
    const bad = await load(a.leader, `?minRating=6&workshop=${b.workshopId}&group=${b.groups.families}&kind=people&competency=nope&q=money`);
    expect(bad.problems).toEqual({ minRating: "minRatingInvalid", workshop: "unknownWorkshop", group: "unknownGroup", kind: "kindInvalid", competency: "unknownCompetency" });
    expect(bad.filters).toEqual({ q: "money", kind: "all" });
    expect(bad.ideas?.ideas.map((idea) => idea.id)).toEqual([a.ideas.money]);
    const malformed = await load(a.leader, "?minRating=abc&workshop=..%2F..&group=x");
    expect(Object.keys(malformed.problems).sort()).toEqual(["group", "minRating", "workshop"]);
    const ids = (await load(a.leader)).ideas?.ideas.map((idea) => idea.id) ?? [];
    expect(ids).not.toContain(b.ideas.money);
    expect(ids).not.toContain(a.ideas.hidden);
  });

  it("preselects the competency named in the address", async () => {
    expect((await load(a.leader)).target).toBe("c1");
    expect((await load(a.leader, "?competency=c2")).target).toBe("c2");
  });

  it("sends a signed-out visitor to sign in", async () => {
    const response = await responseOf(() => loader(loaderArgs(getRequest("/portrait/evidence"))));
    expect(response.status).toBe(302);
  });
});

describe("linking evidence", () => {
  it("links an idea and a theme; linking again keeps one link", async () => {
    const first = await post(a.leader, { intent: "link", competencyId: "c1", ideaId: a.ideas.phones, note: "  Families asked for focus  " });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, message: "linked", competencyId: "c1" });
    const theme = await post(a.facilitator, { intent: "link", competencyId: "c1", themeId: a.themeId });
    expect(theme.status).toBe(200);
    const again = await post(a.facilitator, { intent: "link", competencyId: "c1", ideaId: a.ideas.phones });
    expect(await again.json()).toMatchObject({ ok: true, message: "alreadyLinked" });
    expect(await linksOf(a.districtId)).toEqual([
      { competencyId: "c1", ideaId: a.ideas.phones, themeId: null, note: "Families asked for focus" },
      { competencyId: "c1", ideaId: null, themeId: a.themeId, note: "" },
    ]);
  });

  it("shows each competency's evidence by stakeholder group (a theme counts its ideas' groups) and flags those without", async () => {
    const page = await load(a.schoolMember);
    const c1 = page.evidence.c1;
    expect(c1?.count).toBe(2);
    expect(c1?.ideaCount).toBe(3);
    expect(c1?.byGroup).toEqual([
      { groupId: a.groups.families, count: 2, share: 2 / 3 },
      { groupId: a.groups.students, count: 1, share: 1 / 3 },
    ]);
    expect(c1?.hasEvidence).toBe(true);
    expect(c1?.items.map((item) => item.kind)).toEqual(["idea", "theme"]);
    expect(page.evidence.c2).toMatchObject({ count: 0, ideaCount: 0, hasEvidence: false, items: [] });
    expect(page.linked.ideas[a.ideas.phones]).toBeDefined();
    expect(page.linked.themes[a.themeId]).toBeDefined();
  });

  it("gives the editor page a summary per competency", async () => {
    const summary = await evidenceSummary(a.districtId);
    expect(Object.keys(summary).sort()).toEqual(["c1", "c2", "c3"]);
    expect(summary.c1).toMatchObject({ count: 2, ideaCount: 3, hasEvidence: true });
    expect(summary.c3).toEqual({ count: 0, ideaCount: 0, byGroup: [], hasEvidence: false });
    expect(await evidenceSummary(b.districtId)).toMatchObject({ c1: { count: 0 } });
  });

  it("refuses every bad link and stores nothing", async () => {
    const before = await linksOf(a.districtId);
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "link", competencyId: "c9", ideaId: a.ideas.money }, 404, "unknownCompetency"],
      [{ intent: "link", competencyId: "<script>", ideaId: a.ideas.money }, 404, "unknownCompetency"],
      [{ intent: "link", competencyId: "c2", ideaId: b.ideas.money }, 404, "notFound"],
      [{ intent: "link", competencyId: "c2", themeId: b.themeId }, 404, "notFound"],
      [{ intent: "link", competencyId: "c2", ideaId: a.ideas.hidden }, 404, "notFound"],
      [{ intent: "link", competencyId: "c2", ideaId: "cm0000000000000000000000" }, 404, "notFound"],
      [{ intent: "link", competencyId: "c2", ideaId: "1 OR 1=1" }, 404, "notFound"],
      [{ intent: "link", competencyId: "c2" }, 400, "sourceRequired"],
      [{ intent: "link", competencyId: "c2", ideaId: a.ideas.money, themeId: a.themeId }, 400, "sourceRequired"],
      [{ intent: "link", competencyId: "c2", ideaId: a.ideas.money, note: "x".repeat(501) }, 400, "noteTooLong"],
      [{ intent: "delete", competencyId: "c2", ideaId: a.ideas.money }, 400, "unknownIntent"],
    ];
    for (const [fields, status, error] of cases) {
      const response = await post(a.leader, fields);
      expect(response.status, JSON.stringify(fields)).toBe(status);
      expect(await response.json()).toEqual({ ok: false, error });
    }
    expect(await linksOf(a.districtId)).toEqual(before);
  });

  it("lets a school team member read but not link or unlink", async () => {
    const link = await prisma.evidenceLink.findFirstOrThrow({ where: { districtId: a.districtId }, select: { id: true } });
    expect((await post(a.schoolMember, { intent: "link", competencyId: "c2", ideaId: a.ideas.money })).status).toBe(403);
    expect((await post(a.schoolMember, { intent: "unlink", linkId: link.id })).status).toBe(403);
    expect(await prisma.evidenceLink.count({ where: { districtId: a.districtId } })).toBe(2);
  });

  it("answers another district's link, or a made-up one, as not found when unlinking", async () => {
    await post(b.leader, { intent: "link", competencyId: "c1", ideaId: b.ideas.money });
    const theirs = await prisma.evidenceLink.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } });
    for (const linkId of [theirs.id, "cm0000000000000000000000", "../x"]) {
      expect((await post(a.leader, { intent: "unlink", linkId })).status).toBe(404);
    }
    expect(await prisma.evidenceLink.count({ where: { districtId: b.districtId } })).toBe(1);
    // Neither district sees the other's evidence.
    expect((await load(b.leader)).evidence.c1?.items.map((item) => item.sourceId)).toEqual([b.ideas.money]);
  });

  it("unlinks", async () => {
    const link = await prisma.evidenceLink.findFirstOrThrow({ where: { districtId: a.districtId, themeId: a.themeId }, select: { id: true } });
    const response = await post(a.facilitator, { intent: "unlink", linkId: link.id });
    expect(response.status).toBe(200);
    expect(await linksOf(a.districtId)).toEqual([{ competencyId: "c1", ideaId: a.ideas.phones, themeId: null, note: "Families asked for focus" }]);
    expect((await load(a.leader)).evidence.c1).toMatchObject({ count: 1, ideaCount: 1 });
  });

  it("keeps a link to one idea or one theme, never both, in the database too", async () => {
    await expect(
      prisma.evidenceLink.create({ data: { districtId: a.districtId, competencyId: "c3", ideaId: a.ideas.money, themeId: a.themeId } }),
    ).rejects.toThrow();
    await expect(prisma.evidenceLink.create({ data: { districtId: a.districtId, competencyId: "c3" } })).rejects.toThrow();
  });
});
