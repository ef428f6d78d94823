import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/i18n/i18n";
import { neutralizeFormula } from "~/utils/csv";
import { configSchemaFor } from "./activity-types";
import type { LiveActivity } from "./live-view";
import { answerText, exportCsv, exportKindSchema, exportPath, exportRows, type ExportInput } from "./results-csv";

const t = createTranslator("en");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 18, minute));

function activity(id: string, position: number, type: LiveActivity["type"], config: unknown): LiveActivity {
  return { id, position, type, config: configSchemaFor(type, ["en"]).parse(config), state: "closed", resultsVisible: true, timerEndsAt: null, spotlightIdeaId: null } as LiveActivity;
}

const input: ExportInput = {
  activities: [
    activity("b1", 0, "brainstorm", { prompt: { en: "What matters?" } }),
    activity("r1", 1, "rate", { prompt: { en: "Rate" }, sourceActivityId: "b1" }),
    activity("p1", 2, "poll", { prompt: { en: "Pick" }, options: [{ id: "x", label: { en: "Option X" } }, { id: "y", label: { en: "Option Y" } }], multiple: true }),
    activity("k1", 3, "ranking", { prompt: { en: "Order" }, items: [{ id: "one", label: { en: "One" } }, { id: "two", label: { en: "Two" } }] }),
  ],
  ideas: [
    { id: "i1", activityId: "b1", text: "=HYPERLINK(\"http://evil\")", language: "en", stakeholderGroupId: "gf", hidden: false, mergedIntoId: null, themeId: "t1", createdAt: at(2) },
    { id: "i2", activityId: "b1", text: "Same, again", language: "en", stakeholderGroupId: "gs", hidden: false, mergedIntoId: "i1", themeId: null, createdAt: at(3) },
    { id: "i3", activityId: "b1", text: "Off topic", language: "en", stakeholderGroupId: "gs", hidden: true, mergedIntoId: null, themeId: null, createdAt: at(1) },
  ],
  ratings: [
    { activityId: "r1", ideaId: "i1", value: 5, stakeholderGroupId: "gf", createdAt: at(10) },
    { activityId: "r1", ideaId: "i2", value: 4, stakeholderGroupId: "gs", createdAt: at(11) },
  ],
  responses: [
    { activityId: "p1", stakeholderGroupId: "gf", payload: { optionIds: ["x", "y"] }, createdAt: at(20) },
    { activityId: "k1", stakeholderGroupId: "gs", payload: { order: ["two", "one"] }, createdAt: at(21) },
  ],
  themes: [{ id: "t1", name: "+Skills" }],
  groupLabels: { gf: "Families", gs: "Students" },
  groupId: null,
};

function parsed(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1).trimEnd()).data;
}

describe("formula guard", () => {
  it("prefixes every cell a spreadsheet would run as a formula, and only those", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["Plain idea", "1 + 1 = 2", "", "4.50"]) expect(neutralizeFormula(cell)).toBe(cell);
  });
  it("is applied to participants' text in the export", () => {
    const rows = parsed(exportCsv("ideas", input, t, "en"));
    const evil = rows.find((row) => row[0] === "i1");
    expect(evil?.[3]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(evil?.[10]).toBe("'+Skills");
  });
});

describe("exportRows", () => {
  it("lists ideas oldest first with status, merge target, the target's theme and rating figures", () => {
    const [header, ...rows] = exportRows("ideas", input, t, "en");
    expect(header).toEqual([
      "idea_id",
      "activity",
      "prompt",
      "idea",
      "language",
      "stakeholder_group",
      "submitted_at_utc",
      "status",
      "merged_into_idea_id",
      "theme_id",
      "theme",
      "ratings",
      "average_rating",
    ]);
    expect(rows.map((row) => [row[0], row[5], row[6], row[7], row[8], row[9], row[11], row[12]])).toEqual([
      ["i3", "Students", "2026-11-01T18:01:00.000Z", "hidden", "", "", "", ""],
      ["i1", "Families", "2026-11-01T18:02:00.000Z", "shown", "", "t1", "2", "4.50"],
      ["i2", "Students", "2026-11-01T18:03:00.000Z", "merged", "i1", "t1", "", ""],
    ]);
  });

  it("lists ratings and answers with group and time, answers in words", () => {
    expect(exportRows("ratings", input, t, "en")).toEqual([
      ["activity", "idea_id", "idea", "rating", "stakeholder_group", "rated_at_utc"],
      ["2", "i1", "=HYPERLINK(\"http://evil\")", "5", "Families", "2026-11-01T18:10:00.000Z"],
      ["2", "i2", "Same, again", "4", "Students", "2026-11-01T18:11:00.000Z"],
    ]);
    expect(exportRows("responses", input, t, "en")).toEqual([
      ["activity", "activity_type", "prompt", "answer", "stakeholder_group", "answered_at_utc"],
      ["3", "Poll", "Pick", "Option X; Option Y", "Families", "2026-11-01T18:20:00.000Z"],
      ["4", "Ranking", "Order", "Two > One", "Students", "2026-11-01T18:21:00.000Z"],
    ]);
  });

  it("keeps one group's rows when filtered", () => {
    const students = { ...input, groupId: "gs" };
    expect(exportRows("ideas", students, t, "en").slice(1).map((row) => row[0])).toEqual(["i3", "i2"]);
    expect(exportRows("ratings", students, t, "en").slice(1).map((row) => row[1])).toEqual(["i2"]);
    expect(exportRows("responses", students, t, "en").slice(1).map((row) => row[0])).toEqual(["4"]);
  });

  it("writes headers in Spanish for a Spanish reader", () => {
    expect(exportRows("ratings", input, createTranslator("es"), "es")[0]).toEqual(["actividad", "id_idea", "idea", "valoracion", "grupo_de_interes", "valorada_utc"]);
  });
});

describe("export kinds and addresses", () => {
  it("accepts only the three kinds", () => {
    expect(exportKindSchema.safeParse("ideas").success).toBe(true);
    for (const kind of ["nominations", "", null, "IDEAS"]) expect(exportKindSchema.safeParse(kind).success).toBe(false);
  });
  it("builds the download address with an optional group", () => {
    expect(exportPath("w1", "ratings", null)).toBe("/workshops/w1/export.csv?kind=ratings");
    expect(exportPath("w1", "ideas", "g 1")).toBe("/workshops/w1/export.csv?kind=ideas&group=g+1");
  });
  it("writes an unknown answer as empty rather than guessing", () => {
    expect(answerText(undefined, { value: 3 }, "en")).toBe("");
  });
});
