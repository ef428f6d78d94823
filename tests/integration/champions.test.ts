import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { action as personAction, loader as personLoader } from "~/routes/_app.champions.$championId";
import { loader as directoryLoader } from "~/routes/_app.champions._index";
import { action as criteriaAction, loader as criteriaLoader } from "~/routes/_app.champions.criteria";
import { loader as coverageLoader } from "~/routes/_app.champions.coverage";
import { loader as exportLoader } from "~/routes/_app.champions[.]csv";
import { action as importAction, loader as importLoader } from "~/routes/_app.champions.import";
import { loader as matrixLoader } from "~/routes/_app.champions.matrix";
import { action as addAction, loader as addLoader } from "~/routes/_app.champions.new";
import { action as pipelineAction, loader as pipelineLoader } from "~/routes/_app.champions.pipeline";
import { loader as workshopLoader } from "~/routes/_app.workshops.$workshopId._index";
import { localeCookie } from "~/i18n/locale.server";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;
let familiesA: string;
let familiesB: string;
let schoolB: string;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-champions");
  b = await districtWithStaff("Hilltop Schools", "hilltop-champions");
  familiesA = (await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } })).id;
  familiesB = (await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: b.districtId, key: "families" }, select: { id: true } })).id;
  schoolB = b.schoolId;
});

const EMPTY_PERSON = {
  kind: "person",
  name: "",
  role: "",
  stakeholderGroupId: "",
  schoolId: "",
  affiliation: "",
  reach: "",
  audienceSize: "",
  influence: "",
  support: "",
  tags: "",
  notes: "",
  email: "",
  phone: "",
  contactOther: "",
  consentAt: "",
  consentMethod: "",
  stage: "identified",
  at: "2026-01-10",
};

function add(cookie: string, fields: Record<string, string | string[]>) {
  return responseOf(() => addAction(actionArgs(formRequest("/champions/new", { ...EMPTY_PERSON, ...fields }, { cookie }))));
}

async function addPerson(cookie: string, fields: Record<string, string | string[]>): Promise<string> {
  const response = await add(cookie, fields);
  expect(response.status).toBe(302);
  const id = response.headers.get("Location")?.match(/^\/champions\/([^/?]+)\?added=1$/)?.[1];
  if (!id) throw new Error(`no champion id in ${response.headers.get("Location")}`);
  return id;
}

function person(cookie: string, championId: string) {
  return responseOf(() => personLoader(loaderArgs(getRequest(`/champions/${championId}`, cookie), { championId })));
}

function postPerson(cookie: string, championId: string, fields: Record<string, string | string[]>) {
  return responseOf(() => personAction(actionArgs(formRequest(`/champions/${championId}`, fields, { cookie }), { championId })));
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Response.text() drops the byte order mark the export starts with; a file read from disk keeps it. */
function csvRows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data;
}

function championCount(districtId: string) {
  return prisma.champion.count({ where: { districtId } });
}

describe("a new district", () => {
  it("starts with the toolkit's criteria and the key audiences, each made of its stakeholder groups", async () => {
    const criteria = await prisma.championCriterion.findMany({ where: { districtId: a.districtId }, select: { key: true, name: true }, orderBy: { position: "asc" } });
    expect(criteria.map((criterion) => criterion.key)).toEqual(["credibility", "passion", "reach", "communication", "availability"]);
    expect(criteria[2]?.name).toBe("Reach into groups the district hears least from");
    const audiences = await prisma.audience.findMany({
      where: { districtId: a.districtId },
      select: { key: true, stakeholderGroups: { select: { key: true } } },
      orderBy: { position: "asc" },
    });
    expect(audiences.map((audience) => audience.key)).toEqual(["families", "students", "teachers_staff", "school_leaders", "partners", "higher_education", "board", "media"]);
    expect(audiences.find((audience) => audience.key === "teachers_staff")?.stakeholderGroups.map((group) => group.key).sort()).toEqual(["school_staff", "teachers"]);
    expect(audiences.find((audience) => audience.key === "media")?.stakeholderGroups).toEqual([]);
  });
});

