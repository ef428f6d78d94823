import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { signPayload } from "~/utils/tokens.server";
import type { ActivityResults, ConsoleView, SubmissionReceipt, WorkshopView } from "../../server/socket/events";
import { createSocketServer } from "../../server/socket";
import { TEST_SECRET, useTestDatabase } from "../support/database";
import {
  ask,
  connected,
  joinAsParticipant,
  nextEvent,
  openSocket,
  seedLiveWorkshop,
  type Joined,
  type LiveSocket,
  type SeededWorkshop,
} from "../support/live-workshop";

useTestDatabase();

let httpServer: Server;
let sockets: Awaited<ReturnType<typeof createSocketServer>>;
let url: string;
const open: LiveSocket[] = [];

let workshop: SeededWorkshop;
let otherWorkshop: SeededWorkshop;
let leaderCookie: string;
let facilitatorCookie: string;
let schoolCookie: string;
let foreignLeaderCookie: string;
let people: Joined[];
let outsider: Joined;

let leader: LiveSocket;
let p1: LiveSocket;
let p2: LiveSocket;
let p3: LiveSocket;
let spammer: LiveSocket;
let stranger: LiveSocket;
const participantResults: ActivityResults[] = [];

async function client(options: { participantToken?: string; cookie?: string }) {
  const socket = openSocket(url, options);
  open.push(socket);
  await connected(socket);
  return socket;
}

async function cookieFor(userId: string) {
  return (await startSession(userId, "vitest")).split(";")[0]!;
}

function submit(socket: LiveSocket, activityId: string, payload: unknown, clientId: string = randomUUID()) {
  return ask<SubmissionReceipt>(socket, "submission:send", { activityId, clientId, payload });
}

function command(event: "workshop:command" | "activity:command", input: Record<string, unknown>, socket = leader) {
  return ask<ConsoleView>(socket, event, { workshopId: workshop.id, ...input });
}

async function activity(command: string, activityId: string, extra: Record<string, unknown> = {}) {
  const answer = await ask<ConsoleView>(leader, "activity:command", { workshopId: workshop.id, activityId, command, ...extra });
  if (!answer.ok) throw new Error(`${command} failed: ${answer.error.message}`);
  return answer.data;
}

function errorCode(answer: { ok: boolean; error?: { code: string } }) {
  return answer.ok ? "ok" : answer.error?.code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const { districtId, leaderId } = await createDistrict({
    districtName: "Live District",
    languages: ["en", "es"],
    leaderName: "Lee",
    leaderEmail: "lee@live.example",
    password: "a-long-enough-password",
  });
  const facilitator = await prisma.user.create({ data: { districtId, email: "fac@live.example", name: "Fay", role: "facilitator" } });
  const school = await prisma.user.create({ data: { districtId, email: "school@live.example", name: "Sam", role: "school" } });
  const foreign = await createDistrict({
    districtName: "Other District",
    languages: ["en"],
    leaderName: "Oona",
    leaderEmail: "oona@other.example",
    password: "a-long-enough-password",
  });
  leaderCookie = await cookieFor(leaderId);
  facilitatorCookie = await cookieFor(facilitator.id);
  schoolCookie = await cookieFor(school.id);
  foreignLeaderCookie = await cookieFor(foreign.leaderId);

  workshop = await seedLiveWorkshop(districtId);
  otherWorkshop = await seedLiveWorkshop(districtId, "Another night");
  people = [];
  for (const groupIndex of [0, 1, 1, 2]) people.push(await joinAsParticipant(workshop, TEST_SECRET, { groupIndex }));
  outsider = await joinAsParticipant(otherWorkshop, TEST_SECRET);

  httpServer = createServer();
  sockets = await createSocketServer(httpServer, {
    secret: TEST_SECRET,
    workshops: { resultsIntervalMs: 100, submissionLimit: { limit: 1000, windowMs: 10_000 }, readLimit: { limit: 1000, windowMs: 10_000 } },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

  leader = await client({ cookie: leaderCookie });
  const participantSockets = await Promise.all(people.map((person) => client({ participantToken: person.token })));
  [p1, p2, p3, spammer] = participantSockets as [LiveSocket, LiveSocket, LiveSocket, LiveSocket];
  stranger = await client({ participantToken: outsider.token });
  p1.on("activity:results", (results) => participantResults.push(results));
});

afterAll(async () => {
  for (const socket of open) socket.disconnect();
  await sockets.close();
});

describe("joining", () => {
  it("puts a participant in the room and sends the room's state on connect", async () => {
    const socket = openSocket(url, { participantToken: people[0]!.token });
    open.push(socket);
    const greeting = nextEvent(socket, "workshop:state");
    await connected(socket);
    const view = (await greeting) as WorkshopView;
    expect(view).toMatchObject({ workshopId: workshop.id, title: "Community visioning night", status: "draft", current: null, languages: ["en", "es"] });
    expect(Date.parse(view.serverTime)).toBeGreaterThan(Date.now() - 60_000);
    socket.disconnect();
  });

  it("answers workshop:state for a reconnecting client", async () => {
    expect(await ask(p1, "workshop:state")).toMatchObject({ ok: true, data: { workshopId: workshop.id, status: "draft" } });
  });

  it("shows the console participation by stakeholder group against the targets", async () => {
    const answer = await ask<ConsoleView>(leader, "console:join", { workshopId: workshop.id });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.joinCode).toBe(workshop.joinCode);
    expect(answer.data.participantCount).toBe(4);
    expect(answer.data.activities.map((a) => a.type)).toEqual(["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"]);
    const counts = Object.fromEntries(answer.data.participation.map((row) => [row.name, row.count]));
    expect(counts).toMatchObject({ Students: 1, Families: 2, Teachers: 1, Board: 0 });
    const families = answer.data.participation.find((row) => row.name === "Families")!;
    expect(families.actualShare).toBe(50);
    expect(families.targetShare).toBe(25);
    expect(families.gap).toBe(-25);
    // The largest shortfall first: the "who is missing?" check.
    expect(answer.data.participation[0]!.gap).toBeGreaterThanOrEqual(answer.data.participation.at(-1)!.gap);
  });

  it("counts a participant who joins later, on the console", async () => {
    const latecomer = await joinAsParticipant(workshop, TEST_SECRET, { groupIndex: 8 });
    const update = nextEvent(leader, "console:state", (view) => view.participantCount === 5);
    await client({ participantToken: latecomer.token });
    expect((await update).participation.find((row) => row.name === "Other")?.count).toBe(1);
  });

  it("lets a signed token whose participant is gone do nothing", async () => {
    const gone = signPayload({ v: 1, participantId: "nobody", workshopId: workshop.id, districtId: workshop.districtId }, TEST_SECRET);
    const socket = await client({ participantToken: gone });
    expect(errorCode(await submit(socket, workshop.activities.brainstorm, { text: "Ghost idea" }))).toBe("forbidden");
    expect(await prisma.idea.count({ where: { text: "Ghost idea" } })).toBe(0);
  });
});

