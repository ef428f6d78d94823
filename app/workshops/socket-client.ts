import type { Socket } from "socket.io-client";
import type { Ack, AckErrorCode, AckResponse, ClientToServerEvents, ServerToClientEvents } from "../../server/socket/events";
import { REFUSAL_REASONS, type RefusalReason } from "./live-rules";

/**
 * What the participant's and the staff's hooks (useWorkshopSocket.ts) need of
 * their Socket.IO connection: a request that waits for the event's
 * acknowledgement and always settles, and listeners added and removed together.
 */
export type WorkshopSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type EventName = keyof ClientToServerEvents;
export type RequestArgs<E extends EventName> = Parameters<ClientToServerEvents[E]> extends [...infer Args, Ack<infer _Data>] ? Args : never;
export type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]> extends [...infer _Args, Ack<infer Data>] ? Data : never;

/** What an acknowledgement may say, plus "timeout" when no answer came. */
export type AckResultCode = AckErrorCode | "timeout";
export type AckResult<T> = { ok: true; data: T } | { ok: false; code: AckResultCode; message: string; reason?: RefusalReason };

function knownReason(reason: unknown): RefusalReason | undefined {
  return (REFUSAL_REASONS as readonly unknown[]).includes(reason) ? (reason as RefusalReason) : undefined;
}

/** How long a submission or command waits for its acknowledgement before it counts as unanswered. */
export const ACK_TIMEOUT_MS = 10_000;

const NO_ANSWER = { ok: false, code: "timeout", message: "No answer from the server" } as const;

/**
 * Sends an event with its acknowledgement, typed from the protocol. Never
 * rejects: no answer within ACK_TIMEOUT_MS (or a failed emit) is the "timeout" result.
 */
export async function request<E extends EventName>(socket: WorkshopSocket, event: E, ...args: RequestArgs<E>): Promise<AckResult<AckData<E>>> {
  // socket.io cannot infer parameters for a generic event name; this function's own signature keeps callers typed.
  const untyped = socket as unknown as Socket;
  try {
    const response = (await untyped.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args)) as AckResponse<AckData<E>>;
    if (response.ok) return response;
    const reason = knownReason(response.error.reason);
    return { ok: false, code: response.error.code, message: response.error.message, ...(reason ? { reason } : {}) };
  } catch {
    return NO_ANSWER;
  }
}

type ConnectionListeners = {
  connect: () => void;
  disconnect: (reason: Socket.DisconnectReason) => void;
  connect_error: (error: Error) => void;
};
export type WorkshopListeners = Partial<ConnectionListeners & ServerToClientEvents>;

/** Adds each listener to the socket and returns the function that removes exactly those, for an effect's cleanup. */
export function listen(socket: WorkshopSocket, listeners: WorkshopListeners): () => void {
  // Over a map of listeners the event names are only strings; the map's own type keeps each listener right for its event.
  const untyped = socket as unknown as Socket;
  const entries = Object.entries(listeners).flatMap(([event, listener]) => (listener ? [[event, listener] as const] : []));
  for (const [event, listener] of entries) untyped.on(event, listener);
  return () => {
    for (const [event, listener] of entries) untyped.off(event, listener);
  };
}