describe("adding people", () => {
  it("adds a person with contact details and a recorded consent, at a dated stage", async () => {
    const id = await addPerson(a.facilitator, {
      name: "  Ana   Pérez ",
      role: "PTA president",
      stakeholderGroupId: familiesA,
      schoolId: a.schoolId,
      languages: ["en", "es"],
      influence: "4",
      support: "5",
      tags: "parent leader, radio",
      notes: "Prefers evenings",
      email: "ANA@example.org",
      consentGiven: "on",
      consentAt: "2026-01-05",
      consentMethod: "in_person",
      stage: "invited",
      at: "2026-01-10",
    });
    const champion = await prisma.champion.findUniqueOrThrow({ where: { id }, include: { stageEvents: true } });
    expect(champion).toMatchObject({
      districtId: a.districtId,
      name: "Ana Pérez",
      languages: ["en", "es"],
      influence: 4,
      support: 5,
      tags: ["parent leader", "radio"],
      email: "ana@example.org",
      consentGiven: true,
      consentMethod: "in_person",
      stage: "invited",
      source: "manual",
    });
    expect(champion.stageEvents).toEqual([expect.objectContaining({ fromStage: null, toStage: "invited", at: new Date("2026-01-10T12:00:00Z") })]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "champion.created" }, select: { detail: true } });
    expect(JSON.stringify(audit.detail)).not.toContain("Ana");
  });

  it("refuses contact details without a recorded consent, and saves nothing", async () => {
    const before = await championCount(a.districtId);
    const response = await add(a.leader, { name: "No Consent", email: "nc@example.org", phone: "555 010 9999" });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ errors: { consentGiven: "consentRequired" } });
    const incomplete = await add(a.leader, { name: "Half Consent", email: "hc@example.org", consentGiven: "on" });
    expect(await json(incomplete)).toEqual({ errors: { consentAt: "consentDateRequired", consentMethod: "consentMethodRequired" } });
    expect(await championCount(a.districtId)).toBe(before);
    expect(await prisma.champion.count({ where: { email: { in: ["nc@example.org", "hc@example.org"] } } })).toBe(0);
  });

  it("names every bad field, refuses another district's group and school, and saves nothing", async () => {
    const before = await championCount(a.districtId);
    const response = await add(a.leader, { name: " ", influence: "9", audienceSize: "lots", email: "not-an-email", consentGiven: "on", consentAt: "2999-01-01", consentMethod: "pigeon", at: "yesterday" });
    expect(await json(response)).toEqual({
      errors: { name: "required", influence: "invalidRating", audienceSize: "invalidAudienceSize", email: "invalidEmail", consentMethod: "invalid", at: "invalidDate" },
    });
    const foreign = await add(a.leader, { name: "Foreign", stakeholderGroupId: familiesB, schoolId: schoolB });
    expect(foreign.status).toBe(400);
    expect(await json(foreign)).toEqual({ errors: { stakeholderGroupId: "unknownGroup", schoolId: "unknownSchool" } });
    const future = await add(a.leader, { name: "Tomorrow", at: "2999-01-01" });
    expect(await json(future)).toEqual({ errors: { at: "dateInFuture" } });
    expect(await championCount(a.districtId)).toBe(before);
  });

  it("is for leaders and facilitators only", async () => {
    expect((await responseOf(() => addLoader(loaderArgs(getRequest("/champions/new", a.schoolMember))))).status).toBe(403);
    expect((await add(a.schoolMember, { name: "Sneaky" })).status).toBe(403);
    expect(await prisma.champion.count({ where: { name: "Sneaky" } })).toBe(0);
  });
});

