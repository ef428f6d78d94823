import type { SessionUser } from "~/auth/session.server";
import type { PortraitPublicationStage } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import type { PortraitContent } from "./document";
import { portraitContentFromJson } from "./export";
import { readPortraitContent, saveVersion } from "./portrait.server";
import { reviewTransition, type PortraitStatus, type ReviewCommand, type ReviewRefusal, type ReviewState } from "./status";

/*
 * Publishing the Portrait for community review and adopting it. Each command
 * checks the status rule (app/portrait/status.ts), saves the version it
 * needs, then changes the publication rows, the document's status and the
 * audit log in one transaction.
 */

export type CurrentPublication = {
  id: string;
  stage: PortraitPublicationStage;
  feedbackOpen: boolean;
  publishedAt: Date;
  version: { id: string; name: string; createdAt: Date };
};

const PUBLICATION_SELECT = {
  id: true,
  stage: true,
  feedbackOpen: true,
  publishedAt: true,
  version: { select: { id: true, name: true, createdAt: true } },
} as const;

/** The publication the public page shows: the newest one. */
export async function currentPublication(districtId: string): Promise<CurrentPublication | null> {
  return prisma.portraitPublication.findFirst({
    where: { districtId },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: PUBLICATION_SELECT,
  });
}

/** The newest publication that was open to community feedback (the adopted one never is). */
export async function latestReviewPublication(districtId: string): Promise<CurrentPublication | null> {
  return prisma.portraitPublication.findFirst({
    where: { districtId, stage: "review" },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: PUBLICATION_SELECT,
  });
}

export async function portraitStatus(districtId: string): Promise<PortraitStatus> {
  const document = await prisma.portraitDocument.findUnique({ where: { districtId }, select: { status: true } });
  return document?.status ?? "draft";
}

export async function reviewState(districtId: string): Promise<ReviewState & { publication: CurrentPublication | null }> {
  const [status, publication] = await Promise.all([portraitStatus(districtId), currentPublication(districtId)]);
  return { status, feedbackOpen: publication ? publication.feedbackOpen : null, publication };
}

export type ReviewCommandResult = { ok: true; status: PortraitStatus; versionId: string | null } | { ok: false; error: ReviewRefusal | "emptyPortrait" | "changedMeanwhile" };

class ChangedMeanwhile extends Error {}

/** Runs a leader's review command: publish, adopt, close or reopen feedback. */
export async function runReviewCommand(actor: Pick<SessionUser, "id" | "districtId">, command: ReviewCommand, options: { versionName: string }): Promise<ReviewCommandResult> {
  const districtId = actor.districtId;
  const before = await reviewState(districtId);
  const transition = reviewTransition(before, command);
  if (!transition.ok) return transition;

  let versionId: string | null = null;
  if (command === "publish" || command === "adopt") {
    const draft = await readPortraitContent(districtId);
    if (draft.competencies.length === 0) return { ok: false, error: "emptyPortrait" };
    versionId = (await saveVersion({ districtId, name: options.versionName, kind: command === "publish" ? "published" : "adopted", createdById: actor.id })).id;
  }

  try {
    await prisma.$transaction(async (tx) => {
      // Another leader may have acted since the check above: the rule is checked again on what is stored now.
      const document = await tx.portraitDocument.findUnique({ where: { districtId }, select: { status: true } });
      const shown = await tx.portraitPublication.findFirst({ where: { districtId }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { id: true, feedbackOpen: true } });
      const now = reviewTransition({ status: document?.status ?? "draft", feedbackOpen: shown ? shown.feedbackOpen : null }, command);
      if (!now.ok) throw new ChangedMeanwhile();
      if (versionId) {
        await tx.portraitPublication.updateMany({ where: { districtId, feedbackOpen: true }, data: { feedbackOpen: false } });
        await tx.portraitPublication.create({
          data: { districtId, versionId, stage: command === "publish" ? "review" : "adopted", feedbackOpen: now.feedbackOpen, publishedById: actor.id },
        });
      } else if (shown) {
        await tx.portraitPublication.update({ where: { id: shown.id }, data: { feedbackOpen: now.feedbackOpen } });
      }
      await tx.portraitDocument.update({ where: { districtId }, data: { status: now.status } });
      await tx.auditEvent.create({
        data: { districtId, actorId: actor.id, action: `portrait.${command}`, subjectId: versionId ?? shown?.id ?? null, detail: { from: before.status, to: now.status } },
      });
    });
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return { ok: false, error: "changedMeanwhile" };
    throw error;
  }
  return { ok: true, status: transition.status, versionId };
}

export type PublicPortrait = {
  district: { id: string; name: string; slug: string; languages: string[]; defaultLanguage: string };
  status: PortraitStatus;
  publication: CurrentPublication;
  portrait: PortraitContent;
};

/** What the public page of a district shows: its newest publication, never the live draft; null when there is none. */
export async function publicPortrait(slug: string): Promise<PublicPortrait | null> {
  const district = await prisma.district.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, languages: true, defaultLanguage: true } });
  if (!district) return null;
  const publication = await prisma.portraitPublication.findFirst({
    where: { districtId: district.id },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { ...PUBLICATION_SELECT, version: { select: { id: true, name: true, createdAt: true, content: true } } },
  });
  if (!publication) return null;
  const { content, ...version } = publication.version;
  return {
    district,
    status: await portraitStatus(district.id),
    publication: { ...publication, version },
    portrait: portraitContentFromJson(content),
  };
}

/** A saved version of the district with its content; null for an unknown id or another district's version. */
export async function districtVersion(districtId: string, versionId: string) {
  const version = await prisma.portraitVersion.findFirst({
    where: { id: versionId, districtId },
    select: { id: true, name: true, kind: true, createdAt: true, content: true },
  });
  if (!version) return null;
  const { content, ...rest } = version;
  return { ...rest, portrait: portraitContentFromJson(content) };
}

/** The district's saved versions, newest first, for choosing what to print or export. */
export async function districtVersions(districtId: string) {
  return prisma.portraitVersion.findMany({
    where: { districtId },
    select: { id: true, name: true, kind: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
}
