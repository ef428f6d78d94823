import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { ideasToMove, isDuplicateThemeName, NO_THEME, themeOrderAfterMove, type ThemeCommand } from "./themes";

/*
 * The commands of the themes page. Each runs in one transaction with the
 * workshop row locked, so two facilitators sorting ideas at once are applied
 * one after the other. An idea or theme that is not this workshop's (another
 * workshop's, another district's, made up) is a 404, like any foreign id.
 */

export type ThemeCommandResult =
  | { ok: true; intent: "create"; themeId: string; name: string }
  | { ok: true; intent: "rename"; themeId: string; name: string }
  | { ok: true; intent: "delete"; name: string; released: number }
  | { ok: true; intent: "move"; ideaId: string; text: string; themeId: string | null; themeName: string | null; moved: number }
  | { ok: true; intent: "reorder"; themeId: string; name: string; position: number; count: number }
  | { ok: false; intent: ThemeCommand["intent"]; themeId?: string; error: "duplicateName" | "ideaHidden" };

export async function runThemeCommand(actor: SessionUser, workshopId: string, command: ThemeCommand): Promise<ThemeCommandResult> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Workshop" WHERE "id" = ${workshopId} AND "districtId" = ${actor.districtId} FOR UPDATE`;
    invariantResponse(locked.length === 1, "Not found");
    const themes = await tx.theme.findMany({ where: { workshopId }, select: { id: true, name: true, position: true } });
    const themeOf = (themeId: string) => {
      const theme = themes.find((candidate) => candidate.id === themeId);
      invariantResponse(theme, "No such theme in this workshop");
      return theme;
    };
    const audit = (action: string, subjectId: string) =>
      tx.auditEvent.create({ data: { districtId: actor.districtId, actorId: actor.id, action, subjectId }, select: { id: true } });

    switch (command.intent) {
      case "create": {
        if (isDuplicateThemeName(command.name, themes)) return { ok: false, intent: "create", error: "duplicateName" };
        const position = themes.reduce((max, theme) => Math.max(max, theme.position + 1), 0);
        const theme = await tx.theme.create({ data: { workshopId, name: command.name, position }, select: { id: true } });
        await audit("theme.created", theme.id);
        return { ok: true, intent: "create", themeId: theme.id, name: command.name };
      }
      case "rename": {
        const theme = themeOf(command.themeId);
        if (isDuplicateThemeName(command.name, themes, theme.id)) return { ok: false, intent: "rename", themeId: theme.id, error: "duplicateName" };
        await tx.theme.update({ where: { id: theme.id }, data: { name: command.name }, select: { id: true } });
        await audit("theme.renamed", theme.id);
        return { ok: true, intent: "rename", themeId: theme.id, name: command.name };
      }
      case "delete": {
        const theme = themeOf(command.themeId);
        // The ideas stay, in no theme (Idea.themeId is set null by the relation).
        const released = await tx.idea.count({ where: { themeId: theme.id, hiddenAt: null, mergedIntoId: null } });
        await tx.theme.delete({ where: { id: theme.id }, select: { id: true } });
        await audit("theme.deleted", theme.id);
        return { ok: true, intent: "delete", name: theme.name, released };
      }
      case "move": {
        const target = command.themeId === NO_THEME ? null : themeOf(command.themeId);
        const ideas = await tx.idea.findMany({
          where: { workshopId },
          select: { id: true, text: true, hiddenAt: true, mergedIntoId: true },
        });
        const named = ideas.find((idea) => idea.id === command.ideaId);
        invariantResponse(named, "No such idea in this workshop");
        const readable = ideas.map((idea) => ({ ...idea, hidden: idea.hiddenAt !== null }));
        const move = ideasToMove(readable, named.id);
        if (!move) return { ok: false, intent: "move", error: "ideaHidden" };
        const { count } = await tx.idea.updateMany({ where: { id: { in: move.ids }, workshopId }, data: { themeId: target?.id ?? null } });
        await audit("idea.themed", move.rootId);
        const root = ideas.find((idea) => idea.id === move.rootId);
        return { ok: true, intent: "move", ideaId: move.rootId, text: root?.text ?? "", themeId: target?.id ?? null, themeName: target?.name ?? null, moved: count };
      }
      case "reorder": {
        const theme = themeOf(command.themeId);
        const order = themeOrderAfterMove(themes, theme.id, command.direction);
        // Positions become 0..n-1 in the new order (ties between themes made at once are settled too).
        for (const [position, id] of order.entries()) {
          if (themes.find((candidate) => candidate.id === id)?.position !== position) await tx.theme.update({ where: { id }, data: { position }, select: { id: true } });
        }
        await audit("theme.reordered", theme.id);
        return { ok: true, intent: "reorder", themeId: theme.id, name: theme.name, position: order.indexOf(theme.id) + 1, count: order.length };
      }
    }
  });
}

