import { beforeAll, describe, expect, it } from "vitest";
import { messagePlanGaps } from "~/messages/messages.server";
import { action as planAction, loader as planLoader } from "~/routes/_app.messages.audiences.$audienceId";
import { loader as audiencesLoader } from "~/routes/_app.messages.audiences._index";
import { action as houseAction, loader as houseLoader } from "~/routes/_app.messages._index";
import { loader as printLoader } from "~/routes/_app.messages.print";
import { ensureBuiltInFrameworks } from "~/readiness/framework.server";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";
import { samplePortrait, writeDraft } from "./portrait-review-fixtures";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-messages");
  b = await districtWithStaff("Hilltop Schools", "hilltop-messages");
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const postHouse = (cookie: string, fields: Record<string, string | string[]>) =>
  responseOf(() => houseAction(actionArgs(formRequest("/messages", fields, { cookie }))));
const postPlan = (cookie: string, audienceId: string, fields: Record<string, string | string[]>) =>
  responseOf(() => planAction(actionArgs(formRequest(`/messages/audiences/${audienceId}`, fields, { cookie }), { audienceId })));

const house = (titles: string[], coreMessage = "Every graduate ready for life.") => ({ intent: "house", coreMessage, pillarIds: titles.map(() => ""), pillarTitles: titles });

async function audienceOf(districtId: string, key: string) {
  return prisma.audience.findFirstOrThrow({ where: { districtId, key }, select: { id: true, name: true } });
}

async function champion(districtId: string, name: string, languages: string[] = ["en"]) {
  return prisma.champion.create({ data: { districtId, name, languages }, select: { id: true } });
}

async function housePillars(districtId: string) {
  return prisma.messagePillar.findMany({ where: { house: { districtId } }, orderBy: { position: "asc" }, select: { id: true, title: true } });
}

describe("message house", () => {
  it("saves a core message with three to five pillars, in order", async () => {
    const response = await postHouse(a.leader, house(["Think", "", "Work together", "Lead", ""]));
    expect(response.status).toBe(200);
    expect((await housePillars(a.districtId)).map((pillar) => pillar.title)).toEqual(["Think", "Work together", "Lead"]);
  });

  it.each([
    ["two pillars", ["One", "Two", "", "", ""]],
    ["six pillars", ["1", "2", "3", "4", "5", "6"]],
    ["no pillars", []],
  ])("refuses %s and changes nothing", async (_label, titles) => {
    const before = await housePillars(a.districtId);
    const response = await postHouse(a.facilitator, house(titles));
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ ok: false, errors: { pillarTitles: "messages.errors.pillarCount" } });
    expect(await housePillars(a.districtId)).toEqual(before);
  });

  it("refuses an empty core message", async () => {
    const response = await postHouse(a.leader, house(["A", "B", "C"], "   "));
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ errors: { coreMessage: "messages.errors.coreMessageRequired" } });
  });

  it("keeps a renamed pillar's proof points and drops a removed pillar with its own", async () => {
    const [think, together, lead] = await housePillars(a.districtId);
    await prisma.proofPoint.create({ data: { pillarId: think!.id, kind: "other", text: "Kept" } });
    await prisma.proofPoint.create({ data: { pillarId: lead!.id, kind: "other", text: "Dropped" } });
    const response = await postHouse(a.leader, {
      intent: "house",
      coreMessage: "Every graduate ready.",
      pillarIds: [think!.id, together!.id, "", ""],
      pillarTitles: ["Think for yourself", "Work together", "Belong", "Serve"],
    });
    expect(response.status).toBe(200);
    const pillars = await prisma.messagePillar.findMany({ where: { house: { districtId: a.districtId } }, orderBy: { position: "asc" }, select: { id: true, title: true, proofPoints: { select: { text: true } } } });
    expect(pillars.map((pillar) => pillar.title)).toEqual(["Think for yourself", "Work together", "Belong", "Serve"]);
    expect(pillars[0]).toMatchObject({ id: think!.id, proofPoints: [{ text: "Kept" }] });
    expect(await prisma.proofPoint.count({ where: { text: "Dropped" } })).toBe(0);
  });

  it("never touches another district's pillar through a posted id", async () => {
    await postHouse(b.leader, house(["B1", "B2", "B3"]));
    const [foreign] = await housePillars(b.districtId);
    const response = await postHouse(a.leader, { intent: "house", coreMessage: "Every graduate ready.", pillarIds: [foreign!.id, "", ""], pillarTitles: ["Taken?", "Two", "Three"] });
    expect(response.status).toBe(200);
    expect((await housePillars(a.districtId)).map((pillar) => pillar.title)).toEqual(["Taken?", "Two", "Three"]);
    expect((await housePillars(b.districtId)).map((pillar) => pillar.title)).toEqual(["B1", "B2", "B3"]);
  });

  it("lets school members read the house but not edit it", async () => {
    const read = await responseOf(() => houseLoader(loaderArgs(getRequest("/messages", a.schoolMember))));
    expect(read.status).toBe(200);
    expect(await json(read)).toMatchObject({ canEdit: false, choices: null, house: { coreMessage: "Every graduate ready." } });
    const before = await housePillars(a.districtId);
    expect((await postHouse(a.schoolMember, house(["X", "Y", "Z"]))).status).toBe(403);
    expect(await housePillars(a.districtId)).toEqual(before);
  });
});

