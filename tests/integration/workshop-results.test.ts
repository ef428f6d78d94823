import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { seedDemoDistrict } from "~/models/demo.server";
import { createDistrict } from "~/models/district.server";
import { loader as exportLoader } from "~/routes/_app.workshops.$workshopId.export[.]csv";
import { loader as resultsLoader } from "~/routes/_app.workshops.$workshopId.results";
import { action as themesAction, loader as themesLoader } from "~/routes/_app.workshops.$workshopId.themes";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

type Staff = { leader: string; facilitator: string; school: string };
let riverbend: Staff & { districtId: string; workshopId: string; draftId: string };
let other: { districtId: string; leader: string; workshopId: string; themeId: string; ideaId: string };

async function cookieOf(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return sessionCookieFor(user.id);
}

beforeAll(async () => {
  await seedDemoDistrict();
  const workshop = await prisma.workshop.findFirstOrThrow({ where: { title: "Community visioning night" }, select: { id: true, districtId: true } });
  const draft = await prisma.workshop.findFirstOrThrow({ where: { title: "Spring listening session" }, select: { id: true } });
  riverbend = {
    districtId: workshop.districtId,
    workshopId: workshop.id,
    draftId: draft.id,
    leader: await cookieOf("leader@riverbend.example"),
    facilitator: await cookieOf("facilitator@riverbend.example"),
    school: await cookieOf("school@riverbend.example"),
  };

  // Another district with a workshop, a theme and an idea of its own.
  const { districtId, leaderId } = await createDistrict({
    districtName: "Hilltop Schools",
    languages: ["en"],
    leaderName: "Hill Leader",
    leaderEmail: "leader@hilltop.example",
    password: "a-long-enough-password",
  });
  const group = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId, key: "families" }, select: { id: true } });
  const otherWorkshop = await prisma.workshop.create({
    data: { districtId, title: "Hilltop night", languages: ["en"], joinCode: generateJoinCode(), status: "ended" },
    select: { id: true },
  });
  const activity = await prisma.activity.create({
    data: { workshopId: otherWorkshop.id, position: 0, type: "brainstorm", config: { prompt: { en: "Ideas?" }, maxIdeasPerParticipant: 5 } },
    select: { id: true },
  });
  const participant = await prisma.participant.create({
    data: { workshopId: otherWorkshop.id, deviceTokenHash: "h", stakeholderGroupId: group.id, language: "en" },
    select: { id: true },
  });
  const idea = await prisma.idea.create({
    data: { workshopId: otherWorkshop.id, activityId: activity.id, participantId: participant.id, clientId: "c1", text: "Hilltop idea", language: "en" },
    select: { id: true },
  });
  const theme = await prisma.theme.create({ data: { workshopId: otherWorkshop.id, name: "Hilltop theme" }, select: { id: true } });
  other = { districtId, leader: await sessionCookieFor(leaderId), workshopId: otherWorkshop.id, themeId: theme.id, ideaId: idea.id };
});

function results(workshopId: string, cookie: string, query = "", headers: Record<string, string> = {}) {
  return responseOf(() => resultsLoader(loaderArgs(getRequest(`/workshops/${workshopId}/results${query}`, cookie, headers), { workshopId })));
}

type ResultsData = {
  workshop: { title: string };
  groupId: string | null;
  unknownGroup: boolean;
  groups: { id: string; label: string }[];
  commonGround: { ideaId: string; text: string }[];
  divisive: { ideaId: string; text: string; gap: number }[];
  outcomes: { type: string; ideas?: { id: string; stakeholderGroupId: string; text: string }[]; respondents?: number; ratingCount?: number }[];
  participation: { stakeholderGroupId: string; count: number; targetShare: number }[];
  participantCount: number;
};

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function groupId(key: string) {
  return (await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: riverbend.districtId, key }, select: { id: true } })).id;
}

