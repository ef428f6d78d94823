import type { PortraitVersionKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { writePortrait, type PortraitContent } from "./document";
import { portraitContentFromJson } from "./export";
import { portraitDocuments, readPortraitContent, saveVersion } from "./portrait.server";

/**
 * Named versions of the Portrait: listing, reading, and restoring one as a
 * new change on top of the draft. History is never rewritten: a restore
 * writes the version's text into the live document (everyone editing sees it
 * arrive) and records a new version of kind "restored".
 */

export type VersionSummary = {
  id: string;
  name: string;
  kind: PortraitVersionKind;
  createdAt: string;
  createdBy: string | null;
};

export type VersionDetail = VersionSummary & { content: PortraitContent };

const SUMMARY = { id: true, name: true, kind: true, createdAt: true, createdBy: { select: { name: true } } } as const;

function summary(row: { id: string; name: string; kind: PortraitVersionKind; createdAt: Date; createdBy: { name: string } | null }): VersionSummary {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy?.name ?? null };
}

/** The district's versions, newest first. */
export async function listVersions(districtId: string): Promise<VersionSummary[]> {
  const rows = await prisma.portraitVersion.findMany({ where: { districtId }, orderBy: { createdAt: "desc" }, select: SUMMARY });
  return rows.map(summary);
}

/** One version of this district with its content read back through the sanitiser, or null. */
export async function getVersion(districtId: string, versionId: string): Promise<VersionDetail | null> {
  const row = await prisma.portraitVersion.findFirst({ where: { id: versionId, districtId }, select: { ...SUMMARY, content: true } });
  if (!row) return null;
  return { ...summary(row), content: portraitContentFromJson(row.content) };
}

/** A version's content, or the live draft for "current". */
export async function comparableContent(districtId: string, id: string): Promise<{ content: PortraitContent; version: VersionSummary | null } | null> {
  if (id === "current") return { content: await readPortraitContent(districtId), version: null };
  const version = await getVersion(districtId, id);
  return version ? { content: version.content, version } : null;
}

export async function saveNamedVersion(input: { districtId: string; userId: string; name: string }): Promise<{ id: string }> {
  const { id } = await saveVersion({ districtId: input.districtId, name: input.name, createdById: input.userId });
  return { id };
}

/**
 * Writes a version's text into the live draft as a new change and records it
 * as a "restored" version named after the one it came from.
 */
export async function restoreVersion(input: { districtId: string; userId: string; versionId: string }): Promise<{ ok: true; id: string } | { ok: false }> {
  const version = await getVersion(input.districtId, input.versionId);
  if (!version) return { ok: false };
  await portraitDocuments().change(input.districtId, (doc) => writePortrait(doc, version.content));
  const restored = await saveVersion({ districtId: input.districtId, name: version.name, kind: "restored", createdById: input.userId });
  return { ok: true, id: restored.id };
}