describe("proof points", () => {
  let ideaId: string;
  let hiddenIdeaId: string;
  let foreignIdeaId: string;
  let pillarId: string;

  beforeAll(async () => {
    await writeDraft(a.districtId, samplePortrait());
    const room = await ratedWorkshop(a.districtId);
    ideaId = room.ideas.money;
    hiddenIdeaId = room.ideas.hidden;
    foreignIdeaId = (await ratedWorkshop(b.districtId)).ideas.money;
    pillarId = (await housePillars(a.districtId))[0]!.id;
  });

  const postProof = (cookie: string, fields: Record<string, string>) => postHouse(cookie, { intent: "proof", ...fields });

  it("cites a workshop idea with its words, workshop and stakeholder group", async () => {
    const response = await postProof(a.facilitator, { pillarId, kind: "idea", refId: ideaId });
    expect(response.status).toBe(200);
    expect(await prisma.proofPoint.findFirst({ where: { pillarId, refId: ideaId }, select: { kind: true, text: true, source: true, stakeholderGroup: true } })).toEqual({
      kind: "idea",
      text: "Teach money skills",
      source: "Family night",
      stakeholderGroup: "Families",
    });
  });

  it("cites a Portrait competency by its title", async () => {
    expect((await postProof(a.leader, { pillarId, kind: "competency", refId: "c2" })).status).toBe(200);
    expect(await prisma.proofPoint.findFirst({ where: { pillarId, refId: "c2" }, select: { text: true } })).toEqual({ text: "Critical thinker" });
  });

  it("records other evidence as text with its source", async () => {
    expect((await postProof(a.leader, { pillarId, kind: "other", text: "Nine in ten families answered the survey", source: "Family survey 2026" })).status).toBe(200);
    expect(await prisma.proofPoint.findFirst({ where: { pillarId, kind: "other" }, select: { text: true, source: true, refId: true } })).toEqual({
      text: "Nine in ten families answered the survey",
      source: "Family survey 2026",
      refId: null,
    });
  });

  describe("readiness results", () => {
    let cycle: ReadinessFixture;
    let foreign: ReadinessFixture;
    let otherFrameworkIndicator: string;

    beforeAll(async () => {
      cycle = await readinessCycle(a.districtId, "Spring 2026", [
        [4, 3],
        [3, 1],
        [2, null],
      ]);
      foreign = await readinessCycle(b.districtId, "Their spring", [[4, 4]]);
      const other = await prisma.indicator.findFirstOrThrow({ where: { version: { framework: { builtInKey: { not: null } }, NOT: { id: cycle.versionId } } }, select: { id: true } });
      otherFrameworkIndicator = other.id;
    });

    it("offers each rated indicator of the district's cycles with the schools where it is a strength", async () => {
      const page = await json<{ choices: { readiness: { refId: string; indicatorTitle: string; strong: number; rated: number; cycleName: string }[] } }>(
        await responseOf(() => houseLoader(loaderArgs(getRequest("/messages", a.leader)))),
      );
      expect(page.choices.readiness).toEqual([
        expect.objectContaining({ refId: `${cycle.cycleId}:${cycle.indicators[0]!.id}`, indicatorTitle: cycle.indicators[0]!.title, strong: 2, rated: 3, cycleName: "Spring 2026" }),
        expect.objectContaining({ refId: `${cycle.cycleId}:${cycle.indicators[1]!.id}`, strong: 1, rated: 2 }),
      ]);
      expect(JSON.stringify(page.choices.readiness)).not.toContain(foreign.cycleId);
    });

    it("cites a readiness result with its figure, cycle and framework, as they stand when cited", async () => {
      const refId = `${cycle.cycleId}:${cycle.indicators[0]!.id}`;
      expect((await postProof(a.leader, { pillarId, kind: "readiness", refId })).status).toBe(200);
      const stored = await prisma.proofPoint.findFirstOrThrow({ where: { pillarId, refId }, select: { kind: true, text: true, source: true, schoolsStrong: true, schoolsRated: true } });
      expect(stored).toEqual({ kind: "readiness", text: cycle.indicators[0]!.title, source: `Spring 2026 — ${cycle.frameworkName}`, schoolsStrong: 2, schoolsRated: 3 });
      const page = await json<{ house: { pillars: { proofPoints: { kind: string; schoolsStrong: number | null; schoolsRated: number | null }[] }[] } }>(
        await responseOf(() => houseLoader(loaderArgs(getRequest("/messages", a.schoolMember)))),
      );
      expect(page.house.pillars[0]!.proofPoints).toContainEqual(expect.objectContaining({ kind: "readiness", schoolsStrong: 2, schoolsRated: 3 }));
    });

    it.each([
      ["no result picked", () => ({ kind: "readiness", refId: "" })],
      ["free text instead of a picked result", () => ({ kind: "readiness", text: "Lincoln: established", source: "Readiness 2026" })],
      ["another district's result", () => ({ kind: "readiness", refId: `${foreign.cycleId}:${foreign.indicators[0]!.id}` })],
      ["an indicator no school agreed a level for", () => ({ kind: "readiness", refId: `${cycle.cycleId}:${cycle.unrated.id}` })],
      ["an indicator of another framework", () => ({ kind: "readiness", refId: `${cycle.cycleId}:${otherFrameworkIndicator}` })],
      ["a made-up reference", () => ({ kind: "readiness", refId: "nothing:here" })],
      ["a malformed reference", () => ({ kind: "readiness", refId: "'; DROP TABLE x; --" })],
    ])("refuses %s and adds nothing", async (_label, fields) => {
      const before = await prisma.proofPoint.count();
      const response = await postProof(a.leader, { pillarId, ...fields() });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ ok: false, errors: { refId: "messages.errors.pickReadiness" } });
      expect(await prisma.proofPoint.count()).toBe(before);
    });
  });

  it.each([
    ["another district's idea", () => ({ kind: "idea", refId: foreignIdeaId }), "refId", "messages.errors.pickIdea"],
    ["a hidden idea", () => ({ kind: "idea", refId: hiddenIdeaId }), "refId", "messages.errors.pickIdea"],
    ["an unknown competency", () => ({ kind: "competency", refId: "c99" }), "refId", "messages.errors.pickCompetency"],
    ["no competency picked", () => ({ kind: "competency", refId: "" }), "refId", "messages.errors.pickCompetency"],
    ["other evidence without text", () => ({ kind: "other", text: " ", source: "" }), "text", "messages.errors.proofTextRequired"],
    ["an unknown kind", () => ({ kind: "rumour", text: "x" }), "kind", "messages.errors.proofKind"],
  ])("refuses %s and adds nothing", async (_label, fields, field, key) => {
    const before = await prisma.proofPoint.count();
    const response = await postProof(a.leader, { pillarId, ...fields() });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ ok: false, errors: { [field]: key } });
    expect(await prisma.proofPoint.count()).toBe(before);
  });

  it("answers 404 for another district's pillar or proof point", async () => {
    const [foreignPillar] = await housePillars(b.districtId);
    expect((await postProof(a.leader, { pillarId: foreignPillar!.id, kind: "other", text: "Sneaky" })).status).toBe(404);
    const foreignProof = await prisma.proofPoint.create({ data: { pillarId: foreignPillar!.id, kind: "other", text: "Theirs" }, select: { id: true } });
    expect((await postHouse(a.leader, { intent: "removeProof", proofPointId: foreignProof.id })).status).toBe(404);
    expect(await prisma.proofPoint.count({ where: { id: foreignProof.id } })).toBe(1);
  });

  it("removes a proof point of the district", async () => {
    const proof = await prisma.proofPoint.findFirstOrThrow({ where: { pillarId, kind: "other" }, select: { id: true } });
    expect((await postHouse(a.leader, { intent: "removeProof", proofPointId: proof.id })).status).toBe(200);
    expect(await prisma.proofPoint.count({ where: { id: proof.id } })).toBe(0);
  });
});

