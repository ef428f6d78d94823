import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { action as actionsAction, loader as actionsLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.actions";
import { action as autosaveAction } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.autosave";
import { action as consensusAction, loader as consensusLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.consensus";
import { loader as progressLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId._index";
import { loader as profileLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.profile";
import { action as rateAction, loader as rateLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.rate";
import { loader as csvLoader } from "~/routes/_app.readiness.cycles.$cycleId.export[.]csv";
import { action as cycleAction, loader as cycleLoader } from "~/routes/_app.readiness.cycles.$cycleId._index";
import { action as newCycleAction, loader as newCycleLoader } from "~/routes/_app.readiness.cycles.new";
import { loader as cyclesLoader } from "~/routes/_app.readiness._index";
import { loader as frameworksLoader } from "~/routes/_app.readiness.frameworks._index";
import { action as teamsAction, loader as teamsLoader } from "~/routes/_app.readiness.teams";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { TEST_CONTEXT } from "../support/requests";
import { districtWithTeams, dueSoon, json, load, post, type District, type Person } from "./readiness-support";

useTestDatabase();

let a: District;
let b: District;
let plrId: string;
let ecosystemId: string;

type Frameworks = { frameworks: { id: string; name: string }[] };

beforeAll(async () => {
  a = await districtWithTeams("Lakeside Unified", "lakeside");
  b = await districtWithTeams("Hilltop Schools", "hilltop");
  const { frameworks } = await json<Frameworks>(await load(frameworksLoader, "/readiness/frameworks", a.leader.cookie));
  plrId = frameworks.find((f) => f.name === "Personalized Learning readiness")!.id;
  ecosystemId = frameworks.find((f) => f.name === "Ecosystem characteristics")!.id;
});

async function openCycle(district: District, name: string, frameworkId = plrId, schoolIds = [district.schoolId, district.otherSchoolId]) {
  const response = await post(newCycleAction, "/readiness/cycles/new", district.leader.cookie, { name, frameworkId, schoolIds, dueDate: dueSoon() });
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/")[3]!.split("?")[0]!;
}

async function indicatorsOf(cycleId: string): Promise<string[]> {
  const cycle = await prisma.assessmentCycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { frameworkVersion: { select: { indicators: { where: { retiredAt: null }, select: { id: true }, orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }] } } } },
  });
  return cycle.frameworkVersion.indicators.map((indicator) => indicator.id);
}

const teamPath = (cycleId: string, schoolId: string, section = "") => `/readiness/cycles/${cycleId}/schools/${schoolId}${section ? `/${section}` : ""}`;

function rate(person: Person, cycleId: string, schoolId: string, fields: Record<string, string>) {
  return post(rateAction, teamPath(cycleId, schoolId, "rate"), person.cookie, fields, { cycleId, schoolId });
}

function autosave(person: Person, cycleId: string, schoolId: string, fields: Record<string, string>) {
  return post(autosaveAction, teamPath(cycleId, schoolId, "autosave"), person.cookie, fields, { cycleId, schoolId });
}

/** Every indicator rated at the given levels (cycling through them). */
function allRated(indicators: string[], levels: number[]): Record<string, string> {
  return Object.fromEntries(indicators.map((id, index) => [`level-${id}`, String(levels[index % levels.length])]));
}

async function ratingsOf(userId: string, cycleId: string) {
  return prisma.indicatorRating.findMany({
    where: { response: { userId, schoolAssessment: { cycleId } } },
    select: { indicatorId: true, level: true, note: true, links: true },
    orderBy: { indicatorId: "asc" },
  });
}

describe("opening and closing a cycle", () => {
  it("opens a cycle on the framework's newest version for the chosen schools", async () => {
    const cycleId = await openCycle(a, "Fall 2026");
    const cycle = await prisma.assessmentCycle.findUniqueOrThrow({
      where: { id: cycleId },
      select: { status: true, districtId: true, schoolAssessments: { select: { schoolId: true } }, frameworkVersion: { select: { number: true, frameworkId: true } } },
    });
    expect(cycle).toMatchObject({ status: "open", districtId: a.districtId, frameworkVersion: { number: 1, frameworkId: plrId } });
    expect(cycle.schoolAssessments.map((s) => s.schoolId).sort()).toEqual([a.schoolId, a.otherSchoolId].sort());
  });

  it("refuses bad cycles with a clear message and opens nothing", async () => {
    const count = await prisma.assessmentCycle.count();
    const attempt = (fields: Record<string, string | string[]>) => post(newCycleAction, "/readiness/cycles/new", a.leader.cookie, fields);
    const valid = { name: "Another", frameworkId: plrId, schoolIds: [a.schoolId], dueDate: dueSoon() };
    expect(await json(await attempt({ ...valid, schoolIds: [] }))).toEqual({ errors: { schoolIds: "schoolsRequired" } });
    expect(await json(await attempt({ ...valid, dueDate: "2020-01-01" }))).toEqual({ errors: { dueDate: "dueInPast" } });
    expect(await json(await attempt({ ...valid, dueDate: "2026-02-31" }))).toEqual({ errors: { dueDate: "invalidDate" } });
    expect(await json(await attempt({ ...valid, name: "fall 2026" }))).toEqual({ errors: { name: "cycleNameTaken" } });
    expect(await json(await attempt({ ...valid, frameworkId: "no-such-framework" }))).toEqual({ errors: { frameworkId: "unknownFramework" } });
    expect(await json(await attempt({ ...valid, schoolIds: [a.schoolId, b.schoolId] }))).toEqual({ errors: { schoolIds: "unknownSchool" } });
    expect((await post(newCycleAction, "/readiness/cycles/new", a.facilitator.cookie, valid)).status).toBe(403);
    expect((await post(newCycleAction, "/readiness/cycles/new", a.member.cookie, valid)).status).toBe(403);
    expect((await load(newCycleLoader, "/readiness/cycles/new", a.member.cookie)).status).toBe(403);
    expect(await prisma.assessmentCycle.count()).toBe(count);
  });

  it("lists every cycle to staff and only their school's to a school member", async () => {
    const staff = await json<{ cycles: { name: string; schools: { schoolId: string }[] }[] }>(await load(cyclesLoader, "/readiness", a.facilitator.cookie));
    expect(staff.cycles.map((c) => c.name)).toEqual(["Fall 2026"]);
    expect(staff.cycles[0]!.schools).toHaveLength(2);
    const member = await json<{ cycles: { schools: { schoolId: string }[] }[] }>(await load(cyclesLoader, "/readiness", a.member.cookie));
    expect(member.cycles[0]!.schools.map((s) => s.schoolId)).toEqual([a.schoolId]);
    expect((await json<{ cycles: unknown[] }>(await load(cyclesLoader, "/readiness", b.member.cookie))).cycles).toEqual([]);
  });

  it("sends a school member from the district view to their own team; other districts get a 404", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const redirected = await load(cycleLoader, `/readiness/cycles/${cycleId}`, a.member.cookie, { cycleId });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("Location")).toBe(teamPath(cycleId, a.schoolId));
    expect((await load(cycleLoader, `/readiness/cycles/${cycleId}`, b.leader.cookie, { cycleId })).status).toBe(404);
    expect((await load(cycleLoader, `/readiness/cycles/${cycleId}`, b.member.cookie, { cycleId })).status).toBe(404);
    expect((await load(cycleLoader, "/readiness/cycles/x", a.leader.cookie, { cycleId: "../../etc" })).status).toBe(404);
  });
});

