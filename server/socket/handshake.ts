import { z } from "zod";
import { userFromCookieHeader } from "~/auth/session.server";
import { verifySignedPayload } from "~/utils/tokens.server";
import type { Identity } from "./events";

/** What a participant token carries; issued when a community member joins a workshop. */
export const participantTokenSchema = z.object({
  v: z.literal(1),
  participantId: z.string().min(1).max(64),
  workshopId: z.string().min(1).max(64),
  districtId: z.string().min(1).max(64),
});
export type ParticipantTokenPayload = z.infer<typeof participantTokenSchema>;

const handshakeAuthSchema = z.object({ participantToken: z.string().min(1).max(2048).optional() }).loose();

export class HandshakeError extends Error {
  override name = "HandshakeError";
}

/**
 * Works out who is connecting: a community participant by the signed token in
 * the handshake's auth, otherwise a staff member by their session cookie.
 */
export async function identify(
  auth: unknown,
  cookieHeader: string | undefined,
  secret: string,
): Promise<Identity> {
  const parsedAuth = handshakeAuthSchema.safeParse(auth ?? {});
  if (!parsedAuth.success) throw new HandshakeError("unauthorized: malformed handshake");
  const token = parsedAuth.data.participantToken;
  if (token) {
    const payload = participantTokenSchema.safeParse(verifySignedPayload(token, secret));
    if (!payload.success) throw new HandshakeError("unauthorized: invalid participant token");
    const { participantId, workshopId, districtId } = payload.data;
    return { kind: "participant", participantId, workshopId, districtId };
  }
  const session = await userFromCookieHeader(cookieHeader);
  if (!session) throw new HandshakeError("unauthorized: sign in or join a workshop first");
  const { user, sessionId } = session;
  return { kind: "staff", userId: user.id, districtId: user.districtId, role: user.role, schoolId: user.schoolId, sessionId };
}
