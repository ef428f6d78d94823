import { z } from "zod";
import { nameKey, tidyName } from "~/models/names";
import { ideaRoots, type ResultsIdea } from "./results";

/*
 * Affinity mapping: a workshop's ideas grouped into themes by its
 * facilitators. The board shows each idea once: hidden ideas are left out and
 * a merged duplicate travels with the idea it was merged into. Ideas and
 * themes keep their ids for good, since the Portrait links to them.
 */

export const THEME_NAME_MAX = 80;
/** Chosen in the "Move to theme" list for an idea that belongs to no theme. */
export const NO_THEME = "none";

const idSchema = z
  .string({ error: "invalid" })
  .trim()
  .min(1, "invalid")
  .max(64, "invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

export const themeNameSchema = z
  .string({ error: "required" })
  .max(THEME_NAME_MAX * 4, "tooLong")
  .transform(tidyName)
  .pipe(z.string().min(1, "required").max(THEME_NAME_MAX, "tooLong"));

/** Every change the themes page makes, told apart by its intent; messages are keys of workshops.themes.errors. */
export const themeCommandSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create"), name: themeNameSchema }),
    z.object({ intent: z.literal("rename"), themeId: idSchema, name: themeNameSchema }),
    z.object({ intent: z.literal("delete"), themeId: idSchema }),
    z.object({ intent: z.literal("move"), ideaId: idSchema, themeId: z.union([z.literal(NO_THEME), idSchema]) }),
    z.object({ intent: z.literal("reorder"), themeId: idSchema, direction: z.enum(["earlier", "later"], { error: "invalid" }) }),
  ],
  { error: "invalid" },
);
export type ThemeCommand = z.output<typeof themeCommandSchema>;

/** The intents of themeCommandSchema, for telling which form a refused submission came from. */
export const THEME_INTENTS = ["create", "rename", "delete", "move", "reorder"] as const satisfies readonly ThemeCommand["intent"][];

type Positioned = { id: string; position: number };

/** Themes in the order the board shows them: by position, ties by id (themes made at once). */
export function inThemeOrder<T extends Positioned>(themes: readonly T[]): T[] {
  return [...themes].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The theme ids in their new order after moving one a place earlier or later;
 * the order unchanged when it is already first or last.
 */
export function themeOrderAfterMove(themes: readonly Positioned[], themeId: string, direction: "earlier" | "later"): string[] {
  const ids = inThemeOrder(themes).map((theme) => theme.id);
  const from = ids.indexOf(themeId);
  const to = direction === "earlier" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids;
}

/** Whether `name` is already another theme's name in the workshop, ignoring case and spacing. */
export function isDuplicateThemeName(name: string, themes: readonly { id: string; name: string }[], exceptId?: string): boolean {
  const key = nameKey(name);
  return themes.some((theme) => theme.id !== exceptId && nameKey(theme.name) === key);
}

export type BoardIdea = { id: string; activityId: string; text: string; language: string; stakeholderGroupId: string; mergedCount: number };
export type BoardTheme = { id: string; name: string; ideas: BoardIdea[] };
export type ThemeBoard = { themes: BoardTheme[]; unthemed: BoardIdea[] };

/**
 * The ideas by theme, themes in their order, ideas oldest first within each;
 * ideas in no theme (or in a theme no longer listed) under `unthemed`.
 */
export function themeBoard(ideas: readonly ResultsIdea[], themes: readonly { id: string; name: string; position: number }[]): ThemeBoard {
  const roots = ideaRoots(ideas);
  const merged = new Map<string, number>();
  for (const [id, root] of roots) if (id !== root) merged.set(root, (merged.get(root) ?? 0) + 1);
  const columns = inThemeOrder(themes).map((theme) => ({ id: theme.id, name: theme.name, ideas: [] as BoardIdea[] }));
  const byTheme = new Map(columns.map((column) => [column.id, column]));
  const unthemed: BoardIdea[] = [];
  const shown = ideas
    .filter((idea) => roots.get(idea.id) === idea.id)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const idea of shown) {
    const card = {
      id: idea.id,
      activityId: idea.activityId,
      text: idea.text,
      language: idea.language,
      stakeholderGroupId: idea.stakeholderGroupId,
      mergedCount: merged.get(idea.id) ?? 0,
    };
    const column = idea.themeId ? byTheme.get(idea.themeId) : undefined;
    if (column) column.ideas.push(card);
    else unthemed.push(card);
  }
  return { themes: columns, unthemed };
}

/**
 * The ideas a move changes: the idea on the board (the root of the one
 * named, so a duplicate's id moves its target) and every duplicate merged
 * into it. Null when the idea is hidden or not on the board.
 */
export function ideasToMove(ideas: readonly Pick<ResultsIdea, "id" | "hidden" | "mergedIntoId">[], ideaId: string): { rootId: string; ids: string[] } | null {
  const roots = ideaRoots(ideas);
  const rootId = roots.get(ideaId);
  if (!rootId) return null;
  return { rootId, ids: [...roots].filter(([, root]) => root === rootId).map(([id]) => id) };
}
