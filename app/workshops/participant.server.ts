import { createCookie } from "@remix-run/node";
import type { WorkshopStatus } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import { hitRateLimit, isRateLimited, type RateLimitResult } from "~/utils/rate-limit.server";
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
 * may have hundreds of people joining within a few minutes on it. Joins are
 * counted generously. Unknown codes are counted twice: per device, tightly, so
 * one phone that keeps mistyping is asked to wait without affecting anyone
 * else; and per address, sized for a full room, to stop a script (which keeps
 * no cookie, so it is a new device on every request) walking through the codes.
 *
 * The odds: codes are 6 characters from 25, 25^6 = 244,140,625 codes. With
 * 100 workshops open at once, one guess finds one of them with probability
 * 100 / 244,140,625 ≈ 4.1e-7. At the address limit of 300 guesses per 10
 * minutes (43,200 a day), one address finds a workshop with probability
 * 1 - (1 - 4.1e-7)^43,200 ≈ 1.8% a day, and ≈ 0.15% during a two-hour
 * workshop. What a found code gives is a seat in a public workshop, as a
 * participant without an account, which the facilitator can see and moderate.
 */
/**
 * Joins per address and minute: a whole room behind one school network can
 * scan the code at once ("scan it now" to 300 people), so the limit sits
 * above the largest room the product is built for (500) and only stops a flood.
 */
export const JOIN_LIMIT = { perWindow: 600, windowSeconds: 60 } as const;
export const ADDRESS_GUESS_LIMIT = { perWindow: 300, windowSeconds: 600 } as const;
export const DEVICE_GUESS_LIMIT = { perWindow: 10, windowSeconds: 600 } as const;

export function countJoin(address: string): Promise<RateLimitResult> {
  return hitRateLimit(`join:${address}`, JOIN_LIMIT.perWindow, JOIN_LIMIT.windowSeconds);
}

/** Who asks for a code: the network address, and the device when its browser already has a device token. */
export type CodeSeeker = { address: string; deviceToken: string | null };

export type GuessingVerdict = { allowed: true } | { allowed: false; by: "device" | "address"; retryAfterSeconds: number };

const addressGuessKey = (address: string) => `join-guess:${address}`;
const deviceGuessKey = (deviceToken: string) => `join-guess-device:${hashToken(deviceToken)}`;

function verdict(result: RateLimitResult, by: "device" | "address"): GuessingVerdict {
  return result.allowed ? { allowed: true } : { allowed: false, by, retryAfterSeconds: Math.max(1, result.retryAfterSeconds) };
}

/** Whether this device, or else this address, has tried too many unknown codes to look up another now. */
export async function isGuessingCodes({ address, deviceToken }: CodeSeeker): Promise<GuessingVerdict> {
  if (deviceToken) {
    const device = verdict(await isRateLimited(deviceGuessKey(deviceToken), DEVICE_GUESS_LIMIT.perWindow), "device");
    if (!device.allowed) return device;
  }
  return verdict(await isRateLimited(addressGuessKey(address), ADDRESS_GUESS_LIMIT.perWindow), "address");
}

/** Counts one unknown code against the address and, when it has one, the device. */
export async function countUnknownCode({ address, deviceToken }: CodeSeeker): Promise<void> {
  await hitRateLimit(addressGuessKey(address), ADDRESS_GUESS_LIMIT.perWindow, ADDRESS_GUESS_LIMIT.windowSeconds);
  if (deviceToken) await hitRateLimit(deviceGuessKey(deviceToken), DEVICE_GUESS_LIMIT.perWindow, DEVICE_GUESS_LIMIT.windowSeconds);
}

/**
 * Whether this device has already joined the workshop with this code. Such a
 * phone knows the code already, so letting it back in while its network is
 * over the guessing limit tells a guesser nothing.
 */
export async function hasJoinedWithCode(joinCode: string, deviceToken: string | null): Promise<boolean> {
  if (!deviceToken || !DEVICE_TOKEN_PATTERN.test(deviceToken)) return false;
  const participant = await prisma.participant.findFirst({
    where: { deviceTokenHash: hashToken(deviceToken), workshop: { joinCode } },
    select: { id: true },
  });
  return participant !== null;
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
const CONTRIBUTIONS = { ideas: true, ratings: true, responses: true, nominations: true } as const;

function counted(contributions: Record<keyof typeof CONTRIBUTIONS, number>): boolean {
  return Object.values(contributions).some((count) => count > 0);
}

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
      select: { ...PARTICIPANT_SELECT, _count: { select: CONTRIBUTIONS } },
    });
    if (existing) {
      const { _count: contributions, ...participant } = existing;
      const hasContributed = counted(contributions);
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
  /** Whether they have answered anything yet: from then on their group stays, as joinWorkshop keeps it. */
  hasContributed: boolean;
};

/** The participant this device is in a workshop, or null if it has not joined it. */
export async function participantForDevice(workshopId: string, deviceToken: string | null | undefined): Promise<DeviceParticipant | null> {
  if (!deviceToken || !DEVICE_TOKEN_PATTERN.test(deviceToken)) return null;
  const participant = await prisma.participant.findUnique({
    where: { workshopId_deviceTokenHash: { workshopId, deviceTokenHash: hashToken(deviceToken) } },
    select: { ...PARTICIPANT_SELECT, workshop: { select: { districtId: true } }, _count: { select: CONTRIBUTIONS } },
  });
  if (!participant) return null;
  const { workshop, _count: contributions, ...rest } = participant;
  return { ...rest, districtId: workshop.districtId, hasContributed: counted(contributions) };
}

/** The signed token a participant's page hands to Socket.IO; server/socket/handshake.ts verifies exactly this shape. */
export function issueParticipantToken({ participantId, workshopId, districtId }: { participantId: string; workshopId: string; districtId: string }): string {
  return signPayload({ v: 1, participantId, workshopId, districtId }, getConfig().secret);
}
