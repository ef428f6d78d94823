import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import type { ClientToServerEvents, IdentitySummary, InterServerEvents, ServerToClientEvents, SocketData } from "./events";
import { HandshakeError, identify } from "./handshake";
import { createWorkshopHub, type WorkshopHubOptions } from "./workshop-handlers";

export type GroundworkSocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

type SocketDeps = { secret: string; redisUrl?: string; workshops?: WorkshopHubOptions };

export const SOCKET_PATH = "/socket.io";
/** Socket payloads larger than this are dropped by Socket.IO before any handler runs. */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

export function districtRoom(districtId: string): string {
  return `district:${districtId}`;
}

export async function createSocketServer(httpServer: HttpServer, deps: SocketDeps) {
  const io: GroundworkSocketServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // Other upgrade paths (the collaboration server) are routed elsewhere, not destroyed.
    destroyUpgrade: false,
    // No connection state recovery: it keeps every broadcast for the whole recovery window (live results
    // several times a second, to thousands of phones), and the protocol already says how a client
    // catches up after reconnecting — ask for the room's state, resend what was never acknowledged
    // (docs/realtime-protocol.md). It would also work on one node only: the Redis adapter cannot recover sessions.
  });

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (deps.redisUrl) {
    const pub = createClient({ url: deps.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
  }

  io.use((socket, next) => {
    identify(socket.handshake.auth, socket.handshake.headers.cookie, deps.secret)
      .then((identity) => {
        socket.data.identity = identity;
        next();
      })
      .catch((error: unknown) => {
        next(error instanceof HandshakeError ? error : new Error("unauthorized: could not check the session"));
      });
  });

  const workshops = createWorkshopHub(io, deps.workshops);

  io.on("connection", (socket) => {
    const { identity } = socket.data;
    if (identity.kind === "staff") void socket.join(districtRoom(identity.districtId));

    socket.on("session:whoami", (ack) => {
      if (typeof ack !== "function") return;
      const summary: IdentitySummary =
        identity.kind === "staff"
          ? { kind: "staff", userId: identity.userId, districtId: identity.districtId, role: identity.role }
          : { kind: "participant", participantId: identity.participantId, workshopId: identity.workshopId };
      ack({ ok: true, data: summary });
    });

    workshops.register(socket);
  });

  return {
    io,
    async close() {
      await workshops.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await Promise.allSettled(redisClients.map((client) => client.quit()));
    },
  };
}
