import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_FRAMEWORKS } from "~/readiness/builtin-frameworks";
import { action as frameworkAction, loader as frameworkLoader } from "~/routes/_app.readiness.frameworks.$frameworkId";
import { action as listAction, loader as listLoader } from "~/routes/_app.readiness.frameworks._index";
import { action as newCycleAction } from "~/routes/_app.readiness.cycles.new";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithTeams, dueSoon, json, load, post, type District } from "./readiness-support";

useTestDatabase();

let a: District;
let b: District;

beforeAll(async () => {
  a = await districtWithTeams("Lakeside Unified", "lakeside");
  b = await districtWithTeams("Hilltop Schools", "hilltop");
});

type ListBody = { canEdit: boolean; frameworks: { id: string; name: string; builtIn: boolean; isDefault: boolean; indicatorCount: number; latestVersion: number }[] };
type ViewBody = {
  canEdit: boolean;
  framework: {
    id: string;
    name: string;
    builtIn: boolean;
    latestVersion: number;
    version: { id: string; number: number; dimensions: { id: string; key: string; name: string; indicators: { id: string; key: string; title: string; statement: string; retiredAt: string | null }[] }[] };
    versions: { number: number; cycles: { name: string }[] }[];
  };
};

const builtIn = async (name: string) => (await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie))).frameworks.find((f) => f.name === name)!;

async function view(frameworkId: string, cookie = a.leader.cookie, query = "") {
  return load(frameworkLoader, `/readiness/frameworks/${frameworkId}${query}`, cookie, { frameworkId });
}

function edit(frameworkId: string, fields: Record<string, string>, cookie = a.leader.cookie) {
  return post(frameworkAction, `/readiness/frameworks/${frameworkId}`, cookie, fields, { frameworkId });
}

const indicatorFields = {
  title: "Belonging",
  statement: "Every learner feels they belong.",
  notYet: "Few learners feel they belong.",
  emerging: "Some learners feel they belong.",
  developing: "Most learners feel they belong.",
  established: "Every learner feels they belong.",
};

async function treeOf(frameworkId: string) {
  return prisma.frameworkVersion.findMany({
    where: { frameworkId },
    orderBy: { number: "asc" },
    select: {
      number: true,
      indicators: { orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }], select: { key: true, title: true, statement: true, position: true, retiredAt: true } },
    },
  });
}

