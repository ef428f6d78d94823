import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import { hashToken, randomToken } from "~/utils/tokens.server";

export type SessionUser = {
  id: string;
  districtId: string;
  email: string;
  name: string;
  role: Role;
  schoolId: string | null;
  preferredLanguage: string | null;
};

const USER_SELECT = {
  id: true,
  districtId: true,
  email: true,
  name: true,
  role: true,
  schoolId: true,
  preferredLanguage: true,
  disabledAt: true,
} as const;

// lastSeenAt is refreshed at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

function sessionCookie() {
  const config = getConfig();
  return createCookie("gw_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.PUBLIC_URL?.startsWith("https://") ?? false,
    secrets: [config.secret],
    maxAge: config.SESSION_DAYS * 24 * 60 * 60,
  });
}

/** Starts a session for a user and returns the Set-Cookie header value. */
export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const token = randomToken();
  const days = getConfig().SESSION_DAYS;
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + days * 24 * 60 * 60 * 1000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie().serialize(token);
}

async function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const token: unknown = await sessionCookie().parse(cookieHeader);
  return typeof token === "string" && token.length > 0 ? token : null;
}

/** The signed-in user and their session id, from a Cookie header (pages and socket handshakes alike). */
export async function userFromCookieHeader(
  cookieHeader: string | null | undefined,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = await sessionTokenFromCookieHeader(cookieHeader);
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { id: hashToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: USER_SELECT } },
  });
  if (!session || !isInForce(session)) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const { disabledAt: _disabledAt, ...user } = session.user;
  return { user, sessionId: session.id };
}

/** A session signs its user in until it expires, unless the user was disabled (a revoked session is deleted). */
function isInForce(session: { expiresAt: Date; user: { disabledAt: Date | null } }, now = Date.now()): boolean {
  return session.expiresAt.getTime() > now && session.user.disabledAt === null;
}

/**
 * Of these sessions, those still in force, with who they sign in as now: for
 * long-lived connections (the Portrait's co-editing) that were admitted once
 * and must end when their session does.
 */
export async function sessionsInForce(sessionIds: readonly string[]): Promise<Map<string, SessionUser>> {
  if (sessionIds.length === 0) return new Map();
  const sessions = await prisma.session.findMany({
    where: { id: { in: [...sessionIds] } },
    select: { id: true, expiresAt: true, user: { select: USER_SELECT } },
  });
  const now = Date.now();
  return new Map(
    sessions
      .filter((session) => isInForce(session, now))
      .map((session) => {
        const { disabledAt: _disabledAt, ...user } = session.user;
        return [session.id, user] as const;
      }),
  );
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  return (await userFromCookieHeader(request.headers.get("Cookie")))?.user ?? null;
}

export async function getCurrentSessionId(request: Request): Promise<string | null> {
  return (await userFromCookieHeader(request.headers.get("Cookie")))?.sessionId ?? null;
}

/** Ends the session of this request and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await sessionTokenFromCookieHeader(request.headers.get("Cookie"));
  if (token) await prisma.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await prisma.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}

/** A same-site path to return to after signing in; anything else falls back to the dashboard. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** The signed-in user if their role is one of `roles`; otherwise a 403 response is thrown. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}
