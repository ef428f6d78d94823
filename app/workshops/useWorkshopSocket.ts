import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { ActivityResults, ConsoleView, WorkshopView } from "../../server/socket/events";
import { listen, request, type AckData, type AckResult, type AckResultCode, type EventName, type RequestArgs, type WorkshopSocket } from "./socket-client";
import {
  ackOutcome,
  addToOutbox,
  newClientId,
  outboxKey,
  readOutbox,
  removeFromOutbox,
  writeOutbox,
  type OutboxStorage,
  type OwnSubmissions,
  type PendingSubmission,
  type SavedSubmission,
  type SubmissionRejection,
} from "./submission-outbox";

const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
// The server counts submissions over 10 s; a phone told to slow down waits at least this long.
const SLOW_DOWN_MS = 5_000;

/**
 * "connecting" before the first connection, "reconnecting" after losing one,
 * "offline" while the phone says it has no network, "refused" when the server
 * will not take this connection (an expired token, a session that ended).
 */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "refused";

function openSocket(participantToken?: string): WorkshopSocket {
  return io({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    auth: participantToken ? { participantToken } : {},
    // Connected by the caller once its listeners are in place.
    autoConnect: false,
  });
}

/** The difference between the server's clock and this device's, so countdowns are right on phones whose clock is off. */
function clockOffsetFrom(view: { serverTime: string }): number {
  const serverNow = Date.parse(view.serverTime);
  return Number.isFinite(serverNow) ? serverNow - Date.now() : 0;
}

function browserStorage(): OutboxStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const NO_SUBMISSIONS: PendingSubmission[] = [];

/**
 * The outbox kept in localStorage, read through useSyncExternalStore so the
 * server render and hydration see it empty and the browser then shows what
 * was still waiting to be sent before the page was reloaded. Each change
 * re-reads what is stored first, so two tabs of the same participant add to
 * one outbox rather than overwrite each other's.
 */
class OutboxStore {
  private items: PendingSubmission[] | null = null;
  private listeners = new Set<() => void>();
  // False once the browser refused to store the outbox: from then on, what is in memory is all there is.
  private stored = true;

  constructor(private readonly key: string) {}

  getSnapshot = (): PendingSubmission[] => {
    if (this.items === null) this.items = readOutbox(browserStorage(), this.key);
    return this.items;
  };

  getServerSnapshot = (): PendingSubmission[] => NO_SUBMISSIONS;

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) window.addEventListener("storage", this.onStorage);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) window.removeEventListener("storage", this.onStorage);
    };
  };

  has(clientId: string): boolean {
    return this.getSnapshot().some((item) => item.clientId === clientId);
  }

  add(item: PendingSubmission) {
    this.replace(addToOutbox(this.latest(), item));
  }

  remove(clientId: string) {
    const items = this.latest();
    if (items.some((item) => item.clientId === clientId)) this.replace(removeFromOutbox(items, clientId));
  }

  private onStorage = (event: StorageEvent) => {
    if (event.key !== this.key || !this.stored) return;
    this.items = readOutbox(browserStorage(), this.key);
    this.notify();
  };

  private latest(): PendingSubmission[] {
    return this.stored ? readOutbox(browserStorage(), this.key) : this.getSnapshot();
  }

  private replace(items: PendingSubmission[]) {
    this.items = items;
    this.stored = writeOutbox(browserStorage(), this.key, items);
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}

type ParticipantOptions = { workshopId: string; participantId: string; participantToken: string };

/**
 * A participant's connection to the room: the current view, results when
 * revealed, and submissions that are never lost. Every submission goes into
 * the outbox first and leaves it only when the server has saved or refused it;
 * after a reconnect or a reload the client asks for the room's state and
 * resends whatever is left.
 */
