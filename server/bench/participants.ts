import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { AckResponse, ActivityResults, ClientToServerEvents, ServerToClientEvents, SubmissionReceipt } from "../socket/events";
import type { ConnectReport, FromParticipants, PhaseMessage, PhaseReport, StartMessage, ToParticipants } from "./messages";
import { summarize, updateLatencies, type CountUpdate, type Timed } from "./stats";

/*
 * The load generator: simulated phones and one facilitator, all socket.io-client
 * over loopback, in a child process so that their work does not share the
 * server's event loop and the server's CPU figure is the server's alone. The
 * facilitator lives here too, so submit→update latencies are measured on one clock.
 */

type PhoneSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 15_000;

let url = "";
/** Where phones connect, in turn (several nodes in the cluster benchmark); the facilitator uses `url`. */
let phoneUrls: string[] = [];
let phonesOpened = 0;
let workshopId = "";
let staff: PhoneSocket | null = null;
let phones: PhoneSocket[] = [];

function reply(message: FromParticipants) {
  process.send?.(message);
}

function open(auth: Record<string, string>, cookie?: string, target = url): PhoneSocket {
  return io(target, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
    auth,
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
}

type Untyped = { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<AckResponse<unknown>> } };

function ask<T>(socket: PhoneSocket, event: string, ...args: unknown[]): Promise<AckResponse<T>> {
  return (socket as unknown as Untyped).timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args) as Promise<AckResponse<T>>;
}

async function start(message: StartMessage) {
  url = message.url;
  phoneUrls = message.phoneUrls?.length ? message.phoneUrls : [message.url];
  phonesOpened = 0;
  workshopId = message.workshopId;
  staff = open({}, message.staffCookie ?? undefined);
  await new Promise<void>((resolve, reject) => {
    staff?.once("connect", () => resolve());
    staff?.once("connect_error", reject);
  });
  const joined = await ask(staff, "console:join", { workshopId });
  if (!joined.ok) throw new Error(`the facilitator could not join the console: ${joined.error.message}`);
}

/** Connects phones; a join counts when the phone has the room's state, as a real phone needs before showing anything. */
async function connect(tokens: string[]): Promise<ConnectReport> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | null = null;
  await Promise.all(
    tokens.map(
      (token) =>
        new Promise<void>((resolve) => {
          const began = performance.now();
          const socket = open({ participantToken: token }, undefined, phoneUrls[phonesOpened++ % phoneUrls.length]);
          const timer = setTimeout(() => fail("no room state in time"), CONNECT_TIMEOUT_MS);
          function fail(reason: string) {
            clearTimeout(timer);
            failures += 1;
            firstError ??= reason;
            socket.disconnect();
            resolve();
          }
          socket.once("connect_error", (error) => fail(error.message));
          socket.once("workshop:state", () => {
            clearTimeout(timer);
            latencies.push(performance.now() - began);
            phones.push(socket);
            resolve();
          });
        }),
    ),
  );
  return { latencies, failures, firstError };
}

function countOf(results: ActivityResults): number {
  switch (results.type) {
    case "brainstorm":
      return results.ideaCount;
    case "rate":
      return results.ratingCount;
    case "nomination":
      return results.count;
    default:
      return results.respondents;
  }
}

async function runPhase(message: PhaseMessage): Promise<PhaseReport> {
  if (!staff) throw new Error("start first");
  const facilitator = staff;
  const updates: CountUpdate[] = [];
  const onResults = (results: ActivityResults) => {
    if (results.activityId === message.activityId) updates.push({ at: performance.now(), count: countOf(results) });
  };
  facilitator.on("activity:results", onResults);
  const opened = await ask(facilitator, "activity:command", { workshopId, activityId: message.activityId, command: "open" });
  if (!opened.ok) throw new Error(`opening the ${message.phase} activity failed: ${opened.error.message}`);

  const timings: Timed[] = [];
  const ratingNext: number[] = [];
  const errors: Record<string, number> = {};
  let sent = 0;
  const note = (code: string) => (errors[code] = (errors[code] ?? 0) + 1);

  async function submit(phone: PhoneSocket, payload: Record<string, unknown>) {
    const sentAt = performance.now();
    sent += 1;
    try {
      const answer = await ask<SubmissionReceipt>(phone, "submission:send", { activityId: message.activityId, clientId: randomUUID(), payload });
      if (answer.ok) timings.push({ sentAt, ackedAt: performance.now() });
      else note(answer.error.code);
    } catch {
      note("timeout");
    }
  }

  async function act(phone: PhoneSocket, index: number) {
    switch (message.phase) {
      case "ideas":
        return submit(phone, { text: `Idea ${index}: graduates who can explain their thinking and ask good questions` });
      case "votes":
        return submit(phone, { optionIds: [message.pollOptionIds[index % message.pollOptionIds.length]] });
      case "ratings": {
        const began = performance.now();
        const next = await ask<{ ideas: { id: string }[] }>(phone, "rating:next", { activityId: message.activityId }).catch(() => null);
        ratingNext.push(performance.now() - began);
        if (!next?.ok) return note(next ? next.error.code : "timeout");
        for (const idea of next.data.ideas.slice(0, message.ratingsEach)) await submit(phone, { ideaId: idea.id, value: 1 + (index % 5) });
      }
    }
  }

  const gap = phones.length > 0 ? message.windowMs / phones.length : 0;
  const startedAt = performance.now();
  await Promise.all(
    phones.map(
      (phone, index) =>
        new Promise<void>((resolve) => {
          setTimeout(() => void act(phone, index).finally(resolve), index * gap);
        }),
    ),
  );
  const lastAck = timings.reduce((latest, timing) => Math.max(latest, timing.ackedAt), startedAt);

  // Wait for the facilitator's screen to count everything acknowledged (coalesced updates trail the last ack).
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while (performance.now() < deadline && (updates.at(-1)?.count ?? 0) < timings.length) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  facilitator.off("activity:results", onResults);

  const { latencies, uncovered } = updateLatencies(timings, updates);
  const durationMs = lastAck - startedAt;
  return {
    phase: message.phase,
    sent,
    acknowledged: timings.length,
    errors,
    ack: summarize(timings.map((timing) => timing.ackedAt - timing.sentAt)),
    update: summarize(latencies),
    uncovered,
    durationMs,
    perSecond: durationMs > 0 ? (timings.length / durationMs) * 1000 : 0,
    ratingNext: message.phase === "ratings" ? summarize(ratingNext) : null,
  };
}

function disconnectAll() {
  for (const phone of phones) phone.disconnect();
  staff?.disconnect();
  phones = [];
  staff = null;
}

process.on("message", (message: ToParticipants) => {
  const handle = async (): Promise<FromParticipants | null> => {
    switch (message.type) {
      case "start":
        await start(message);
        return { type: "started" };
      case "connect":
        return { type: "connected", report: await connect(message.tokens) };
      case "phase":
        return { type: "phase-done", report: await runPhase(message) };
      case "disconnect":
        disconnectAll();
        return { type: "disconnected" };
      case "exit":
        disconnectAll();
        process.exit(0);
    }
    return null;
  };
  handle().then(
    (answer) => answer && reply(answer),
    (error: unknown) => reply({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});

// The benchmark must stop by itself: if the parent goes away, so does the load.
process.on("disconnect", () => process.exit(0));
