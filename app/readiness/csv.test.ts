import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toSpreadsheetCsv } from "~/utils/csv";
import { readinessCsvRows, type ExportLabels } from "./csv";

const labels: ExportLabels = {
  columns: ["Cycle", "School", "Dimension", "Code", "Indicator", "Record", "Person", "Level", "Level name", "Evidence or rationale", "Links", "Date"],
  memberRating: "Member rating",
  consensus: "Consensus",
  levelName: (level) => ["", "Not yet", "Emerging", "Developing", "Established"][level]!,
};

const indicators = [
  { id: "i1", code: "1.1", dimension: "Foundational Practices", title: "Relationships" },
  { id: "i2", code: "1.2", dimension: "Foundational Practices", title: "Culture" },
];

const school = {
  name: "Riverbend High School",
  responses: [
    {
      memberName: "Zoe",
      memberEmail: "zoe@example.org",
      submittedAt: new Date("2026-11-02T10:00:00Z"),
      ratings: [
        { indicatorId: "i1", level: 2 as const, note: "Advisory, \"mostly\"", links: ["https://e.example/a", "https://e.example/b"] },
        { indicatorId: "i2", level: null, note: "", links: [] },
      ],
    },
    {
      memberName: "Ana",
      memberEmail: "ana@example.org",
      submittedAt: new Date("2026-11-01T10:00:00Z"),
      ratings: [{ indicatorId: "i1", level: 4 as const, note: "=SUM(A1)", links: [] }],
    },
  ],
  consensus: [{ indicatorId: "i1", level: 3 as const, rationale: "Met in the middle", decidedBy: "Priya", updatedAt: new Date("2026-11-05T10:00:00Z") }],
};

describe("readinessCsvRows", () => {
  it("writes members' ratings by name, then the consensus, indicator by indicator", () => {
    const rows = readinessCsvRows("Fall 2026", indicators, [school], labels);
    expect(rows).toEqual([
      [...labels.columns],
      ["Fall 2026", "Riverbend High School", "Foundational Practices", "1.1", "Relationships", "Member rating", "Ana <ana@example.org>", "4", "Established", "=SUM(A1)", "", "2026-11-01"],
      ["Fall 2026", "Riverbend High School", "Foundational Practices", "1.1", "Relationships", "Member rating", "Zoe <zoe@example.org>", "2", "Emerging", "Advisory, \"mostly\"", "https://e.example/a https://e.example/b", "2026-11-02"],
      ["Fall 2026", "Riverbend High School", "Foundational Practices", "1.1", "Relationships", "Consensus", "Priya", "3", "Developing", "Met in the middle", "", "2026-11-05"],
    ]);
  });

  it("survives a spreadsheet round trip, with formulas neutralised", () => {
    const csv = toSpreadsheetCsv(readinessCsvRows("Fall 2026", indicators, [school], labels));
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(4);
    expect(parsed[1]![9]).not.toMatch(/^=/);
    expect(parsed[2]![9]).toBe("Advisory, \"mostly\"");
  });

  it("has only the header for a cycle without submissions", () => {
    expect(readinessCsvRows("Fall 2026", indicators, [{ name: "X", responses: [], consensus: [] }], labels)).toEqual([[...labels.columns]]);
  });
});