describe("results page", () => {
  it("shows every activity, common ground, divisive ideas and participation to a facilitator", async () => {
    const response = await results(riverbend.workshopId, riverbend.facilitator);
    expect(response.status).toBe(200);
    const data = await json<ResultsData>(response);
    expect(data.outcomes.map((outcome) => outcome.type)).toEqual(["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"]);
    expect(data.commonGround.length).toBeGreaterThan(0);
    expect(data.divisive.length).toBeGreaterThan(0);
    expect(data.divisive.map((entry) => entry.text)).toContain("Put phones away in class and learn to focus without screens");
    expect(data.commonGround.map((entry) => entry.text)).toContain("Think critically: check sources and spot misinformation");
    const brainstorm = data.outcomes[0]!;
    const shown = brainstorm.ideas!.map((idea) => idea.text);
    expect(shown).not.toContain("pizza fridays!!!");
    expect(shown).not.toContain("Budgeting and how credit cards really work");
    expect(data.participantCount).toBe(await prisma.participant.count({ where: { workshopId: riverbend.workshopId } }));
    const families = data.participation.find((row) => row.stakeholderGroupId === data.groups.find((group) => group.label === "Families")?.id);
    expect(families).toMatchObject({ count: 7, targetShare: 25 });
  });

  it("filters by stakeholder group: that group's ideas and answers only", async () => {
    const students = await groupId("students");
    const data = await json<ResultsData>(await results(riverbend.workshopId, riverbend.leader, `?group=${students}`));
    expect(data.groupId).toBe(students);
    expect(data.unknownGroup).toBe(false);
    const ideas = data.outcomes[0]!.ideas!;
    expect(ideas.length).toBeGreaterThan(0);
    expect(ideas.every((idea) => idea.stakeholderGroupId === students)).toBe(true);
    const poll = data.outcomes.find((outcome) => outcome.type === "poll")!;
    expect(poll.respondents).toBe(8);
    const rate = data.outcomes.find((outcome) => outcome.type === "rate")!;
    const studentRatings = await prisma.rating.count({ where: { activity: { workshopId: riverbend.workshopId }, participant: { stakeholderGroupId: students }, idea: { hiddenAt: null } } });
    expect(rate.ratingCount).toBe(studentRatings);
  });

  it("answers an unknown or malformed group with a clear message and every group's results", async () => {
    const otherDistrictsGroup = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: other.districtId }, select: { id: true } });
    for (const query of [`?group=${otherDistrictsGroup.id}`, "?group=nope", "?group=%3Cscript%3E", `?group=${"x".repeat(200)}`]) {
      const response = await results(riverbend.workshopId, riverbend.leader, query);
      expect(response.status).toBe(200);
      const data = await json<ResultsData>(response);
      expect(data.unknownGroup).toBe(true);
      expect(data.groupId).toBeNull();
    }
  });

  it("lets a school team member read results, as the workshop pages do", async () => {
    expect((await results(riverbend.workshopId, riverbend.school)).status).toBe(200);
  });

  it("is a 404 for another district's workshop or a malformed id, and a sign-in redirect without a session", async () => {
    expect((await results(other.workshopId, riverbend.leader)).status).toBe(404);
    expect((await results("not a valid id", riverbend.leader)).status).toBe(404);
    const anonymous = await responseOf(() => resultsLoader(loaderArgs(getRequest(`/workshops/${riverbend.workshopId}/results`), { workshopId: riverbend.workshopId })));
    expect(anonymous.status).toBe(302);
  });
});

function download(workshopId: string, query: string, cookie: string, headers: Record<string, string> = {}) {
  return responseOf(() => exportLoader(loaderArgs(getRequest(`/workshops/${workshopId}/export.csv${query}`, cookie, headers), { workshopId })));
}

function rowsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trimEnd()).data;
}

