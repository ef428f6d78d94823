import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { signPayload } from "~/utils/tokens.server";
import type { AckResponse, IdentitySummary } from "../../server/socket/events";
import { createSocketServer, SOCKET_PATH } from "../../server/socket";
import { TEST_SECRET, useTestDatabase } from "../support/database";

useTestDatabase();

let httpServer: Server;
let sockets: Awaited<ReturnType<typeof createSocketServer>>;
let url: string;
let cookie: string;
let disabledCookie: string;
const open: Socket[] = [];

beforeAll(async () => {
  const { leaderId } = await createDistrict({
    districtName: "Socket District",
    languages: ["en"],
    leaderName: "Lee",
    leaderEmail: "lee@socket.example",
    password: "a-long-enough-password",
  });
  cookie = (await startSession(leaderId, "vitest")).split(";")[0]!;
  const leader = await prisma.user.findUniqueOrThrow({ where: { id: leaderId }, select: { districtId: true } });
  const disabled = await prisma.user.create({
    data: { districtId: leader.districtId, email: "gone@socket.example", name: "Gone", role: "facilitator", disabledAt: new Date() },
  });
  disabledCookie = (await startSession(disabled.id, "vitest")).split(";")[0]!;

  httpServer = createServer();
  sockets = await createSocketServer(httpServer, { secret: TEST_SECRET });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of open) socket.disconnect();
  await sockets.close();
});

function client(options: { cookie?: string; participantToken?: string; auth?: unknown }) {
  const socket = connect(url, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: options.cookie ? { Cookie: options.cookie } : undefined,
    auth: (options.auth ?? (options.participantToken ? { participantToken: options.participantToken } : {})) as Record<string, unknown>,
  });
  open.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
}

function refused(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected but should have been refused")));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

function whoami(socket: Socket): Promise<AckResponse<IdentitySummary>> {
  return socket.timeout(5000).emitWithAck("session:whoami");
}

describe("socket handshake", () => {
  it("admits staff by their session cookie", async () => {
    const socket = client({ cookie });
    await connected(socket);
    const answer = await whoami(socket);
    expect(answer).toMatchObject({ ok: true, data: { kind: "staff", role: "leader" } });
  });

  it("admits a participant by a token the server signed", async () => {
    const token = signPayload({ v: 1, participantId: "p1", workshopId: "w1", districtId: "d1" }, TEST_SECRET);
    const socket = client({ participantToken: token });
    await connected(socket);
    expect(await whoami(socket)).toEqual({ ok: true, data: { kind: "participant", participantId: "p1", workshopId: "w1" } });
  });

  it("refuses a connection with no credentials", async () => {
    expect(await refused(client({}))).toMatch(/unauthorized/);
  });

  it("refuses a token signed with another secret", async () => {
    const forged = signPayload({ v: 1, participantId: "p1", workshopId: "w1", districtId: "d1" }, "another-secret-of-sufficient-length-x");
    expect(await refused(client({ participantToken: forged }))).toMatch(/invalid participant token/);
  });

  it("refuses a signed token of the wrong shape", async () => {
    const token = signPayload({ v: 2, participantId: "p1" }, TEST_SECRET);
    expect(await refused(client({ participantToken: token }))).toMatch(/invalid participant token/);
  });

  it("refuses a malformed handshake", async () => {
    expect(await refused(client({ auth: { participantToken: 42 } }))).toMatch(/malformed handshake/);
  });

  it("refuses a forged or foreign cookie, and a disabled user's session", async () => {
    expect(await refused(client({ cookie: "gw_session=forged" }))).toMatch(/unauthorized/);
    expect(await refused(client({ cookie: disabledCookie }))).toMatch(/unauthorized/);
  });

  it("ignores an event sent without an acknowledgement callback and keeps serving", async () => {
    const socket = client({ cookie });
    await connected(socket);
    socket.emit("session:whoami");
    expect(await whoami(socket)).toMatchObject({ ok: true });
  });
});

describe("several nodes", () => {
  const redisUrl = process.env.TEST_REDIS_URL;
  it.skipIf(!redisUrl)("share rooms through the Redis adapter when REDIS_URL is set", async () => {
    const nodes = await Promise.all(
      [0, 1].map(async () => {
        const server = createServer();
        const node = await createSocketServer(server, { secret: TEST_SECRET, redisUrl });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        return { node, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
      }),
    );
    try {
      const onSecondNode = connect(nodes[1]!.url, {
        path: SOCKET_PATH,
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { Cookie: cookie },
      });
      open.push(onSecondNode);
      await connected(onSecondNode);
      const identity = await whoami(onSecondNode);
      if (!identity.ok || identity.data.kind !== "staff") throw new Error("expected a staff identity");
      const seenFromFirstNode = await nodes[0]!.node.io.in(`district:${identity.data.districtId}`).fetchSockets();
      expect(seenFromFirstNode.map((s) => s.id)).toContain(onSecondNode.id);
    } finally {
      await Promise.all(nodes.map((n) => n.node.close()));
    }
  });
});