describe("running the workshop", () => {
  it("refuses input before the workshop starts", async () => {
    expect(errorCode(await submit(p1, workshop.activities.brainstorm, { text: "Too early" }))).toBe("not_open");
    expect(errorCode(await command("activity:command", { activityId: workshop.activities.brainstorm, command: "open" }))).toBe("conflict");
  });

  it("starts, and tells every participant", async () => {
    const seen = nextEvent(p2, "workshop:state", (view) => view.status === "live");
    const answer = await command("workshop:command", { command: "start" });
    expect(answer).toMatchObject({ ok: true, data: { status: "live" } });
    await seen;
    expect(errorCode(await command("workshop:command", { command: "start" }))).toBe("conflict");
  });

  it("lets a facilitator run it too", async () => {
    const facilitator = await client({ cookie: facilitatorCookie });
    expect(await ask(facilitator, "console:join", { workshopId: workshop.id })).toMatchObject({ ok: true });
    expect(await ask(facilitator, "activity:command", { workshopId: workshop.id, activityId: workshop.activities.brainstorm, command: "show" })).toMatchObject({
      ok: true,
      data: { current: { id: workshop.activities.brainstorm, state: "pending" } },
    });
  });

  it("opens an activity, which becomes the current one", async () => {
    const seen = nextEvent(p3, "workshop:state", (view) => view.current?.state === "open");
    const view = await activity("open", workshop.activities.brainstorm);
    expect(view.current).toMatchObject({ id: workshop.activities.brainstorm, type: "brainstorm", state: "open" });
    expect(view.current?.config).toMatchObject({ prompt: { en: "What should every graduate be able to do?" }, maxIdeasPerParticipant: 3 });
    expect((await seen).current?.id).toBe(workshop.activities.brainstorm);
  });

  it("sets and clears the timer", async () => {
    const before = Date.now();
    const view = await activity("timer", workshop.activities.brainstorm, { seconds: 90 });
    const endsAt = Date.parse(view.current!.timerEndsAt!);
    expect(endsAt).toBeGreaterThanOrEqual(before + 89_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 91_000);
    expect((await activity("timer", workshop.activities.brainstorm, { seconds: 0 })).current?.timerEndsAt).toBeNull();
    expect(errorCode(await command("activity:command", { activityId: workshop.activities.brainstorm, command: "timer" }))).toBe("bad_request");
    expect(errorCode(await command("activity:command", { activityId: workshop.activities.brainstorm, command: "timer", seconds: -5 }))).toBe("bad_request");
    expect(errorCode(await command("activity:command", { activityId: workshop.activities.brainstorm, command: "timer", seconds: 99_999 }))).toBe("bad_request");
  });
});

