import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import * as Y from "yjs";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistrict } from "~/models/district.server";
import { addCompetency, competencyIds, competencyTitle, portraitDocumentName, setPlainText } from "~/portrait/document";
import { installDatabase, openDatabase, prisma } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { configSchemaFor } from "~/workshops/activity-types";
import type { AckResponse, SubmissionReceipt } from "../../server/socket/events";
import { startBalancer, type Balancer } from "../support/balancer";
import { ask, connected, joinAsParticipant, nextEvent, openSocket, seedLiveWorkshop, type Joined, type LiveSocket } from "../support/live-workshop";
import { authenticated, openPortrait, synced, untilDoc, type PortraitClient } from "../support/portrait-collaboration";
import { sessionCookieFor } from "../support/requests";
import { signInOverHttp, startServerProcess, type ServerProcess } from "../support/server-process";

// Two nodes of the production build on one PostgreSQL database and one Redis,
// as .ci/run provides them (TEST_DATABASE_URL, TEST_REDIS_URL).
const serverUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const SECRET = "cluster-test-secret-that-is-long-enough-to-sign";
const PASSWORD = "a-long-enough-password";
const PHONES = 10;

type Phone = {
  socket: LiveSocket;
  outbox: Map<string, string>;
  acknowledged: Set<string>;
  made: Set<string>;
};

function send(phone: Phone, activityId: string, clientId: string, text: string): Promise<void> {
  phone.outbox.set(clientId, text);
  phone.made.add(clientId);
  return new Promise((resolve) => {
    phone.socket
      .timeout(4000)
      .emit("submission:send", { activityId, clientId, payload: { text } }, (error: Error | null, answer?: AckResponse<SubmissionReceipt>) => {
        if (!error && answer?.ok) {
          phone.outbox.delete(clientId);
          phone.acknowledged.add(clientId);
        }
        resolve();
      });
  });
}

/** Runs `step` until it succeeds, waiting for the socket to (re)connect before each try. */
async function untilDone(socket: LiveSocket, step: () => Promise<void>): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    if (!socket.connected) await new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
    try {
      await step();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw lastError;
}

