import type { IncomingMessage } from "node:http";
import type { Role } from "~/generated/prisma/enums";
import { canEditPortrait } from "~/portrait/collaboration";
import { districtIdOfDocument } from "~/portrait/document";

/** Who is on a collaboration connection: set at the WebSocket upgrade from their session cookie. */
export type Collaborator = {
  userId: string;
  /** The session that admitted the connection: when it ends, so does the connection (see checkSessions). */
  sessionId: string;
  districtId: string;
  name: string;
  role: Role;
};

export type ConnectionContext = { collaborator?: Collaborator };

/** Why a connection or a document is refused; `reason` reaches the client in Hocuspocus' permission-denied message. */
export class CollaborationRefusal extends Error {
  constructor(readonly reason: "unknown-document" | "other-district" | "signed-out" | "presence") {
    // No message: Hocuspocus logs hook errors that have one, and a refusal is not a server error.
    super("");
  }
}

/**
 * Decides whether a collaborator may open a document: only their own
 * district's Portrait, read-only unless their role edits the Portrait.
 */
export function documentAccess(collaborator: Collaborator | undefined, documentName: string): { readOnly: boolean } {
  if (!collaborator) throw new CollaborationRefusal("signed-out");
  const districtId = districtIdOfDocument(documentName);
  if (!districtId) throw new CollaborationRefusal("unknown-document");
  if (districtId !== collaborator.districtId) throw new CollaborationRefusal("other-district");
  return { readOnly: !canEditPortrait(collaborator.role) };
}

/**
 * What becomes of an open connection when its session is looked at again:
 *   keep    the session is in force with the same rights
 *   end     the session was revoked or expired, its user disabled or moved to
 *           another district: the browser is told it is signed out
 *   reopen  the user can now edit, or no longer can: the browser reconnects
 *           and is admitted with its new rights
 */
export function connectionAfterSessionCheck(
  collaborator: Collaborator,
  now: { districtId: string; role: Role } | undefined,
): "keep" | "end" | "reopen" {
  if (!now || now.districtId !== collaborator.districtId) return "end";
  return canEditPortrait(now.role) === canEditPortrait(collaborator.role) ? "keep" : "reopen";
}

/**
 * A browser only sends cookies with a WebSocket from any site that opens it:
 * the handshake must come from this site (same host, or PUBLIC_URL's origin).
 * Clients that send no Origin (not browsers) are judged by their cookie alone.
 */
export function isAllowedOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && originUrl.origin === new URL(publicUrl).origin) return true;
  return originUrl.host === request.headers.host;
}
