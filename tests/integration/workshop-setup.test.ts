import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { createDistrict } from "~/models/district.server";
import { action as workshopAction, loader as workshopLoader } from "~/routes/_app.workshops.$workshopId._index";
import { loader as listLoader } from "~/routes/_app.workshops._index";
import { action as newAction, loader as newLoader } from "~/routes/_app.workshops.new";
import { prisma } from "~/utils/db.server";
import { hashToken, randomToken } from "~/utils/tokens.server";
import type * as JoinCode from "~/workshops/join-code";
import { generateJoinCode, normalizeJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

vi.mock("~/workshops/join-code", async (importOriginal) => {
  const actual = await importOriginal<typeof JoinCode>();
  return { ...actual, generateJoinCode: vi.fn(actual.generateJoinCode) };
});

useTestDatabase();

const PASSWORD = "correct horse battery";

type Staff = { districtId: string; leader: string; facilitator: string; school: string };
let a: Staff;
let b: Staff;
let englishOnly: Staff;

async function makeDistrict(name: string, prefix: string, languages: ("en" | "es")[] = ["en", "es"]): Promise<Staff> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages,
    leaderName: `${name} Leader`,
    leaderEmail: `${prefix}-leader@example.org`,
    password: PASSWORD,
  });
  const passwordHash = await hashPassword(PASSWORD);
  const school = await prisma.school.create({ data: { districtId, name: `${name} High` }, select: { id: true } });
  const facilitator = await prisma.user.create({
    data: { districtId, email: `${prefix}-facilitator@example.org`, name: `${name} Facilitator`, role: "facilitator", passwordHash },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: { districtId, email: `${prefix}-school@example.org`, name: `${name} School`, role: "school", schoolId: school.id, passwordHash },
    select: { id: true },
  });
  return {
    districtId,
    leader: await sessionCookieFor(leaderId),
    facilitator: await sessionCookieFor(facilitator.id),
    school: await sessionCookieFor(member.id),
  };
}

beforeAll(async () => {
  a = await makeDistrict("Alder", "a");
  b = await makeDistrict("Birch", "b");
  englishOnly = await makeDistrict("Cedar", "c", ["en"]);
});

const DETAILS = { title: "Spring town hall", description: "", scheduledAt: "", timeZone: "UTC", languages: ["en", "es"] };

function create(fields: Record<string, string | string[]>, cookie = a.facilitator) {
  return responseOf(() => newAction(actionArgs(formRequest("/workshops/new", fields, { cookie }))));
}

async function createWorkshop(title = "Workshop", languages = ["en", "es"], cookie = a.facilitator): Promise<string> {
  const response = await create({ ...DETAILS, title, languages }, cookie);
  expect(response.status).toBe(302);
  const match = /^\/workshops\/([^/?]+)\?created=1$/.exec(response.headers.get("Location") ?? "");
  expect(match).not.toBeNull();
  return match![1]!;
}

function act(workshopId: string, fields: Record<string, string | string[]>, cookie = a.facilitator) {
  return responseOf(() => workshopAction(actionArgs(formRequest(`/workshops/${workshopId}`, fields, { cookie }), { workshopId })));
}

async function body<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

type Failure = { ok: false; intent: string; errors: Record<string, string>; values: Record<string, string> };

function prompts(en: string, es: string) {
  return { "prompt.en": en, "prompt.es": es };
}

async function addActivity(workshopId: string, fields: Record<string, string>) {
  return act(workshopId, { intent: "add", ...fields });
}

async function agendaOf(workshopId: string) {
  return prisma.activity.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, type: true, position: true, config: true } });
}

async function addBrainstorm(workshopId: string, en = "What should every graduate be able to do?") {
  const response = await addActivity(workshopId, { type: "brainstorm", ...prompts(en, "¿Qué debería saber hacer cada graduado?") });
  expect(response.status).toBe(302);
  const agenda = await agendaOf(workshopId);
  return agenda[agenda.length - 1]!.id;
}