describe("contact details are for leaders and facilitators only", () => {
  let championId: string;
  beforeAll(async () => {
    championId = await addPerson(a.leader, {
      name: "Private Person",
      email: "private.person@example.org",
      phone: "555-010-7777",
      contactOther: "ask at the library",
      notes: "Private note about them",
      consentGiven: "on",
      consentAt: "2026-01-02",
      consentMethod: "email",
    });
    await postPerson(a.leader, championId, { intent: "stage", stage: "invited", at: "2026-01-12", note: "Private stage note" });
  });

  const SECRETS = ["private.person@example.org", "555-010-7777", "ask at the library", "Private note about them", "Private stage note"];

  it("the directory shows them to a facilitator", async () => {
    const text = await (await responseOf(() => directoryLoader(loaderArgs(getRequest("/champions", a.facilitator))))).text();
    expect(text).toContain("private.person@example.org");
    expect(text).toContain("555-010-7777");
  });

  it("the directory never sends them to a school team member", async () => {
    const response = await responseOf(() => directoryLoader(loaderArgs(getRequest("/champions", a.schoolMember))));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("Private Person");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ withContact: false, canManage: false });
  });

  it("the person page never sends them to a school team member, and shows them to a leader", async () => {
    const member = await person(a.schoolMember, championId);
    expect(member.status).toBe(200);
    const text = await member.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ contact: null, canManage: false });
    const leader = await (await person(a.leader, championId)).text();
    for (const secret of SECRETS) expect(leader).toContain(secret);
  });

  it("the CSV export has contact columns only for leaders and facilitators", async () => {
    const memberCsv = await (await responseOf(() => exportLoader(loaderArgs(getRequest("/champions.csv", a.schoolMember))))).text();
    const [memberHeader, ...memberRows] = csvRows(memberCsv);
    expect(memberHeader?.[0]).toBe("Name");
    expect(memberHeader).toHaveLength(15);
    expect(memberHeader).not.toContain("Email");
    expect(memberHeader).not.toContain("Notes");
    expect(memberRows.some((row) => row[0] === "Private Person")).toBe(true);
    for (const secret of SECRETS) expect(memberCsv).not.toContain(secret);

    const leaderResponse = await responseOf(() => exportLoader(loaderArgs(getRequest("/champions.csv", a.leader))));
    expect(leaderResponse.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(leaderResponse.headers.get("Content-Disposition")).toMatch(/^attachment; filename="champions-lakeside-unified-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [leaderHeader, ...leaderRows] = csvRows(await leaderResponse.text());
    expect(leaderHeader).toContain("Email");
    const row = leaderRows.find((cells) => cells[0] === "Private Person");
    expect(row?.[leaderHeader?.indexOf("Email") ?? -1]).toBe("private.person@example.org");
    expect(row?.[leaderHeader?.indexOf("Consent") ?? -1]).toBe("Yes");
  });

  it("the CSV export speaks the reader's language and guards against formulas", async () => {
    await addPerson(a.leader, { name: "=HYPERLINK(\"http://evil.example\")", tags: "+cmd, @sum" });
    const cookie = `${a.leader}; ${await localeCookie.serialize("es")}`;
    const csv = await (await responseOf(() => exportLoader(loaderArgs(getRequest("/champions.csv", cookie))))).text();
    const [header, ...rows] = csvRows(csv);
    expect(header?.slice(0, 3)).toEqual(["Nombre", "Tipo", "Función o cargo"]);
    const evil = rows.find((cells) => cells[0]?.includes("HYPERLINK"));
    expect(evil?.[0]).toBe("'=HYPERLINK(\"http://evil.example\")");
    expect(evil?.[header?.indexOf("Etiquetas") ?? -1]).toBe("'+cmd; @sum");
  });

  it("a school team member cannot change anything on the person page", async () => {
    for (const intent of ["details", "contact", "withdrawConsent", "stage", "criteria", "remove"]) {
      expect((await postPerson(a.schoolMember, championId, { intent, name: "Hacked", stage: "active", at: "2026-01-20" })).status).toBe(403);
    }
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { name: true, stage: true } })).toEqual({ name: "Private Person", stage: "invited" });
  });
});

describe("another district's champions are not found", () => {
  let championId: string;
  let criterionId: string;
  beforeAll(async () => {
    championId = await addPerson(a.leader, { name: "Lakeside Only", email: "lo@example.org", consentGiven: "on", consentAt: "2026-01-01", consentMethod: "phone" });
    criterionId = (await prisma.championCriterion.findFirstOrThrow({ where: { districtId: a.districtId }, select: { id: true } })).id;
  });

  it("on every page and action, like a made-up or malformed id", async () => {
    for (const id of [championId, "c_made_up_123", "../../etc"]) {
      expect((await person(b.leader, id)).status).toBe(404);
      expect((await postPerson(b.leader, id, { intent: "details", ...EMPTY_PERSON, name: "Stolen" })).status).toBe(404);
      expect((await postPerson(b.leader, id, { intent: "contact", email: "x@y.org", consentGiven: "on", consentAt: "2026-01-01", consentMethod: "email" })).status).toBe(404);
      expect((await postPerson(b.leader, id, { intent: "remove" })).status).toBe(404);
      const move = await responseOf(() => pipelineAction(actionArgs(formRequest("/champions/pipeline", { championId: id, to: "active" }, { cookie: b.leader }))));
      expect(move.status).toBe(404);
    }
    const rename = await responseOf(() =>
      criteriaAction(actionArgs(formRequest("/champions/criteria", { intent: "update", criterionId, name: "Stolen", description: "" }, { cookie: b.leader }))),
    );
    expect(rename.status).toBe(404);
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { name: true, stage: true, email: true } })).toEqual({
      name: "Lakeside Only",
      stage: "identified",
      email: "lo@example.org",
    });
  });

  it("and never appear in another district's lists or export", async () => {
    const directory = await (await responseOf(() => directoryLoader(loaderArgs(getRequest("/champions", b.leader))))).text();
    expect(directory).not.toContain("Lakeside Only");
    const csv = await (await responseOf(() => exportLoader(loaderArgs(getRequest("/champions.csv", b.leader))))).text();
    expect(csv).not.toContain("Lakeside Only");
    const coverage = await (await responseOf(() => coverageLoader(loaderArgs(getRequest("/champions/coverage", b.leader))))).text();
    expect(coverage).not.toContain("Lakeside Only");
  });

  it("their criteria, audiences and workshops cannot be assigned", async () => {
    const foreignCriterion = (await prisma.championCriterion.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } })).id;
    const foreignAudience = (await prisma.audience.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } })).id;
    const foreignWorkshop = await prisma.workshop.create({ data: { districtId: b.districtId, title: "Hilltop night", languages: ["en"], joinCode: generateJoinCode() }, select: { id: true } });
    for (const [intent, id] of [["criteria", foreignCriterion], ["audiences", foreignAudience], ["workshops", foreignWorkshop.id]] as const) {
      const response = await postPerson(a.leader, championId, { intent, ids: [id] });
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({ intent, ok: false, errors: { form: "invalid" } });
    }
    expect(await prisma.championCriterionCheck.count({ where: { championId } })).toBe(0);
    expect(await prisma.audienceMessenger.count({ where: { championId } })).toBe(0);
    expect(await prisma.workshopCoHost.count({ where: { championId } })).toBe(0);
  });
});