export function useWorkshopSocket({ workshopId, participantId, participantToken }: ParticipantOptions) {
  const [store] = useState(() => new OutboxStore(outboxKey(workshopId, participantId)));
  const outbox = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [view, setView] = useState<WorkshopView | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const [results, setResults] = useState<Record<string, ActivityResults>>({});
  const [saved, setSaved] = useState<SavedSubmission[]>([]);
  const [rejections, setRejections] = useState<SubmissionRejection[]>([]);
  const [own, setOwn] = useState<Record<string, OwnSubmissions>>({});
  const [slowedDown, setSlowedDown] = useState(false);
  const socketRef = useRef<WorkshopSocket | null>(null);
  const flushRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const socket = openSocket(participantToken);
    socketRef.current = socket;
    let disposed = false;
    let offline = typeof navigator !== "undefined" && navigator.onLine === false;
    let flushing = false;
    let flushAgain = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryAttempt = 0;
    let currentActivityId: string | null = null;

    function loadOwn(activityId: string) {
      // Unanswered: the next reconnect or activity change asks again.
      void request(socket, "submission:mine", { activityId }).then((result) => {
        if (result.ok) setOwn((previous) => ({ ...previous, [activityId]: result.data }));
      });
    }

    function applyView(next: WorkshopView) {
      if (offline) {
        // A message from the server proves the network is there, whatever the browser thinks.
        offline = false;
        setStatus("connected");
      }
      setView(next);
      setClockOffset(clockOffsetFrom(next));
      const activityId = next.current?.id ?? null;
      if (activityId && activityId !== currentActivityId) loadOwn(activityId);
      currentActivityId = activityId;
    }

    function scheduleRetry(slowDown: boolean) {
      clearTimeout(retryTimer);
      const delay = RETRY_DELAYS_MS[Math.min(retryAttempt, RETRY_DELAYS_MS.length - 1)] ?? SLOW_DOWN_MS;
      retryAttempt += 1;
      retryTimer = setTimeout(() => void flush(), slowDown ? Math.max(delay, SLOW_DOWN_MS) : delay);
    }

    function settle(item: PendingSubmission, outcome: ReturnType<typeof ackOutcome>) {
      if (outcome.kind === "retry") return;
      // Storage is updated even after unmounting: an acknowledged submission must not be resent forever.
      store.remove(item.clientId);
      if (outcome.kind === "saved") {
        const entry = { clientId: item.clientId, activityId: item.activityId, id: outcome.receipt.id, payload: item.payload };
        setSaved((previous) => (previous.some((s) => s.clientId === item.clientId) ? previous : [...previous, entry]));
      } else {
        setRejections((previous) => [...previous, { ...item, code: outcome.code }]);
      }
    }

    /** Sends the outbox in order, one at a time, so that a burst after reconnecting stays gentle on the server's rate limit. */
    async function flush() {
      if (flushing) {
        flushAgain = true;
        return;
      }
      flushing = true;
      try {
        do {
          flushAgain = false;
          for (const item of store.getSnapshot()) {
            if (disposed || offline || !socket.connected) return;
            if (!store.has(item.clientId)) continue;
            const outcome = ackOutcome(
              await request(socket, "submission:send", { activityId: item.activityId, clientId: item.clientId, payload: item.payload }),
            );
            if (outcome.kind === "retry") {
              if (disposed) return;
              if (outcome.slowDown) setSlowedDown(true);
              scheduleRetry(outcome.slowDown);
              return;
            }
            retryAttempt = 0;
            setSlowedDown(false);
            settle(item, outcome);
          }
        } while (flushAgain);
      } finally {
        flushing = false;
      }
    }
    flushRef.current = () => void flush();

    function resync() {
      void request(socket, "workshop:state").then((result) => {
        if (result.ok) applyView(result.data);
        // Resent after asking for the state, as the protocol asks, and whatever the answer.
        void flush();
      });
    }

    const onConnect = () => {
      setStatus(offline ? "offline" : "connected");
      retryAttempt = 0;
      currentActivityId = null;
      resync();
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      if (reason === "io client disconnect") return;
      if (reason === "io server disconnect") setStatus("refused");
      else setStatus(offline ? "offline" : "reconnecting");
    };
    const onConnectError = () => {
      // A refused handshake is final (socket.active is false); anything else is retried by the client.
      setStatus(socket.active ? (offline ? "offline" : "reconnecting") : "refused");
    };
    const onState = (next: WorkshopView) => applyView(next);
    const onResults = (next: ActivityResults) => setResults((previous) => ({ ...previous, [next.activityId]: next }));
    const onOffline = () => {
      offline = true;
      setStatus("offline");
    };
    const onOnline = () => {
      offline = false;
      setStatus("reconnecting");
      // The old connection rarely survives a network change; a fresh one resyncs and resends at once.
      socket.disconnect();
      socket.connect();
    };

    const unlisten = listen(socket, {
      connect: onConnect,
      disconnect: onDisconnect,
      connect_error: onConnectError,
      "workshop:state": onState,
      "activity:results": onResults,
    });
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    socket.connect();

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      unlisten();
      socket.disconnect();
      socketRef.current = null;
      flushRef.current = () => undefined;
    };
  }, [participantToken, store]);

  /** Puts a submission in the outbox (kept across reloads) and sends it when connected; returns its client id. */
  const submit = useCallback(
    (activityId: string, payload: unknown): string => {
      const clientId = newClientId();
      store.add({ clientId, activityId, payload, createdAt: new Date().toISOString() });
      flushRef.current();
      return clientId;
    },
    [store],
  );

  const dismissRejection = useCallback((clientId: string) => {
    setRejections((previous) => previous.filter((rejection) => rejection.clientId !== clientId));
  }, []);

  /** The next ideas to rate in the fair order and how many this participant may rate in all; null when the server did not answer. */
  const nextIdeasToRate = useCallback(async (activityId: string): Promise<{ ideas: { id: string; text: string }[]; ratable: number } | null> => {
    const socket = socketRef.current;
    if (!socket?.connected) return null;
    const result = await request(socket, "rating:next", { activityId });
    return result.ok ? result.data : null;
  }, []);

  return { status, view, clockOffset, results, outbox, saved, rejections, own, slowedDown, submit, dismissRejection, nextIdeasToRate };
}

