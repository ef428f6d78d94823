import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClientToServerEvents, ServerToClientEvents, WorkshopView } from "../../server/socket/events";
import { ACK_TIMEOUT_MS, listen, request, type WorkshopSocket } from "./socket-client";

const view: WorkshopView = {
  workshopId: "w-1",
  title: "Community visioning night",
  status: "live",
  languages: ["en"],
  current: null,
  serverTime: "2026-11-23T10:00:00.000Z",
};

// A real Socket.IO server whose handlers answer, refuse, or stay silent, so the client side is tested against the library itself.
let httpServer: HttpServer;
let server: Server<ClientToServerEvents, ServerToClientEvents>;
let url: string;
const open: WorkshopSocket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  server = new Server(httpServer, { path: "/socket.io" });
  server.on("connection", (socket) => {
    socket.on("workshop:state", (ack) => ack({ ok: true, data: view }));
    socket.on("rating:next", (_input, ack) => ack({ ok: false, error: { code: "not_open", message: "The activity is not open" } }));
    // Never acknowledged: the client must give up after its timeout.
    socket.on("submission:mine", () => undefined);
    socket.on("session:whoami", () => {
      socket.emit("workshop:state", view);
      socket.emit("session:ended");
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(() => {
  vi.useRealTimers();
  for (const socket of open.splice(0)) socket.disconnect();
});

afterAll(async () => {
  await server.close();
});

async function connected(): Promise<WorkshopSocket> {
  const socket: WorkshopSocket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true });
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

describe("a request with its acknowledgement", () => {
  it("resolves with the data the server acknowledged", async () => {
    const socket = await connected();
    await expect(request(socket, "workshop:state")).resolves.toEqual({ ok: true, data: view });
  });

  it("resolves with the server's code and message when it refused", async () => {
    const socket = await connected();
    await expect(request(socket, "rating:next", { activityId: "a-1" })).resolves.toEqual({
      ok: false,
      code: "not_open",
      message: "The activity is not open",
    });
  });

  it("resolves as a timeout, never rejects, when no answer comes in time", async () => {
    // Installed before the client exists, so its acknowledgement timer is one the test can move on.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
    const socket = await connected();
    let settled = false;
    const answer = request(socket, "submission:mine", { activityId: "a-1" }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(ACK_TIMEOUT_MS - 1_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(answer).resolves.toEqual({ ok: false, code: "timeout", message: "No answer from the server" });
  });
});

describe("listeners added together", () => {
  it("hears the server's events and stops hearing exactly those once removed", async () => {
    const socket = await connected();
    const ownListener = () => undefined;
    socket.on("workshop:state", ownListener);
    const heard: string[] = [];
    const ended = new Promise<void>((resolve) => {
      const unlisten = listen(socket, {
        "workshop:state": (next) => heard.push(next.title),
        "session:ended": () => {
          heard.push("ended");
          unlisten();
          resolve();
        },
      });
    });
    socket.emit("session:whoami", () => undefined);
    await ended;
    expect(heard).toEqual(["Community visioning night", "ended"]);
    expect(socket.listeners("workshop:state")).toEqual([ownListener]);
    expect(socket.hasListeners("session:ended")).toBe(false);
  });
});
