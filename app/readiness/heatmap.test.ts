import { describe, expect, it } from "vitest";
import { completionOf } from "./completion";
import { nextSortDirection, parseHeatmapSort, sortHeatmapRows, type HeatmapRow } from "./heatmap";
import type { Level } from "./levels";

function row(schoolName: string, levels: Record<string, Level | null>, average: number | null, agreed: number): HeatmapRow {
  return {
    schoolId: schoolName.toLowerCase(),
    schoolName,
    levels,
    average,
    completion: completionOf({ members: 2, started: 2, submitted: 2, indicators: 2, agreed }),
  };
}

const rows = [
  row("Maple", { a: 2, b: null }, 2, 1),
  row("cedar", { a: 4, b: 3 }, 3.5, 2),
  row("Lincoln", { a: null, b: null }, null, 0),
  row("Harbor", { a: 2, b: 4 }, 3, 2),
];

const names = (sorted: HeatmapRow[]) => sorted.map((r) => r.schoolName);

describe("sortHeatmapRows", () => {
  it("sorts by school name, ignoring case, either way", () => {
    expect(names(sortHeatmapRows(rows, { by: "school", direction: "asc" }))).toEqual(["cedar", "Harbor", "Lincoln", "Maple"]);
    expect(names(sortHeatmapRows(rows, { by: "school", direction: "desc" }))).toEqual(["Maple", "Lincoln", "Harbor", "cedar"]);
  });

  it("sorts by one indicator's level with unagreed schools last, ties by name", () => {
    expect(names(sortHeatmapRows(rows, { by: "indicator:a", direction: "desc" }))).toEqual(["cedar", "Harbor", "Maple", "Lincoln"]);
    expect(names(sortHeatmapRows(rows, { by: "indicator:a", direction: "asc" }))).toEqual(["Harbor", "Maple", "cedar", "Lincoln"]);
  });

  it("sorts by average and by completion", () => {
    expect(names(sortHeatmapRows(rows, { by: "average", direction: "desc" }))).toEqual(["cedar", "Harbor", "Maple", "Lincoln"]);
    expect(names(sortHeatmapRows(rows, { by: "completion", direction: "asc" }))).toEqual(["Lincoln", "Maple", "cedar", "Harbor"]);
  });
});

describe("parseHeatmapSort", () => {
  it("accepts known columns and indicators of the cycle only", () => {
    expect(parseHeatmapSort("average", "desc", ["a"])).toEqual({ by: "average", direction: "desc" });
    expect(parseHeatmapSort("indicator:a", "asc", ["a"])).toEqual({ by: "indicator:a", direction: "asc" });
    expect(parseHeatmapSort("indicator:zzz", "desc", ["a"])).toEqual({ by: "school", direction: "asc" });
    expect(parseHeatmapSort("drop table", "sideways", [])).toEqual({ by: "school", direction: "asc" });
    expect(parseHeatmapSort(null, null, [])).toEqual({ by: "school", direction: "asc" });
  });

  it("offers the opposite direction on the current column and a natural one elsewhere", () => {
    expect(nextSortDirection({ by: "average", direction: "desc" }, "average")).toBe("asc");
    expect(nextSortDirection({ by: "average", direction: "desc" }, "indicator:a")).toBe("desc");
    expect(nextSortDirection({ by: "average", direction: "desc" }, "school")).toBe("asc");
  });
});