describe("CSV export", () => {
  it("exports ideas, ratings and answers with group and time, and nothing personal", async () => {
    const participants = await prisma.participant.findMany({ where: { workshopId: riverbend.workshopId }, select: { id: true, displayName: true, deviceTokenHash: true } });
    const nominations = await prisma.nomination.findMany({ where: { districtId: riverbend.districtId }, select: { nomineeName: true, contact: true, reason: true } });
    const secrets = [
      ...participants.flatMap((participant) => [participant.id, participant.deviceTokenHash, participant.displayName ?? ""]),
      ...nominations.flatMap((nomination) => [nomination.nomineeName, nomination.contact ?? "", nomination.reason]),
    ].filter(Boolean);
    expect(secrets.length).toBeGreaterThan(participants.length);

    const expected = {
      ideas: await prisma.idea.count({ where: { workshopId: riverbend.workshopId } }),
      ratings: await prisma.rating.count({ where: { activity: { workshopId: riverbend.workshopId } } }),
      responses: await prisma.response.count({ where: { activity: { workshopId: riverbend.workshopId } } }),
    };
    for (const kind of ["ideas", "ratings", "responses"] as const) {
      const response = await download(riverbend.workshopId, `?kind=${kind}`, riverbend.facilitator);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain("text/csv");
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
      const text = await response.text();
      for (const secret of secrets) expect(text, `${kind} export leaks ${secret}`).not.toContain(secret);
      const [header, ...rows] = rowsOf(text);
      expect(header).toContain("stakeholder_group");
      expect(header!.some((column) => /name|device|contact|participant/i.test(column))).toBe(false);
      expect(rows).toHaveLength(expected[kind]);
      const groupColumn = header!.indexOf("stakeholder_group");
      expect(rows.every((row) => row[groupColumn] !== "")).toBe(true);
      expect(rows.every((row) => row.some((cell) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(cell)))).toBe(true);
    }
  });

  it("exports one group's rows when asked, with headers in the reader's language", async () => {
    const families = await groupId("families");
    const spanish = { Cookie: `${riverbend.leader}; ${(await localeCookie.serialize("es")).split(";")[0]}` };
    const response = await download(riverbend.workshopId, `?kind=responses&group=${families}`, "", spanish);
    const [header, ...rows] = rowsOf(await response.text());
    expect(header).toContain("grupo_de_interes");
    const column = header!.indexOf("grupo_de_interes");
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[column]))).toEqual(new Set(["Familias"]));
  });

  it("refuses an unknown kind or group with a 400 and a message, and other districts' workshops with a 404", async () => {
    for (const query of ["", "?kind=nominations", "?kind=IDEAS", "?kind=%3D1%2B1"]) {
      const response = await download(riverbend.workshopId, query, riverbend.leader);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/ideas, ratings or responses/);
    }
    const badGroup = await download(riverbend.workshopId, "?kind=ideas&group=nope", riverbend.leader);
    expect(badGroup.status).toBe(400);
    expect(await badGroup.text()).toMatch(/not one of your district's groups/);
    expect((await download(other.workshopId, "?kind=ideas", riverbend.leader)).status).toBe(404);
  });
});

function themes(workshopId: string, cookie: string) {
  return responseOf(() => themesLoader(loaderArgs(getRequest(`/workshops/${workshopId}/themes`, cookie), { workshopId })));
}

function themeAction(workshopId: string, fields: Record<string, string>, cookie = riverbend.facilitator) {
  return responseOf(() => themesAction(actionArgs(formRequest(`/workshops/${workshopId}/themes`, fields, { cookie }), { workshopId })));
}

type Board = { board: { themes: { id: string; name: string; ideas: { id: string; mergedCount: number }[] }[]; unthemed: { id: string }[] } };

async function board(workshopId = riverbend.workshopId) {
  return json<Board>(await themes(workshopId, riverbend.facilitator));
}