describe("the person page", () => {
  let championId: string;
  beforeAll(async () => {
    championId = await addPerson(a.leader, { name: "Page Person", stakeholderGroupId: familiesA, influence: "3", support: "4" });
  });

  it("edits details, and refuses bad ones without saving", async () => {
    const ok = await postPerson(a.facilitator, championId, { intent: "details", ...EMPTY_PERSON, name: "Page Person", role: "Coach", languages: ["so"], influence: "5", support: "2" });
    expect(await json(ok)).toEqual({ intent: "details", ok: true });
    const bad = await postPerson(a.facilitator, championId, { intent: "details", ...EMPTY_PERSON, name: "", support: "7" });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({ intent: "details", ok: false, errors: { name: "required", support: "invalidRating" } });
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { name: true, role: true, languages: true, influence: true, support: true } })).toEqual({
      name: "Page Person",
      role: "Coach",
      languages: ["so"],
      influence: 5,
      support: 2,
    });
    const loaded = await json<{ quadrant: string }>(await person(a.leader, championId));
    expect(loaded.quadrant).toBe("win_over");
  });

  it("stores contact details only with consent, and deletes them when consent is withdrawn", async () => {
    const refused = await postPerson(a.leader, championId, { intent: "contact", email: "page@example.org", consentAt: "", consentMethod: "" });
    expect(refused.status).toBe(400);
    expect(await json(refused)).toEqual({ intent: "contact", ok: false, errors: { consentGiven: "consentRequired" } });
    expect((await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { email: true } })).email).toBeNull();

    const saved = await postPerson(a.leader, championId, { intent: "contact", email: "page@example.org", phone: "", contactOther: "", consentGiven: "on", consentAt: "2026-01-03", consentMethod: "written" });
    expect(await json(saved)).toEqual({ intent: "contact", ok: true });
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { email: true, consentGiven: true, consentMethod: true } })).toEqual({
      email: "page@example.org",
      consentGiven: true,
      consentMethod: "written",
    });

    expect(await json(await postPerson(a.leader, championId, { intent: "withdrawConsent" }))).toEqual({ intent: "withdrawConsent", ok: true });
    expect(
      await prisma.champion.findUniqueOrThrow({ where: { id: championId }, select: { email: true, phone: true, contactOther: true, consentGiven: true, consentAt: true, consentMethod: true } }),
    ).toEqual({ email: null, phone: null, contactOther: null, consentGiven: false, consentAt: null, consentMethod: null });
  });

  it("moves through the pipeline with dates and notes, in order", async () => {
    expect(await json(await postPerson(a.leader, championId, { intent: "stage", stage: "invited", at: "2026-02-01", note: "Called her" }))).toEqual({ intent: "stage", ok: true });
    const same = await postPerson(a.leader, championId, { intent: "stage", stage: "invited", at: "2026-02-02", note: "" });
    expect(await json(same)).toEqual({ intent: "stage", ok: false, errors: { stage: "sameStage" } });
    const earlier = await postPerson(a.leader, championId, { intent: "stage", stage: "committed", at: "2026-01-15", note: "" });
    expect(await json(earlier)).toEqual({ intent: "stage", ok: false, errors: { at: "dateBeforeLastMove" } });
    const future = await postPerson(a.leader, championId, { intent: "stage", stage: "committed", at: "2999-01-01", note: "" });
    expect(await json(future)).toEqual({ intent: "stage", ok: false, errors: { at: "dateInFuture" } });
    const unknown = await postPerson(a.leader, championId, { intent: "stage", stage: "famous", at: "2026-02-03" });
    expect(await json(unknown)).toEqual({ intent: "stage", ok: false, errors: { stage: "invalid" } });
    expect(await json(await postPerson(a.leader, championId, { intent: "stage", stage: "committed", at: "2026-02-10", note: "" }))).toEqual({ intent: "stage", ok: true });

    const loaded = await json<{ champion: { stage: string }; history: { fromStage: string | null; toStage: string; note: string | null }[] }>(await person(a.leader, championId));
    expect(loaded.champion.stage).toBe("committed");
    expect(loaded.history.map((event) => [event.fromStage, event.toStage, event.note])).toEqual([
      ["invited", "committed", null],
      ["identified", "invited", "Called her"],
      [null, "identified", null],
    ]);
  });

  it("checks criteria into a score, and assigns audiences and workshops", async () => {
    const criteria = await prisma.championCriterion.findMany({ where: { districtId: a.districtId }, select: { id: true }, orderBy: { position: "asc" } });
    const ids = criteria.slice(0, 3).map((criterion) => criterion.id);
    expect(await json(await postPerson(a.leader, championId, { intent: "criteria", ids }))).toEqual({ intent: "criteria", ok: true });
    const loaded = await json<{ score: { met: number; total: number } }>(await person(a.schoolMember, championId));
    expect(loaded.score).toEqual({ met: 3, total: 5, share: 0.6 });

    const families = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } });
    const workshop = await prisma.workshop.create({ data: { districtId: a.districtId, title: "Family night", languages: ["en"], joinCode: generateJoinCode() }, select: { id: true } });
    expect(await json(await postPerson(a.leader, championId, { intent: "audiences", ids: [families.id] }))).toEqual({ intent: "audiences", ok: true });
    expect(await json(await postPerson(a.leader, championId, { intent: "workshops", ids: [workshop.id] }))).toEqual({ intent: "workshops", ok: true });
    expect(await prisma.audienceMessenger.findMany({ where: { championId }, select: { audienceId: true } })).toEqual([{ audienceId: families.id }]);
    expect(await prisma.workshopCoHost.findMany({ where: { championId }, select: { workshopId: true } })).toEqual([{ workshopId: workshop.id }]);
    // The workshop's page names its co-host, for a school member too.
    const workshopPage = await json<{ workshop: { coHosts: { id: string; name: string }[] } }>(
      await responseOf(() => workshopLoader(loaderArgs(getRequest(`/workshops/${workshop.id}`, a.schoolMember), { workshopId: workshop.id }))),
    );
    expect(workshopPage.workshop.coHosts).toEqual([expect.objectContaining({ id: championId })]);
    // Clearing every box clears the assignments.
    expect(await json(await postPerson(a.leader, championId, { intent: "audiences" }))).toEqual({ intent: "audiences", ok: true });
    expect(await prisma.audienceMessenger.count({ where: { championId } })).toBe(0);
  });

  it("refuses an unknown intent", async () => {
    const response = await postPerson(a.leader, championId, { intent: "promote" });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ intent: null, ok: false, errors: { form: "invalid" } });
  });

  it("removes the person and everything kept about them", async () => {
    const response = await postPerson(a.leader, championId, { intent: "remove" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/champions?removed=1");
    expect(await prisma.champion.findUnique({ where: { id: championId } })).toBeNull();
    expect(await prisma.championStageEvent.count({ where: { championId } })).toBe(0);
    expect(await prisma.championCriterionCheck.count({ where: { championId } })).toBe(0);
    expect(await prisma.workshopCoHost.count({ where: { championId } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { subjectId: championId }, select: { detail: true } });
    expect(JSON.stringify(audit)).not.toContain("Page Person");
    expect((await person(a.leader, championId)).status).toBe(404);
  });
});

describe("duplicates in the directory", () => {
  it("are flagged for leaders and facilitators", async () => {
    const first = await addPerson(a.leader, { name: "Lucía Hernández" });
    const second = await addPerson(a.leader, { name: "HERNANDEZ, Lucia" });
    const third = await addPerson(a.leader, { name: "Oscar Byrne", phone: "555-013-4455", consentGiven: "on", consentAt: "2026-01-01", consentMethod: "phone" });
    const fourth = await addPerson(a.leader, { name: "O. B.", phone: "+1 (555) 013-4455", consentGiven: "on", consentAt: "2026-01-01", consentMethod: "phone" });
    const loaded = await json<{ rows: { id: string; duplicate: boolean }[] }>(await responseOf(() => directoryLoader(loaderArgs(getRequest("/champions", a.leader)))));
    const flagged = (id: string) => loaded.rows.find((row) => row.id === id)?.duplicate;
    expect([first, second, third, fourth].map(flagged)).toEqual([true, true, true, true]);
    const page = await json<{ duplicates: { id: string; reasons: string[] }[] }>(await person(a.leader, third));
    expect(page.duplicates).toEqual([{ id: fourth, name: "O. B.", reasons: ["samePhone"] }]);
  });
});

describe("filters", () => {
  it("filter the directory and the matrix by group, language, stage, tag and search", async () => {
    await addPerson(a.leader, { name: "Filter Target", stakeholderGroupId: familiesA, languages: ["vi"], tags: "zz-unique-tag", influence: "5", support: "5", stage: "committed", at: "2026-01-01" });
    const directory = await json<{ rows: { name: string }[]; filtered: boolean }>(
      await responseOf(() => directoryLoader(loaderArgs(getRequest(`/champions?language=vi&group=${familiesA}&stage=committed&tag=ZZ-UNIQUE-TAG&q=target`, a.schoolMember)))),
    );
    expect(directory.filtered).toBe(true);
    expect(directory.rows.map((row) => row.name)).toEqual(["Filter Target"]);
    const matrix = await json<{ quadrants: Record<string, { name: string }[]>; unrated: unknown[] }>(
      await responseOf(() => matrixLoader(loaderArgs(getRequest("/champions/matrix?language=vi", a.schoolMember)))),
    );
    expect(matrix.quadrants.keep_close?.map((p) => p.name)).toEqual(["Filter Target"]);
    expect(matrix.unrated).toEqual([]);
  });
});

describe("CSV import", () => {
  function upload(cookie: string, fields: Record<string, string | File>) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return responseOf(() => importAction(actionArgs(new Request("http://localhost/champions/import", { method: "POST", body, headers: { Cookie: cookie } }))));
  }
  const file = (text: string, name = "champions.csv") => new File([text], name, { type: "text/csv" });
  type ImportBody = {
    step: string;
    problem?: string;
    count?: number;
    csvText?: string;
    rows?: { line: number; name: string; withConsent: boolean }[];
    warnings?: { line: number; existing: { name: string; reasons: string[] }[]; earlierLines: { line: number }[] }[];
    errors?: { line: number; key: string; values?: Record<string, unknown> }[];
  };

  it("lists every bad row by line and imports nothing", async () => {
    const before = await championCount(a.districtId);
    const csv = [
      "name,stakeholder_group,school,languages,influence,email,consent,consent_date,consent_method,stage",
      "Good Row,Families,Central High,Spanish,3,,,,,identified",
      "Bad Group,Martians,,,,,,,,",
      ",Families,,,,,,,,",
      "No Consent,,,,,nc2@example.org,no,,,",
      "Bad Rating,,,Klingon,11,,,,,famous",
    ].join("\n");
    const response = await upload(a.facilitator, { intent: "check", file: file(csv) });
    expect(response.status).toBe(400);
    const body = await json<ImportBody>(response);
    expect(body.step).toBe("errors");
    expect(body.errors).toEqual([
      { line: 3, key: "unknownGroup", values: { value: "Martians" } },
      { line: 4, key: "emptyName" },
      { line: 5, key: "consentRequired" },
      { line: 6, key: "unknownLanguage", values: { value: "Klingon" } },
      { line: 6, key: "unknownStage", values: { value: "famous" } },
      { line: 6, key: "invalidRating", values: { column: "influence", value: "11" } },
    ]);
    expect(await championCount(a.districtId)).toBe(before);
  });

  it("previews the rows with possible duplicates, then imports them all on confirmation", async () => {
    const before = await championCount(a.districtId);
    const csv = [
      "name,stakeholder_group,school,languages,email,consent,consent_date,consent_method,stage",
      "Import One,Families,CHS,English; Spanish,one@example.org,yes,2026-01-01,email,committed",
      "Ana Perez,,,,,,,,",
      "IMPORT ONE,,,,,,,,",
    ].join("\n");
    const preview = await json<ImportBody>(await upload(a.facilitator, { intent: "check", file: file(csv) }));
    expect(preview).toMatchObject({ step: "preview", count: 3 });
    expect(preview.rows?.map((row) => [row.line, row.name, row.withConsent])).toEqual([
      [2, "Import One", true],
      [3, "Ana Perez", false],
      [4, "IMPORT ONE", false],
    ]);
    expect(JSON.stringify(preview.rows)).not.toContain("one@example.org");
    expect(preview.warnings).toEqual([
      { line: 3, existing: [expect.objectContaining({ name: "Ana Pérez", reasons: ["sameName"] })], earlierLines: [] },
      { line: 4, existing: [], earlierLines: [{ line: 2, reasons: ["sameName"] }] },
    ]);
    expect(await championCount(a.districtId)).toBe(before);

    const confirmed = await json<ImportBody>(await upload(a.facilitator, { intent: "confirm", csvText: preview.csvText ?? "" }));
    expect(confirmed).toEqual({ step: "imported", count: 3 });
    expect(await championCount(a.districtId)).toBe(before + 3);
    const imported = await prisma.champion.findFirstOrThrow({
      where: { districtId: a.districtId, name: "Import One" },
      select: { source: true, stage: true, languages: true, schoolId: true, email: true, consentGiven: true, stageEvents: { select: { toStage: true } } },
    });
    expect(imported).toEqual({ source: "csv", stage: "committed", languages: ["en", "es"], schoolId: a.schoolId, email: "one@example.org", consentGiven: true, stageEvents: [{ toStage: "committed" }] });
  });

  it("checks the file again on confirmation, so an edited preview imports nothing", async () => {
    const before = await championCount(a.districtId);
    const body = await json<ImportBody>(await upload(a.leader, { intent: "confirm", csvText: "name,email\nSneaky,sneaky@example.org\n" }));
    expect(body).toEqual({ step: "errors", errors: [{ line: 2, key: "consentRequired" }] });
    expect(await championCount(a.districtId)).toBe(before);
  });

  it("refuses a missing, non-CSV or empty file with a clear message", async () => {
    expect(await json(await upload(a.leader, { intent: "check" }))).toEqual({ step: "failed", problem: "chooseFile" });
    expect(await json(await upload(a.leader, { intent: "check", file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])], "people.xlsx", { type: "application/vnd.ms-excel" }) }))).toEqual({
      step: "errors",
      errors: [{ line: 1, key: "notCsv" }],
    });
    expect(await json(await upload(a.leader, { intent: "check", file: file("") }))).toEqual({ step: "errors", errors: [{ line: 1, key: "emptyFile" }] });
  });

  it("is for leaders and facilitators only", async () => {
    expect((await responseOf(() => importLoader(loaderArgs(getRequest("/champions/import", a.schoolMember))))).status).toBe(403);
    expect((await upload(a.schoolMember, { intent: "confirm", csvText: "name\nSneaky Import\n" })).status).toBe(403);
    expect(await prisma.champion.count({ where: { name: "Sneaky Import" } })).toBe(0);
  });
});

