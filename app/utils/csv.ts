import Papa from "papaparse";

/**
 * Reading and writing the CSV files people exchange with spreadsheets: one
 * place for line numbers that survive multi-line cells, the delimiter a
 * spreadsheet chose, uploads that are not text, and the formula guard.
 */

export type CsvRecord = { line: number; cells: string[]; unclosedQuote: boolean };

const LINE_BREAK = /\r\n|\r|\n/g;

export function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** A header names its columns without commas, so its own line tells which delimiter the file uses. */
export function delimiterOf(text: string): string {
  const firstLine = text.split(LINE_BREAK, 1)[0] ?? "";
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes(";")) return ";";
  if (firstLine.includes("\t")) return "\t";
  return ",";
}

/**
 * Every record of the file with the line it starts on. A quoted value may span
 * several lines, so line numbers are counted from papaparse's cursor rather
 * than from the record's index.
 */
export function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let recordStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    skipEmptyLines: false,
    step(result) {
      records.push({
        line,
        cells: result.data,
        unclosedQuote: result.errors.some((error) => error.code === "MissingQuotes"),
      });
      const recordEnd = result.meta.cursor;
      line += countLineBreaks(text.slice(recordStart, recordEnd));
      recordStart = recordEnd;
    },
  });
  return records;
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * The line of the first control character or undecodable byte: a spreadsheet,
 * PDF or image was uploaded instead of text. Null for a text file.
 */
export function firstBinaryLine(text: string): number | null {
  // eslint-disable-next-line no-control-regex
  const at = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
  return at >= 0 ? 1 + countLineBreaks(text.slice(0, at)) : null;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return that hides one) as a formula; a leading apostrophe makes it text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV text for spreadsheets: every cell guarded against formulas, quoted where
 * needed, CRLF line ends and a byte order mark so Excel reads accents as UTF-8.
 */
export function toSpreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(
    rows.map((row) => row.map(neutralizeFormula)),
    { newline: "\r\n", quotes: false },
  )}\r\n`;
}

/**
 * The text of an uploaded file, or null when it is not text. Excel saves "CSV"
 * as UTF-8 (often with a byte order mark), as UTF-16 ("Unicode text") or, on
 * Windows, in the Windows-1252 code page; accented names must survive all three.
 */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** True when an upload's name or type says it is a CSV file. */
export function looksLikeCsvFile(fileName: string, type: string): boolean {
  return /\.csv$/i.test(fileName.trim()) || ["text/csv", "application/csv"].includes(type.toLowerCase());
}

export type CsvTableProblem = { line: number; key: "emptyFile" | "notCsv" | "unclosedQuote" };

/** Problems of the whole file rather than of one of its lines: shown without a line number. */
export function isFileLevelProblem(key: string): boolean {
  return key === "emptyFile" || key === "notCsv";
}

/**
 * The first steps of every import: drop a byte order mark, refuse an empty or
 * binary file, and split the rest into its header and data records (blank
 * lines dropped, line numbers kept). Each import then reads its own columns.
 */
export function readCsvTable(input: string): { ok: true; header: CsvRecord; records: CsvRecord[] } | { ok: false; problem: CsvTableProblem } {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (text.trim() === "") return { ok: false, problem: { line: 1, key: "emptyFile" } };
  const binaryLine = firstBinaryLine(text);
  if (binaryLine !== null) return { ok: false, problem: { line: binaryLine, key: "notCsv" } };
  const [header, ...records] = readRecords(text).filter((record) => record.unclosedQuote || !isBlank(record.cells));
  if (!header) return { ok: false, problem: { line: 1, key: "emptyFile" } };
  if (header.unclosedQuote) return { ok: false, problem: { line: header.line, key: "unclosedQuote" } };
  return { ok: true, header, records };
}