async function cycleNamed(name: string, district = a): Promise<string> {
  return (await prisma.assessmentCycle.findFirstOrThrow({ where: { districtId: district.districtId, name }, select: { id: true } })).id;
}

describe("rating", () => {
  it("saves a member's ratings as they go and shows them back only to them", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first, second] = await indicatorsOf(cycleId);
    const saved = await autosave(a.member, cycleId, a.schoolId, {
      [`level-${first}`]: "3",
      [`note-${first}`]: "Advisory every week",
      [`links-${first}`]: "https://lakeside.example/advisory",
    });
    expect(await json(saved)).toEqual({ ok: true, rated: 1, total: 14 });
    expect(await json(await autosave(a.member, cycleId, a.schoolId, { [`level-${second}`]: "", [`note-${second}`]: "Still thinking" }))).toEqual({ ok: true, rated: 1, total: 14 });
    expect(await ratingsOf(a.member.id, cycleId)).toEqual(
      [
        { indicatorId: first, level: 3, note: "Advisory every week", links: ["https://lakeside.example/advisory"] },
        { indicatorId: second, level: null, note: "Still thinking", links: [] },
      ].sort((x, y) => x.indicatorId!.localeCompare(y.indicatorId!)),
    );
    const page = await json<{ ratings: Record<string, { level: number }>; rated: number; isMember: boolean }>(
      await load(rateLoader, teamPath(cycleId, a.schoolId, "rate"), a.member.cookie, { cycleId, schoolId: a.schoolId }),
    );
    expect(page).toMatchObject({ isMember: true, rated: 1 });
    expect(page.ratings[first!]!.level).toBe(3);
    const others = await json<{ ratings: Record<string, unknown> }>(await load(rateLoader, teamPath(cycleId, a.schoolId, "rate"), a.second.cookie, { cycleId, schoolId: a.schoolId }));
    expect(others.ratings).toEqual({});
  });

  it("refuses levels outside 1–4, changing nothing", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first] = await indicatorsOf(cycleId);
    const before = await ratingsOf(a.member.id, cycleId);
    for (const level of ["0", "5", "-1", "3.5", "x"]) {
      const response = await rate(a.member, cycleId, a.schoolId, { intent: "save", [`level-${first}`]: level });
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({ ok: false, errors: { [first!]: "level" } });
      expect((await autosave(a.member, cycleId, a.schoolId, { [`level-${first}`]: level })).status).toBe(400);
    }
    expect(await ratingsOf(a.member.id, cycleId)).toEqual(before);
  });

  it("refuses unknown indicators and indicators of another framework, changing nothing", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first] = await indicatorsOf(cycleId);
    const otherCycle = await openCycle(a, "Ecosystem pilot", ecosystemId, [a.schoolId]);
    const [foreign] = await indicatorsOf(otherCycle);
    const before = await ratingsOf(a.member.id, cycleId);
    for (const indicatorId of ["no-such-indicator", foreign!]) {
      const response = await rate(a.member, cycleId, a.schoolId, { intent: "save", [`level-${first}`]: "2", [`level-${indicatorId}`]: "2" });
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({ ok: false, errors: { form: "unknownIndicator" } });
    }
    expect(await ratingsOf(a.member.id, cycleId)).toEqual(before);
  });

  it("keeps what was saved when a submission is incomplete, then submits, then refuses any edit", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const indicators = await indicatorsOf(cycleId);
    const partial = await rate(a.member, cycleId, a.schoolId, { intent: "submit", ...allRated(indicators.slice(0, 10), [2, 3]) });
    expect(partial.status).toBe(400);
    expect(await json(partial)).toEqual({ ok: false, errors: { form: "notAllRated" }, missing: 4 });
    expect((await ratingsOf(a.member.id, cycleId)).filter((r) => r.level !== null)).toHaveLength(10);

    const submitted = await rate(a.member, cycleId, a.schoolId, { intent: "submit", ...allRated(indicators, [2, 3]) });
    expect(await json(submitted)).toEqual({ ok: true, submitted: true });
    const after = await ratingsOf(a.member.id, cycleId);
    const [first] = indicators;
    for (const attempt of [
      () => rate(a.member, cycleId, a.schoolId, { intent: "save", [`level-${first}`]: "4" }),
      () => autosave(a.member, cycleId, a.schoolId, { [`level-${first}`]: "4" }),
      () => rate(a.member, cycleId, a.schoolId, { intent: "submit", ...allRated(indicators, [4]) }),
    ]) {
      const response = await attempt();
      expect(response.status).toBe(409);
      expect(await json(response)).toEqual({ ok: false, errors: { form: "alreadySubmitted" } });
    }
    expect(await ratingsOf(a.member.id, cycleId)).toEqual(after);
  });

  it("lets only the school's own members rate: other schools and districts get a 404, staff a 403", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first] = await indicatorsOf(cycleId);
    const fields = { intent: "save", [`level-${first}`]: "2" };
    expect((await rate(a.otherMember, cycleId, a.schoolId, fields)).status).toBe(404);
    expect((await load(rateLoader, teamPath(cycleId, a.schoolId, "rate"), a.otherMember.cookie, { cycleId, schoolId: a.schoolId })).status).toBe(404);
    expect((await load(progressLoader, teamPath(cycleId, a.schoolId), a.otherMember.cookie, { cycleId, schoolId: a.schoolId })).status).toBe(404);
    expect((await load(profileLoader, teamPath(cycleId, a.schoolId, "profile"), a.otherMember.cookie, { cycleId, schoolId: a.schoolId })).status).toBe(404);
    expect((await rate(b.member, cycleId, a.schoolId, fields)).status).toBe(404);
    expect((await rate(b.leader, cycleId, a.schoolId, fields)).status).toBe(404);
    expect((await load(progressLoader, teamPath(cycleId, a.schoolId), b.leader.cookie, { cycleId, schoolId: a.schoolId })).status).toBe(404);
    expect((await rate(a.leader, cycleId, a.schoolId, fields)).status).toBe(403);
    expect((await autosave(a.facilitator, cycleId, a.schoolId, fields)).status).toBe(403);
    // A school that is not in the cycle.
    const outside = await prisma.school.create({ data: { districtId: a.districtId, name: "Outside Elementary" }, select: { id: true } });
    expect((await load(progressLoader, teamPath(cycleId, outside.id), a.leader.cookie, { cycleId, schoolId: outside.id })).status).toBe(404);
    expect(await prisma.indicatorRating.count({ where: { response: { userId: { in: [a.otherMember.id, b.member.id] } } } })).toBe(0);
  });

  it("shows leaders every school of the district and the team progress", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const progress = await json<{ members: { name: string; rated: number; submittedAt: string | null; isLead: boolean }[]; completion: { state: string } }>(
      await load(progressLoader, teamPath(cycleId, a.schoolId), a.leader.cookie, { cycleId, schoolId: a.schoolId }),
    );
    expect(progress.members.map((m) => [m.name, m.rated, m.submittedAt !== null, m.isLead])).toEqual([
      ["Ana Lead", 0, false, true],
      ["Ben Member", 14, true, false],
      ["Cleo Second", 0, false, false],
    ]);
    expect(progress.completion.state).toBe("rating");
    expect((await load(progressLoader, teamPath(cycleId, a.otherSchoolId), a.leader.cookie, { cycleId, schoolId: a.otherSchoolId })).status).toBe(200);
  });
});

