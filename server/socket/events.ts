import type { Role } from "~/generated/prisma/client";

/** Every acknowledgement has this shape: data on success, a stable code and a readable message otherwise. */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: { code: AckErrorCode; message: string } };
export type Ack<T> = (response: AckResponse<T>) => void;
export type AckErrorCode = "bad_request" | "forbidden" | "not_found" | "rate_limited" | "conflict" | "server_error";

export type Identity =
  | { kind: "staff"; userId: string; districtId: string; role: Role; schoolId: string | null; sessionId: string }
  | { kind: "participant"; participantId: string; workshopId: string; districtId: string };

/** What the client may see of its own identity. */
export type IdentitySummary =
  | { kind: "staff"; userId: string; districtId: string; role: Role }
  | { kind: "participant"; participantId: string; workshopId: string };

export interface ClientToServerEvents {
  "session:whoami": (ack: Ack<IdentitySummary>) => void;
}

export interface ServerToClientEvents {
  /** The staff session behind this connection was ended; the client should sign in again. */
  "session:ended": () => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  identity: Identity;
}
