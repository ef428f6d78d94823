import type { Socket } from "socket.io";
import { z } from "zod";
import { userFromCookieHeader } from "~/auth/session.server";
import { createBatcher } from "~/utils/batcher";
import { clientIdSchema, ID_MAX } from "~/workshops/activity-types";
import { onAgendaChanged } from "~/workshops/agenda-events.server";
import { createCoalescer } from "~/workshops/coalesce";
import { ACTIVITY_COMMANDS, TIMER_MAX_SECONDS, WORKSHOP_COMMANDS } from "~/workshops/live-rules";
import {
  computeActivityResults,
  consoleView,
  createRatingPools,
  describeIssues,
  moderateIdea,
  mySubmissions,
  nextIdeasToRate,
  participantViewOf,
  recordSubmissions,
  resultsForStaff,
  roomConsoleView,
  runActivityCommand,
  runWorkshopCommand,
  staffRoom,
  workshopRoom,
  workshopView,
  type LiveResult,
  type ParticipantActor,
  type RatingRequest,
  type StaffActor,
} from "~/workshops/live.server";
import type {
  AckErrorCode,
  AckResponse,
  ClientToServerEvents,
  ConsoleView,
  Identity,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
  WorkshopView,
} from "./events";
import type { GroundworkSocketServer } from "./index";
import { createSlidingWindowLimiter, type SlidingWindowOptions } from "./rate-limit";

/*
 * The live workshop over Socket.IO: every event of events.ts is parsed with
 * zod, checked against who is asking, handed to app/workshops/live.server.ts
 * and acknowledged. A bad event gets an error acknowledgement and changes
 * nothing; no handler throws, so one client can never stall or crash the room.
 */

type WorkshopSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type WorkshopIo = Pick<GroundworkSocketServer, "to">;

export type WorkshopHubOptions = {
  /** Submissions per participant (default 20 per 10 s): enough for a phone resending its outbox after a reconnect. */
  submissionLimit?: Omit<SlidingWindowOptions, "now">;
  /** Other participant events per participant (default 60 per 10 s). */
  readLimit?: Omit<SlidingWindowOptions, "now">;
  /** At most one results update per activity per this many milliseconds (default 250). */
  resultsIntervalMs?: number;
};

export const DEFAULT_SUBMISSION_LIMIT = { limit: 20, windowMs: 10_000 };
export const DEFAULT_READ_LIMIT = { limit: 60, windowMs: 10_000 };
export const DEFAULT_RESULTS_INTERVAL_MS = 250;
// How long the ideas of a rating round are reused between phones asking for their next ones.
const RATING_POOL_TTL_MS = 1_000;
// A handler still running at shutdown gets this long to finish before the database closes.
const SHUTDOWN_WAIT_MS = 5_000;
const SESSION_ENDED_GRACE_MS = 1_000;

const idSchema = z.string().min(1).max(ID_MAX).regex(/^[A-Za-z0-9_-]+$/, "invalidId");

const schemas = {
  activity: z.object({ activityId: idSchema }),
  submission: z.object({ activityId: idSchema, clientId: clientIdSchema, payload: z.unknown() }),
  workshop: z.object({ workshopId: idSchema }),
  workshopCommand: z.object({ workshopId: idSchema, command: z.enum(WORKSHOP_COMMANDS) }),
  activityCommand: z
    .object({
      workshopId: idSchema,
      activityId: idSchema,
      command: z.enum(ACTIVITY_COMMANDS),
      seconds: z.number().int().min(0).max(TIMER_MAX_SECONDS).optional(),
    })
    .refine((input) => input.command !== "timer" || input.seconds !== undefined, { path: ["seconds"], message: "required" }),
  moderation: z
    .object({
      workshopId: idSchema,
      ideaId: idSchema,
      action: z.enum(["hide", "restore", "spotlight", "unspotlight", "merge"]),
      intoIdeaId: idSchema.optional(),
    })
    .refine((input) => input.action !== "merge" || input.intoIdeaId !== undefined, { path: ["intoIdeaId"], message: "required" }),
  results: z.object({ workshopId: idSchema, activityId: idSchema }),
};