describe("themes page", () => {
  it("shows shown ideas by theme; hidden ideas out, duplicates with their target", async () => {
    const { board: loaded } = await board();
    expect(loaded.themes.map((theme) => theme.name)).toEqual(["Ready for life and work", "Thinking and communicating", "Well-being and belonging", "Community and citizenship"]);
    const ids = [...loaded.unthemed, ...loaded.themes.flatMap((theme) => theme.ideas)].map((idea) => idea.id);
    const hidden = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, hiddenAt: { not: null } }, select: { id: true } });
    const duplicate = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true } });
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(duplicate.id);
    expect(new Set(ids).size).toBe(ids.length);
    const target = loaded.themes.flatMap((theme) => theme.ideas).find((idea) => idea.id === duplicate.mergedIntoId);
    expect(target?.mergedCount).toBe(1);
  });

  it("refuses school team members, and is a 404 for another district's workshop", async () => {
    expect((await themes(riverbend.workshopId, riverbend.school)).status).toBe(403);
    expect((await themeAction(riverbend.workshopId, { intent: "create", name: "Sneaky" }, riverbend.school)).status).toBe(403);
    expect((await themes(other.workshopId, riverbend.facilitator)).status).toBe(404);
    expect((await themeAction(other.workshopId, { intent: "create", name: "Sneaky" })).status).toBe(404);
    expect(await prisma.theme.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("creates, renames and deletes a theme; ideas stay, in no theme, and keep their ids", async () => {
    const created = await themeAction(riverbend.workshopId, { intent: "create", name: "  Arts   and culture " });
    expect(created.status).toBe(200);
    const { themeId } = await json<{ themeId: string; name: string }>(created);
    expect(await prisma.theme.findUnique({ where: { id: themeId }, select: { name: true, position: true } })).toEqual({ name: "Arts and culture", position: 4 });

    const duplicate = await themeAction(riverbend.workshopId, { intent: "create", name: "arts AND culture" });
    expect(duplicate.status).toBe(400);
    expect(await json(duplicate)).toMatchObject({ ok: false, error: "duplicateName" });
    for (const name of ["", "   ", "x".repeat(81)]) {
      const refused = await themeAction(riverbend.workshopId, { intent: "create", name });
      expect(refused.status).toBe(400);
      expect(await json(refused)).toMatchObject({ ok: false, intent: "create", error: name.length > 80 ? "tooLong" : "required" });
    }

    const renamed = await themeAction(riverbend.workshopId, { intent: "rename", themeId, name: "Arts, music and culture" });
    expect(await json(renamed)).toMatchObject({ ok: true, name: "Arts, music and culture" });
    const clash = await themeAction(riverbend.workshopId, { intent: "rename", themeId, name: "Ready for life and work" });
    expect(await json(clash)).toMatchObject({ ok: false, error: "duplicateName", themeId });

    const idea = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, text: "Read for pleasure, not only for tests" }, select: { id: true } });
    expect((await themeAction(riverbend.workshopId, { intent: "move", ideaId: idea.id, themeId })).status).toBe(200);
    const deleted = await themeAction(riverbend.workshopId, { intent: "delete", themeId });
    expect(await json(deleted)).toMatchObject({ ok: true, name: "Arts, music and culture", released: 1 });
    expect(await prisma.idea.findUnique({ where: { id: idea.id }, select: { id: true, themeId: true } })).toEqual({ id: idea.id, themeId: null });
  });

  it("moves a theme earlier or later: the board and the results show the new order", async () => {
    const names = async () => (await board()).board.themes.map((theme) => theme.name);
    const before = await names();
    const second = (await board()).board.themes[1]!;
    const earlier = await themeAction(riverbend.workshopId, { intent: "reorder", themeId: second.id, direction: "earlier" });
    expect(await json(earlier)).toEqual({ ok: true, intent: "reorder", themeId: second.id, name: before[1], position: 1, count: before.length });
    expect(await names()).toEqual([before[1], before[0], ...before.slice(2)]);
    const later = await themeAction(riverbend.workshopId, { intent: "reorder", themeId: second.id, direction: "later" });
    expect(await json(later)).toMatchObject({ ok: true, position: 2 });
    expect(await names()).toEqual(before);
    // Already last: nothing moves, and the answer says where it is.
    const last = (await board()).board.themes.at(-1)!;
    expect(await json(await themeAction(riverbend.workshopId, { intent: "reorder", themeId: last.id, direction: "later" }))).toMatchObject({ ok: true, position: before.length });
    expect(await names()).toEqual(before);
    const positions = await prisma.theme.findMany({ where: { workshopId: riverbend.workshopId }, orderBy: { position: "asc" }, select: { name: true, position: true } });
    expect(positions).toEqual(before.map((name, position) => ({ name, position })));
  });

  it("refuses a reorder with a bad direction, another district's theme, or a school team member, and changes nothing", async () => {
    const before = await prisma.theme.findMany({ where: { workshopId: riverbend.workshopId }, select: { id: true, position: true }, orderBy: { id: "asc" } });
    const theme = before[0]!;
    for (const fields of [{ direction: "sideways" }, { direction: "" }, {}] as Record<string, string>[]) {
      const refused = await themeAction(riverbend.workshopId, { intent: "reorder", themeId: theme.id, ...fields });
      expect(refused.status).toBe(400);
      expect(await json(refused)).toMatchObject({ ok: false, intent: "reorder", error: "invalid" });
    }
    expect((await themeAction(riverbend.workshopId, { intent: "reorder", themeId: other.themeId, direction: "earlier" })).status).toBe(404);
    expect((await themeAction(riverbend.workshopId, { intent: "reorder", themeId: theme.id, direction: "later" }, riverbend.school)).status).toBe(403);
    expect(await prisma.theme.findMany({ where: { workshopId: riverbend.workshopId }, select: { id: true, position: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("moves an idea with its merged duplicates, and out of every theme", async () => {
    const duplicate = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true } });
    const theme = await prisma.theme.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, name: "Well-being and belonging" }, select: { id: true } });
    // Naming the duplicate moves the idea it was merged into.
    const moved = await themeAction(riverbend.workshopId, { intent: "move", ideaId: duplicate.id, themeId: theme.id });
    expect(await json(moved)).toMatchObject({ ok: true, ideaId: duplicate.mergedIntoId, themeId: theme.id, themeName: "Well-being and belonging", moved: 2 });
    const both = await prisma.idea.findMany({ where: { id: { in: [duplicate.id, duplicate.mergedIntoId!] } }, select: { themeId: true } });
    expect(both.map((row) => row.themeId)).toEqual([theme.id, theme.id]);

    const out = await themeAction(riverbend.workshopId, { intent: "move", ideaId: duplicate.mergedIntoId!, themeId: "none" });
    expect(await json(out)).toMatchObject({ ok: true, themeId: null, themeName: null });
    const { board: loaded } = await board();
    expect(loaded.unthemed.map((idea) => idea.id)).toContain(duplicate.mergedIntoId);
  });

  it("refuses bad moves and changes nothing", async () => {
    const before = await prisma.idea.findMany({ where: { workshopId: riverbend.workshopId }, select: { id: true, themeId: true }, orderBy: { id: "asc" } });
    const theme = await prisma.theme.findFirstOrThrow({ where: { workshopId: riverbend.workshopId }, select: { id: true } });
    const shown = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, hiddenAt: null, mergedIntoId: null }, select: { id: true } });
    const hidden = await prisma.idea.findFirstOrThrow({ where: { workshopId: riverbend.workshopId, hiddenAt: { not: null } }, select: { id: true } });

    // Another workshop's idea or theme (another district's): 404.
    expect((await themeAction(riverbend.workshopId, { intent: "move", ideaId: other.ideaId, themeId: theme.id })).status).toBe(404);
    expect((await themeAction(riverbend.workshopId, { intent: "move", ideaId: shown.id, themeId: other.themeId })).status).toBe(404);
    expect((await themeAction(riverbend.workshopId, { intent: "rename", themeId: other.themeId, name: "Mine now" })).status).toBe(404);
    expect((await themeAction(riverbend.workshopId, { intent: "delete", themeId: other.themeId })).status).toBe(404);
    // An idea of this district's other workshop is not this workshop's either.
    const draftTheme = await prisma.theme.create({ data: { workshopId: riverbend.draftId, name: "Draft theme" }, select: { id: true } });
    expect((await themeAction(riverbend.workshopId, { intent: "move", ideaId: shown.id, themeId: draftTheme.id })).status).toBe(404);
    await prisma.theme.delete({ where: { id: draftTheme.id } });

    const hiddenMove = await themeAction(riverbend.workshopId, { intent: "move", ideaId: hidden.id, themeId: theme.id });
    expect(hiddenMove.status).toBe(400);
    expect(await json(hiddenMove)).toMatchObject({ ok: false, error: "ideaHidden" });
    for (const fields of [{ intent: "move", ideaId: shown.id }, { intent: "move", ideaId: "bad id!", themeId: theme.id }, { intent: "explode" }, {}]) {
      const refused = await themeAction(riverbend.workshopId, fields as Record<string, string>);
      expect(refused.status).toBe(400);
      expect(await json(refused)).toMatchObject({ ok: false, error: "invalid" });
    }
    expect(await prisma.idea.findMany({ where: { workshopId: riverbend.workshopId }, select: { id: true, themeId: true }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.theme.findUnique({ where: { id: other.themeId }, select: { name: true } })).toEqual({ name: "Hilltop theme" });
  });
});
