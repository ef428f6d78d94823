import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import type { PortraitContent } from "./document";
import { parseVersionParam, type ExportedVersion } from "./export";
import { readPortraitContent } from "./portrait.server";
import { districtVersion, portraitStatus } from "./publication.server";

export type ExportSource = {
  district: { name: string; slug: string };
  /** The language the Portrait is written in: the district's default language. */
  language: string;
  status: string;
  version: ExportedVersion | null;
  portrait: PortraitContent;
};

/**
 * The Portrait a print or download asks for: the draft, or `?version=<id>`
 * of the signed-in user's district. A malformed id answers 400; an unknown
 * one, or another district's, 404.
 */
export async function exportSource(districtId: string, params: URLSearchParams): Promise<ExportSource> {
  const asked = parseVersionParam(params);
  invariantResponse(asked.ok, "Bad request", { status: 400 });
  const found = await prisma.district.findUnique({ where: { id: districtId }, select: { name: true, slug: true, defaultLanguage: true } });
  invariantResponse(found, "Not found");
  const { defaultLanguage: language, ...district } = found;
  const status = await portraitStatus(districtId);
  if (!asked.versionId) return { district, language, status, version: null, portrait: await readPortraitContent(districtId) };
  const version = await districtVersion(districtId, asked.versionId);
  invariantResponse(version, "Not found");
  const { portrait, createdAt, ...rest } = version;
  return { district, language, status, version: { ...rest, createdAt: createdAt.toISOString() }, portrait };
}
