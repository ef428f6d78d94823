import { COMPETENCY_FIELDS, plainText, type CompetencyField, type PortraitContent } from "./document";

/**
 * Comparing two states of a Portrait, competency by competency, word by word.
 * Pure functions: the versions page renders what they return.
 */

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type TextComparison = { changed: boolean; parts: DiffPart[] };

export type CompetencyComparison = {
  id: string;
  /** added: only in the newer; removed: only in the older; changed / unchanged: in both. */
  status: "added" | "removed" | "changed" | "unchanged";
  /** Where it stands in the newer Portrait (the older one for a removed competency), counted from 0. */
  position: number;
  moved: boolean;
  title: TextComparison;
  fields: Record<CompetencyField, TextComparison>;
};

export type PortraitComparison = {
  vision: TextComparison;
  competencies: CompetencyComparison[];
  summary: { added: number; removed: number; changed: number; unchanged: number };
};

/**
 * Words, the spaces between them and each punctuation mark on its own (so
 * "next." → "next," changes only the mark); joining the tokens gives the text back.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}'’-]+|[^\s\p{L}\p{N}\p{M}'’-]/gu) ?? [];
}

/**
 * A word-level diff (Myers' O(ND) algorithm on tokens), with runs of the same
 * kind merged. `removed` parts come before `added` ones where text was replaced.
 */
export function diffWords(before: string, after: string): TextComparison {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (text.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", a.slice(0, start).join(""));
  for (const part of middle) push(part.kind, part.text);
  push("same", a.slice(endA).join(""));
  return { changed: parts.some((part) => part.kind !== "same"), parts: groupReplacements(parts) };
}

function myers(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ kind: "added" as const, text }));
  if (m === 0) return a.map((text) => ({ kind: "removed" as const, text }));
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) x = v[offset + k + 1] ?? 0;
      else x = (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  // Walk back from (n, m): trace[d] is the frontier before step d.
  const reversed: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ kind: "same", text: a[x - 1]! });
      x--;
      y--;
    }
    if (down) reversed.push({ kind: "added", text: b[y - 1]! });
    else reversed.push({ kind: "removed", text: a[x - 1]! });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ kind: "same", text: a[x - 1]! });
    x--;
    y--;
  }
  return reversed.reverse();
}

/** Puts a removal before the addition that replaces it, and merges neighbours of the same kind. */
function groupReplacements(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    const part = parts[i]!;
    if (part.kind === "same") {
      result.push(part);
      i++;
      continue;
    }
    let removed = "";
    let added = "";
    while (i < parts.length && parts[i]!.kind !== "same") {
      if (parts[i]!.kind === "removed") removed += parts[i]!.text;
      else added += parts[i]!.text;
      i++;
    }
    if (removed) result.push({ kind: "removed", text: removed });
    if (added) result.push({ kind: "added", text: added });
  }
  return result;
}

/** Compares an older Portrait with a newer one. */
export function comparePortraits(older: PortraitContent, newer: PortraitContent): PortraitComparison {
  const olderById = new Map(older.competencies.map((competency, index) => [competency.id, { competency, index }]));
  const newerIds = new Set(newer.competencies.map((competency) => competency.id));
  const keptOlderOrder = older.competencies.filter((c) => newerIds.has(c.id)).map((c) => c.id);
  const keptNewerOrder = newer.competencies.filter((c) => olderById.has(c.id)).map((c) => c.id);

  const competencies: CompetencyComparison[] = newer.competencies.map((competency, position) => {
    const before = olderById.get(competency.id)?.competency;
    const title = diffWords(before?.title ?? "", competency.title);
    const fields = Object.fromEntries(
      COMPETENCY_FIELDS.map((field) => [field, diffWords(before ? plainText(before[field]) : "", plainText(competency[field]))]),
    ) as Record<CompetencyField, TextComparison>;
    const moved = before !== undefined && keptOlderOrder.indexOf(competency.id) !== keptNewerOrder.indexOf(competency.id);
    const changed = title.changed || COMPETENCY_FIELDS.some((field) => fields[field].changed);
    return {
      id: competency.id,
      status: before === undefined ? "added" : changed ? "changed" : "unchanged",
      position,
      moved,
      title,
      fields,
    };
  });

  // A removed competency is shown where it stood in the older Portrait.
  for (const [index, competency] of older.competencies.entries()) {
    if (newerIds.has(competency.id)) continue;
    const removed: CompetencyComparison = {
      id: competency.id,
      status: "removed",
      position: index,
      moved: false,
      title: diffWords(competency.title, ""),
      fields: Object.fromEntries(COMPETENCY_FIELDS.map((field) => [field, diffWords(plainText(competency[field]), "")])) as Record<
        CompetencyField,
        TextComparison
      >,
    };
    const before = older.competencies[index - 1];
    const at = before ? competencies.findIndex((c) => c.id === before.id) + 1 : 0;
    competencies.splice(at, 0, removed);
  }

  const count = (status: CompetencyComparison["status"]) => competencies.filter((c) => c.status === status).length;
  return {
    vision: diffWords(plainText(older.vision), plainText(newer.vision)),
    competencies,
    summary: { added: count("added"), removed: count("removed"), changed: count("changed"), unchanged: count("unchanged") },
  };
}
