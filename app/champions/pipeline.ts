import type { ChampionStage } from "~/generated/prisma/enums";
import { CHAMPION_STAGES } from "./champion";

/** identified → invited → committed → active; stepped back ends the line. */
const FORWARD: readonly ChampionStage[] = ["identified", "invited", "committed", "active"];

/** The next step forward, offered as the one-click move; null at the end of the line. */
export function nextStage(stage: ChampionStage): ChampionStage | null {
  const index = FORWARD.indexOf(stage);
  return index >= 0 && index < FORWARD.length - 1 ? (FORWARD[index + 1] ?? null) : null;
}

/**
 * The stages a champion can be moved to. Every other stage is allowed: people
 * skip steps (a volunteer commits before anyone invites them), step back, and
 * come back; the dated history keeps the story straight.
 */
export function stagesToMoveTo(stage: ChampionStage): ChampionStage[] {
  return CHAMPION_STAGES.filter((candidate) => candidate !== stage);
}

export type StageMoveProblem = "sameStage" | "dateInFuture" | "dateBeforeLastMove";

// A date picked in the browser's time zone may be "tomorrow" in UTC for a few hours.
const CLOCK_SLACK_MS = 36 * 60 * 60 * 1000;

/**
 * Checks a move through the pipeline: to another stage, on a date that is not
 * in the future and not before the last recorded move, so the history reads in order.
 */
export function stageMoveProblem(
  move: { from: ChampionStage; to: ChampionStage; at: Date },
  lastMoveAt: Date | null,
  now: Date = new Date(),
): StageMoveProblem | null {
  if (move.from === move.to) return "sameStage";
  if (isInFuture(move.at, now)) return "dateInFuture";
  if (lastMoveAt && dayOf(move.at) < dayOf(lastMoveAt)) return "dateBeforeLastMove";
  return null;
}

/** Later than today anywhere on Earth. */
export function isInFuture(date: Date, now: Date = new Date()): boolean {
  return date.getTime() > now.getTime() + CLOCK_SLACK_MS;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A yyyy-mm-dd date from a date field, as noon UTC so it reads as the same day in every time zone. */
export function dateFromField(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T12:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/** The champions of each stage, in pipeline order, each stage's people longest-waiting first. */
export function pipelineColumns<T extends { stage: ChampionStage; stageChangedAt: Date | string; name: string }>(
  people: readonly T[],
): { stage: ChampionStage; people: T[] }[] {
  return CHAMPION_STAGES.map((stage) => ({
    stage,
    people: people
      .filter((person) => person.stage === stage)
      .sort((a, b) => new Date(a.stageChangedAt).getTime() - new Date(b.stageChangedAt).getTime() || a.name.localeCompare(b.name)),
  }));
}