type ReadinessFixture = { cycleId: string; versionId: string; frameworkName: string; indicators: { id: string; title: string }[]; unrated: { id: string; title: string } };

/**
 * A cycle of the built-in default framework over one school per row, each
 * school having agreed the levels given for the framework's first indicators
 * (null: not agreed).
 */
async function readinessCycle(districtId: string, name: string, levels: (number | null)[][]): Promise<ReadinessFixture> {
  await ensureBuiltInFrameworks();
  const version = await prisma.frameworkVersion.findFirstOrThrow({
    where: { framework: { builtInKey: { not: null } } },
    orderBy: [{ framework: { createdAt: "asc" } }, { number: "desc" }],
    select: { id: true, framework: { select: { name: true } }, indicators: { orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }], select: { id: true, title: true } } },
  });
  const cycle = await prisma.assessmentCycle.create({ data: { districtId, name, frameworkVersionId: version.id, dueDate: new Date("2026-05-01T00:00:00Z") }, select: { id: true } });
  for (const [row, schoolLevels] of levels.entries()) {
    const school = await prisma.school.create({ data: { districtId, name: `${name} school ${row + 1}`, gradeBand: "elementary" }, select: { id: true } });
    const assessment = await prisma.schoolAssessment.create({ data: { districtId, cycleId: cycle.id, schoolId: school.id }, select: { id: true } });
    for (const [column, level] of schoolLevels.entries()) {
      if (level !== null) await prisma.consensusRating.create({ data: { schoolAssessmentId: assessment.id, indicatorId: version.indicators[column]!.id, level } });
    }
  }
  return { cycleId: cycle.id, versionId: version.id, frameworkName: version.framework.name, indicators: version.indicators.slice(0, 2), unrated: version.indicators[5]! };
}

