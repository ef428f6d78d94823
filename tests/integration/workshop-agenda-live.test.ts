import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistrict } from "~/models/district.server";
import { action as workshopAction } from "~/routes/_app.workshops.$workshopId._index";
import { prisma } from "~/utils/db.server";
import type { ConsoleView, WorkshopView } from "../../server/socket/events";
import { createSocketServer } from "../../server/socket";
import { TEST_SECRET, useTestDatabase } from "../support/database";
import { ask, connected, joinAsParticipant, nextEvent, openSocket, seedLiveWorkshop, type LiveSocket, type SeededWorkshop } from "../support/live-workshop";
import { actionArgs, formRequest, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

let httpServer: Server;
let sockets: Awaited<ReturnType<typeof createSocketServer>>;
let workshop: SeededWorkshop;
let leaderCookie: string;
let leader: LiveSocket;
let participant: LiveSocket;

beforeAll(async () => {
  const { districtId, leaderId } = await createDistrict({
    districtName: "Agenda District",
    languages: ["en", "es"],
    leaderName: "Lee",
    leaderEmail: "lee@agenda.example",
    password: "a-long-enough-password",
  });
  leaderCookie = await sessionCookieFor(leaderId);
  workshop = await seedLiveWorkshop(districtId, "Agenda night");
  const person = await joinAsParticipant(workshop, TEST_SECRET);

  httpServer = createServer();
  sockets = await createSocketServer(httpServer, { secret: TEST_SECRET, workshops: { resultsIntervalMs: 50 } });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  leader = openSocket(url, { cookie: leaderCookie });
  participant = openSocket(url, { participantToken: person.token });
  await Promise.all([connected(leader), connected(participant)]);
  expect(await ask(leader, "console:join", { workshopId: workshop.id })).toMatchObject({ ok: true });
});

afterAll(async () => {
  leader.disconnect();
  participant.disconnect();
  await sockets.close();
});

function start() {
  return ask<ConsoleView>(leader, "workshop:command", { workshopId: workshop.id, command: "start" });
}

describe("starting a workshop", () => {
  it("is refused while a prompt is missing in a language the workshop offers, and nothing changes", async () => {
    const activityId = workshop.activities.poll;
    const stored = await prisma.activity.findUniqueOrThrow({ where: { id: activityId }, select: { config: true } });
    const config = stored.config as { prompt: Record<string, string> };
    await prisma.activity.update({ where: { id: activityId }, data: { config: { ...config, prompt: { en: config.prompt.en! } } } });

    const refused = await start();
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: "conflict", message: expect.stringContaining("activity 3 (es)") as unknown });
    expect(await prisma.workshop.findUniqueOrThrow({ where: { id: workshop.id }, select: { status: true, startedAt: true } })).toEqual({ status: "draft", startedAt: null });

    await prisma.activity.update({ where: { id: activityId }, data: { config } });
    expect(await start()).toMatchObject({ ok: true, data: { status: "live" } });
  });
});

describe("editing the agenda of a running workshop", () => {
  function act(fields: Record<string, string | string[]>) {
    return responseOf(() => workshopAction(actionArgs(formRequest(`/workshops/${workshop.id}`, fields, { cookie: leaderCookie }), { workshopId: workshop.id })));
  }

  it("pushes a new title to the console and the phones at once", async () => {
    const toParticipant = nextEvent(participant, "workshop:state", (view: WorkshopView) => view.title === "Agenda night, renamed");
    const toConsole = nextEvent(leader, "console:state", (view: ConsoleView) => view.title === "Agenda night, renamed");
    const response = await act({ intent: "details", title: "Agenda night, renamed", description: "", scheduledAt: "", timeZone: "UTC", languages: ["en", "es"] });
    expect(response.status).toBe(200);
    expect((await toParticipant).status).toBe("live");
    expect((await toConsole).title).toBe("Agenda night, renamed");
  });

  it("pushes a reordered agenda to the console", async () => {
    const { poll, scale } = workshop.activities;
    const reordered = nextEvent(leader, "console:state", (view: ConsoleView) => view.activities.find((activity) => activity.id === scale)?.position === 2);
    const response = await act({ intent: "move", activityId: scale, direction: "up" });
    expect(response.status).toBe(200);
    const view = await reordered;
    expect(view.activities.find((activity) => activity.id === poll)?.position).toBe(3);
  });
});