type ConsensusBody = {
  spreadHidden: boolean;
  submittedCount: number;
  indicators: { id: string; spread: { counts: Record<string, number>; agreement: string } | null; ratings: { memberName: string; level: number }[] | null; consensus: { level: number } | null }[];
};

describe("consensus", () => {
  const view = async (person: Person, cycleId: string, query = "") =>
    json<ConsensusBody>(await load(consensusLoader, `${teamPath(cycleId, a.schoolId, "consensus")}${query}`, person.cookie, { cycleId, schoolId: a.schoolId }));

  it("shows a member the spread only after they submitted, and never the individual ratings", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const before = await view(a.second, cycleId);
    expect(before.spreadHidden).toBe(true);
    expect(before.indicators.every((i) => i.spread === null && i.ratings === null)).toBe(true);

    const indicators = await indicatorsOf(cycleId);
    expect(await json(await rate(a.second, cycleId, a.schoolId, { intent: "submit", ...allRated(indicators, [4, 1, 2]) }))).toEqual({ ok: true, submitted: true });
    const after = await view(a.second, cycleId);
    expect(after.spreadHidden).toBe(false);
    expect(after.submittedCount).toBe(2);
    expect(after.indicators.every((i) => i.ratings === null)).toBe(true);
    // Ben rated 2,3,2,3…; Cleo 4,1,2,4,1,2…: the indicators where they differ most come first, agreement last.
    expect(after.indicators[0]!.spread).toMatchObject({ counts: { 1: 0, 2: 1, 3: 0, 4: 1 }, agreement: "apart" });
    expect(after.indicators.map((i) => i.spread!.agreement)).toEqual([...Array(6).fill("apart"), ...Array(6).fill("close"), ...Array(2).fill("agree")]);
    const framework = await view(a.second, cycleId, "?order=framework");
    expect(framework.indicators.map((i) => i.id)).toEqual(indicators);
    expect(after.indicators.map((i) => i.id)).not.toEqual(indicators);
  });

  it("tells a member who records the consensus, and that nobody can while the team has no lead", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const lead = await prisma.user.findUniqueOrThrow({ where: { id: a.lead.id }, select: { name: true } });
    const leads = async (person: Person) => (await json<{ leads: string[] }>(await load(consensusLoader, teamPath(cycleId, a.schoolId, "consensus"), person.cookie, { cycleId, schoolId: a.schoolId }))).leads;
    expect(await leads(a.second)).toEqual([lead.name]);
    // The lead and district leaders record it themselves: nothing to name.
    expect(await leads(a.lead)).toEqual([]);
    const rows = await prisma.teamLead.findMany({ where: { schoolId: a.schoolId } });
    await prisma.teamLead.deleteMany({ where: { schoolId: a.schoolId } });
    try {
      expect(await leads(a.second)).toEqual([]);
    } finally {
      await prisma.teamLead.createMany({ data: rows });
    }
  });

  it("shows the individual ratings to the team lead and district leaders, not to a facilitator", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const lead = await view(a.lead, cycleId);
    expect(lead.indicators[0]!.ratings!.map((r) => r.memberName)).toEqual(["Ben Member", "Cleo Second"]);
    expect((await view(a.leader, cycleId)).indicators[0]!.ratings).toHaveLength(2);
    const facilitator = await view(a.facilitator, cycleId);
    expect(facilitator.indicators[0]!.ratings).toBeNull();
    expect(facilitator.indicators[0]!.spread).not.toBeNull();
  });

  it("lets the lead record a consensus, and refuses members, bad levels and unknown indicators", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first, second] = await indicatorsOf(cycleId);
    const record = (person: Person, fields: Record<string, string>) => post(consensusAction, teamPath(cycleId, a.schoolId, "consensus"), person.cookie, fields, { cycleId, schoolId: a.schoolId });
    expect(await json(await record(a.lead, { indicatorId: first!, level: "3", rationale: "We met in the middle." }))).toEqual({ ok: true, indicatorId: first });
    expect(await json(await record(a.leader, { indicatorId: second!, level: "2", rationale: "" }))).toEqual({ ok: true, indicatorId: second });
    const before = await prisma.consensusRating.findMany({ orderBy: { indicatorId: "asc" }, select: { indicatorId: true, level: true, rationale: true, decidedById: true } });
    expect(before).toEqual(
      [
        { indicatorId: first, level: 3, rationale: "We met in the middle.", decidedById: a.lead.id },
        { indicatorId: second, level: 2, rationale: "", decidedById: a.leader.id },
      ].sort((x, y) => x.indicatorId!.localeCompare(y.indicatorId!)),
    );

    expect((await record(a.member, { indicatorId: first!, level: "4" })).status).toBe(403);
    expect((await record(a.facilitator, { indicatorId: first!, level: "4" })).status).toBe(403);
    expect((await record(a.otherMember, { indicatorId: first!, level: "4" })).status).toBe(404);
    expect((await record(b.leader, { indicatorId: first!, level: "4" })).status).toBe(404);
    for (const level of ["0", "5", "", "two"]) {
      const response = await record(a.lead, { indicatorId: first!, level });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ ok: false, errors: { level: "level" } });
    }
    const unknown = await record(a.lead, { indicatorId: "no-such-indicator", level: "4" });
    expect(await json(unknown)).toMatchObject({ ok: false, errors: { form: "unknownIndicator" } });
    expect(await prisma.consensusRating.findMany({ orderBy: { indicatorId: "asc" }, select: { indicatorId: true, level: true, rationale: true, decidedById: true } })).toEqual(before);
  });
});