/**
 * A workshop where three families rated "Teach money skills" 5, 5, 4 and a
 * teacher rated "More internships" 5 three times over three teachers; a
 * hidden idea rated 5 by families.
 */
async function ratedWorkshop(districtId: string) {
  const groups = await prisma.stakeholderGroup.findMany({ where: { districtId, key: { in: ["families", "teachers"] } }, select: { id: true, key: true } });
  const families = groups.find((group) => group.key === "families")!.id;
  const teachers = groups.find((group) => group.key === "teachers")!.id;
  const workshop = await prisma.workshop.create({ data: { districtId, title: "Family night", languages: ["en"], joinCode: generateJoinCode(), status: "ended" }, select: { id: true } });
  const activity = await prisma.activity.create({ data: { workshopId: workshop.id, position: 0, type: "brainstorm", config: { prompt: { en: "What matters?" } }, state: "closed" }, select: { id: true } });
  const person = (groupId: string, n: number) =>
    prisma.participant.create({ data: { workshopId: workshop.id, deviceTokenHash: `${districtId}-${groupId}-${n}`, stakeholderGroupId: groupId, language: "en" }, select: { id: true } });
  const parents = [await person(families, 1), await person(families, 2), await person(families, 3)];
  const staff = [await person(teachers, 1), await person(teachers, 2), await person(teachers, 3)];
  const idea = (text: string, by: string, hidden = false) =>
    prisma.idea.create({ data: { workshopId: workshop.id, activityId: activity.id, participantId: by, clientId: text, text, language: "en", hiddenAt: hidden ? new Date() : null }, select: { id: true } });
  const money = await idea("Teach money skills", parents[0]!.id);
  const internships = await idea("More internships", staff[0]!.id);
  const hidden = await idea("Something rude", parents[1]!.id, true);
  let n = 0;
  const rate = (ideaId: string, participantId: string, value: number) =>
    prisma.rating.create({ data: { activityId: activity.id, ideaId, participantId, value, clientId: `r${(n += 1)}` } });
  for (const [index, parent] of parents.entries()) {
    await rate(money.id, parent.id, [5, 5, 4][index]!);
    await rate(hidden.id, parent.id, 5);
  }
  for (const teacher of staff) await rate(internships.id, teacher.id, 5);
  return { ideas: { money: money.id, internships: internships.id, hidden: hidden.id } };
}