export type ParticipantRoom = ReturnType<typeof useWorkshopSocket>;

/** What a staff command's acknowledgement may say, plus "timeout" when no answer came. */
export type CommandError = AckResultCode;
export type CommandResult<T> = AckResult<T>;

type ActivityCommand = "show" | "open" | "lock" | "close" | "reveal" | "conceal" | "timer";
type WorkshopCommand = "start" | "pause" | "resume" | "end" | "advance" | "back";
type ModerationAction = "hide" | "restore" | "spotlight" | "unspotlight" | "merge";

const NOT_CONNECTED = { ok: false, code: "timeout", message: "Not connected" } as const;

/**
 * A staff connection to one workshop (the facilitator's console and the
 * presenter view): the console view, live results of every activity, and the
 * commands, each resolved with its acknowledgement.
 */
export function useConsoleSocket(workshopId: string) {
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [view, setView] = useState<ConsoleView | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const [results, setResults] = useState<Record<string, ActivityResults>>({});
  const [joinError, setJoinError] = useState<CommandError | null>(null);
  const socketRef = useRef<WorkshopSocket | null>(null);

  const storeResults = useCallback((next: ActivityResults) => {
    setResults((previous) => ({ ...previous, [next.activityId]: next }));
  }, []);

  useEffect(() => {
    const socket = openSocket();
    socketRef.current = socket;

    function applyView(next: ConsoleView) {
      setView(next);
      setClockOffset(clockOffsetFrom(next));
    }

    function loadResults(activityId: string) {
      void request(socket, "results:get", { workshopId, activityId }).then((result) => {
        if (result.ok) storeResults(result.data);
      });
    }

    const onConnect = () => {
      setStatus("connected");
      void request(socket, "console:join", { workshopId }).then((result) => {
        if (!result.ok) {
          setJoinError(result.code);
          return;
        }
        setJoinError(null);
        applyView(result.data);
        // Results of every activity that has had input, so moderation and the agenda are complete after a reload.
        for (const activity of result.data.activities) if (activity.state !== "pending") loadResults(activity.id);
      });
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      if (reason === "io client disconnect") return;
      setStatus(reason === "io server disconnect" ? "refused" : "reconnecting");
    };
    const onConnectError = () => setStatus(socket.active ? "reconnecting" : "refused");
    const onConsoleState = (next: ConsoleView) => applyView(next);
    // The room's view can arrive on its own; it carries the newest status, current activity and timer.
    const onWorkshopState = (next: WorkshopView) => {
      setView((previous) => (previous ? { ...previous, ...next } : previous));
      setClockOffset(clockOffsetFrom(next));
    };
    const onSessionEnded = () => {
      setStatus("refused");
      socket.disconnect();
    };

    const unlisten = listen(socket, {
      connect: onConnect,
      disconnect: onDisconnect,
      connect_error: onConnectError,
      "console:state": onConsoleState,
      "workshop:state": onWorkshopState,
      "activity:results": storeResults,
      "session:ended": onSessionEnded,
    });
    socket.connect();

    return () => {
      unlisten();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [workshopId, storeResults]);

  /** A request on the current connection; refused at once while there is none. */
  const send = useCallback(<E extends EventName>(event: E, ...args: RequestArgs<E>): Promise<CommandResult<AckData<E>>> => {
    const socket = socketRef.current;
    return socket?.connected ? request(socket, event, ...args) : Promise.resolve(NOT_CONNECTED);
  }, []);

  const applyConsoleResult = useCallback((result: CommandResult<ConsoleView>) => {
    if (result.ok) {
      setView(result.data);
      setClockOffset(clockOffsetFrom(result.data));
    }
    return result;
  }, []);

  const workshopCommand = useCallback(
    async (command: WorkshopCommand) =>
      applyConsoleResult(await send("workshop:command", { workshopId, command })),
    [applyConsoleResult, send, workshopId],
  );

  const activityCommand = useCallback(
    async (activityId: string, command: ActivityCommand, seconds?: number) =>
      applyConsoleResult(await send("activity:command", { workshopId, activityId, command, seconds })),
    [applyConsoleResult, send, workshopId],
  );

  const moderate = useCallback(
    (ideaId: string, action: ModerationAction, intoIdeaId?: string) =>
      send("idea:moderate", { workshopId, ideaId, action, intoIdeaId }),
    [send, workshopId],
  );

  const refreshResults = useCallback(
    async (activityId: string) => {
      const result = await send("results:get", { workshopId, activityId });
      if (result.ok) storeResults(result.data);
      return result;
    },
    [storeResults, send, workshopId],
  );

  return { status, view, clockOffset, results, joinError, workshopCommand, activityCommand, moderate, refreshResults };
}

export type ConsoleRoom = ReturnType<typeof useConsoleSocket>;