const ideas: Record<string, string> = {};

describe("brainstorm", () => {
  it("saves an idea before acknowledging it, and pushes results to staff", async () => {
    const update = nextEvent(leader, "activity:results", (results) => results.type === "brainstorm" && results.ideaCount >= 1);
    const clientId = randomUUID();
    const answer = await submit(p1, workshop.activities.brainstorm, { text: "  Solve   real problems  " }, clientId);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data).toMatchObject({ clientId, duplicate: false });
    const row = await prisma.idea.findUniqueOrThrow({ where: { id: answer.data.id } });
    expect(row).toMatchObject({ text: "Solve real problems", clientId, workshopId: workshop.id, language: "en" });
    ideas.i1 = answer.data.id;
    const results = await update;
    expect(results).toMatchObject({ type: "brainstorm", activityId: workshop.activities.brainstorm });
  });

  it("saves a retried submission once and answers with the first receipt", async () => {
    const clientId = randomUUID();
    const first = await submit(p1, workshop.activities.brainstorm, { text: "Work in teams" }, clientId);
    const again = await submit(p1, workshop.activities.brainstorm, { text: "Work in teams" }, clientId);
    if (!first.ok || !again.ok) throw new Error("expected receipts");
    expect(again.data).toEqual({ id: first.data.id, clientId, duplicate: true });
    expect(await prisma.idea.count({ where: { clientId } })).toBe(1);
    ideas.i2 = first.data.id;
  });

  it("saves the same clientId sent twice at once only once", async () => {
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      submit(p2, workshop.activities.brainstorm, { text: "Communicate clearly" }, clientId),
      submit(p2, workshop.activities.brainstorm, { text: "Communicate clearly" }, clientId),
    ]);
    if (!a.ok || !b.ok) throw new Error("expected receipts");
    expect(a.data.id).toBe(b.data.id);
    expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true]);
    expect(await prisma.idea.count({ where: { clientId } })).toBe(1);
    ideas.i3 = a.data.id;
  });

  it("keeps to the per-participant limit of ideas", async () => {
    const answer = await submit(p2, workshop.activities.brainstorm, { text: "Think critically" });
    if (!answer.ok) throw new Error(answer.error.message);
    ideas.i4 = answer.data.id;
    const third = await submit(p3, workshop.activities.brainstorm, { text: "Care for others" });
    if (!third.ok) throw new Error(third.error.message);
    ideas.i5 = third.data.id;
    expect(errorCode(await submit(p1, workshop.activities.brainstorm, { text: "Third idea" }))).toBe("ok");
    const over = await submit(p1, workshop.activities.brainstorm, { text: "Fourth idea" });
    expect(over).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("returns a participant's own submissions", async () => {
    const answer = await ask<{ clientIds: string[]; ideas: { id: string; text: string }[] }>(p2, "submission:mine", { activityId: workshop.activities.brainstorm });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.ideas.map((idea) => idea.text)).toEqual(["Communicate clearly", "Think critically"]);
    expect(answer.data.clientIds).toHaveLength(2);
  });

  it("refuses submissions while paused, and takes them again after resuming", async () => {
    const paused = nextEvent(p1, "workshop:state", (view) => view.status === "paused");
    expect(await command("workshop:command", { command: "pause" })).toMatchObject({ ok: true, data: { status: "paused" } });
    await paused;
    expect(errorCode(await submit(p3, workshop.activities.brainstorm, { text: "While paused" }))).toBe("not_open");
    expect(errorCode(await command("workshop:command", { command: "pause" }))).toBe("conflict");
    expect(await command("workshop:command", { command: "resume" })).toMatchObject({ ok: true, data: { status: "live" } });
    expect(errorCode(await submit(p3, workshop.activities.brainstorm, { text: "After the pause" }))).toBe("ok");
  });
});

type Leaders = Extract<ActivityResults, { type: "rate" }>;