describe("audience plans", () => {
  let families: { id: string; name: string };
  let maria: { id: string };
  let foreignChampion: { id: string };

  beforeAll(async () => {
    families = await audienceOf(a.districtId, "families");
    maria = await champion(a.districtId, "María Torres", ["en", "es"]);
    foreignChampion = await champion(b.districtId, "Hilltop Helper");
  });

  const plan = (fields: Record<string, string | string[]> = {}) => ({
    intent: "plan",
    message: "We want every child ready for life. Come and tell us what you think.",
    callToAction: "Come to family night",
    channels: ["newsletter", "text_message"],
    languages: ["en", "es"],
    messengerIds: [],
    messageLanguage: "en",
    ...fields,
  });

  async function planOf(audienceId: string) {
    return prisma.audience.findUniqueOrThrow({
      where: { id: audienceId },
      select: { plan: { select: { message: true, callToAction: true, channels: true, languages: true, messageLanguage: true } }, messengers: { select: { championId: true } } },
    });
  }

  it("shows what the audience's own groups care about: their ratings only, hidden ideas left out", async () => {
    const response = await responseOf(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${families.id}`, a.leader), { audienceId: families.id })));
    const body = await json<{ care: { text: string; count: number; mean: number }[] }>(response);
    expect(body.care).toEqual([expect.objectContaining({ text: "Teach money skills", count: 3, mean: 14 / 3, workshopTitle: "Family night" })]);
  });

  it("saves the message, call to action, channels, languages and a champion as messenger", async () => {
    const response = await postPlan(a.leader, families.id, plan({ messengerIds: [maria.id] }));
    expect(response.status).toBe(200);
    expect(await planOf(families.id)).toEqual({
      plan: { message: "We want every child ready for life. Come and tell us what you think.", callToAction: "Come to family night", channels: ["newsletter", "text_message"], languages: ["en", "es"], messageLanguage: "en" },
      messengers: [{ championId: maria.id }],
    });
  });

  it("keeps the language the message is written in, which picks its readability formula for every reader", async () => {
    expect((await postPlan(a.leader, families.id, plan({ message: "Queremos que cada niño esté listo para la vida.", messageLanguage: "es", messengerIds: [maria.id] }))).status).toBe(200);
    const page = await json<{ audience: { plan: { messageLanguage: string } } }>(
      await responseOf(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${families.id}`, a.schoolMember), { audienceId: families.id }))),
    );
    expect(page.audience.plan.messageLanguage).toBe("es");
    const { messageLanguage: _omitted, ...withoutLanguage } = plan({ messengerIds: [maria.id] });
    expect((await postPlan(a.leader, families.id, withoutLanguage)).status).toBe(200);
    expect((await planOf(families.id)).plan?.messageLanguage).toBeNull();
    expect((await postPlan(a.leader, families.id, plan({ messengerIds: [maria.id] }))).status).toBe(200);
  });

  it.each([
    ["an unknown channel", () => plan({ channels: ["carrier_pigeon"] }), "channels", "messages.errors.channel"],
    ["an unknown language", () => plan({ languages: ["xx"] }), "languages", "messages.errors.language"],
    ["another district's champion", () => plan({ messengerIds: [foreignChampion.id] }), "messengerIds", "messages.errors.champion"],
    ["an unknown champion", () => plan({ messengerIds: ["nobody"] }), "messengerIds", "messages.errors.champion"],
    ["a message too long", () => plan({ message: "word ".repeat(500) }), "message", "messages.errors.tooLong"],
    ["a message language without a readability formula", () => plan({ messageLanguage: "fr" }), "messageLanguage", "messages.errors.messageLanguage"],
  ])("refuses %s and changes nothing", async (_label, fields, field, key) => {
    const before = await planOf(families.id);
    const response = await postPlan(a.facilitator, families.id, fields());
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ ok: false, errors: { [field]: key } });
    expect(await planOf(families.id)).toEqual(before);
  });

  it("lets school members read a plan but not change it", async () => {
    const read = await responseOf(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${families.id}`, a.schoolMember), { audienceId: families.id })));
    expect(await json(read)).toMatchObject({ canEdit: false, champions: [], audience: { plan: { callToAction: "Come to family night" } } });
    const before = await planOf(families.id);
    expect((await postPlan(a.schoolMember, families.id, plan({ message: "Hacked" }))).status).toBe(403);
    expect(await planOf(families.id)).toEqual(before);
  });

  it("answers 404 for another district's audience", async () => {
    const foreign = await audienceOf(b.districtId, "families");
    expect((await responseOf(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${foreign.id}`, a.leader), { audienceId: foreign.id })))).status).toBe(404);
    expect((await postPlan(a.leader, foreign.id, plan())).status).toBe(404);
    expect((await planOf(foreign.id)).plan).toBeNull();
  });

  it("renames an audience and maps it to the district's stakeholder groups", async () => {
    const partners = await audienceOf(a.districtId, "partners");
    const groups = await prisma.stakeholderGroup.findMany({ where: { districtId: a.districtId, key: { in: ["partners", "higher_education"] } }, select: { id: true } });
    const response = await postPlan(a.leader, partners.id, { intent: "audience", name: "Employers", groupIds: groups.map((group) => group.id) });
    expect(response.status).toBe(200);
    const saved = await prisma.audience.findUniqueOrThrow({ where: { id: partners.id }, select: { name: true, stakeholderGroups: { select: { id: true } } } });
    expect(saved.name).toBe("Employers");
    expect(saved.stakeholderGroups.map((group) => group.id).sort()).toEqual(groups.map((group) => group.id).sort());
  });

  it("refuses another district's group, a taken name or no name", async () => {
    const partners = await audienceOf(a.districtId, "partners");
    const foreignGroup = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } });
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ name: "Employers", groupIds: [foreignGroup.id] }, "groupIds", "messages.errors.group"],
      [{ name: families.name, groupIds: [] }, "name", "messages.errors.audienceNameTaken"],
      [{ name: "  ", groupIds: [] }, "name", "messages.errors.nameRequired"],
    ];
    for (const [fields, field, key] of cases) {
      const response = await postPlan(a.leader, partners.id, { intent: "audience", ...fields });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ errors: { [field]: key } });
    }
    expect((await prisma.audience.findUniqueOrThrow({ where: { id: partners.id }, select: { name: true } })).name).toBe("Employers");
  });

  it("flags audiences without a message, a messenger or their language, on the list and for the dashboard", async () => {
    const gaps = await messagePlanGaps(a.districtId);
    expect(gaps.withoutMessage.map((audience) => audience.id)).not.toContain(families.id);
    expect(gaps.withoutMessenger.map((audience) => audience.id)).not.toContain(families.id);
    expect(gaps.withoutMessage).toHaveLength(7);
    // Families need Vietnamese now: María speaks English and Spanish only.
    await postPlan(a.leader, families.id, plan({ languages: ["en", "es", "vi"], messengerIds: [maria.id] }));
    expect((await messagePlanGaps(a.districtId)).withoutLanguage).toEqual([{ id: families.id, key: "families", name: families.name, missing: ["vi"] }]);
    const list = await json<{ audiences: { id: string; hasMessage: boolean; messengers: string[]; missing: string[] }[] }>(
      await responseOf(() => audiencesLoader(loaderArgs(getRequest("/messages/audiences", a.schoolMember)))),
    );
    expect(list.audiences.find((audience) => audience.id === families.id)).toMatchObject({ hasMessage: true, messengers: ["María Torres"], missing: ["vi"] });
    expect(list.audiences).toHaveLength(8);
    expect((await messagePlanGaps(b.districtId)).withoutMessage).toHaveLength(8);
  });

  it("prints the house, every audience and no other district's plan", async () => {
    const body = await json<{ house: { coreMessage: string }; audiences: { id: string }[] }>(await responseOf(() => printLoader(loaderArgs(getRequest("/messages/print", a.schoolMember)))));
    expect(body.house.coreMessage).toBe("Every graduate ready.");
    expect(body.audiences).toHaveLength(8);
    expect(body.audiences.map((audience) => audience.id)).toContain(families.id);
  });
});