async function participantIn(workshopId: string, districtId: string) {
  const group = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId }, select: { id: true } });
  return prisma.participant.create({
    data: { workshopId, deviceTokenHash: hashToken(randomToken()), stakeholderGroupId: group.id, language: "en" },
    select: { id: true },
  });
}

describe("creating a workshop", () => {
  it("creates a workshop with a unique, well-formed join code and records who did it", async () => {
    const response = await create({ ...DETAILS, title: "  Family   night ", description: "For families\r\nof Alder", scheduledAt: "2026-03-04T18:30", timeZone: "America/Chicago" });
    expect(response.status).toBe(302);
    const id = /\/workshops\/([^/?]+)/.exec(response.headers.get("Location")!)![1]!;
    const workshop = await prisma.workshop.findUniqueOrThrow({ where: { id }, select: { title: true, description: true, scheduledAt: true, languages: true, joinCode: true, status: true, districtId: true } });
    expect(workshop).toMatchObject({ title: "Family night", description: "For families\nof Alder", languages: ["en", "es"], status: "draft", districtId: a.districtId });
    expect(workshop.scheduledAt?.toISOString()).toBe("2026-03-05T00:30:00.000Z");
    expect(normalizeJoinCode(workshop.joinCode)).toBe(workshop.joinCode);
    expect(await prisma.auditEvent.count({ where: { action: "workshop.created", subjectId: id } })).toBe(1);
  });

  it("draws another join code when the first one is taken", async () => {
    const first = await createWorkshop("First");
    const taken = (await prisma.workshop.findUniqueOrThrow({ where: { id: first }, select: { joinCode: true } })).joinCode;
    vi.mocked(generateJoinCode).mockReturnValueOnce(taken);
    const second = await createWorkshop("Second");
    const code = (await prisma.workshop.findUniqueOrThrow({ where: { id: second }, select: { joinCode: true } })).joinCode;
    expect(code).not.toBe(taken);
    expect(vi.mocked(generateJoinCode).mock.results.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["an empty title", { title: "   " }, "title", "required"],
    ["a title of 121 characters", { title: "x".repeat(121) }, "title", "tooLong"],
    ["a description of 2,001 characters", { description: "x".repeat(2001) }, "description", "tooLong"],
    ["no language", { languages: [] }, "languages", "languagesRequired"],
    ["a language the app does not know", { languages: ["fr"] }, "languages", "languageNotOffered"],
    ["an impossible date", { scheduledAt: "2026-02-30T10:00" }, "scheduledAt", "invalidDate"],
    ["a date that is not one", { scheduledAt: "next tuesday" }, "scheduledAt", "invalidDate"],
    ["an unknown time zone", { scheduledAt: "2026-02-03T10:00", timeZone: "Mars/Base" }, "scheduledAt", "invalidDate"],
  ])("refuses %s and creates nothing", async (_case, fields, field, message) => {
    const before = await prisma.workshop.count();
    const response = await create({ ...DETAILS, ...fields });
    expect(response.status).toBe(400);
    expect((await body<{ errors: Record<string, string> }>(response)).errors[field]).toBe(message);
    expect(await prisma.workshop.count()).toBe(before);
  });

  it("refuses a language the district does not offer", async () => {
    const response = await create({ ...DETAILS, languages: ["en", "es"] }, englishOnly.facilitator);
    expect(response.status).toBe(400);
    expect((await body<{ errors: Record<string, string> }>(response)).errors.languages).toBe("languageNotOffered");
  });

  it("is refused to a school team member (403), page and form alike", async () => {
    expect((await responseOf(() => newLoader(loaderArgs(getRequest("/workshops/new", a.school))))).status).toBe(403);
    const before = await prisma.workshop.count();
    expect((await create(DETAILS, a.school)).status).toBe(403);
    expect(await prisma.workshop.count()).toBe(before);
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const response = await responseOf(() => newLoader(loaderArgs(getRequest("/workshops/new"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("the workshop list", () => {
  it("shows the district's workshops only, with counts, to every role", async () => {
    const id = await createWorkshop("Listed in Alder");
    await addBrainstorm(id);
    await participantIn(id, a.districtId);
    await createWorkshop("Listed in Birch", ["en"], b.facilitator);
    for (const cookie of [a.leader, a.facilitator, a.school]) {
      const response = await responseOf(() => listLoader(loaderArgs(getRequest("/workshops", cookie))));
      expect(response.status).toBe(200);
      const list = await body<{ workshops: { id: string; title: string; activityCount: number; participantCount: number; joinCode: string }[]; canManage: boolean }>(response);
      expect(list.workshops.some((workshop) => workshop.title === "Listed in Birch")).toBe(false);
      expect(list.workshops.find((workshop) => workshop.id === id)).toMatchObject({ activityCount: 1, participantCount: 1 });
      expect(list.canManage).toBe(cookie !== a.school);
    }
  });
});

describe("the workshop page", () => {
  it("answers another district's workshop, or an unknown id, with 404 — to read and to change", async () => {
    const id = await createWorkshop("Alder only");
    expect((await responseOf(() => workshopLoader(loaderArgs(getRequest(`/workshops/${id}`, b.leader), { workshopId: id })))).status).toBe(404);
    expect((await responseOf(() => workshopLoader(loaderArgs(getRequest("/workshops/nope", a.leader), { workshopId: "nope" })))).status).toBe(404);
    expect((await act(id, { intent: "details", ...DETAILS, title: "Hijacked" }, b.leader)).status).toBe(404);
    await addBrainstorm(id);
    expect((await act(id, { intent: "add", type: "brainstorm", ...prompts("x", "y") }, b.facilitator)).status).toBe(404);
    const [activity] = await agendaOf(id);
    expect((await act(id, { intent: "remove", activityId: activity!.id }, b.leader)).status).toBe(404);
    expect((await act(id, { intent: "move", activityId: activity!.id, direction: "down" }, b.leader)).status).toBe(404);
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe("Alder only");
    expect(await agendaOf(id)).toHaveLength(1);
  });

  it("answers an activity of another workshop with 404", async () => {
    const mine = await createWorkshop("Mine");
    const other = await createWorkshop("Other");
    const foreign = await addBrainstorm(other);
    expect((await act(mine, { intent: "remove", activityId: foreign })).status).toBe(404);
    expect((await act(mine, { intent: "edit", activityId: foreign, type: "brainstorm", ...prompts("a", "b") })).status).toBe(404);
    expect(await agendaOf(other)).toHaveLength(1);
  });

  it("lets a school team member read the page but change nothing (403)", async () => {
    const id = await createWorkshop("Readable");
    const response = await responseOf(() => workshopLoader(loaderArgs(getRequest(`/workshops/${id}`, a.school), { workshopId: id })));
    expect(response.status).toBe(200);
    expect(await body<{ canManage: boolean; canEdit: boolean }>(response)).toMatchObject({ canManage: false, canEdit: false });
    expect((await act(id, { intent: "add", type: "brainstorm", ...prompts("a", "b") }, a.school)).status).toBe(403);
    expect(await agendaOf(id)).toHaveLength(0);
  });

  it("saves the details and refuses bad ones", async () => {
    const id = await createWorkshop("Before");
    expect((await act(id, { intent: "details", ...DETAILS, title: "After", languages: ["es"] })).status).toBe(200);
    expect(await prisma.workshop.findUniqueOrThrow({ where: { id }, select: { title: true, languages: true } })).toEqual({ title: "After", languages: ["es"] });
    const refused = await act(id, { intent: "details", ...DETAILS, title: "" });
    expect(refused.status).toBe(400);
    expect((await body<Failure>(refused)).errors.title).toBe("required");
  });

  it("keeps the languages participants joined in once the workshop is live", async () => {
    const id = await createWorkshop("Live languages");
    await prisma.workshop.update({ where: { id }, data: { status: "live" } });
    const refused = await act(id, { intent: "details", ...DETAILS, languages: ["en"] });
    expect((await body<Failure>(refused)).errors.languages).toBe("languageInUse");
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id }, select: { languages: true } })).languages).toEqual(["en", "es"]);
  });

  it("refuses an unknown intent or a malformed move", async () => {
    const id = await createWorkshop("Intents");
    expect((await act(id, { intent: "explode" })).status).toBe(400);
    const activity = await addBrainstorm(id);
    expect((await act(id, { intent: "move", activityId: activity, direction: "sideways" })).status).toBe(400);
  });
});

describe("the agenda editor", () => {
  it("adds an activity of every type with its prompt in every language", async () => {
    const id = await createWorkshop("Every type");
    const brainstorm = await addBrainstorm(id);
    const adds: Record<string, string>[] = [
      { type: "rate", ...prompts("Rate these", "Valore estas"), sourceActivityId: brainstorm, ratingsPerParticipant: "8" },
      {
        type: "poll",
        ...prompts("Pick", "Elija"),
        multiple: "on",
        "options.0.id": "",
        "options.0.label.en": "Yes",
        "options.0.label.es": "Sí",
        "options.1.id": "",
        "options.1.label.en": "No",
        "options.1.label.es": "No",
      },
      { type: "scale", ...prompts("Agree?", "¿De acuerdo?"), max: "7", "minLabel.en": "No", "minLabel.es": "No", "maxLabel.en": "Yes", "maxLabel.es": "Sí" },
      { type: "wordcloud", ...prompts("One word", "Una palabra"), maxWords: "2" },
      {
        type: "ranking",
        ...prompts("Order", "Ordene"),
        "items.0.label.en": "A",
        "items.0.label.es": "A",
        "items.1.label.en": "B",
        "items.1.label.es": "B",
      },
      { type: "nomination", ...prompts("Who?", "¿Quién?") },
    ];
    for (const fields of adds) {
      const response = await addActivity(id, fields);
      expect(response.status, fields.type).toBe(302);
      expect(response.headers.get("Location")).toBe(`/workshops/${id}?added=${fields.type}#agenda`);
    }
    const agenda = await agendaOf(id);
    expect(agenda.map((activity) => activity.type)).toEqual(["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"]);
    expect(agenda.map((activity) => activity.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(agenda[1]!.config).toMatchObject({ type: "rate", sourceActivityId: brainstorm, ratingsPerParticipant: 8, prompt: { en: "Rate these", es: "Valore estas" } });
    const poll = agenda[2]!.config as { multiple: boolean; options: { id: string; label: Record<string, string> }[] };
    expect(poll.multiple).toBe(true);
    expect(poll.options.map((option) => option.label)).toEqual([{ en: "Yes", es: "Sí" }, { en: "No", es: "No" }]);
    expect(new Set(poll.options.map((option) => option.id)).size).toBe(2);
    expect(agenda[3]!.config).toMatchObject({ min: 1, max: 7, minLabel: { en: "No", es: "No" } });

    const page = await body<{ workshop: { activities: { type: string; config: { prompt: Record<string, string> } }[] } }>(
      await responseOf(() => workshopLoader(loaderArgs(getRequest(`/workshops/${id}`, a.facilitator), { workshopId: id }))),
    );
    expect(page.workshop.activities.map((activity) => activity.config.prompt.es)).toContain("¿Quién?");
  });

  it.each([
    ["a prompt missing a language", { type: "brainstorm", "prompt.en": "Only English", "prompt.es": " " }, "prompt.es", "required"],
    ["a poll with one option", { type: "poll", ...prompts("Pick", "Elija"), "options.0.label.en": "Only", "options.0.label.es": "Única" }, "options", "tooFew"],
    [
      "a poll option missing a language",
      { type: "poll", ...prompts("Pick", "Elija"), "options.0.label.en": "A", "options.0.label.es": "A", "options.1.label.en": "B" },
      "options.1.label.es",
      "required",
    ],
    ["an unknown type", { type: "quiz", ...prompts("a", "b") }, "type", "invalidType"],
    ["a brainstorm limit out of range", { type: "brainstorm", ...prompts("a", "b"), maxIdeasPerParticipant: "99" }, "maxIdeasPerParticipant", "outOfRange"],
    ["a prompt longer than 500 characters", { type: "nomination", ...prompts("x".repeat(501), "y") }, "prompt.en", "tooLong"],
    ["a rate activity without a brainstorm", { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: "" }, "sourceActivityId", "required"],
  ])("refuses %s and adds nothing", async (_case, fields, field, message) => {
    const id = await createWorkshop("Refusals");
    const response = await addActivity(id, fields);
    expect(response.status).toBe(400);
    const failure = await body<Failure>(response);
    expect(failure.errors[field]).toBe(message);
    expect(failure.values.type).toBe(fields.type);
    expect(await agendaOf(id)).toHaveLength(0);
  });

  it("only lets a rate activity rate a brainstorm earlier in this workshop's agenda", async () => {
    const id = await createWorkshop("Rate sources");
    const brainstorm = await addBrainstorm(id);
    await addActivity(id, { type: "poll", ...prompts("P", "P"), "options.0.label.en": "A", "options.0.label.es": "A", "options.1.label.en": "B", "options.1.label.es": "B" });
    const [, poll] = await agendaOf(id);
    const notBrainstorm = await addActivity(id, { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: poll!.id });
    expect((await body<Failure>(notBrainstorm)).errors.sourceActivityId).toBe("sourceNotBrainstorm");

    const elsewhere = await addBrainstorm(await createWorkshop("Elsewhere"));
    const foreign = await addActivity(id, { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: elsewhere });
    expect((await body<Failure>(foreign)).errors.sourceActivityId).toBe("sourceMissing");

    expect((await addActivity(id, { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: brainstorm })).status).toBe(302);
    const later = await addBrainstorm(id, "A later brainstorm");
    const rate = (await agendaOf(id)).find((activity) => activity.type === "rate")!;
    const pointsLater = await act(id, { intent: "edit", activityId: rate.id, type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: later });
    expect(pointsLater.status).toBe(400);
    expect((await body<Failure>(pointsLater)).errors.sourceActivityId).toBe("sourceNotEarlier");
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: rate.id }, select: { config: true } })).config).toMatchObject({ sourceActivityId: brainstorm });
  });

  it("reorders with up and down, but never puts a rating before its brainstorm", async () => {
    const id = await createWorkshop("Reorder");
    const brainstorm = await addBrainstorm(id);
    await addActivity(id, { type: "wordcloud", ...prompts("Word", "Palabra") });
    await addActivity(id, { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: brainstorm });
    const [, wordcloud, rate] = await agendaOf(id);

    const up = await act(id, { intent: "move", activityId: rate!.id, direction: "up" });
    expect(await body(up)).toMatchObject({ ok: true, moved: true, type: "rate" });
    expect((await agendaOf(id)).map((activity) => activity.id)).toEqual([brainstorm, rate!.id, wordcloud!.id]);

    const refused = await act(id, { intent: "move", activityId: rate!.id, direction: "up" });
    expect(refused.status).toBe(400);
    expect((await body<Failure>(refused)).errors.form).toBe("rateBeforeSource");
    const alsoRefused = await act(id, { intent: "move", activityId: brainstorm, direction: "down" });
    expect((await body<Failure>(alsoRefused)).errors.form).toBe("rateBeforeSource");
    expect((await agendaOf(id)).map((activity) => activity.id)).toEqual([brainstorm, rate!.id, wordcloud!.id]);

    const atEnd = await act(id, { intent: "move", activityId: wordcloud!.id, direction: "down" });
    expect(await body(atEnd)).toMatchObject({ ok: true, moved: false });
    expect((await agendaOf(id)).map((activity) => activity.position)).toEqual([0, 1, 2]);
  });

  it("edits an activity, and once answered only its wording", async () => {
    const id = await createWorkshop("Editing");
    const brainstorm = await addBrainstorm(id);
    const edited = await act(id, { intent: "edit", activityId: brainstorm, type: "brainstorm", ...prompts("New wording", "Nueva redacción"), maxIdeasPerParticipant: "3" });
    expect(edited.status).toBe(200);
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: brainstorm }, select: { config: true } })).config).toMatchObject({
      prompt: { en: "New wording", es: "Nueva redacción" },
      maxIdeasPerParticipant: 3,
    });

    const typeChange = await act(id, { intent: "edit", activityId: brainstorm, type: "wordcloud", ...prompts("a", "b") });
    expect((await body<Failure>(typeChange)).errors.form).toBe("typeChanged");

    const participant = await participantIn(id, a.districtId);
    await prisma.idea.create({ data: { workshopId: id, activityId: brainstorm, participantId: participant.id, clientId: "c1", text: "An idea", language: "en" } });
    const wording = await act(id, { intent: "edit", activityId: brainstorm, type: "brainstorm", ...prompts("Fixed typo", "Errata corregida"), maxIdeasPerParticipant: "3" });
    expect(wording.status).toBe(200);
    const settings = await act(id, { intent: "edit", activityId: brainstorm, type: "brainstorm", ...prompts("Fixed typo", "Errata corregida"), maxIdeasPerParticipant: "9" });
    expect((await body<Failure>(settings)).errors.form).toBe("settingsLocked");
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: brainstorm }, select: { config: true } })).config).toMatchObject({ maxIdeasPerParticipant: 3 });
  });

  it("removes an activity and closes the gap, but not one that is answered, open or rated", async () => {
    const id = await createWorkshop("Removing");
    const first = await addBrainstorm(id, "First");
    const second = await addBrainstorm(id, "Second");
    const third = await addBrainstorm(id, "Third");
    await addActivity(id, { type: "rate", ...prompts("Rate", "Valore"), sourceActivityId: third });

    const removed = await act(id, { intent: "remove", activityId: first });
    expect(await body(removed)).toMatchObject({ ok: true, type: "brainstorm" });
    expect((await agendaOf(id)).map((activity) => activity.position)).toEqual([0, 1, 2]);

    await prisma.activity.update({ where: { id: second }, data: { state: "open" } });
    expect((await body<Failure>(await act(id, { intent: "remove", activityId: second }))).errors.form).toBe("activityOpen");
    await prisma.activity.update({ where: { id: second }, data: { state: "closed" } });
    const participant = await participantIn(id, a.districtId);
    await prisma.idea.create({ data: { workshopId: id, activityId: second, participantId: participant.id, clientId: "c2", text: "Kept", language: "en" } });
    expect((await body<Failure>(await act(id, { intent: "remove", activityId: second }))).errors.form).toBe("hasSubmissions");
    expect((await body<Failure>(await act(id, { intent: "remove", activityId: third }))).errors.form).toBe("usedByRate");
    expect(await agendaOf(id)).toHaveLength(3);
  });

  it("refuses every change once the workshop has ended", async () => {
    const id = await createWorkshop("Ended");
    const brainstorm = await addBrainstorm(id);
    await prisma.workshop.update({ where: { id }, data: { status: "ended", endedAt: new Date() } });
    const attempts: Record<string, string | string[]>[] = [
      { intent: "details", ...DETAILS, title: "Renamed" },
      { intent: "add", type: "brainstorm", ...prompts("a", "b") },
      { intent: "edit", activityId: brainstorm, type: "brainstorm", ...prompts("a", "b") },
      { intent: "remove", activityId: brainstorm },
    ];
    for (const fields of attempts) {
      const response = await act(id, fields);
      expect(response.status, String(fields.intent)).toBe(400);
      expect((await body<Failure>(response)).errors.form).toBe("workshopEnded");
    }
    expect((await prisma.workshop.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe("Ended");
    expect(await agendaOf(id)).toHaveLength(1);
    const page = await body<{ canEdit: boolean }>(await responseOf(() => workshopLoader(loaderArgs(getRequest(`/workshops/${id}`, a.leader), { workshopId: id }))));
    expect(page.canEdit).toBe(false);
  });
});