describe("rating in a fair order", () => {
  it("refuses rating while the rating activity is not open", async () => {
    expect(errorCode(await ask(p1, "rating:next", { activityId: workshop.activities.rate }))).toBe("not_open");
  });

  it("serves least-rated ideas first, never the participant's own, never twice", async () => {
    const view = await activity("open", workshop.activities.rate);
    expect(view.activities.find((a) => a.id === workshop.activities.brainstorm)?.state).toBe("locked");
    expect(errorCode(await submit(p1, workshop.activities.brainstorm, { text: "Brainstorm is locked" }))).toBe("not_open");

    const own = new Set(await prisma.idea.findMany({ where: { participantId: people[0]!.participantId }, select: { id: true } }).then((rows) => rows.map((r) => r.id)));
    const first = await ask<{ ideas: { id: string; text: string }[]; ratable: number }>(p1, "rating:next", { activityId: workshop.activities.rate });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.ideas.length).toBeGreaterThan(0);
    // What p1 may rate in all: the brainstorm's visible ideas but their own.
    const visible = await prisma.idea.count({ where: { activityId: workshop.activities.brainstorm, hiddenAt: null, mergedIntoId: null } });
    expect(first.data.ratable).toBe(visible - own.size);
    for (const idea of first.data.ideas) expect(own.has(idea.id)).toBe(false);
    expect(first.data.ideas.every((idea) => idea.text.length > 0)).toBe(true);

    // p3 rates one of p2's ideas; then for p1 that idea comes after every unrated one.
    expect(errorCode(await submit(p3, workshop.activities.rate, { ideaId: ideas.i3, value: 5 }))).toBe("ok");
    const next = await ask<{ ideas: { id: string }[] }>(p1, "rating:next", { activityId: workshop.activities.rate });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.data.ideas.at(-1)?.id).toBe(ideas.i3);

    for (const idea of next.data.ideas) expect(errorCode(await submit(p1, workshop.activities.rate, { ideaId: idea.id, value: 4 }))).toBe("ok");
    const after = await ask<{ ideas: { id: string }[] }>(p1, "rating:next", { activityId: workshop.activities.rate });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.ideas).toEqual([]);
    expect((after.data as { ratable?: number }).ratable).toBe(first.data.ratable);
  });

  it("refuses rating an idea twice, one's own idea, or an idea from elsewhere", async () => {
    expect(errorCode(await submit(p3, workshop.activities.rate, { ideaId: ideas.i3, value: 2 }))).toBe("conflict");
    expect(errorCode(await submit(p1, workshop.activities.rate, { ideaId: ideas.i1, value: 5 }))).toBe("forbidden");
    expect(errorCode(await submit(p1, workshop.activities.rate, { ideaId: "nosuchidea", value: 5 }))).toBe("not_found");
    expect(errorCode(await submit(p1, workshop.activities.rate, { ideaId: ideas.i1, value: 7 }))).toBe("bad_request");
    expect(await prisma.rating.count({ where: { participantId: people[2]!.participantId } })).toBe(1);
  });
});

describe("moderation", () => {
  async function leaders(): Promise<Leaders> {
    const answer = await ask<Leaders>(leader, "results:get", { workshopId: workshop.id, activityId: workshop.activities.rate });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  }

  it("hides an idea from rating and the participants' wall, and restores it", async () => {
    expect(await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i5, action: "hide" })).toEqual({ ok: true, data: { ideaId: ideas.i5 } });
    const next = await ask<{ ideas: { id: string }[] }>(p2, "rating:next", { activityId: workshop.activities.rate });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.data.ideas.map((idea) => idea.id)).not.toContain(ideas.i5);
    expect(errorCode(await submit(p2, workshop.activities.rate, { ideaId: ideas.i5, value: 3 }))).toBe("conflict");

    const wall = await ask<Extract<ActivityResults, { type: "brainstorm" }>>(leader, "results:get", { workshopId: workshop.id, activityId: workshop.activities.brainstorm });
    if (!wall.ok) throw new Error(wall.error.message);
    expect(wall.data.ideas.find((idea) => idea.id === ideas.i5)?.hidden).toBe(true);

    await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i5, action: "restore" });
    const again = await ask<{ ideas: { id: string }[] }>(p2, "rating:next", { activityId: workshop.activities.rate });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data.ideas.map((idea) => idea.id)).toContain(ideas.i5);
  });

  it("merges a duplicate: it leaves the wall and its ratings count towards the idea it joined", async () => {
    // i4 has p1's rating and now p3's; i3 has p3's and p1's.
    await submit(p3, workshop.activities.rate, { ideaId: ideas.i4, value: 1 });
    const before = (await leaders()).leaders.find((idea) => idea.id === ideas.i3)!;
    const i4Ratings = await prisma.rating.count({ where: { ideaId: ideas.i4 } });
    expect(i4Ratings).toBeGreaterThan(0);

    expect(await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i4, action: "merge", intoIdeaId: ideas.i3 })).toMatchObject({ ok: true });
    const after = await leaders();
    const merged = after.leaders.find((idea) => idea.id === ideas.i3)!;
    expect(merged.ratingCount).toBe(before.ratingCount + i4Ratings);
    expect(after.leaders.map((idea) => idea.id)).not.toContain(ideas.i4);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: ideas.i4 } })).mergedIntoId).toBe(ideas.i3);
    const next = await ask<{ ideas: { id: string }[] }>(p3, "rating:next", { activityId: workshop.activities.rate });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.data.ideas.map((idea) => idea.id)).not.toContain(ideas.i4);
  });

  it("refuses merges that make no sense", async () => {
    const otherIdea = await prisma.idea.create({
      data: { workshopId: otherWorkshop.id, activityId: otherWorkshop.activities.brainstorm, participantId: outsider.participantId, clientId: randomUUID(), text: "Elsewhere", language: "en" },
    });
    const moderate = (input: Record<string, unknown>) => ask(leader, "idea:moderate", { workshopId: workshop.id, ...input });
    expect(await moderate({ ideaId: ideas.i3, action: "merge", intoIdeaId: ideas.i3 })).toMatchObject({ ok: false, error: { code: "bad_request", reason: "mergeIntoItself" } });
    expect(errorCode(await moderate({ ideaId: ideas.i3, action: "merge" }))).toBe("bad_request");
    expect(await moderate({ ideaId: ideas.i3, action: "merge", intoIdeaId: ideas.i4 })).toMatchObject({ ok: false, error: { code: "conflict", reason: "mergeTargetHidden" } });
    expect(errorCode(await moderate({ ideaId: ideas.i3, action: "merge", intoIdeaId: otherIdea.id }))).toBe("not_found");
    expect(errorCode(await moderate({ ideaId: otherIdea.id, action: "hide" }))).toBe("not_found");
    expect(errorCode(await moderate({ ideaId: ideas.i3, action: "delete" }))).toBe("bad_request");
  });

  it("puts an idea in the spotlight of the activity on screen, and takes it out", async () => {
    const seen = nextEvent(p2, "workshop:state", (view) => view.current?.spotlightIdeaId === ideas.i3);
    expect(await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i3, action: "spotlight" })).toMatchObject({ ok: true });
    expect((await seen).current?.id).toBe(workshop.activities.rate);
    expect(errorCode(await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i4, action: "spotlight" }))).toBe("conflict");
    const cleared = nextEvent(p2, "workshop:state", (view) => view.current?.spotlightIdeaId === null);
    await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i3, action: "unspotlight" });
    await cleared;
  });

  it("restoring a merged idea undoes the merge", async () => {
    await ask(leader, "idea:moderate", { workshopId: workshop.id, ideaId: ideas.i4, action: "restore" });
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: ideas.i4 } })).toMatchObject({ mergedIntoId: null, hiddenAt: null });
  });
});