describe("action items", () => {
  const path = (cycleId: string) => teamPath(cycleId, a.schoolId, "actions");

  it("lets the team add an action item to a growth area and change its status", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const page = await json<{ indicators: { id: string; growth: boolean }[] }>(await load(actionsLoader, path(cycleId), a.member.cookie, { cycleId, schoolId: a.schoolId }));
    const growth = page.indicators.find((i) => i.growth)!;
    expect(page.indicators[0]!.growth).toBe(true);
    const added = await post(actionsAction, path(cycleId), a.member.cookie, { intent: "add", what: "Pair every student with a mentor", owner: "Ben", dueDate: "2026-12-01", status: "planned", indicatorId: growth.id }, { cycleId, schoolId: a.schoolId });
    expect(await json(added)).toEqual({ ok: true, done: "added" });
    const item = await prisma.actionItem.findFirstOrThrow({ select: { id: true, what: true, owner: true, dueDate: true, status: true, indicatorId: true } });
    expect(item).toMatchObject({ what: "Pair every student with a mentor", owner: "Ben", status: "planned", indicatorId: growth.id });
    expect(item.dueDate?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(await json(await post(actionsAction, path(cycleId), a.leader.cookie, { intent: "status", itemId: item.id, status: "in_progress" }, { cycleId, schoolId: a.schoolId }))).toEqual({ ok: true, done: "updated" });
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("in_progress");
  });

  it("refuses bad items, facilitators, other schools and items of another team", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const before = await prisma.actionItem.findMany({ orderBy: { id: "asc" } });
    const send = (person: Person, fields: Record<string, string>, schoolId = a.schoolId) => post(actionsAction, teamPath(cycleId, schoolId, "actions"), person.cookie, fields, { cycleId, schoolId });
    expect(await json(await send(a.member, { intent: "add", what: "", owner: "", dueDate: "someday", status: "later" }))).toEqual({
      ok: false,
      errors: { what: "required", owner: "required", dueDate: "invalidDate", status: "invalid" },
    });
    expect(await json(await send(a.member, { intent: "add", what: "X", owner: "Y", status: "planned", indicatorId: "no-such-indicator" }))).toEqual({ ok: false, errors: { indicatorId: "unknownIndicator" } });
    expect((await send(a.facilitator, { intent: "add", what: "X", owner: "Y", status: "planned" })).status).toBe(403);
    expect((await send(a.otherMember, { intent: "add", what: "X", owner: "Y", status: "planned" })).status).toBe(404);
    expect((await send(a.otherMember, { intent: "status", itemId: before[0]!.id, status: "done" }, a.otherSchoolId)).status).toBe(404);
    expect((await send(a.leader, { intent: "delete", itemId: before[0]!.id }, a.otherSchoolId)).status).toBe(404);
    expect(await prisma.actionItem.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("closing a cycle", () => {
  it("freezes ratings and consensus, but not action items", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const [first] = await indicatorsOf(cycleId);
    expect((await post(cycleAction, `/readiness/cycles/${cycleId}`, a.facilitator.cookie, { intent: "close" }, { cycleId })).status).toBe(403);
    expect((await post(cycleAction, `/readiness/cycles/${cycleId}`, b.leader.cookie, { intent: "close" }, { cycleId })).status).toBe(404);
    expect(await json(await post(cycleAction, `/readiness/cycles/${cycleId}`, a.leader.cookie, { intent: "close" }, { cycleId }))).toEqual({
      ok: true,
      alreadyClosed: false,
      name: "Fall 2026",
    });
    const ratings = await prisma.indicatorRating.findMany({ orderBy: { id: "asc" } });
    const consensus = await prisma.consensusRating.findMany({ orderBy: { id: "asc" } });
    const closedRate = await rate(a.lead, cycleId, a.schoolId, { intent: "save", [`level-${first}`]: "2" });
    expect(closedRate.status).toBe(409);
    expect(await json(closedRate)).toEqual({ ok: false, errors: { form: "cycleClosed" } });
    expect((await autosave(a.lead, cycleId, a.schoolId, { [`level-${first}`]: "2" })).status).toBe(409);
    const closedConsensus = await post(consensusAction, teamPath(cycleId, a.schoolId, "consensus"), a.lead.cookie, { indicatorId: first!, level: "4" }, { cycleId, schoolId: a.schoolId });
    expect(await json(closedConsensus)).toEqual({ ok: false, indicatorId: first, errors: { form: "cycleClosed" } });
    expect(await prisma.indicatorRating.findMany({ orderBy: { id: "asc" } })).toEqual(ratings);
    expect(await prisma.consensusRating.findMany({ orderBy: { id: "asc" } })).toEqual(consensus);
    const item = await prisma.actionItem.findFirstOrThrow({ select: { id: true } });
    expect(await json(await post(actionsAction, teamPath(cycleId, a.schoolId, "actions"), a.member.cookie, { intent: "status", itemId: item.id, status: "done" }, { cycleId, schoolId: a.schoolId }))).toEqual({ ok: true, done: "updated" });
    expect(await json(await post(cycleAction, `/readiness/cycles/${cycleId}`, a.leader.cookie, { intent: "close" }, { cycleId }))).toMatchObject({ alreadyClosed: true });
  });
});

describe("results", () => {
  it("exports every submitted rating and every consensus as CSV, for leaders only", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    const response = await load(csvLoader, `/readiness/cycles/${cycleId}/export.csv`, a.leader.cookie, { cycleId });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="readiness-fall-2026.csv"');
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Cycle", "School", "Dimension", "Code", "Indicator", "Record", "Person", "Level", "Level name", "Evidence or rationale", "Links", "Date"]);
    const body = rows.slice(1);
    // Ben and Cleo submitted all 14; Ana never did (her drafts are not ratings); two consensus rows.
    expect(body.filter((row) => row[5] === "Member rating")).toHaveLength(28);
    expect(body.filter((row) => row[5] === "Consensus")).toHaveLength(2);
    expect(body[0]).toEqual([
      "Fall 2026",
      "Central High",
      "Foundational Practices",
      "1.1",
      "Relationships",
      "Member rating",
      "Ben Member <member@lakeside.example>",
      "2",
      "Emerging",
      "Advisory every week",
      "https://lakeside.example/advisory",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    expect(body[2]).toMatchObject({ 5: "Consensus", 6: "Ana Lead", 7: "3", 8: "Developing", 9: "We met in the middle." });
    expect(body.some((row) => row[1] !== "Central High")).toBe(false);

    const spanish = await responseOfSpanish(cycleId);
    expect(spanish.split("\r\n")[0]).toContain("Ciclo,Escuela,Dimensión");
    expect((await load(csvLoader, `/readiness/cycles/${cycleId}/export.csv`, a.facilitator.cookie, { cycleId })).status).toBe(403);
    expect((await load(csvLoader, `/readiness/cycles/${cycleId}/export.csv`, a.member.cookie, { cycleId })).status).toBe(403);
    expect((await load(csvLoader, `/readiness/cycles/${cycleId}/export.csv`, b.leader.cookie, { cycleId })).status).toBe(404);
  });

  it("shows the heatmap with each school's consensus and completion, sorted as asked", async () => {
    const cycleId = await cycleNamed("Fall 2026");
    type Heat = { rows: { schoolName: string; levels: Record<string, number | null>; completion: { state: string; agreed: number } }[]; indicators: { id: string }[]; sort: { by: string; direction: string } };
    const heat = await json<Heat>(await load(cycleLoader, `/readiness/cycles/${cycleId}?sort=average&dir=desc`, a.facilitator.cookie, { cycleId }));
    expect(heat.sort).toEqual({ by: "average", direction: "desc" });
    expect(heat.rows.map((r) => r.schoolName)).toEqual(["Central High", "North Middle"]);
    const [first, second] = heat.indicators;
    expect(heat.rows[0]!.levels[first!.id]).toBe(3);
    expect(heat.rows[0]!.levels[second!.id]).toBe(2);
    expect(heat.rows[0]!.completion).toMatchObject({ state: "consensus", agreed: 2 });
    expect(heat.rows[1]!.completion).toMatchObject({ state: "notStarted", agreed: 0 });
    const bad = await json<Heat>(await load(cycleLoader, `/readiness/cycles/${cycleId}?sort=indicator:nope&dir=up`, a.leader.cookie, { cycleId }));
    expect(bad.sort).toEqual({ by: "school", direction: "asc" });
  });

  it("compares a school's profile with its previous cycle", async () => {
    const earlier = await cycleNamed("Fall 2026");
    const later = await openCycle(a, "Spring 2027", plrId, [a.schoolId]);
    const [first, second, third] = await indicatorsOf(later);
    const record = (indicatorId: string, level: string) =>
      post(consensusAction, teamPath(later, a.schoolId, "consensus"), a.leader.cookie, { indicatorId, level }, { cycleId: later, schoolId: a.schoolId });
    await record(first!, "4");
    await record(second!, "2");
    await record(third!, "1");
    type Profile = {
      profile: {
        previous: { cycleName: string; change: { improved: number; declined: number; unchanged: number; compared: number } } | null;
        strengths: { title: string }[];
        growthAreas: { title: string }[];
        dimensions: { name: string; average: number | null; before: number | null }[];
        indicators: { title: string; level: number | null; before: number | null; change: number | null }[];
      };
    };
    const body = await json<Profile>(await load(profileLoader, teamPath(later, a.schoolId, "profile"), a.member.cookie, { cycleId: later, schoolId: a.schoolId }));
    expect(body.profile.previous).toMatchObject({ cycleName: "Fall 2026", change: { improved: 1, declined: 0, unchanged: 1, compared: 2 } });
    expect(body.profile.indicators.slice(0, 3)).toEqual([
      expect.objectContaining({ title: "Relationships", level: 4, before: 3, change: 1 }),
      expect.objectContaining({ title: "Culture", level: 2, before: 2, change: 0 }),
      expect.objectContaining({ title: "Mindset", level: 1, before: null, change: null }),
    ]);
    expect(body.profile.strengths.map((s) => s.title)).toEqual(["Relationships"]);
    expect(body.profile.growthAreas.map((s) => s.title)).toEqual(["Mindset", "Culture"]);
    expect(body.profile.dimensions[0]).toEqual({ key: expect.any(String), name: "Foundational Practices", average: 7 / 3, rated: 3, total: 4, before: 2.5 });
    const earlierProfile = await json<Profile>(await load(profileLoader, teamPath(earlier, a.schoolId, "profile"), a.member.cookie, { cycleId: earlier, schoolId: a.schoolId }));
    expect(earlierProfile.profile.previous).toBeNull();
  });
});

describe("team leads", () => {
  it("lets a leader mark and unmark a school member as lead, within the district only", async () => {
    const teams = await json<{ teams: { name: string; members: { id: string; isLead: boolean }[] }[] }>(await load(teamsLoader, "/readiness/teams", a.leader.cookie));
    expect(teams.teams.find((t) => t.name === "Central High")!.members.filter((m) => m.isLead).map((m) => m.id)).toEqual([a.lead.id]);
    expect(await json(await post(teamsAction, "/readiness/teams", a.leader.cookie, { intent: "mark", userId: a.second.id }))).toMatchObject({ ok: true, name: "Cleo Second" });
    expect(await prisma.teamLead.count({ where: { userId: a.second.id, schoolId: a.schoolId } })).toBe(1);
    expect(await json(await post(teamsAction, "/readiness/teams", a.leader.cookie, { intent: "unmark", userId: a.second.id }))).toMatchObject({ ok: true });
    expect(await prisma.teamLead.count({ where: { userId: a.second.id } })).toBe(0);
    expect((await post(teamsAction, "/readiness/teams", a.leader.cookie, { intent: "mark", userId: b.member.id })).status).toBe(404);
    expect((await post(teamsAction, "/readiness/teams", a.leader.cookie, { intent: "mark", userId: a.facilitator.id })).status).toBe(404);
    expect((await post(teamsAction, "/readiness/teams", a.lead.cookie, { intent: "mark", userId: a.member.id })).status).toBe(403);
    expect((await load(teamsLoader, "/readiness/teams", a.facilitator.cookie)).status).toBe(403);
    expect(await prisma.teamLead.count({ where: { userId: { in: [b.member.id, a.facilitator.id, a.member.id] } } })).toBe(0);
  });
});

async function responseOfSpanish(cycleId: string): Promise<string> {
  const request = new Request(`http://localhost/readiness/cycles/${cycleId}/export.csv`, { headers: { Cookie: a.leader.cookie, "Accept-Language": "es" } });
  const response = (await csvLoader({ request, params: { cycleId }, context: TEST_CONTEXT })) as Response;
  return (await response.text()).replace(/^\uFEFF/, "");
}
