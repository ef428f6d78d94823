import type { z } from "zod";

/** Field name → the message key of its first problem. Messages are looked up in the page's language. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parses a form against a schema whose issue messages are message keys.
 * Repeated fields (checkbox groups) arrive as arrays.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, arrayFields: readonly string[] = []): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).map((value) => (typeof value === "string" ? value : value));
    raw[key] = arrayFields.includes(key) ? values : values[0];
  }
  for (const key of arrayFields) raw[key] ??= [];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
