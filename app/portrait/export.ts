import { z } from "zod";
import { COMPETENCY_TITLE_MAX, sanitizeRichText, type PortraitContent, type RichText } from "./document";

/*
 * What the print page and the downloads read: the live draft, or one saved
 * version chosen by `?version=<id>`. A version's stored content is read back
 * through the same sanitiser as the live document, so an export never holds
 * more than the editor schema allows, whatever was written to the database.
 */

const RECORD_ID = /^[a-z0-9]{10,40}$/;

export const versionParamSchema = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.string().regex(RECORD_ID, "unknownVersion").optional(),
);

/** The version asked for (null: the draft), or not ok when the parameter is malformed. */
export function parseVersionParam(params: URLSearchParams): { ok: true; versionId: string | null } | { ok: false } {
  const parsed = versionParamSchema.safeParse(params.get("version"));
  return parsed.success ? { ok: true, versionId: parsed.data ?? null } : { ok: false };
}

const storedCompetency = z.object({
  id: z.string().min(1).max(64),
  title: z.string().catch(""),
  description: z.unknown(),
  elementary: z.unknown(),
  middle: z.unknown(),
  high: z.unknown(),
});

const storedPortrait = z.object({
  vision: z.unknown(),
  competencies: z.array(z.unknown()).catch([]),
});

function richText(value: unknown): RichText {
  return sanitizeRichText(value && typeof value === "object" ? (value as RichText) : { type: "doc" });
}

/** The content of a saved version, sanitised; what cannot be read as a Portrait reads as an empty one. */
export function portraitContentFromJson(value: unknown): PortraitContent {
  const parsed = storedPortrait.safeParse(value);
  if (!parsed.success) return { vision: richText(null), competencies: [] };
  const seen = new Set<string>();
  const competencies = parsed.data.competencies.flatMap((entry) => {
    const competency = storedCompetency.safeParse(entry);
    if (!competency.success || seen.has(competency.data.id)) return [];
    seen.add(competency.data.id);
    const { id, title, description, elementary, middle, high } = competency.data;
    return [
      {
        id,
        title: title.slice(0, COMPETENCY_TITLE_MAX),
        description: richText(description),
        elementary: richText(elementary),
        middle: richText(middle),
        high: richText(high),
      },
    ];
  });
  return { vision: richText(parsed.data.vision), competencies };
}

export type ExportedVersion = { id: string; name: string; kind: string; createdAt: string };

/** The JSON download: what it is, whose it is, and the Portrait itself. */
export function portraitExportDocument(input: {
  district: { name: string; slug: string };
  status: string;
  version: ExportedVersion | null;
  portrait: PortraitContent;
  exportedAt: Date;
}) {
  return {
    format: "groundwork.portrait",
    formatVersion: 1,
    exportedAt: input.exportedAt.toISOString(),
    district: input.district,
    status: input.status,
    source: input.version ? { type: "version" as const, ...input.version } : { type: "draft" as const },
    portrait: input.portrait,
  };
}

/** A file name without anything a file system or a header could choke on. */
export function exportFileName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((part) => part.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("-");
  return `${base || "portrait"}.${extension}`;
}
