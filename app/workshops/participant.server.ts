import { createCookie } from "@remix-run/node";
import type { WorkshopStatus } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import { hitRateLimit, type RateLimitResult } from "~/utils/rate-limit.server";
import { hashToken, randomToken, signPayload } from "~/utils/tokens.server";
import { normalizeJoinCode } from "./join-code";
import { isUniqueViolation } from "./unique-violation.server";
import { joinFormSchema } from "./workshop-form";

/*
 * Community members join without an account. Their phone keeps a random device
 * token in the `gw_device` cookie; the database keeps only its SHA-256, one
 * participant per workshop and device, so the same phone rejoins as the same
 * participant and cannot vote twice by joining again.
 */

// Browsers cap cookie lifetimes at 400 days; a district's workshops span a school year.
const DEVICE_COOKIE_DAYS = 400;
const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function deviceCookie() {
  return createCookie("gw_device", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getConfig().PUBLIC_URL?.startsWith("https://") ?? false,
    maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
  });
}

/** This browser's device token, or null when it has none (or a damaged one). */
export async function deviceTokenFromRequest(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && DEVICE_TOKEN_PATTERN.test(value) ? value : null;
}

/** The browser's device token, and the Set-Cookie header that gives it one if it had none. */
export async function ensureDeviceToken(request: Request): Promise<{ deviceToken: string; setCookie: string | null }> {
  const existing = await deviceTokenFromRequest(request);
  if (existing) return { deviceToken: existing, setCookie: null };
  const deviceToken = randomToken();
  return { deviceToken, setCookie: await deviceCookie().serialize(deviceToken) };
}

/*
 * A school's whole Wi-Fi reaches us from one address (NAT), and a town hall
 * may have hundreds of people joining within a few minutes on it. The limits
 * are set to let a full room in while stopping a script from walking through
 * the 244 million possible codes: joins are counted generously, and only
 * unknown codes count towards the tighter limit on guessing.
 */
export const JOIN_LIMIT = { perWindow: 120, windowSeconds: 60 } as const;
export const CODE_GUESS_LIMIT = { perWindow: 30, windowSeconds: 60 } as const;

export function countJoin(address: string): Promise<RateLimitResult> {
  return hitRateLimit(`join:${address}`, JOIN_LIMIT.perWindow, JOIN_LIMIT.windowSeconds);
}

export async function isGuessingCodes(address: string): Promise<RateLimitResult> {
  const bucket = await prisma.rateLimitBucket.findUnique({ where: { key: `join-guess:${address}` }, select: { count: true, resetAt: true } });
  if (!bucket || bucket.resetAt.getTime() <= Date.now()) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((bucket.resetAt.getTime() - Date.now()) / 1000));
  return { allowed: bucket.count < CODE_GUESS_LIMIT.perWindow, count: bucket.count, retryAfterSeconds };
}

export function countUnknownCode(address: string): Promise<RateLimitResult> {
  return hitRateLimit(`join-guess:${address}`, CODE_GUESS_LIMIT.perWindow, CODE_GUESS_LIMIT.windowSeconds);
}

export type JoinableGroup = { id: string; key: string | null; name: string };

export type WorkshopForJoining = {
  id: string;
  districtId: string;
  joinCode: string;
  title: string;
  status: WorkshopStatus;
  languages: Locale[];
  districtDefaultLanguage: string;
  groups: JoinableGroup[];
};

/** The workshop a code opens, with what a participant chooses from, or null for an unknown or malformed code. */
export async function workshopForJoining(code: string): Promise<WorkshopForJoining | null> {
  const joinCode = normalizeJoinCode(code);
  if (!joinCode) return null;
  const workshop = await prisma.workshop.findUnique({
    where: { joinCode },
    select: {
      id: true,
      districtId: true,
      joinCode: true,
      title: true,
      status: true,
      languages: true,
      district: {
        select: {
          defaultLanguage: true,
          stakeholderGroups: {
            where: { archivedAt: null },
            select: { id: true, key: true, name: true },
            orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          },
        },
      },
    },
  });
  if (!workshop) return null;
  const { district, languages, ...rest } = workshop;
  return {
    ...rest,
    languages: languages.filter(isLocale),
    districtDefaultLanguage: district.defaultLanguage,
    groups: district.stakeholderGroups,
  };
}

export type JoinInput = {
  code: string;
  deviceToken: string;
  language: string;
  stakeholderGroupId: string;
  displayName?: string | null;
};

export type JoinedParticipant = {
  id: string;
  workshopId: string;
  districtId: string;
  joinCode: string;
  language: Locale;
  stakeholderGroupId: string;
  displayName: string | null;
};

