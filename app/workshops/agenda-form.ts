import type { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/*
 * The agenda editor's forms name their fields after the place of the value in
 * the activity's config ("prompt.es", "options.2.label.en"), so a form reads
 * into the shape activityConfigSchema checks, and each problem it reports
 * (by path) lands next to its own field.
 */

/**
 * The limits of each setting, for hints, input attributes and messages. The
 * rules themselves are activityConfigSchema's; a unit test keeps the two in step.
 */
export const ACTIVITY_LIMITS = {
  maxIdeasPerParticipant: { min: 1, max: 20, fallback: 5 },
  ratingsPerParticipant: { min: 1, max: 50, fallback: 10 },
  scaleMax: { min: 2, max: 10, fallback: 5 },
  maxWords: { min: 1, max: 3, fallback: 3 },
  pollOptions: { min: 2, max: 12 },
  rankingItems: { min: 2, max: 10 },
} as const;

/** The lists of choices an activity may have, by field name. */
export const CHOICE_LISTS = ["options", "items"] as const;

// Keys that would reach an object's prototype are never taken from a form.
const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const MAX_DEPTH = 4;
// No list in a config is anywhere near this long; a larger index is not a real row.
const MAX_INDEX = 49;
const SEGMENT = /^[A-Za-z][A-Za-z0-9]{0,39}$|^\d{1,2}$/;

type Tree = Record<string, unknown> | unknown[];

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== undefined).map(compact);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compact(value)]));
  }
  return node;
}

/**
 * Nested values from dotted field names: "options.0.label.en" becomes
 * `{ options: [{ label: { en } }] }`. Names that are not plain paths, too deep,
 * or with an index beyond any real list are ignored; a value already taken
 * by a shorter name is kept.
 */
export function unflattenFields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const path = name.split(".");
    if (path.length > MAX_DEPTH + 1 || path.some((segment) => !SEGMENT.test(segment) || UNSAFE_KEYS.has(segment))) continue;
    if (path.some((segment) => /^\d+$/.test(segment) && Number(segment) > MAX_INDEX)) continue;
    let node: Tree = root;
    for (const [depth, segment] of path.entries()) {
      const key: string | number = Array.isArray(node) ? Number(segment) : segment;
      if (Array.isArray(node) !== /^\d+$/.test(segment)) break;
      const last = depth === path.length - 1;
      const existing = (node as Record<string | number, unknown>)[key];
      if (last) {
        if (existing === undefined) (node as Record<string | number, unknown>)[key] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[depth + 1] ?? "");
      if (existing === undefined) {
        const child: Tree = nextIsIndex ? [] : {};
        (node as Record<string | number, unknown>)[key] = child;
        node = child;
      } else if (existing !== null && typeof existing === "object" && Array.isArray(existing) === nextIsIndex) {
        node = existing as Tree;
      } else {
        break;
      }
    }
  }
  return compact(root) as Record<string, unknown>;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "object") return Object.values(value).every(isBlank);
  return false;
}

/** For each choice list, the row of the form each kept choice came from. */
export type ChoiceRows = Partial<Record<(typeof CHOICE_LISTS)[number], number[]>>;

/**
 * What the agenda editor sent, shaped for activityConfigSchema: rows of a
 * choice list left blank are dropped (that is how a facilitator removes a
 * choice without scripts), and new rows get an id from `newChoiceId`.
 */
export function activityInputFromForm(formData: FormData, newChoiceId: () => string): { input: Record<string, unknown>; choiceRows: ChoiceRows } {
  const input = unflattenFields([...formData.entries()].filter(([name]) => name !== "intent" && name !== "activityId"));
  const choiceRows: ChoiceRows = {};
  for (const list of CHOICE_LISTS) {
    const rows = input[list];
    if (!Array.isArray(rows)) continue;
    const kept: Record<string, unknown>[] = [];
    const from: number[] = [];
    rows.forEach((row: unknown, index) => {
      if (row === null || typeof row !== "object" || isBlank((row as { label?: unknown }).label)) return;
      const fields = row as Record<string, unknown>;
      const id = typeof fields.id === "string" ? fields.id.trim() : "";
      kept.push({ ...fields, id: id === "" ? newChoiceId() : id });
      from.push(index);
    });
    input[list] = kept;
    choiceRows[list] = from;
  }
  return { input, choiceRows };
}

/** The form fields showing a stored config: the inverse of unflattenFields, for default values. */
export function configFormValues(config: unknown, prefix = ""): Record<string, string> {
  const values: Record<string, string> = {};
  if (config === null || config === undefined) return values;
  if (typeof config !== "object") {
    if (prefix) values[prefix] = typeof config === "boolean" ? (config ? "on" : "") : String(config);
    return values;
  }
  for (const [key, value] of Object.entries(config)) {
    Object.assign(values, configFormValues(value, prefix ? `${prefix}.${key}` : key));
  }
  return values;
}

/** The values a form sent, by field name, to show them again after a refusal. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && name.length <= 100 && !(name in values)) values[name] = value.slice(0, 2000);
  }
  return values;
}

/**
 * Each problem's message key by the dotted name of its field ("prompt.es",
 * "options.2.label.en"); "form" for the activity as a whole. A problem with a
 * kept choice is named after the form row it came from.
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], choiceRows: ChoiceRows = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const rows = choiceRows[path[0] as keyof ChoiceRows];
    if (rows && path.length > 1) path[1] = String(rows[Number(path[1])] ?? path[1]);
    const field = path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** How many choice rows the stored or submitted values hold for `list`. */
export function choiceRowCount(values: Record<string, string>, list: (typeof CHOICE_LISTS)[number]): number {
  let count = 0;
  for (const name of Object.keys(values)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.`).exec(name);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}