describe.skipIf(!serverUrl || !redisUrl)("two nodes on PostgreSQL and Redis", () => {
  const name = `groundwork_cluster_${randomBytes(6).toString("hex")}`;
  const databaseUrl = (() => {
    const url = new URL(serverUrl ?? "postgresql://localhost/postgres");
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const nodes: ServerProcess[] = [];
  const sockets: LiveSocket[] = [];
  let balancer: Balancer | undefined;
  let workshop: { activityId: string; workshopId: string; joined: Joined[] };
  let portrait: { documentName: string; leaderCookie: string; facilitatorCookie: string };
  const editors: PortraitClient[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();

    // Both nodes start together on an empty database: each migration must be applied once.
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl!, SESSION_SECRET: SECRET, NODE_ENV: "production" };
    nodes.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));

    installConfig({ ...parseConfig({ NODE_ENV: "test" }), secret: SECRET });
    const database = await openDatabase({ databaseUrl });
    installDatabase(database);
    try {
      const { districtId, leaderId } = await createDistrict({
        districtName: "Cluster District",
        languages: ["en", "es"],
        leaderName: "Ana",
        leaderEmail: "ana@cluster.example",
        password: PASSWORD,
      });
      const seeded = await seedLiveWorkshop(districtId, "Two-node night");
      const config = configSchemaFor("brainstorm", ["en", "es"]).parse({
        prompt: { en: "Ideas, please", es: "Ideas, por favor" },
        maxIdeasPerParticipant: 20,
      });
      await prisma.activity.update({ where: { id: seeded.activities.brainstorm }, data: { config, state: "open" } });
      await prisma.workshop.update({ where: { id: seeded.id }, data: { status: "live", currentActivityId: seeded.activities.brainstorm } });
      const joined: Joined[] = [];
      for (let i = 0; i < PHONES + 1; i += 1) joined.push(await joinAsParticipant(seeded, SECRET, { groupIndex: i }));
      workshop = { activityId: seeded.activities.brainstorm, workshopId: seeded.id, joined };
      const facilitator = await prisma.user.create({
        data: { districtId, email: "fay@cluster.example", name: "Fay", role: "facilitator" },
        select: { id: true },
      });
      portrait = {
        documentName: portraitDocumentName(districtId),
        leaderCookie: await sessionCookieFor(leaderId),
        facilitatorCookie: await sessionCookieFor(facilitator.id),
      };
    } finally {
      installDatabase(undefined);
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const editor of editors) editor.destroy();
    for (const socket of sockets) socket.disconnect();
    await balancer?.close();
    await Promise.all(nodes.map((node) => node.stop("SIGKILL")));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("applies each migration once when the nodes start together", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; count: number }>(
        `SELECT migration_name, count(*)::int AS count FROM "_prisma_migrations" GROUP BY migration_name`,
      );
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.filter((row) => row.count !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("shows a facilitator on node A what a participant on node B submits", async () => {
    const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
    const cookie = await signInOverHttp(nodeA.url, "ana@cluster.example", PASSWORD);
    const facilitator = openSocket(nodeA.url, { cookie });
    sockets.push(facilitator);
    await connected(facilitator);
    expect(await ask(facilitator, "console:join", { workshopId: workshop.workshopId })).toMatchObject({ ok: true });

    const participant = openSocket(nodeB.url, { participantToken: workshop.joined[PHONES]!.token });
    sockets.push(participant);
    await connected(participant);
    const seen = nextEvent(
      facilitator,
      "activity:results",
      (results) => results.type === "brainstorm" && results.ideas.some((idea) => idea.text === "Heard across nodes"),
    );
    expect(await ask(participant, "submission:send", { activityId: workshop.activityId, clientId: randomUUID(), payload: { text: "Heard across nodes" } })).toMatchObject({
      ok: true,
    });
    await seen;
  });

  it("lets two editors on different nodes co-edit the Portrait and converge", async () => {
    const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
    const onA = openPortrait(nodeA.url, portrait.documentName, portrait.leaderCookie);
    const onB = openPortrait(nodeB.url, portrait.documentName, portrait.facilitatorCookie);
    editors.push(onA, onB);
    expect(await authenticated(onA)).toBe("read-write");
    expect(await authenticated(onB)).toBe("read-write");
    await Promise.all([synced(onA), synced(onB)]);

    // Both add a competency at the same moment, then both type into the same title.
    addCompetency(onA.doc, { id: "ccollaboratorxxxxxxxxxxx", title: "Collaborator" });
    addCompetency(onB.doc, { id: "ccommunicatorxxxxxxxxxxx", title: "Communicator" });
    const bothThere = (doc: Y.Doc) => competencyIds(doc).length === 2;
    await Promise.all([untilDoc(onA, bothThere), untilDoc(onB, bothThere)]);
    setPlainText(competencyTitle(onA.doc, "ccollaboratorxxxxxxxxxxx")!, "Collaborator and team player");
    setPlainText(competencyTitle(onB.doc, "ccollaboratorxxxxxxxxxxx")!, "The Collaborator");
    const sameTitle = (doc: Y.Doc) => competencyTitle(doc, "ccollaboratorxxxxxxxxxxx")?.toString() === "The Collaborator and team player";
    await Promise.all([untilDoc(onA, sameTitle), untilDoc(onB, sameTitle)]);
    expect(competencyIds(onA.doc)).toEqual(competencyIds(onB.doc));
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc));
  });

  it("moves the participants of a node that dies to the other node without losing or doubling anything acknowledged", async () => {
    const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
    balancer = await startBalancer([nodeA.port, nodeB.port]);
    const phones: Phone[] = workshop.joined.slice(0, PHONES).map((person) => {
      const socket: LiveSocket = connect(balancer!.url, {
        path: "/socket.io",
        transports: ["websocket"],
        forceNew: true,
        auth: { participantToken: person.token },
        reconnectionDelay: 200,
        reconnectionDelayMax: 1000,
      });
      sockets.push(socket);
      return { socket, outbox: new Map(), acknowledged: new Set(), made: new Set() };
    });
    await Promise.all(phones.map((phone) => connected(phone.socket)));
    expect([...balancer.connections().values()].every((count) => count > 0)).toBe(true);

    let killed = false;
    const streams = phones.map(async (phone, p) => {
      for (let i = 0; i < 8 && !killed; i += 1) {
        void send(phone, workshop.activityId, randomUUID(), `Phone ${p} idea ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    for (const [p, phone] of phones.entries()) void send(phone, workshop.activityId, randomUUID(), `Phone ${p} last words`);
    nodeB.child.kill("SIGKILL");
    killed = true;
    await nodeB.exited;
    await Promise.all(streams);

    // Everyone ends up on node A; those who were on B reconnect, fetch the room and resend
    // (a socket may only now learn that its node died, so each step is retried after a reconnect).
    await Promise.all(
      phones.map(async (phone, p) => {
        await untilDone(phone.socket, async () => {
          const state = await phone.socket.timeout(5000).emitWithAck("workshop:state");
          expect(state).toMatchObject({ ok: true, data: { status: "live" } });
        });
        const lastAcknowledged = [...phone.acknowledged].slice(-1);
        for (const clientId of lastAcknowledged) await send(phone, workshop.activityId, clientId, "resent after a lost acknowledgement");
        const after = randomUUID();
        phone.outbox.set(after, `Phone ${p} after the failover`);
        await untilDone(phone.socket, async () => {
          for (const [clientId, text] of [...phone.outbox]) await send(phone, workshop.activityId, clientId, text);
          if (phone.outbox.size > 0) throw new Error("not yet acknowledged");
        });
      }),
    );
    expect(phones.every((phone) => phone.outbox.size === 0)).toBe(true);
    expect(balancer.connections().get(nodeB.port)).toBe(0);

    const database = await openDatabase({ databaseUrl });
    try {
      const rows = await database.prisma.idea.groupBy({
        by: ["clientId"],
        where: { activityId: workshop.activityId, participantId: { in: workshop.joined.slice(0, PHONES).map((p) => p.participantId) } },
        _count: { _all: true },
      });
      const stored = new Map(rows.map((row) => [row.clientId, row._count._all]));
      const acknowledged = phones.flatMap((phone) => [...phone.acknowledged]);
      expect(acknowledged.length).toBe(phones.reduce((sum, phone) => sum + phone.made.size, 0));
      for (const clientId of acknowledged) expect(stored.get(clientId), clientId).toBe(1);
      expect(rows.length).toBe(acknowledged.length);
    } finally {
      await database.close();
    }
  }, 90_000);
});