describe("one-answer activities and results", () => {
  it("sends results to participants only while revealed", async () => {
    await activity("open", workshop.activities.poll);
    participantResults.length = 0;
    const staffUpdate = nextEvent(leader, "activity:results", (results) => results.type === "poll" && results.respondents === 1);
    expect(errorCode(await submit(p2, workshop.activities.poll, { optionIds: ["b"] }))).toBe("ok");
    expect(await staffUpdate).toMatchObject({ type: "poll", respondents: 1, options: [{ id: "a", count: 0 }, { id: "b", count: 1, share: 1 }, { id: "c", count: 0 }] });
    await sleep(300);
    expect(participantResults.filter((results) => results.activityId === workshop.activities.poll)).toEqual([]);

    const revealed = nextEvent(p1, "activity:results", (results) => results.type === "poll");
    await activity("reveal", workshop.activities.poll);
    expect(await revealed).toMatchObject({ type: "poll", respondents: 1 });
    const live = nextEvent(p1, "activity:results", (results) => results.type === "poll" && results.respondents === 2);
    expect(errorCode(await submit(p3, workshop.activities.poll, { optionIds: ["a"] }))).toBe("ok");
    await live;

    await activity("conceal", workshop.activities.poll);
    participantResults.length = 0;
    expect(errorCode(await submit(p1, workshop.activities.poll, { optionIds: ["a"] }))).toBe("ok");
    await sleep(300);
    expect(participantResults).toEqual([]);
  });

  it("refuses a second answer to a one-answer activity", async () => {
    const second = await submit(p2, workshop.activities.poll, { optionIds: ["c"] });
    expect(second).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await prisma.response.count({ where: { activityId: workshop.activities.poll, participantId: people[1]!.participantId } })).toBe(1);
  });

  it("takes a scale, a word cloud, a ranking and a nomination", async () => {
    await activity("open", workshop.activities.scale);
    expect(errorCode(await submit(p1, workshop.activities.scale, { value: 4 }))).toBe("ok");
    await activity("open", workshop.activities.wordcloud);
    expect(errorCode(await submit(p1, workshop.activities.wordcloud, { words: ["Curious", "kind"] }))).toBe("ok");
    expect(errorCode(await submit(p2, workshop.activities.wordcloud, { words: ["curious"] }))).toBe("ok");
    await activity("open", workshop.activities.ranking);
    expect(errorCode(await submit(p1, workshop.activities.ranking, { order: ["y", "x", "z"] }))).toBe("ok");
    await activity("open", workshop.activities.nomination);
    const nomination = await submit(p1, workshop.activities.nomination, { nomineeName: "Rosa Diaz", reason: "Runs the parent network", contact: "rosa@example.org", consent: true });
    if (!nomination.ok) throw new Error(nomination.error.message);
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id: nomination.data.id } })).toMatchObject({
      districtId: workshop.districtId,
      nomineeName: "Rosa Diaz",
      consentGiven: true,
      status: "pending",
    });

    const results = async (activityId: string) => {
      const answer = await ask<ActivityResults>(leader, "results:get", { workshopId: workshop.id, activityId });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    expect(await results(workshop.activities.scale)).toMatchObject({ type: "scale", respondents: 1, mean: 4 });
    expect(await results(workshop.activities.wordcloud)).toMatchObject({ type: "wordcloud", respondents: 2, words: [{ word: "curious", count: 2 }, { word: "kind", count: 1 }] });
    expect(await results(workshop.activities.ranking)).toMatchObject({ type: "ranking", respondents: 1, items: [{ id: "y", points: 2 }, { id: "x", points: 1 }, { id: "z", points: 0 }] });
    expect(await results(workshop.activities.nomination)).toEqual({ type: "nomination", activityId: workshop.activities.nomination, count: 1 });
  });
});

