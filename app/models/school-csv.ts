import { z } from "zod";
import type { GradeBand } from "~/generated/prisma/enums";
import { catalogues } from "~/i18n/i18n";
import { isBlank, readCsvTable } from "~/utils/csv";
import { nameKey, tidyName } from "./names";
import { GRADE_BANDS, PRINCIPAL_MAX, SCHOOL_CODE_MAX, SCHOOL_NAME_MAX } from "./school";

/** The columns of a schools file, in the order the example shows them. */
export const SCHOOL_CSV_COLUMNS = ["name", "code", "grade_band", "principal"] as const;
type Column = (typeof SCHOOL_CSV_COLUMNS)[number];

export const SCHOOL_CSV_MAX_ROWS = 2000;
export const SCHOOL_CSV_MAX_BYTES = 1_000_000;

export type SchoolCsvErrorKey =
  | "emptyFile"
  | "noRows"
  | "notCsv"
  | "missingHeader"
  | "unknownHeader"
  | "duplicateHeader"
  | "tooManyRows"
  | "tooManyFields"
  | "unclosedQuote"
  | "emptyName"
  | "nameTooLong"
  | "codeTooLong"
  | "principalTooLong"
  | "unknownGradeBand"
  | "duplicateInFile"
  | "alreadyExists";

/** One problem, at its line of the file (the header is line 1), with the values its message needs. */
export type SchoolCsvError = { line: number; key: SchoolCsvErrorKey; values?: Record<string, string | number> };

export type SchoolCsvRow = {
  line: number;
  name: string;
  code: string | null;
  gradeBand: GradeBand;
  principal: string | null;
};

export type SchoolCsvResult = { ok: true; rows: SchoolCsvRow[] } | { ok: false; errors: SchoolCsvError[] };

