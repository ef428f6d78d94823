import { randomUUID } from "node:crypto";
import { io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { createDistrict } from "~/models/district.server";
import { installDatabase, openDatabase, prisma } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { configSchemaFor } from "~/workshops/activity-types";
import type { AckResponse, SubmissionReceipt } from "../../server/socket/events";
import { joinAsParticipant, seedLiveWorkshop, type LiveSocket } from "../support/live-workshop";
import { freePort, startServerProcess, tempDataDir, type ServerProcess } from "../support/server-process";

// Runs the production build as a real process: `npm run build` must have run first.
const SECRET = "restart-test-secret-that-is-long-enough-to-sign";
const PARTICIPANTS = 12;
const IDEAS_EACH = 12;

type Phone = {
  socket: LiveSocket;
  /** Sent and not yet acknowledged, in order: what the phone resends after reconnecting. */
  outbox: Map<string, string>;
  acknowledged: Set<string>;
  /** Every clientId this phone ever made. */
  made: Set<string>;
  duplicates: number;
};

async function seed(dataDir: string) {
  installConfig({ ...parseConfig({ NODE_ENV: "test", DATA_DIR: dataDir }), secret: SECRET });
  const database = await openDatabase({ dataDir });
  await database.migrate();
  installDatabase(database);
  try {
    const { districtId } = await createDistrict({
      districtName: "Restart District",
      languages: ["en", "es"],
      leaderName: "Rae",
      leaderEmail: "rae@restart.example",
      password: "a-long-enough-password",
    });
    const workshop = await seedLiveWorkshop(districtId, "Restart night");
    const config = configSchemaFor("brainstorm", ["en", "es"]).parse({
      prompt: { en: "Ideas, please", es: "Ideas, por favor" },
      maxIdeasPerParticipant: 20,
    });
    await prisma.activity.update({ where: { id: workshop.activities.brainstorm }, data: { config, state: "open" } });
    await prisma.workshop.update({ where: { id: workshop.id }, data: { status: "live", currentActivityId: workshop.activities.brainstorm } });
    const joined = [];
    for (let i = 0; i < PARTICIPANTS; i += 1) joined.push(await joinAsParticipant(workshop, SECRET, { groupIndex: i }));
    return { activityId: workshop.activities.brainstorm, joined };
  } finally {
    installDatabase(undefined);
    await database.close();
  }
}

function send(phone: Phone, activityId: string, clientId: string, text: string): Promise<void> {
  phone.outbox.set(clientId, text);
  phone.made.add(clientId);
  return new Promise((resolve) => {
    phone.socket
      .timeout(4000)
      .emit("submission:send", { activityId, clientId, payload: { text } }, (error: Error | null, answer?: AckResponse<SubmissionReceipt>) => {
        // No answer (the server died) or a server error: it stays in the outbox and is resent.
        if (!error && answer?.ok) {
          phone.outbox.delete(clientId);
          phone.acknowledged.add(clientId);
          if (answer.data.duplicate) phone.duplicates += 1;
        }
        resolve();
      });
  });
}

describe("a workshop server killed mid-stream", () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | undefined;
  const phones: Phone[] = [];

  afterAll(async () => {
    for (const phone of phones) phone.socket.disconnect();
    await server?.stop("SIGKILL");
  });

  it("keeps every acknowledged submission exactly once after clients reconnect and resend", async () => {
    const { activityId, joined } = await seed(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, SESSION_SECRET: SECRET, PORT: String(port), NODE_ENV: "production" };
    server = await startServerProcess(env);

    for (const person of joined) {
      const socket: LiveSocket = connect(server.url, {
        path: "/socket.io",
        transports: ["websocket"],
        auth: { participantToken: person.token },
        reconnectionDelay: 200,
        reconnectionDelayMax: 1000,
      });
      phones.push({ socket, outbox: new Map(), acknowledged: new Set(), made: new Set(), duplicates: 0 });
    }
    await Promise.all(phones.map((phone) => new Promise((resolve) => phone.socket.once("connect", () => resolve(undefined)))));

    // Each phone submits continuously without waiting for answers, as a busy room does.
    let killed = false;
    const streams = phones.map(async (phone, p) => {
      for (let i = 0; i < IDEAS_EACH / 2 && !killed; i += 1) {
        void send(phone, activityId, randomUUID(), `Phone ${p} idea ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // A last burst from every phone, then the process dies before it can answer all of them.
    for (const [p, phone] of phones.entries()) {
      for (let i = 0; i < 3; i += 1) void send(phone, activityId, randomUUID(), `Phone ${p} burst ${i}`);
    }
    server.child.kill("SIGKILL");
    killed = true;
    await server.exited;
    await Promise.all(streams);
    const acknowledgedBeforeKill = phones.reduce((sum, phone) => sum + phone.acknowledged.size, 0);
    const unanswered = phones.reduce((sum, phone) => sum + phone.outbox.size, 0);
    expect(acknowledgedBeforeKill).toBeGreaterThan(0);
    expect(unanswered).toBeGreaterThan(0);

    server = await startServerProcess(env);

    // The reconnect rule: ask for the room's state, then resend everything never acknowledged,
    // plus, as if their acknowledgements had been lost, the last two that were.
    await Promise.all(
      phones.map(async (phone, p) => {
        if (!phone.socket.connected) await new Promise((resolve) => phone.socket.once("connect", () => resolve(undefined)));
        const state = await phone.socket.timeout(5000).emitWithAck("workshop:state");
        expect(state).toMatchObject({ ok: true, data: { status: "live", current: { id: activityId } } });
        const lostAcks = [...phone.acknowledged].slice(-2);
        for (const clientId of lostAcks) await send(phone, activityId, clientId, "resent after a lost acknowledgement");
        for (const [clientId, text] of [...phone.outbox]) await send(phone, activityId, clientId, text);
        for (let i = IDEAS_EACH / 2; i < IDEAS_EACH - 3; i += 1) await send(phone, activityId, randomUUID(), `Phone ${p} idea ${i}`);
      }),
    );
    expect(phones.every((phone) => phone.outbox.size === 0)).toBe(true);
    expect(phones.reduce((sum, phone) => sum + phone.duplicates, 0)).toBeGreaterThan(0);

    for (const phone of phones) phone.socket.disconnect();
    expect(await server.stop("SIGTERM")).toBe(0);
    server = undefined;

    const database = await openDatabase({ dataDir });
    installDatabase(database);
    try {
      const rows = await prisma.idea.groupBy({ by: ["participantId", "clientId"], where: { activityId }, _count: { _all: true } });
      const countByClientId = new Map(rows.map((row) => [row.clientId, row._count._all]));
      const acknowledged = phones.flatMap((phone) => [...phone.acknowledged]);
      expect(acknowledged.length).toBe(phones.reduce((sum, phone) => sum + phone.made.size, 0));
      for (const clientId of acknowledged) expect(countByClientId.get(clientId), clientId).toBe(1);
      expect(rows.every((row) => row._count._all === 1)).toBe(true);
      expect(await prisma.idea.count({ where: { activityId } })).toBe(acknowledged.length);
    } finally {
      installDatabase(undefined);
      await database.close();
    }
  }, 120_000);
});
