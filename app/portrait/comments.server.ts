import * as Y from "yjs";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/utils/db.server";
import { competencyOfField, type CommentForm, type CommentThread, type CommentView } from "./comments";

/**
 * Comments on the Portrait. Anyone in the district comments, replies,
 * resolves and reopens (school team members included: commenting is how they
 * take part in the draft). Every query is scoped by the user's district; a
 * comment of another district is "not found".
 */

export type CommentCommandResult = { ok: true; id: string } | { ok: false; error: "notFound" };

const AUTHOR = { select: { name: true } } as const;

/** Top-level comments with their replies, oldest first; open ones before resolved ones is the page's choice. */
export async function listCommentThreads(districtId: string): Promise<CommentThread[]> {
  const rows = await prisma.portraitComment.findMany({
    where: { districtId, parentId: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      field: true,
      competencyId: true,
      anchorFrom: true,
      anchorTo: true,
      quote: true,
      body: true,
      authorId: true,
      author: AUTHOR,
      createdAt: true,
      resolvedAt: true,
      resolvedBy: AUTHOR,
      replies: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, authorId: true, author: AUTHOR, createdAt: true },
      },
    },
  });
  const view = (row: { id: string; body: string; authorId: string | null; author: { name: string } | null; createdAt: Date }): CommentView => ({
    id: row.id,
    body: row.body,
    author: row.author?.name ?? null,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
  });
  return rows.map((row) => ({
    ...view(row),
    field: row.field ?? "",
    competencyId: row.competencyId,
    anchor: { from: row.anchorFrom ?? "", to: row.anchorTo ?? "" },
    quote: row.quote ?? "",
    resolved: row.resolvedAt ? { at: row.resolvedAt.toISOString(), by: row.resolvedBy?.name ?? null } : null,
    replies: row.replies.map(view),
  }));
}

/** The district's Portrait row, created (empty) when nobody has written to it yet, so comments have a document to belong to. */
async function portraitDocumentId(districtId: string): Promise<string> {
  const document = await prisma.portraitDocument.upsert({
    where: { districtId },
    create: { districtId, state: Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())) },
    update: {},
    select: { id: true },
  });
  return document.id;
}

async function threadInDistrict(districtId: string, commentId: string) {
  return prisma.portraitComment.findFirst({ where: { id: commentId, districtId, parentId: null }, select: { id: true } });
}

/** Carries out one command of the comments panel for a signed-in member of the district. */
export async function runCommentCommand(user: SessionUser, form: CommentForm): Promise<CommentCommandResult> {
  const districtId = user.districtId;
  switch (form.intent) {
    case "comment": {
      const documentId = await portraitDocumentId(districtId);
      const comment = await prisma.portraitComment.create({
        data: {
          documentId,
          districtId,
          field: form.field,
          competencyId: competencyOfField(form.field),
          anchorFrom: form.anchorFrom,
          anchorTo: form.anchorTo,
          quote: form.quote,
          body: form.body,
          authorId: user.id,
        },
        select: { id: true },
      });
      return { ok: true, id: comment.id };
    }
    case "reply": {
      const thread = await threadInDistrict(districtId, form.commentId);
      if (!thread) return { ok: false, error: "notFound" };
      const documentId = await portraitDocumentId(districtId);
      const reply = await prisma.portraitComment.create({
        data: { documentId, districtId, parentId: thread.id, body: form.body, authorId: user.id },
        select: { id: true },
      });
      return { ok: true, id: reply.id };
    }
    case "resolve":
    case "reopen": {
      const thread = await threadInDistrict(districtId, form.commentId);
      if (!thread) return { ok: false, error: "notFound" };
      const resolving = form.intent === "resolve";
      await prisma.portraitComment.update({
        where: { id: thread.id },
        data: { resolvedAt: resolving ? new Date() : null, resolvedById: resolving ? user.id : null },
      });
      return { ok: true, id: thread.id };
    }
  }
}
