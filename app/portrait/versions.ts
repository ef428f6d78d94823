import { z } from "zod";

/** Forms and parameters of the versions pages (one schema, used by the pages and their tests). */
export const VERSION_NAME_MAX = 120;

export const saveVersionSchema = z.object({
  intent: z.literal("save"),
  name: z
    .string("portrait.versions.errors.nameRequired")
    .trim()
    .min(1, "portrait.versions.errors.nameRequired")
    .max(VERSION_NAME_MAX, "portrait.versions.errors.nameTooLong"),
});

export const restoreVersionSchema = z.object({ intent: z.literal("restore") });

const versionId = z.string().regex(/^[a-z0-9]{10,40}$/);

/** A version id, or "current" for the live draft. */
export const comparedSchema = z.union([z.literal("current"), versionId]);

export const versionIdSchema = versionId;