type Answer = AckResponse<unknown>;

function refusal(code: AckErrorCode, message: string): Answer {
  return { ok: false, error: { code, message } };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): { ok: true; data: T } | { ok: false; answer: Answer } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, answer: refusal("bad_request", describeIssues(parsed.error.issues)) };
}

export type WorkshopHub = {
  /** Registers every workshop event on a connected socket. */
  register(socket: WorkshopSocket): void;
  /** Answers what is in flight, drops pending results updates (derived data), and stops taking events. */
  close(): Promise<void>;
};

export function createWorkshopHub(io: WorkshopIo, options: WorkshopHubOptions = {}): WorkshopHub {
  const submissionLimiter = createSlidingWindowLimiter(options.submissionLimit ?? DEFAULT_SUBMISSION_LIMIT);
  const readLimiter = createSlidingWindowLimiter(options.readLimit ?? DEFAULT_READ_LIMIT);
  const intervalMs = options.resultsIntervalMs ?? DEFAULT_RESULTS_INTERVAL_MS;

  // Many phones act at the same moment; each of these turns a burst into a few statements.
  const submissions = createBatcher(recordSubmissions);
  const ratingPools = createRatingPools(RATING_POOL_TTL_MS);
  const ratingRequests = createBatcher((requests: RatingRequest[]) => nextIdeasToRate(requests, ratingPools));

  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  function report(what: string, error: unknown) {
    console.error(`Live workshop: ${what} failed`, error);
  }

  /** Concurrent askers for the same key share one load. */
  function sharedLoads<T>(load: (key: string) => Promise<T>) {
    const loading = new Map<string, Promise<T>>();
    return (key: string): Promise<T> => {
      let promise = loading.get(key);
      if (!promise) {
        promise = load(key).finally(() => loading.delete(key));
        loading.set(key, promise);
      }
      return promise;
    };
  }
  const loadView = sharedLoads(workshopView);
  const loadResults = sharedLoads(computeActivityResults);

  /** Runs `task` for a key, never twice at once: a request made while it runs makes it run again afterwards, so the last state is always sent. */
  function oneAtATime(task: (key: string) => Promise<void>, what: string) {
    const running = new Map<string, { again: boolean }>();
    return (key: string) => {
      const state = running.get(key);
      if (state) {
        state.again = true;
        return;
      }
      const entry = { again: false };
      running.set(key, entry);
      const loop = async () => {
        try {
          do {
            entry.again = false;
            await task(key);
          } while (entry.again && !closing);
        } catch (error) {
          report(what, error);
        } finally {
          running.delete(key);
        }
      };
      void track(loop());
    };
  }

  const results = createCoalescer<string>({
    intervalMs,
    flush: oneAtATime(async (activityId) => {
      const computed = await computeActivityResults(activityId);
      if (!computed || closing) return;
      io.to(staffRoom(computed.workshopId)).emit("activity:results", computed.staff);
      if (computed.resultsVisible) io.to(workshopRoom(computed.workshopId)).emit("activity:results", computed.participants);
    }, "sending results"),
  });

  const consoles = createCoalescer<string>({
    intervalMs,
    flush: oneAtATime(async (workshopId) => {
      const view = await roomConsoleView(workshopId);
      if (view && !closing) io.to(staffRoom(workshopId)).emit("console:state", view);
    }, "sending the console"),
  });

  /** After a command: the room's new state to everyone, the console to staff. */
  async function broadcastRoom(workshopId: string): Promise<ConsoleView | null> {
    const view = await roomConsoleView(workshopId);
    if (!view) return null;
    io.to([workshopRoom(workshopId), staffRoom(workshopId)]).emit("workshop:state", participantViewOf(view));
    io.to(staffRoom(workshopId)).emit("console:state", view);
    return view;
  }

  // An agenda edited on the workshop page reaches a running room straight away: new prompts, order or title.
  const stopListening = onAgendaChanged((workshopId) => {
    if (closing) return;
    void track(
      broadcastRoom(workshopId).then((view) => {
        if (view?.current) results.touch(view.current.id);
      }),
    ).catch((error: unknown) => report("sending the edited agenda", error));
  });

  /** The console view of a command that succeeded, after telling the room; or the command's error. */
  async function afterCommand(result: LiveResult<{ workshopId: string; activityIds: string[] }>): Promise<Answer> {
    if (!result.ok) return result;
    const view = await broadcastRoom(result.data.workshopId);
    // Revealing, concealing or moderating changes what results show; the coalescer sends them.
    for (const activityId of result.data.activityIds) results.touch(activityId);
    return view ? { ok: true, data: view } : refusal("not_found", "No such workshop in your district.");
  }

  async function sendCurrentResults(socket: WorkshopSocket, view: WorkshopView) {
    if (!view.current?.resultsVisible) return;
    const computed = await loadResults(view.current.id);
    if (computed?.resultsVisible) socket.emit("activity:results", computed.participants);
  }

  /** The staff member behind a socket as they are now: a revoked session or a changed role takes effect at once. */
  async function currentStaff(socket: WorkshopSocket, identity: Extract<Identity, { kind: "staff" }>): Promise<StaffActor | null> {
    const session = await userFromCookieHeader(socket.handshake.headers.cookie);
    if (!session || session.sessionId !== identity.sessionId) {
      socket.emit("session:ended");
      // Disconnected a moment later, so the refusal's acknowledgement reaches the client first.
      setTimeout(() => socket.disconnect(true), SESSION_ENDED_GRACE_MS).unref();
      return null;
    }
    return { userId: session.user.id, districtId: session.user.districtId, role: session.user.role };
  }

  type Handler = (input: unknown) => Promise<Answer>;

  function listen(socket: WorkshopSocket, event: keyof ClientToServerEvents, handler: Handler) {
    // Listeners take whatever a client sends: the arguments are checked here, not trusted to match the types.
    const untyped = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
    untyped.on(event, (...args: unknown[]) => {
      const ack = args[args.length - 1];
      // Every event is answered through its acknowledgement; one sent without it cannot be, so it is ignored.
      if (typeof ack !== "function") return;
      const input = args.length > 1 ? args[0] : undefined;
      const answered = closing
        ? Promise.resolve(refusal("server_error", "The server is restarting; send it again after reconnecting."))
        : handler(input).catch((error: unknown) => {
            report(event, error);
            return refusal("server_error", "Something went wrong on the server; send it again.");
          });
      void track(answered).then((answer) => {
        try {
          (ack as (answer: Answer) => void)(answer);
        } catch (error) {
          report(`acknowledging ${event}`, error);
        }
      });
    });
  }

  function forParticipant(socket: WorkshopSocket, limiter: typeof readLimiter, handler: (participant: ParticipantActor, input: unknown) => Promise<Answer>): Handler {
    return async (input) => {
      const identity = socket.data.identity;
      if (identity.kind !== "participant") return refusal("forbidden", "This event is for workshop participants.");
      if (!limiter.hit(identity.participantId)) return refusal("rate_limited", "Too many requests; wait a few seconds.");
      return handler(identity, input);
    };
  }

  function forStaff(socket: WorkshopSocket, handler: (staff: StaffActor, input: unknown) => Promise<Answer>): Handler {
    return async (input) => {
      const identity = socket.data.identity;
      if (identity.kind !== "staff") return refusal("forbidden", "This event is for the workshop's facilitators.");
      const staff = await currentStaff(socket, identity);
      if (!staff) return refusal("forbidden", "Your session has ended; sign in again.");
      return handler(staff, input);
    };
  }

  function register(socket: WorkshopSocket) {
    const identity = socket.data.identity;

    if (identity.kind === "participant") {
      void socket.join(workshopRoom(identity.workshopId));
      // The console's participation counts include whoever just came in.
      consoles.touch(identity.workshopId);
      void track(
        loadView(identity.workshopId)
          .then(async (view) => {
            if (!view || !socket.connected) return;
            socket.emit("workshop:state", view);
            await sendCurrentResults(socket, view);
          })
          .catch((error: unknown) => report("greeting a participant", error)),
      );
    }

    listen(
      socket,
      "workshop:state",
      forParticipant(socket, readLimiter, async (participant) => {
        const view = await loadView(participant.workshopId);
        if (!view) return refusal("not_found", "This workshop no longer exists.");
        void track(sendCurrentResults(socket, view).catch((error: unknown) => report("sending results", error)));
        return { ok: true, data: view };
      }),
    );

    listen(
      socket,
      "submission:send",
      forParticipant(socket, submissionLimiter, async (participant, input) => {
        const parsed = parse(schemas.submission, input);
        if (!parsed.ok) return parsed.answer;
        const { result, saved } = await submissions.push({ participant, ...parsed.data });
        if (saved) {
          results.touch(saved.activityId);
          if (saved.ratedIdeaId) ratingPools.noteRating(saved.activityId, saved.ratedIdeaId);
        }
        return result;
      }),
    );

    listen(
      socket,
      "rating:next",
      forParticipant(socket, readLimiter, async (participant, input) => {
        const parsed = parse(schemas.activity, input);
        if (!parsed.ok) return parsed.answer;
        return ratingRequests.push({ participant, activityId: parsed.data.activityId });
      }),
    );

    listen(
      socket,
      "submission:mine",
      forParticipant(socket, readLimiter, async (participant, input) => {
        const parsed = parse(schemas.activity, input);
        if (!parsed.ok) return parsed.answer;
        return mySubmissions(participant, parsed.data.activityId);
      }),
    );

    listen(
      socket,
      "console:join",
      forStaff(socket, async (staff, input) => {
        const parsed = parse(schemas.workshop, input);
        if (!parsed.ok) return parsed.answer;
        const view = await consoleView(staff, parsed.data.workshopId);
        if (view.ok) await socket.join(staffRoom(parsed.data.workshopId));
        return view;
      }),
    );

    listen(
      socket,
      "workshop:command",
      forStaff(socket, async (staff, input) => {
        const parsed = parse(schemas.workshopCommand, input);
        if (!parsed.ok) return parsed.answer;
        return afterCommand(await runWorkshopCommand(staff, parsed.data.workshopId, parsed.data.command));
      }),
    );

    listen(
      socket,
      "activity:command",
      forStaff(socket, async (staff, input) => {
        const parsed = parse(schemas.activityCommand, input);
        if (!parsed.ok) return parsed.answer;
        const { workshopId, activityId, command, seconds } = parsed.data;
        return afterCommand(await runActivityCommand(staff, workshopId, activityId, command, seconds));
      }),
    );

    listen(
      socket,
      "idea:moderate",
      forStaff(socket, async (staff, input) => {
        const parsed = parse(schemas.moderation, input);
        if (!parsed.ok) return parsed.answer;
        const { workshopId, ...moderation } = parsed.data;
        const result = await moderateIdea(staff, workshopId, moderation);
        if (!result.ok) return result;
        ratingPools.invalidate();
        // The spotlight is part of the room's state; hiding or merging changes the wall.
        await broadcastRoom(result.data.workshopId);
        for (const activityId of result.data.activityIds) results.touch(activityId);
        return { ok: true, data: { ideaId: result.data.ideaId } };
      }),
    );

    listen(
      socket,
      "results:get",
      forStaff(socket, async (staff, input) => {
        const parsed = parse(schemas.results, input);
        if (!parsed.ok) return parsed.answer;
        return resultsForStaff(staff, parsed.data.workshopId, parsed.data.activityId);
      }),
    );
  }

  return {
    register,
    async close() {
      closing = true;
      stopListening();
      // Results are derived from saved rows: what was pending is dropped, and clients ask again when they reconnect.
      results.dispose();
      consoles.dispose();
      // Submissions already taken are saved and acknowledged before the sockets close.
      await Promise.all([submissions.drain(), ratingRequests.drain()]);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS))),
      ]);
      clearTimeout(timer);
    },
  };
}