describe("bad payloads change nothing", () => {
  const cases: [string, () => unknown, string][] = [
    ["a missing activityId", () => ({ clientId: randomUUID(), payload: { text: "x" } }), "bad_request"],
    ["an activityId of the wrong type", () => ({ activityId: 42, clientId: randomUUID(), payload: { text: "x" } }), "bad_request"],
    ["an overlong activityId", () => ({ activityId: "a".repeat(65), clientId: randomUUID(), payload: {} }), "bad_request"],
    ["a clientId that is not a UUID", () => ({ activityId: workshop.activities.nomination, clientId: "1", payload: {} }), "bad_request"],
    ["a missing clientId", () => ({ activityId: workshop.activities.nomination, payload: {} }), "bad_request"],
    ["a payload that is not an object", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID(), payload: "hello" }), "bad_request"],
    ["a missing payload", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID() }), "bad_request"],
    ["missing fields", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID(), payload: { nomineeName: "Ann" } }), "bad_request"],
    ["a contact without consent", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID(), payload: { nomineeName: "Ann", reason: "Kind", contact: "ann@example.org", consent: false } }), "bad_request"],
    ["a field of the wrong type", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID(), payload: { nomineeName: 7, reason: "Kind", consent: true } }), "bad_request"],
    ["a name too long", () => ({ activityId: workshop.activities.nomination, clientId: randomUUID(), payload: { nomineeName: "n".repeat(121), reason: "Kind", consent: true } }), "bad_request"],
    ["an unknown activity", () => ({ activityId: "nosuchactivity", clientId: randomUUID(), payload: { text: "x" } }), "not_found"],
    ["an activity that is not open", () => ({ activityId: workshop.activities.poll, clientId: randomUUID(), payload: { optionIds: ["a"] } }), "not_open"],
    ["an input that is not an object", () => "just a string", "bad_request"],
    ["an input that is an array", () => [workshop.activities.nomination], "bad_request"],
  ];

  it.each(cases)("refuses %s", async (_label, input, code) => {
    const before = await prisma.nomination.count();
    const answer = await ask(p3, "submission:send", input());
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(answer.ok ? "" : answer.error.message.length).toBeGreaterThan(0);
    expect(await prisma.nomination.count()).toBe(before);
  });

  it("checks each payload against its activity's settings", async () => {
    const check = async (type: "brainstorm" | "poll" | "scale" | "wordcloud" | "ranking", payload: unknown) => {
      await activity("open", workshop.activities[type]);
      return errorCode(await submit(spammer, workshop.activities[type], payload));
    };
    expect(await check("brainstorm", { text: "x".repeat(281) })).toBe("bad_request");
    expect(await check("brainstorm", { text: "   " })).toBe("bad_request");
    expect(await check("brainstorm", { text: "bad\u0007bell" })).toBe("bad_request");
    expect(await check("poll", { optionIds: ["d"] })).toBe("bad_request");
    expect(await check("poll", { optionIds: ["a", "b"] })).toBe("bad_request");
    expect(await check("poll", { optionIds: [] })).toBe("bad_request");
    expect(await check("poll", { optionIds: "a" })).toBe("bad_request");
    expect(await check("scale", { value: 6 })).toBe("bad_request");
    expect(await check("scale", { value: 2.5 })).toBe("bad_request");
    expect(await check("scale", { value: "3" })).toBe("bad_request");
    expect(await check("wordcloud", { words: ["one", "two", "three"] })).toBe("bad_request");
    expect(await check("wordcloud", { words: ["two words"] })).toBe("bad_request");
    expect(await check("ranking", { order: ["x", "y"] })).toBe("bad_request");
    expect(await check("ranking", { order: ["x", "x", "y"] })).toBe("bad_request");
    expect(await check("ranking", { order: ["x", "y", "w"] })).toBe("bad_request");
    const saved = await prisma.response.count({ where: { participantId: people[3]!.participantId } });
    const ideasSaved = await prisma.idea.count({ where: { participantId: people[3]!.participantId } });
    expect(saved + ideasSaved).toBe(0);
  });

  it("refuses bad staff commands", async () => {
    expect(errorCode(await ask(leader, "workshop:command", { workshopId: workshop.id, command: "explode" }))).toBe("bad_request");
    expect(errorCode(await ask(leader, "workshop:command", { command: "start" }))).toBe("bad_request");
    expect(errorCode(await ask(leader, "activity:command", { workshopId: workshop.id, activityId: "nosuchactivity", command: "open" }))).toBe("not_found");
    expect(errorCode(await ask(leader, "activity:command", { workshopId: workshop.id, activityId: otherWorkshop.activities.poll, command: "open" }))).toBe("not_found");
    expect(errorCode(await ask(leader, "console:join", "not an object"))).toBe("bad_request");
    expect(errorCode(await ask(leader, "results:get", { workshopId: workshop.id }))).toBe("bad_request");
  });

  it("ignores an event without an acknowledgement and keeps serving the room", async () => {
    const untyped = p3 as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit("submission:send", { activityId: workshop.activities.poll, clientId: randomUUID(), payload: { optionIds: ["a"] } });
    untyped.emit("submission:send");
    untyped.emit("rating:next", "garbage");
    untyped.emit("no-such-event", 1, 2, 3);
    expect(await ask(p3, "workshop:state")).toMatchObject({ ok: true });
    expect(p3.connected).toBe(true);
  });
});

