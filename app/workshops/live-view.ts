import { isLocale, type Locale } from "~/i18n/i18n";
import type { ActivityView, IdeaView, ConsoleView } from "../../server/socket/events";
import {
  ACTIVITY_MESSAGE_KEYS,
  ACTIVITY_TYPES,
  configSchemaFor,
  submissionSchemaFor,
  type ActivityConfigs,
  type ActivityMessageKey,
  type ActivityType,
  type LocalizedText,
} from "./activity-types";

/*
 * How the live pages read what the server sends: an activity's stored
 * settings, the ideas a room may see, countdowns and the "who is missing?"
 * check. Pure, so the participant page, the console and the presenter agree.
 */

export type LiveActivity = {
  [T in ActivityType]: Omit<ActivityView, "type" | "config"> & { type: T; config: ActivityConfigs[T] };
}[ActivityType];

/** The languages an activity's settings were written in: those of its prompt, else the workshop's. */
function languagesOf(config: Record<string, unknown>, fallback: readonly string[]): Locale[] {
  const prompt = config.prompt;
  const written = prompt !== null && typeof prompt === "object" ? Object.keys(prompt).filter(isLocale) : [];
  if (written.length > 0) return written;
  const offered = fallback.filter(isLocale);
  return offered.length > 0 ? offered : ["en"];
}

/**
 * The activity with its settings read back through the activity type's own
 * schema, or null when they cannot be read (a page never guesses at a poll's
 * options). Settings are checked in the languages they were written in, so a
 * language added to the workshop later does not hide earlier activities.
 */
export function readActivity(view: ActivityView, workshopLanguages: readonly string[]): LiveActivity | null {
  if (!(ACTIVITY_TYPES as readonly string[]).includes(view.type)) return null;
  const parsed = configSchemaFor(view.type, languagesOf(view.config, workshopLanguages)).safeParse(view.config);
  if (!parsed.success) return null;
  return { ...view, config: parsed.data } as LiveActivity;
}

/**
 * A prompt or label in the reader's language, else in the first language it
 * was written in; `lang` is set then, so a screen reader pronounces it right.
 */
export function translated(text: LocalizedText | undefined, locale: Locale): { text: string; lang: Locale | undefined } {
  const own = text?.[locale];
  if (own) return { text: own, lang: undefined };
  for (const [language, value] of Object.entries(text ?? {})) {
    if (value && isLocale(language)) return { text: value, lang: language };
  }
  return { text: "", lang: undefined };
}

/**
 * A text in every language `languages` lists that it is written in, the
 * page's own first: the projector serves the whole room, so a prompt and its
 * options are shown in each of the workshop's languages. `lang` is set on
 * those in another language than the page.
 */
export function inEveryLanguage(text: LocalizedText | undefined, locale: Locale, languages: readonly string[]): { text: string; lang: Locale | undefined }[] {
  const order = [locale, ...languages.filter((language) => language !== locale)].filter(isLocale);
  return order.flatMap((language) => {
    const value = text?.[language];
    return value ? [{ text: value, lang: language === locale ? undefined : language }] : [];
  });
}

/** Ideas the room sees: not hidden by a facilitator and not merged into another idea. */
export function visibleIdeas<T extends Pick<IdeaView, "hidden" | "mergedIntoId">>(ideas: readonly T[]): T[] {
  return ideas.filter((idea) => !idea.hidden && idea.mergedIntoId === null);
}

/** How many ideas were merged into each idea, by the id of the idea they were merged into. */
export function mergedCounts(ideas: readonly Pick<IdeaView, "mergedIntoId">[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const idea of ideas) {
    if (idea.mergedIntoId) counts.set(idea.mergedIntoId, (counts.get(idea.mergedIntoId) ?? 0) + 1);
  }
  return counts;
}

/** Newest first; ideas written in the same millisecond keep a stable order by id. */
export function newestFirst<T extends Pick<IdeaView, "id" | "createdAt">>(ideas: readonly T[]): T[] {
  return [...ideas].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each idea's number in order of arrival, from 1: the same idea keeps its number as newer ones come in. */
export function ideaNumbers<T extends Pick<IdeaView, "id" | "createdAt">>(ideas: readonly T[]): Map<string, number> {
  return new Map(
    newestFirst(ideas)
      .reverse()
      .map((idea, index) => [idea.id, index + 1]),
  );
}

/** Whole seconds left until `endsAt` on the server's clock; `clockOffset` is server time minus this device's time. */
export function secondsLeft(endsAt: string, deviceNow: number, clockOffset: number): number {
  const end = Date.parse(endsAt);
  if (!Number.isFinite(end)) return 0;
  return Math.max(0, Math.ceil((end - (deviceNow + clockOffset)) / 1000));
}

/** "4:05", or "1:02:03" for a countdown of an hour or more. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/**
 * What a countdown tells a screen reader as it goes from `previous` to `now`
 * seconds left: only the last minute and the end, never every second. A
 * countdown that starts under a minute says nothing until it ends.
 */
export function countdownAnnouncement(previous: number | null, now: number): "oneMinute" | "timeUp" | null {
  if (previous === null || now >= previous) return null;
  if (now === 0) return "timeUp";
  if (previous > 60 && now <= 60) return "oneMinute";
  return null;
}

export type ParticipationRow = ConsoleView["participation"][number];

/**
 * The groups furthest below their target share, biggest gap first: the
 * "who is missing?" answer. Only groups with a real shortfall count, and
 * none before anyone has joined: an empty room is short of no group in particular.
 */
export function biggestGaps(rows: readonly ParticipationRow[], limit = 3): ParticipationRow[] {
  if (rows.every((row) => row.count === 0)) return [];
  return [...rows]
    .filter((row) => row.gap > 0 && row.targetShare > 0)
    .sort((a, b) => b.gap - a.gap)
    .slice(0, limit);
}

/** A word's size step (1 to 5) in a word cloud, by its count against the most frequent word. */
export function wordSize(count: number, maxCount: number): 1 | 2 | 3 | 4 | 5 {
  if (maxCount <= 0 || count <= 0) return 1;
  return Math.min(5, Math.max(1, Math.ceil((count / maxCount) * 5))) as 1 | 2 | 3 | 4 | 5;
}

/** The list with the item at `index` moved one place up or down; the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const to = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[to]] = [moved[to] as T, moved[index] as T];
  return moved;
}

// Stands in for the client id while checking a payload on the phone; the real one is made when it is sent.
const CHECKING_CLIENT_ID = "00000000-0000-4000-8000-000000000000";

function isActivityMessageKey(message: string): message is ActivityMessageKey {
  return (ACTIVITY_MESSAGE_KEYS as readonly string[]).includes(message);
}

/**
 * What is wrong with a payload before it is sent, by field ("text",
 * "words.1", "form" for the whole answer), checked with the same schema as the
 * server so the participant hears about it at once and in their language.
 */
export function submissionProblems(activity: LiveActivity, payload: Record<string, unknown>): Record<string, ActivityMessageKey> {
  // The activity's type and settings travel together in LiveActivity; TypeScript cannot pair them through the union.
  const schema = submissionSchemaFor(activity.type, activity.config as never);
  const parsed = schema.safeParse({ ...payload, clientId: CHECKING_CLIENT_ID });
  if (parsed.success) return {};
  const problems: Record<string, ActivityMessageKey> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    problems[field] ??= isActivityMessageKey(issue.message) ? issue.message : "invalid";
  }
  return problems;
}