/** Letters and digits only, without accents: "K–8", "k8" and "K 8" are one spelling. */
function squash(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

// Spreadsheets kept by districts say "High school" as often as "High"; "secundaria" is left out on
// purpose because it means middle school in some countries and high school in others.
const EXTRA_GRADE_BAND_NAMES: Record<GradeBand, readonly string[]> = {
  elementary: ["elementary school", "escuela primaria"],
  middle: ["middle school", "escuela intermedia"],
  high: ["high school", "escuela preparatoria"],
  k8: [],
  k12: [],
  other: ["otro"],
};

const GRADE_BAND_BY_NAME = new Map<string, GradeBand>(
  GRADE_BANDS.flatMap((band) =>
    [band, catalogues.en.settings.gradeBands[band], catalogues.es.settings.gradeBands[band], ...EXTRA_GRADE_BAND_NAMES[band]].map(
      (name) => [squash(name), band] as const,
    ),
  ),
);

/** The grade band a cell names (its value or its English or Spanish label); an empty cell is "other". */
export function gradeBandFromText(text: string): GradeBand | null {
  const key = squash(text);
  if (key === "") return "other";
  return GRADE_BAND_BY_NAME.get(key) ?? null;
}

function optionalCell(max: number, tooLong: SchoolCsvErrorKey) {
  return z
    .string()
    .transform(tidyName)
    .pipe(z.string().max(max, tooLong))
    .transform((value) => (value === "" ? null : value));
}

const schoolRowSchema = z.object({
  name: z.string().transform(tidyName).pipe(z.string().min(1, "emptyName").max(SCHOOL_NAME_MAX, "nameTooLong")),
  code: optionalCell(SCHOOL_CODE_MAX, "codeTooLong"),
  grade_band: z.string().transform((text, ctx) => {
    const band = gradeBandFromText(text);
    if (band) return band;
    ctx.addIssue({ code: "custom", message: "unknownGradeBand" });
    return z.NEVER;
  }),
  principal: optionalCell(PRINCIPAL_MAX, "principalTooLong"),
});

function rowIssueError(line: number, message: string, cells: Record<Column, string>): SchoolCsvError {
  switch (message) {
    case "emptyName":
      return { line, key: "emptyName" };
    case "nameTooLong":
      return { line, key: "nameTooLong", values: { max: SCHOOL_NAME_MAX } };
    case "codeTooLong":
      return { line, key: "codeTooLong", values: { max: SCHOOL_CODE_MAX } };
    case "principalTooLong":
      return { line, key: "principalTooLong", values: { max: PRINCIPAL_MAX } };
    case "unknownGradeBand":
      return { line, key: "unknownGradeBand", values: { value: cells.grade_band.trim() } };
    default:
      // Every cell is a string, so the schema can only report the keys above.
      throw new Error(`Unexpected school row issue: ${message}`);
  }
}

function headerName(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function isColumn(name: string): name is Column {
  return (SCHOOL_CSV_COLUMNS as readonly string[]).includes(name);
}

/**
 * Reads a schools file. Either every row is valid and the rows are returned,
 * or every problem is returned: a file is imported whole or not at all.
 * `existingNames` are the names already used in the district (archived schools included).
 */
export function parseSchoolCsv(input: string, existingNames: readonly string[]): SchoolCsvResult {
  const table = readCsvTable(input);
  if (!table.ok) return { ok: false, errors: [table.problem] };
  const { header, records: dataRecords } = table;

  const headerErrors: SchoolCsvError[] = [];
  const columnIndex = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const name = headerName(cell);
    if (name === "") return;
    if (!isColumn(name)) headerErrors.push({ line: header.line, key: "unknownHeader", values: { column: cell.trim() } });
    else if (columnIndex.has(name)) headerErrors.push({ line: header.line, key: "duplicateHeader", values: { column: cell.trim() } });
    else columnIndex.set(name, index);
  });
  if (!columnIndex.has("name")) headerErrors.unshift({ line: header.line, key: "missingHeader" });
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  if (dataRecords.length === 0) return { ok: false, errors: [{ line: header.line + 1, key: "noRows" }] };
  const firstExtra = dataRecords[SCHOOL_CSV_MAX_ROWS];
  if (firstExtra) return { ok: false, errors: [{ line: firstExtra.line, key: "tooManyRows", values: { max: SCHOOL_CSV_MAX_ROWS } }] };

  const existing = new Set(existingNames.map(nameKey));
  const firstLineByName = new Map<string, number>();
  const errors: SchoolCsvError[] = [];
  const rows: SchoolCsvRow[] = [];
  const expected = header.cells.length;

  for (const record of dataRecords) {
    if (record.unclosedQuote) {
      errors.push({ line: record.line, key: "unclosedQuote" });
      continue;
    }
    // Spreadsheets often leave empty cells after the last column; only values there are a problem.
    if (record.cells.length > expected && !isBlank(record.cells.slice(expected))) {
      errors.push({ line: record.line, key: "tooManyFields", values: { count: record.cells.length, expected } });
      continue;
    }
    const cells = Object.fromEntries(
      SCHOOL_CSV_COLUMNS.map((column) => {
        const index = columnIndex.get(column);
        return [column, index === undefined ? "" : (record.cells[index] ?? "")];
      }),
    ) as Record<Column, string>;
    const parsed = schoolRowSchema.safeParse(cells);
    const rowErrors = parsed.success ? [] : parsed.error.issues.map((issue) => rowIssueError(record.line, issue.message, cells));
    const name = tidyName(cells.name);
    if (name !== "") {
      const key = nameKey(name);
      const firstLine = firstLineByName.get(key);
      if (firstLine !== undefined) rowErrors.push({ line: record.line, key: "duplicateInFile", values: { name, firstLine } });
      else firstLineByName.set(key, record.line);
      if (existing.has(key)) rowErrors.push({ line: record.line, key: "alreadyExists", values: { name } });
    }
    if (!parsed.success || rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const { code, grade_band: gradeBand, principal } = parsed.data;
    rows.push({ line: record.line, name: parsed.data.name, code, gradeBand, principal });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