describe("who may do what", () => {
  const staffEvents: [string, () => Record<string, unknown>][] = [
    ["console:join", () => ({ workshopId: workshop.id })],
    ["workshop:command", () => ({ workshopId: workshop.id, command: "end" })],
    ["activity:command", () => ({ workshopId: workshop.id, activityId: workshop.activities.poll, command: "reveal" })],
    ["idea:moderate", () => ({ workshopId: workshop.id, ideaId: ideas.i1, action: "hide" })],
    ["results:get", () => ({ workshopId: workshop.id, activityId: workshop.activities.poll })],
  ];

  it.each(staffEvents)("refuses a participant calling %s", async (event, input) => {
    expect(errorCode(await ask(p1, event, input()))).toBe("forbidden");
    expect(await prisma.workshop.findUniqueOrThrow({ where: { id: workshop.id }, select: { status: true } })).toEqual({ status: "live" });
  });

  it.each(staffEvents)("refuses a school team member calling %s", async (event, input) => {
    const school = await client({ cookie: schoolCookie });
    expect(errorCode(await ask(school, event, input()))).toBe("forbidden");
  });

  it.each(staffEvents)("answers another district's leader calling %s as if the workshop did not exist", async (event, input) => {
    const foreign = await client({ cookie: foreignLeaderCookie });
    expect(errorCode(await ask(foreign, event, input()))).toBe("not_found");
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: ideas.i1 }, select: { hiddenAt: true } })).toEqual({ hiddenAt: null });
  });

  it("refuses staff calling participant events", async () => {
    expect(errorCode(await ask(leader, "submission:send", { activityId: workshop.activities.poll, clientId: randomUUID(), payload: { optionIds: ["a"] } }))).toBe("forbidden");
    expect(errorCode(await ask(leader, "workshop:state"))).toBe("forbidden");
    expect(errorCode(await ask(leader, "rating:next", { activityId: workshop.activities.rate }))).toBe("forbidden");
  });

  it("keeps a participant to their own workshop", async () => {
    await activity("open", workshop.activities.poll);
    expect(errorCode(await submit(stranger, workshop.activities.poll, { optionIds: ["a"] }))).toBe("not_found");
    expect(errorCode(await ask(stranger, "rating:next", { activityId: workshop.activities.rate }))).toBe("not_found");
    expect(errorCode(await ask(stranger, "submission:mine", { activityId: workshop.activities.brainstorm }))).toBe("not_found");
    expect(await prisma.response.count({ where: { participantId: outsider.participantId } })).toBe(0);
  });

  it("does not send one workshop's room to another's participants", async () => {
    const seen: unknown[] = [];
    stranger.on("workshop:state", (view) => seen.push(view));
    await activity("show", workshop.activities.poll);
    await sleep(200);
    expect(seen).toEqual([]);
  });

  it("ends a staff socket whose session was revoked", async () => {
    const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email: "fac@live.example" } });
    const socket = await client({ cookie: facilitatorCookie });
    await prisma.session.deleteMany({ where: { userId } });
    const ended = nextEvent(socket, "session:ended");
    expect(errorCode(await ask(socket, "console:join", { workshopId: workshop.id }))).toBe("forbidden");
    await ended;
  });
});