describe("readiness frameworks", () => {
  it("offers the three built-in frameworks, the default first, to leaders and facilitators", async () => {
    const body = await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie));
    expect(body.canEdit).toBe(true);
    expect(body.frameworks.map((f) => f.name)).toEqual(BUILT_IN_FRAMEWORKS.map((f) => f.name));
    expect(body.frameworks[0]).toMatchObject({ builtIn: true, isDefault: true, indicatorCount: 14, latestVersion: 1 });
    const facilitator = await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.facilitator.cookie));
    expect(facilitator.canEdit).toBe(false);
    expect(facilitator.frameworks).toHaveLength(3);
    expect((await load(listLoader, "/readiness/frameworks", a.member.cookie)).status).toBe(403);
  });

  it("installs the built-in frameworks once, however many districts ask", async () => {
    await load(listLoader, "/readiness/frameworks", b.leader.cookie);
    expect(await prisma.framework.count({ where: { districtId: null } })).toBe(3);
    expect(await prisma.frameworkVersion.count({ where: { framework: { districtId: null } } })).toBe(3);
  });

  it("shows a framework with its dimensions, indicators and four descriptors", async () => {
    const plr = await builtIn("Personalized Learning readiness");
    const body = await json<ViewBody>(await view(plr.id));
    expect(body.canEdit).toBe(false);
    expect(body.framework.builtIn).toBe(true);
    expect(body.framework.version.dimensions.map((d) => d.name)).toEqual([
      "Foundational Practices",
      "Learner Paths",
      "Evolving Learning and Teacher Roles",
      "Strategic Resource Use",
      "Developing & Demonstrating Competencies",
    ]);
    expect(body.framework.version.dimensions[0]!.indicators[0]).toMatchObject({
      title: "Relationships",
      statement: "All members contribute positively to the school community and work to build trusting, meaningful and authentic relationships.",
    });
  });

  it("refuses to edit a built-in framework, changing nothing", async () => {
    const plr = await builtIn("Personalized Learning readiness");
    const before = await treeOf(plr.id);
    const indicatorId = (await json<ViewBody>(await view(plr.id))).framework.version.dimensions[0]!.indicators[0]!.id;
    expect((await edit(plr.id, { intent: "indicator", indicatorId, ...indicatorFields })).status).toBe(403);
    expect((await edit(plr.id, { intent: "retire", indicatorId })).status).toBe(403);
    expect(await treeOf(plr.id)).toEqual(before);
  });

  it("copies a framework into the district with the same indicators and keys", async () => {
    const source = await builtIn("Four attributes of personalized learning");
    const response = await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: source.id, name: "Lakeside attributes" });
    expect(response.status).toBe(302);
    const copyId = response.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
    const copy = await prisma.framework.findUniqueOrThrow({ where: { id: copyId }, select: { districtId: true, name: true } });
    expect(copy).toEqual({ districtId: a.districtId, name: "Lakeside attributes" });
    const [original] = await treeOf(source.id);
    const [copied] = await treeOf(copyId);
    expect(copied!.indicators.map((i) => i.key)).toEqual(original!.indicators.map((i) => i.key));
    expect(await prisma.auditEvent.count({ where: { districtId: a.districtId, action: "readiness.framework.copied", subjectId: copyId } })).toBe(1);
  });

  it("refuses a copy under a name already used, by a facilitator, or of another district's framework", async () => {
    const source = await builtIn("Ecosystem characteristics");
    const count = await prisma.framework.count();
    const taken = await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: source.id, name: "lakeside ATTRIBUTES" });
    expect(taken.status).toBe(400);
    expect(await json(taken)).toEqual({ errors: { name: "frameworkNameTaken" } });
    const builtInName = await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: source.id, name: "Ecosystem characteristics" });
    expect(await json(builtInName)).toEqual({ errors: { name: "frameworkNameTaken" } });
    expect((await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: source.id, name: " " })).status).toBe(400);
    expect((await post(listAction, "/readiness/frameworks", a.facilitator.cookie, { intent: "copy", frameworkId: source.id, name: "Mine" })).status).toBe(403);
    const theirs = await post(listAction, "/readiness/frameworks", b.leader.cookie, { intent: "copy", frameworkId: source.id, name: "Hilltop ecosystem" });
    const theirId = theirs.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
    expect((await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: theirId, name: "Stolen" })).status).toBe(404);
    expect((await view(theirId)).status).toBe(404);
    expect((await edit(theirId, { intent: "retire", indicatorId: "x" })).status).toBe(404);
    expect(await prisma.framework.count()).toBe(count + 1);
  });

  it("adds, rewords, reorders, retires and restores indicators of a copy in place while no cycle uses it", async () => {
    const copy = (await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie))).frameworks.find((f) => f.name === "Lakeside attributes")!;
    let body = await json<ViewBody>(await view(copy.id));
    expect(body.canEdit).toBe(true);
    const dimension = body.framework.version.dimensions[0]!;
    const [first, second] = dimension.indicators;

    const added = await edit(copy.id, { intent: "addIndicator", dimensionId: dimension.id, ...indicatorFields });
    expect(await json(added)).toMatchObject({ ok: true, versionNumber: 1, newVersion: false });
    expect(await json(await edit(copy.id, { intent: "indicator", indicatorId: first!.id, ...indicatorFields, title: "Strengths and needs, reworded" }))).toMatchObject({ ok: true });
    expect((await edit(copy.id, { intent: "move", indicatorId: second!.id, direction: "up", key: second!.key })).status).toBe(200);
    expect((await edit(copy.id, { intent: "retire", indicatorId: second!.id })).status).toBe(200);

    body = await json<ViewBody>(await view(copy.id));
    const titles = body.framework.version.dimensions[0]!.indicators.map((i) => [i.title, i.retiredAt !== null]);
    expect(titles).toEqual([
      ["Motivations", true],
      ["Strengths and needs, reworded", false],
      ["Goals", false],
      ["Information & Feedback", false],
      ["Belonging", false],
    ]);
    expect((await edit(copy.id, { intent: "restore", indicatorId: second!.id })).status).toBe(200);
    expect(await prisma.frameworkVersion.count({ where: { frameworkId: copy.id } })).toBe(1);
  });

  it("refuses bad edits with a clear message and changes nothing", async () => {
    const copy = (await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie))).frameworks.find((f) => f.name === "Lakeside attributes")!;
    const body = await json<ViewBody>(await view(copy.id));
    const top = body.framework.version.dimensions[0]!.indicators[0]!;
    const before = await treeOf(copy.id);
    expect(await json(await edit(copy.id, { intent: "indicator", indicatorId: top.id, ...indicatorFields, statement: "", developing: "" }))).toMatchObject({
      ok: false,
      errors: { statement: "required", developing: "required" },
    });
    expect(await json(await edit(copy.id, { intent: "move", indicatorId: top.id, direction: "up" }))).toMatchObject({ ok: false, errors: { form: "alreadyFirst" } });
    expect(await json(await edit(copy.id, { intent: "move", indicatorId: top.id, direction: "sideways" }))).toMatchObject({ ok: false, errors: { direction: "invalid" } });
    expect((await edit(copy.id, { intent: "indicator", indicatorId: "not-an-indicator", ...indicatorFields })).status).toBe(404);
    expect((await edit(copy.id, { intent: "explode" })).status).toBe(400);
    expect(await treeOf(copy.id)).toEqual(before);
  });

  it("keeps the version a cycle was opened with: the next edit creates a new version", async () => {
    const copy = (await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie))).frameworks.find((f) => f.name === "Lakeside attributes")!;
    const opened = await post(newCycleAction, "/readiness/cycles/new", a.leader.cookie, {
      name: "Winter pilot",
      frameworkId: copy.id,
      schoolIds: [a.schoolId],
      dueDate: dueSoon(),
    });
    expect(opened.status).toBe(302);
    const cycle = await prisma.assessmentCycle.findFirstOrThrow({ where: { districtId: a.districtId, name: "Winter pilot" }, select: { frameworkVersion: { select: { number: true } } } });
    expect(cycle.frameworkVersion.number).toBe(1);
    const versionOne = await treeOf(copy.id);

    const body = await json<ViewBody>(await view(copy.id));
    const goals = body.framework.version.dimensions[0]!.indicators.find((i) => i.title === "Goals")!;
    const reworded = await edit(copy.id, { intent: "indicator", indicatorId: goals.id, ...indicatorFields, title: "Goals, reworded" });
    expect(await json(reworded)).toMatchObject({ ok: true, versionNumber: 2, newVersion: true });
    // A second edit goes to version 2, which no cycle uses yet.
    expect(await json(await edit(copy.id, { intent: "retire", indicatorId: (await json<ViewBody>(await view(copy.id))).framework.version.dimensions[1]!.indicators[0]!.id }))).toMatchObject({
      ok: true,
      versionNumber: 2,
      newVersion: false,
    });

    const versions = await treeOf(copy.id);
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[0]).toEqual(versionOne[0]);
    expect(versions[1]!.indicators.map((i) => i.key)).toEqual(versionOne[0]!.indicators.map((i) => i.key));
    expect(versions[1]!.indicators.find((i) => i.title === "Goals, reworded")).toBeDefined();

    // An edit posted from a page showing version 1 names ids that are no longer the newest: refused.
    expect((await edit(copy.id, { intent: "retire", indicatorId: goals.id })).status).toBe(404);

    const history = await json<ViewBody>(await view(copy.id, a.leader.cookie, "?version=1"));
    expect(history.canEdit).toBe(false);
    expect(history.framework.versions.find((v) => v.number === 1)!.cycles.map((c) => c.name)).toEqual(["Winter pilot"]);
    expect((await view(copy.id, a.leader.cookie, "?version=9")).status).toBe(404);
    expect((await view(copy.id, a.leader.cookie, "?version=abc")).status).toBe(404);
  });

  it("does not tell a district which other districts' cycles use a built-in framework", async () => {
    const plr = await builtIn("Personalized Learning readiness");
    await post(newCycleAction, "/readiness/cycles/new", b.leader.cookie, { name: "Hilltop fall", frameworkId: plr.id, schoolIds: [b.schoolId], dueDate: dueSoon() });
    const body = await json<ViewBody>(await view(plr.id));
    expect(body.framework.versions[0]!.cycles).toEqual([]);
  });

  it("refuses to retire the last indicator a framework has", async () => {
    const response = await post(listAction, "/readiness/frameworks", a.leader.cookie, { intent: "copy", frameworkId: (await builtIn("Ecosystem characteristics")).id, name: "Tiny" });
    const id = response.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
    let body = await json<ViewBody>(await view(id));
    const all = body.framework.version.dimensions.flatMap((d) => d.indicators);
    for (const indicator of all.slice(1)) expect((await edit(id, { intent: "retire", indicatorId: indicator.id })).status).toBe(200);
    expect(await json(await edit(id, { intent: "retire", indicatorId: all[0]!.id }))).toMatchObject({ ok: false, errors: { form: "lastIndicator" } });
    body = await json<ViewBody>(await view(id));
    expect(body.framework.version.dimensions.flatMap((d) => d.indicators).filter((i) => i.retiredAt === null)).toHaveLength(1);
  });

  it("renames a copy and adds a dimension", async () => {
    const copy = (await json<ListBody>(await load(listLoader, "/readiness/frameworks", a.leader.cookie))).frameworks.find((f) => f.name === "Tiny")!;
    expect(await json(await edit(copy.id, { intent: "details", name: "Tiny ecosystem", description: "For a pilot." }))).toMatchObject({ ok: true });
    expect(await json(await edit(copy.id, { intent: "details", name: "Lakeside attributes" }))).toMatchObject({ ok: false, errors: { name: "frameworkNameTaken" } });
    expect(await json(await edit(copy.id, { intent: "addDimension", name: "Family partnership", description: "" }))).toMatchObject({ ok: true });
    const body = await json<ViewBody>(await view(copy.id));
    expect(body.framework.name).toBe("Tiny ecosystem");
    expect(body.framework.version.dimensions.at(-1)!.name).toBe("Family partnership");
  });
});