describe("the pipeline board", () => {
  it("moves a person one stage on, and refuses a repeated click", async () => {
    const id = await addPerson(a.leader, { name: "Board Mover", at: "2026-01-01" });
    const move = () => responseOf(() => pipelineAction(actionArgs(formRequest("/champions/pipeline", { championId: id, to: "invited" }, { cookie: a.facilitator }))));
    expect(await json(await move())).toEqual({ ok: true, name: "Board Mover", stage: "invited" });
    const again = await move();
    expect(again.status).toBe(400);
    expect(await json(again)).toEqual({ ok: false, errors: { stage: "sameStage" } });
    const board = await json<{ columns: { stage: string; people: { name: string }[] }[]; canManage: boolean }>(
      await responseOf(() => pipelineLoader(loaderArgs(getRequest("/champions/pipeline", a.schoolMember)))),
    );
    expect(board.canManage).toBe(false);
    expect(board.columns.find((column) => column.stage === "invited")?.people.map((p) => p.name)).toContain("Board Mover");
    const refused = await responseOf(() => pipelineAction(actionArgs(formRequest("/champions/pipeline", { championId: id, to: "active" }, { cookie: a.schoolMember }))));
    expect(refused.status).toBe(403);
  });
});

describe("coverage", () => {
  it("lists gaps first and closes one when a fitting champion commits", async () => {
    const district = await districtWithStaff("Gap Valley", "gap-valley");
    const families = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: district.districtId, key: "families" }, select: { id: true } });
    const coverage = async () =>
      json<{ coverage: { gaps: { kind: string; schoolId?: string; language?: string; groupId?: string }[] } }>(
        await responseOf(() => coverageLoader(loaderArgs(getRequest("/champions/coverage", district.schoolMember)))),
      );
    const first = await addPerson(district.leader, { name: "English Only", stakeholderGroupId: families.id, schoolId: district.schoolId, languages: ["en"], stage: "active", at: "2026-01-01" });
    expect(first).toBeTruthy();
    const spanishGap = { kind: "schoolLanguage", schoolId: district.schoolId, language: "es" };
    expect((await coverage()).coverage.gaps).toContainEqual(spanishGap);
    expect((await coverage()).coverage.gaps).not.toContainEqual({ kind: "group", groupId: families.id });

    const second = await addPerson(district.leader, { name: "Habla Español", schoolId: district.schoolId, languages: ["es"], stage: "invited", at: "2026-01-01" });
    expect((await coverage()).coverage.gaps).toContainEqual(spanishGap);
    await postPerson(district.leader, second, { intent: "stage", stage: "committed", at: "2026-01-05", note: "" });
    expect((await coverage()).coverage.gaps).not.toContainEqual(spanishGap);
  });
});

