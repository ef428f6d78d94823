import { beforeAll, describe, expect, it } from "vitest";
import MyIdeasPage, { loader } from "~/routes/my-ideas";
import { action as evidenceAction } from "~/routes/_app.portrait.evidence";
import { action as reviewAction } from "~/routes/_app.portrait.review";
import { prisma } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { ensureDeviceToken } from "~/workshops/participant.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";
import { loaded, renderPage, reviewDistrict, samplePortrait, writeDraft, type ReviewDistrict } from "./portrait-review-fixtures";

useTestDatabase();

let a: ReviewDistrict;
let b: ReviewDistrict;

beforeAll(async () => {
  a = await reviewDistrict("Lakeside Unified", "lakeside");
  b = await reviewDistrict("Hilltop Schools", "hilltop");
  const link = (cookie: string, fields: Record<string, string>) => responseOf(() => evidenceAction(actionArgs(formRequest("/portrait/evidence", { intent: "link", ...fields }, { cookie }))));
  // The family's "money" idea is cited directly by c2 and, through its theme, by c1; "phones" by nothing.
  expect((await link(a.leader, { competencyId: "c2", ideaId: a.ideas.money })).status).toBe(200);
  expect((await link(a.leader, { competencyId: "c1", themeId: a.themeId })).status).toBe(200);
  expect((await link(b.leader, { competencyId: "c1", ideaId: b.ideas.money })).status).toBe(200);
});

const myIdeas = (cookie?: string) => loaded(() => loader(loaderArgs(getRequest("/my-ideas", cookie))));

describe("Where did my ideas go?", () => {
  it("lists only this phone's ideas with the competencies citing them, directly or through a theme", async () => {
    const page = await myIdeas(a.devices.families);
    expect(page.recognised).toBe(true);
    expect(page.districts).toHaveLength(1);
    const [district] = page.districts;
    expect(district).toMatchObject({ name: "Lakeside Unified", published: false, publicPath: null });
    const ideas = district?.workshops.flatMap((workshop) => workshop.ideas) ?? [];
    expect(ideas.map((idea) => idea.id).sort()).toEqual([a.ideas.money, a.ideas.phones].sort());
    expect(ideas.find((idea) => idea.id === a.ideas.money)?.citations).toEqual([
      { competencyId: "c1", title: "Collaborator", via: "theme" },
      { competencyId: "c2", title: "Critical thinker", via: "idea" },
    ]);
    expect(ideas.find((idea) => idea.id === a.ideas.phones)?.citations).toEqual([]);
    // Nothing of anybody else: not the student's ideas on the same theme, not the other district.
    const json = JSON.stringify(page);
    expect(json).not.toContain(a.ideas.internships);
    expect(json).not.toContain("Real internships");
    expect(json).not.toContain(b.ideas.money);
  });

  it("another phone sees its own ideas, a hidden one without citations", async () => {
    const page = await myIdeas(a.devices.students);
    const ideas = page.districts[0]?.workshops.flatMap((workshop) => workshop.ideas) ?? [];
    expect(ideas.map((idea) => [idea.text, idea.hidden, idea.citations.map((c) => c.competencyId)])).toEqual([
      ["Real internships with local businesses", false, ["c1"]],
      ["Something a facilitator hid", true, []],
    ]);
    expect(JSON.stringify(page)).not.toContain("Manage money");
  });

  it("a phone that joined but shared nothing, and a phone never seen, get a friendly explanation", async () => {
    const { deviceToken, setCookie } = await ensureDeviceToken(new Request("http://localhost/"));
    await prisma.participant.create({ data: { workshopId: a.workshopId, deviceTokenHash: hashToken(deviceToken), stakeholderGroupId: a.groups.teachers, language: "en" } });
    expect(await myIdeas(setCookie?.split(";")[0])).toEqual({ recognised: true, districts: [] });
    expect(await myIdeas()).toEqual({ recognised: false, districts: [] });
    expect(await myIdeas("gw_device=not-a-token")).toEqual({ recognised: false, districts: [] });
    expect(await myIdeas("gw_device=InRvby1zaG9ydCI%3D")).toEqual({ recognised: false, districts: [] });
    const response = await responseOf(() => loader(loaderArgs(getRequest("/my-ideas", a.devices.families))));
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await renderPage(MyIdeasPage, await myIdeas(), "/my-ideas", "es");
    expect(html).toContain("No encontramos ningún taller");
  });

  it("uses the published version's titles once there is one, not the draft's", async () => {
    expect((await responseOf(() => reviewAction(actionArgs(formRequest("/portrait/review", { intent: "publish", versionName: "Review", confirm: "on" }, { cookie: a.leader }))))).status).toBe(200);
    await writeDraft(a.districtId, samplePortrait(["Renamed in the draft", "Critical thinker", "Well-being"]));
    const page = await myIdeas(a.devices.families);
    expect(page.districts[0]).toMatchObject({ published: true, publicPath: `/p/${a.slug}` });
    const money = page.districts[0]?.workshops[0]?.ideas.find((idea) => idea.id === a.ideas.money);
    expect(money?.citations.map((c) => c.title)).toEqual(["Collaborator", "Critical thinker"]);
    expect(JSON.stringify(page)).not.toContain("Renamed in the draft");
    const html = await renderPage(MyIdeasPage, page, "/my-ideas");
    expect(html).toContain("Manage money: budgeting, credit and taxes");
    expect(html).toContain("Collaborator");
    expect(html).not.toContain("Real internships");
  });

  it("shows the ideas of every district this phone took part in", async () => {
    const family = await prisma.participant.findFirstOrThrow({ where: { workshopId: a.workshopId, ideas: { some: { id: a.ideas.money } } }, select: { deviceTokenHash: true } });
    const workshop = await prisma.workshop.create({ data: { districtId: b.districtId, title: "Hilltop forum", languages: ["en"], joinCode: "HLT234", status: "ended" }, select: { id: true } });
    const activity = await prisma.activity.create({ data: { workshopId: workshop.id, position: 0, type: "brainstorm", config: {} }, select: { id: true } });
    const participant = await prisma.participant.create({
      data: { workshopId: workshop.id, deviceTokenHash: family.deviceTokenHash, stakeholderGroupId: b.groups.families, language: "en" },
      select: { id: true },
    });
    await prisma.idea.create({ data: { workshopId: workshop.id, activityId: activity.id, participantId: participant.id, clientId: "x1", text: "Hilltop idea", language: "en" } });
    const page = await myIdeas(a.devices.families);
    expect(page.districts.map((district) => district.name)).toEqual(["Hilltop Schools", "Lakeside Unified"]);
    expect(page.districts[0]?.workshops[0]?.ideas.map((idea) => idea.text)).toEqual(["Hilltop idea"]);
  });
});
