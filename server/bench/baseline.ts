import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { createCoalescer } from "~/workshops/coalesce";
import type { ActivityResults, WorkshopView } from "../socket/events";

/*
 * The yardstick: a bare Socket.IO server doing the same fan-out as the real
 * one — the room's state to every phone on connect and on each command, an
 * acknowledgement for every submission, coalesced counts to the facilitator —
 * with no database, no checks and no validation. The ratio between the two
 * is what Groundwork's own work costs.
 */

export type BaselineActivity = { id: string; type: "brainstorm" | "rate" | "poll" };

const ROOM = "participants";
const STAFF = "staff";

export async function startBaseline(activities: readonly BaselineActivity[], resultsIntervalMs: number) {
  const httpServer = createServer();
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const counts = new Map<string, number>(activities.map((activity) => [activity.id, 0]));
  const typeOf = new Map(activities.map((activity) => [activity.id, activity.type]));
  let current: string | null = null;

  const view = (): WorkshopView => ({
    workshopId: "baseline",
    title: "Baseline",
    status: "live",
    languages: ["en"],
    current: current
      ? { id: current, position: 0, type: typeOf.get(current) ?? "poll", state: "open", config: {}, resultsVisible: false, timerEndsAt: null, spotlightIdeaId: null }
      : null,
    serverTime: new Date().toISOString(),
  });

  const results = createCoalescer<string>({
    intervalMs: resultsIntervalMs,
    flush: (activityId) => {
      const count = counts.get(activityId) ?? 0;
      const type = typeOf.get(activityId);
      const payload: ActivityResults =
        type === "brainstorm"
          ? { type, activityId, ideaCount: count, ideas: [] }
          : type === "rate"
            ? { type, activityId, ratingCount: count, leaders: [] }
            : { type: "poll", activityId, respondents: count, options: [] };
      io.to(STAFF).emit("activity:results", payload);
    },
  });

  io.on("connection", (socket) => {
    const isStaff = !(socket.handshake.auth as { participantToken?: unknown }).participantToken;
    if (isStaff) void socket.join(STAFF);
    else {
      void socket.join(ROOM);
      socket.emit("workshop:state", view());
    }
    socket.on("console:join", (_input: unknown, ack: (answer: unknown) => void) => ack({ ok: true, data: view() }));
    socket.on("activity:command", (input: { activityId: string }, ack: (answer: unknown) => void) => {
      current = input.activityId;
      io.to([ROOM, STAFF]).emit("workshop:state", view());
      results.touch(input.activityId);
      ack({ ok: true, data: view() });
    });
    socket.on("submission:send", (input: { activityId: string; clientId: string }, ack: (answer: unknown) => void) => {
      counts.set(input.activityId, (counts.get(input.activityId) ?? 0) + 1);
      results.touch(input.activityId);
      ack({ ok: true, data: { id: randomUUID(), clientId: input.clientId, duplicate: false } });
    });
    socket.on("rating:next", (_input: unknown, ack: (answer: unknown) => void) => {
      ack({ ok: true, data: { ideas: [0, 1, 2, 3, 4].map((n) => ({ id: `idea-${n}`, text: `Idea ${n}` })) } });
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    async close() {
      results.dispose();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}