describe("the criteria editor", () => {
  it("adds, rewords, reorders and removes criteria; scores follow", async () => {
    const district = await districtWithStaff("Criteria Town", "criteria-town");
    const post = (cookie: string, fields: Record<string, string>) =>
      responseOf(() => criteriaAction(actionArgs(formRequest("/champions/criteria", fields, { cookie }))));
    const list = async () =>
      json<{ criteria: { id: string; key: string | null; name: string }[]; use: Record<string, number> }>(
        await responseOf(() => criteriaLoader(loaderArgs(getRequest("/champions/criteria", district.schoolMember)))),
      );

    expect(await json(await post(district.facilitator, { intent: "add", name: "Lives nearby", description: "" }))).toEqual({ ok: true, intent: "add" });
    const taken = await post(district.facilitator, { intent: "add", name: "PASIÓN POR LA VISIÓN", description: "" });
    expect(await json(taken)).toEqual({ ok: false, intent: "add", criterionId: null, errors: { name: "criterionNameTaken" } });
    expect(await json(await post(district.facilitator, { intent: "add", name: " ", description: "" }))).toMatchObject({ ok: false, errors: { name: "required" } });

    let criteria = (await list()).criteria;
    expect(criteria.map((criterion) => criterion.name)).toHaveLength(6);
    const added = criteria.at(-1);
    if (!added) throw new Error("no criteria");
    expect(await json(await post(district.leader, { intent: "move", criterionId: added.id, direction: "up" }))).toEqual({ ok: true, intent: "move" });
    expect(await json(await post(district.leader, { intent: "update", criterionId: added.id, name: "Lives in the neighborhood", description: "Walks to school" }))).toEqual({ ok: true, intent: "update" });
    criteria = (await list()).criteria;
    expect(criteria.map((criterion) => criterion.name).slice(-2)).toEqual(["Lives in the neighborhood", "Availability"]);

    // Spanish default wording keeps the English one, so it stays translated.
    const passion = criteria.find((criterion) => criterion.key === "passion");
    if (!passion) throw new Error("no passion criterion");
    await post(district.leader, {
      intent: "update",
      criterionId: passion.id,
      name: "Pasión por la visión",
      description: "¿Le importa el aprendizaje personalizado y basado en competencias, y quiere que se haga realidad?",
    });
    expect((await prisma.championCriterion.findUniqueOrThrow({ where: { id: passion.id }, select: { name: true } })).name).toBe("Passion for the vision");

    const championId = await addPerson(district.leader, { name: "Scored Person" });
    await postPerson(district.leader, championId, { intent: "criteria", ids: [added.id, passion.id] });
    expect((await list()).use[added.id]).toBe(1);
    expect(await json(await post(district.leader, { intent: "remove", criterionId: added.id }))).toEqual({ ok: true, intent: "remove" });
    const page = await json<{ score: { met: number; total: number } }>(await person(district.leader, championId));
    expect(page.score).toMatchObject({ met: 1, total: 5 });

    expect((await post(district.schoolMember, { intent: "add", name: "Sneaky", description: "" })).status).toBe(403);
    expect((await post(district.leader, { intent: "dance" })).status).toBe(400);
  });
});