describe("rate limit", () => {
  it("refuses a participant sending too many events too fast, per node, and keeps serving the others", async () => {
    // A second node with the default limits: the first one's are raised so the other tests never meet them.
    const server = createServer();
    const node = await createSocketServer(server, { secret: TEST_SECRET });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const nodeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const eager = await joinAsParticipant(workshop, TEST_SECRET, { groupIndex: 3 });
      const socket = openSocket(nodeUrl, { participantToken: eager.token });
      open.push(socket);
      await connected(socket);
      await activity("open", workshop.activities.brainstorm);
      const answers = await Promise.all(Array.from({ length: 25 }, (_, index) => submit(socket, workshop.activities.brainstorm, { text: `Idea ${index}` })));
      const codes = answers.map(errorCode);
      expect(codes.filter((code) => code === "rate_limited")).toHaveLength(5);
      // Of the 20 let through, the first three fit the idea limit and the rest were refused for it.
      expect(codes.filter((code) => code === "ok")).toHaveLength(3);
      expect(codes.filter((code) => code === "conflict")).toHaveLength(17);
      expect(await prisma.idea.count({ where: { participantId: eager.participantId } })).toBe(3);

      const reads = await Promise.all(Array.from({ length: 61 }, () => ask(socket, "submission:mine", { activityId: workshop.activities.brainstorm })));
      expect(reads.map(errorCode).filter((code) => code === "rate_limited")).toHaveLength(1);
      expect(errorCode(await ask(p2, "submission:mine", { activityId: workshop.activities.brainstorm }))).toBe("ok");
    } finally {
      await node.close();
    }
  });
});

describe("shutdown", () => {
  it("answers what it took in before closing; every acknowledged submission is saved", async () => {
    const server = createServer();
    const node = await createSocketServer(server, { secret: TEST_SECRET });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const person = await joinAsParticipant(workshop, TEST_SECRET, { groupIndex: 4 });
    const socket = openSocket(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { participantToken: person.token });
    open.push(socket);
    await connected(socket);
    await activity("open", workshop.activities.brainstorm);
    expect(errorCode(await submit(socket, workshop.activities.brainstorm, { text: "Before closing" }))).toBe("ok");

    const lastOnes = [randomUUID(), randomUUID()].map((clientId, index) => ({
      clientId,
      answer: socket
        .timeout(1500)
        .emitWithAck("submission:send", { activityId: workshop.activities.brainstorm, clientId, payload: { text: `While closing ${index}` } })
        .catch(() => null),
    }));
    // Results for the activity are pending in the coalescer as the node closes: they are dropped, not sent to a closed room.
    await node.close();
    for (const { clientId, answer } of lastOnes) {
      const settled = await answer;
      const saved = await prisma.idea.count({ where: { clientId } });
      if (settled?.ok) expect(saved).toBe(1);
      else expect(saved).toBeLessThanOrEqual(1);
    }
    expect(await prisma.idea.count({ where: { participantId: person.participantId } })).toBeGreaterThanOrEqual(1);
  });
});

describe("the end", () => {
  it("moves through the agenda and ends the workshop, closing the open activity", async () => {
    expect(errorCode(await command("workshop:command", { command: "back" }))).toBe("conflict");
    const advanced = await command("workshop:command", { command: "advance" });
    expect(advanced).toMatchObject({ ok: true, data: { current: { id: workshop.activities.rate, state: "locked" } } });
    const back = await command("workshop:command", { command: "back" });
    expect(back).toMatchObject({ ok: true, data: { current: { id: workshop.activities.brainstorm, state: "locked" } } });
    await activity("open", workshop.activities.brainstorm);
    const ended = await command("workshop:command", { command: "end" });
    expect(ended).toMatchObject({ ok: true, data: { status: "ended" } });
    if (!ended.ok) return;
    expect(ended.data.activities.filter((a) => a.state === "open")).toEqual([]);
    expect(ended.data.activities.find((a) => a.id === workshop.activities.brainstorm)?.state).toBe("closed");
    expect(errorCode(await submit(p1, workshop.activities.rate, { ideaId: ideas.i5, value: 3 }))).toBe("not_open");
    expect(await command("workshop:command", { command: "advance" })).toMatchObject({ ok: false, error: { code: "conflict", reason: "ended" } });
    // Nothing on an ended workshop moves: no countdown, no showing, locking or closing.
    for (const name of ["timer", "show", "lock", "close", "open"] as const) {
      const refused = await command("activity:command", { activityId: workshop.activities.poll, command: name, ...(name === "timer" ? { seconds: 60 } : {}) });
      expect(refused).toMatchObject({ ok: false, error: { code: "conflict", reason: "ended" } });
    }
    const after = await prisma.activity.findUniqueOrThrow({ where: { id: workshop.activities.poll }, select: { timerEndsAt: true } });
    expect(after.timerEndsAt).toBeNull();
  });
});
