import { io as connect, type Socket } from "socket.io-client";
import type { ActivityType } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { randomToken, signPayload } from "~/utils/tokens.server";
import { configSchemaFor } from "~/workshops/activity-types";
import { generateJoinCode } from "~/workshops/join-code";
import { joinWorkshop } from "~/workshops/participant.server";
import type { AckResponse, ClientToServerEvents, ServerToClientEvents } from "../../server/socket/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const LANGUAGES = ["en", "es"];
const prompt = (text: string) => ({ en: text, es: `${text} (es)` });
const choices = (ids: string[]) => ids.map((id) => ({ id, label: { en: id.toUpperCase(), es: id.toUpperCase() } }));

/** Settings for each activity type, stored exactly as the agenda editor would store them. */
function storedConfig(type: ActivityType, sourceActivityId: string | null): Record<string, unknown> {
  const input: Record<ActivityType, Record<string, unknown>> = {
    brainstorm: { prompt: prompt("What should every graduate be able to do?"), maxIdeasPerParticipant: 3 },
    rate: { prompt: prompt("Rate these ideas"), sourceActivityId, ratingsPerParticipant: 10 },
    poll: { prompt: prompt("Which matters most?"), options: choices(["a", "b", "c"]), multiple: false },
    scale: { prompt: prompt("How ready are we?"), min: 1, max: 5 },
    wordcloud: { prompt: prompt("One word for our graduates"), maxWords: 2 },
    ranking: { prompt: prompt("Order these"), items: choices(["x", "y", "z"]) },
    nomination: { prompt: prompt("Who could champion this?") },
  };
  return configSchemaFor(type, LANGUAGES).parse(input[type]) as Record<string, unknown>;
}

export type SeededWorkshop = { id: string; joinCode: string; districtId: string; activities: Record<ActivityType, string> };

/** A workshop with one activity of each type, in this order, the rating activity rating the brainstorm. */
export async function seedLiveWorkshop(districtId: string, title = "Community visioning night"): Promise<SeededWorkshop> {
  const workshop = await prisma.workshop.create({
    data: { districtId, title, languages: LANGUAGES, joinCode: generateJoinCode() },
    select: { id: true, joinCode: true },
  });
  const order: ActivityType[] = ["brainstorm", "rate", "poll", "scale", "wordcloud", "ranking", "nomination"];
  const activities = {} as Record<ActivityType, string>;
  for (const [position, type] of order.entries()) {
    const created = await prisma.activity.create({
      data: { workshopId: workshop.id, position, type, config: storedConfig(type, activities.brainstorm ?? null) as object },
      select: { id: true },
    });
    activities[type] = created.id;
  }
  return { ...workshop, districtId, activities };
}

export type Joined = { participantId: string; workshopId: string; districtId: string; token: string };

/** Joins like a phone does (a device token, a group, a language) and signs the participant's socket token. */
export async function joinAsParticipant(workshop: { joinCode: string }, secret: string, options: { groupIndex?: number } = {}): Promise<Joined> {
  const found = await prisma.workshop.findUniqueOrThrow({ where: { joinCode: workshop.joinCode }, select: { districtId: true } });
  const groups = await prisma.stakeholderGroup.findMany({ where: { districtId: found.districtId, archivedAt: null }, orderBy: { position: "asc" } });
  const group = groups[(options.groupIndex ?? 0) % groups.length];
  if (!group) throw new Error("the district has no stakeholder groups");
  const joined = await joinWorkshop({ code: workshop.joinCode, deviceToken: randomToken(), language: "en", stakeholderGroupId: group.id });
  if (!joined.ok) throw new Error(`joining failed: ${joined.error}`);
  const { id: participantId, workshopId, districtId } = joined.participant;
  return { participantId, workshopId, districtId, token: signPayload({ v: 1, participantId, workshopId, districtId }, secret) };
}

export function openSocket(url: string, options: { participantToken?: string; cookie?: string }): LiveSocket {
  return connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: options.cookie ? { Cookie: options.cookie } : undefined,
    auth: options.participantToken ? { participantToken: options.participantToken } : {},
  });
}

export function connected(socket: LiveSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
}

/** Sends an event and waits for its acknowledgement, however the event is typed. */
export function ask<T = unknown>(socket: LiveSocket, event: string, ...args: unknown[]): Promise<AckResponse<T>> {
  const untyped = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<AckResponse<T>> } };
  return untyped.timeout(5000).emitWithAck(event, ...args);
}

/** Resolves with the next `event` that satisfies `accept`, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
  accept: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  ms = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  const untyped = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void; off(event: string, listener: (...args: unknown[]) => void): void };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      untyped.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (...args: unknown[]) => {
      if (!accept(...(args as Parameters<ServerToClientEvents[E]>))) return;
      clearTimeout(timer);
      untyped.off(event, listener);
      resolve(args[0] as Parameters<ServerToClientEvents[E]>[0]);
    };
    untyped.on(event, listener);
  });
}