export type JoinError = "unknownCode" | "ended" | "languageNotOffered" | "groupRequired" | "displayNameTooLong" | "languageRequired";

export type JoinResult = { ok: true; participant: JoinedParticipant; created: boolean } | { ok: false; error: JoinError; field?: string };

const PARTICIPANT_SELECT = { id: true, workshopId: true, stakeholderGroupId: true, language: true, displayName: true } as const;

/**
 * Joins a workshop from a device, or finds the participant this device already
 * is. A returning participant may change their language and display name at
 * any time; their stakeholder group only until they have contributed, because
 * every contribution is counted in the results of the group it was made in.
 */
export async function joinWorkshop(input: JoinInput): Promise<JoinResult> {
  if (!DEVICE_TOKEN_PATTERN.test(input.deviceToken)) throw new Error("joinWorkshop needs a device token made by randomToken()");
  const form = joinFormSchema.safeParse({
    language: input.language,
    stakeholderGroupId: input.stakeholderGroupId,
    displayName: input.displayName ?? "",
  });
  if (!form.success) {
    const issue = form.error.issues[0];
    return { ok: false, error: (issue?.message ?? "groupRequired") as JoinError, field: String(issue?.path[0] ?? "form") };
  }
  const { language, stakeholderGroupId, displayName } = form.data;

  const workshop = await workshopForJoining(input.code);
  if (!workshop) return { ok: false, error: "unknownCode", field: "code" };
  if (workshop.status === "ended") return { ok: false, error: "ended", field: "code" };
  if (!workshop.languages.includes(language)) return { ok: false, error: "languageNotOffered", field: "language" };
  // Only the district's active groups: another district's or an archived group is no choice at all.
  if (!workshop.groups.some((group) => group.id === stakeholderGroupId)) {
    return { ok: false, error: "groupRequired", field: "stakeholderGroupId" };
  }

  const deviceTokenHash = hashToken(input.deviceToken);
  const found = (participant: { id: string; workshopId: string; stakeholderGroupId: string; language: string; displayName: string | null }) => ({
    ...participant,
    districtId: workshop.districtId,
    joinCode: workshop.joinCode,
    language: isLocale(participant.language) ? participant.language : language,
  });

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await prisma.participant.findUnique({
      where: { workshopId_deviceTokenHash: { workshopId: workshop.id, deviceTokenHash } },
      select: {
        ...PARTICIPANT_SELECT,
        _count: { select: { ideas: true, ratings: true, responses: true, nominations: true } },
      },
    });
    if (existing) {
      const { _count: contributions, ...participant } = existing;
      const hasContributed = Object.values(contributions).some((count) => count > 0);
      const updated = await prisma.participant.update({
        where: { id: participant.id },
        data: {
          language,
          displayName,
          lastSeenAt: new Date(),
          ...(hasContributed ? {} : { stakeholderGroupId }),
        },
        select: PARTICIPANT_SELECT,
      });
      return { ok: true, participant: found(updated), created: false };
    }
    try {
      const created = await prisma.participant.create({
        data: { workshopId: workshop.id, deviceTokenHash, stakeholderGroupId, language, displayName },
        select: PARTICIPANT_SELECT,
      });
      return { ok: true, participant: found(created), created: true };
    } catch (error) {
      // The same phone sent the form twice at once: the other request created the participant; find it.
      if (!isUniqueViolation(error) || attempt > 0) throw error;
    }
  }
  throw new Error("unreachable: a participant was neither found nor created");
}

export type DeviceParticipant = {
  id: string;
  workshopId: string;
  districtId: string;
  stakeholderGroupId: string;
  language: string;
  displayName: string | null;
};

/** The participant this device is in a workshop, or null if it has not joined it. */
export async function participantForDevice(workshopId: string, deviceToken: string | null | undefined): Promise<DeviceParticipant | null> {
  if (!deviceToken || !DEVICE_TOKEN_PATTERN.test(deviceToken)) return null;
  const participant = await prisma.participant.findUnique({
    where: { workshopId_deviceTokenHash: { workshopId, deviceTokenHash: hashToken(deviceToken) } },
    select: { ...PARTICIPANT_SELECT, workshop: { select: { districtId: true } } },
  });
  if (!participant) return null;
  const { workshop, ...rest } = participant;
  return { ...rest, districtId: workshop.districtId };
}

/** The signed token a participant's page hands to Socket.IO; server/socket/handshake.ts verifies exactly this shape. */
export function issueParticipantToken({ participantId, workshopId, districtId }: { participantId: string; workshopId: string; districtId: string }): string {
  return signPayload({ v: 1, participantId, workshopId, districtId }, getConfig().secret);
}
