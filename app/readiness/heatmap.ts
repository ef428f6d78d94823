import { COMPLETION_ORDER, type Completion } from "./completion";
import type { Level } from "./levels";

export type HeatmapRow = {
  schoolId: string;
  schoolName: string;
  /** Consensus level by indicator id; missing or null when not agreed yet. */
  levels: Record<string, Level | null>;
  average: number | null;
  completion: Completion;
};

export type SortDirection = "asc" | "desc";
/** By school name, overall average, completion, or the level of one indicator (its id). */
export type HeatmapSort = { by: "school" | "average" | "completion" | `indicator:${string}`; direction: SortDirection };

export const DEFAULT_HEATMAP_SORT: HeatmapSort = { by: "school", direction: "asc" };

/** The sort a URL asks for; anything unknown falls back to school name A–Z. */
export function parseHeatmapSort(by: string | null, direction: string | null, indicatorIds: readonly string[]): HeatmapSort {
  const dir: SortDirection = direction === "desc" ? "desc" : "asc";
  if (by === "school" || by === "average" || by === "completion") return { by, direction: dir };
  if (by?.startsWith("indicator:") && indicatorIds.includes(by.slice("indicator:".length))) {
    return { by: by as HeatmapSort["by"], direction: dir };
  }
  return DEFAULT_HEATMAP_SORT;
}

/** The direction a column header link offers next: the other one for the current column, otherwise the natural one. */
export function nextSortDirection(current: HeatmapSort, by: HeatmapSort["by"]): SortDirection {
  if (current.by === by) return current.direction === "asc" ? "desc" : "asc";
  return by === "school" ? "asc" : "desc";
}

function valueFor(row: HeatmapRow, by: HeatmapSort["by"]): number | null {
  if (by === "average") return row.average;
  if (by === "completion") return COMPLETION_ORDER[row.completion.state] + row.completion.share;
  if (by.startsWith("indicator:")) return row.levels[by.slice("indicator:".length)] ?? null;
  return null;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Rows in the asked order; schools without a value go last either way, ties by school name. */
export function sortHeatmapRows(rows: readonly HeatmapRow[], sort: HeatmapSort): HeatmapRow[] {
  const byName = (a: HeatmapRow, b: HeatmapRow) => collator.compare(a.schoolName, b.schoolName) || a.schoolId.localeCompare(b.schoolId);
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.by === "school") return sign * byName(a, b);
    const va = valueFor(a, sort.by);
    const vb = valueFor(b, sort.by);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || byName(a, b);
  });
}
