import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, looksLikeCsvFile, neutralizeFormula, toSpreadsheetCsv } from "~/utils/csv";
import { gradeBandFromText, parseSchoolCsv, SCHOOL_CSV_MAX_ROWS, type SchoolCsvResult } from "./school-csv";

function errorsOf(result: SchoolCsvResult) {
  if (result.ok) throw new Error("expected errors, got rows");
  return result.errors;
}

function rowsOf(result: SchoolCsvResult) {
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}

describe("parseSchoolCsv: valid files", () => {
  it("reads every column, in any order, with any header case", () => {
    const rows = rowsOf(parseSchoolCsv("Principal,GRADE_BAND,Name,code\nAna Ruiz,middle,Cedar Middle,CMS\n", []));
    expect(rows).toEqual([{ line: 2, name: "Cedar Middle", code: "CMS", gradeBand: "middle", principal: "Ana Ruiz" }]);
  });

  it("needs only the name column; missing and empty cells are empty, an empty grade band is other", () => {
    expect(rowsOf(parseSchoolCsv("name\nLincoln Elementary\n", []))).toEqual([
      { line: 2, name: "Lincoln Elementary", code: null, gradeBand: "other", principal: null },
    ]);
    expect(rowsOf(parseSchoolCsv("name,grade_band,code\nHarbor,,\n", []))[0]).toMatchObject({ gradeBand: "other", code: null });
  });

  it("keeps commas and quotes inside quoted fields", () => {
    const rows = rowsOf(parseSchoolCsv('name,principal\n"Washington, George Elementary","O\'Neil, ""Pat"""\n', []));
    expect(rows[0]).toMatchObject({ name: "Washington, George Elementary", principal: 'O\'Neil, "Pat"' });
  });

  it("ignores a byte order mark at the start", () => {
    const rows = rowsOf(parseSchoolCsv("\uFEFFname,code\nLincoln,LIN\n", []));
    expect(rows[0]).toMatchObject({ name: "Lincoln", code: "LIN" });
  });

  it("reads CRLF line endings and counts lines the same way", () => {
    const result = parseSchoolCsv("name,grade_band\r\nLincoln,elementary\r\nCedar,nursery\r\n", []);
    expect(errorsOf(result)).toEqual([{ line: 3, key: "unknownGradeBand", values: { value: "nursery" } }]);
    expect(rowsOf(parseSchoolCsv("name\r\nLincoln\r\nCedar\r\n", [])).map((r) => r.line)).toEqual([2, 3]);
  });

  it("accepts the English and Spanish grade band labels", () => {
    const csv = "name,grade_band\nA,Primaria\nB,Intermedia\nC,Preparatoria\nD,Elementary\nE,High school\nF,K-8\nG,k–12\nH,Otra\nI,ESCUELA PRIMARIA\n";
    expect(rowsOf(parseSchoolCsv(csv, [])).map((r) => r.gradeBand)).toEqual([
      "elementary",
      "middle",
      "high",
      "elementary",
      "high",
      "k8",
      "k12",
      "other",
      "elementary",
    ]);
  });

  it("reads semicolon-separated files, as Spanish-language Excel saves them", () => {
    expect(rowsOf(parseSchoolCsv("name;code\nEscuela Juárez;EJ\n", []))[0]).toMatchObject({ name: "Escuela Juárez", code: "EJ" });
  });

  it("tidies spaces and skips blank lines and rows of empty cells, keeping line numbers true", () => {
    const result = parseSchoolCsv("name,code\n\n  Lincoln   Elementary ,  LIN \n,\n\nCedar,\n", []);
    expect(rowsOf(result)).toEqual([
      { line: 3, name: "Lincoln Elementary", code: "LIN", gradeBand: "other", principal: null },
      { line: 6, name: "Cedar", code: null, gradeBand: "other", principal: null },
    ]);
  });

  it("counts the lines of a quoted value that spans several lines", () => {
    const errors = errorsOf(parseSchoolCsv('name,principal\nLincoln,"Grace\nKim"\n,Nobody\n', []));
    expect(errors).toEqual([{ line: 4, key: "emptyName" }]);
  });

  it("allows empty cells after the last column", () => {
    expect(rowsOf(parseSchoolCsv("name,code\nLincoln,LIN,,\n", []))).toHaveLength(1);
  });
});

describe("parseSchoolCsv: every kind of error, with its line", () => {
  it("an empty file", () => {
    expect(errorsOf(parseSchoolCsv("", []))).toEqual([{ line: 1, key: "emptyFile" }]);
    expect(errorsOf(parseSchoolCsv("\uFEFF \r\n \n", []))).toEqual([{ line: 1, key: "emptyFile" }]);
  });

  it("a header and no schools", () => {
    expect(errorsOf(parseSchoolCsv("name,code\n", []))).toEqual([{ line: 2, key: "noRows" }]);
  });

  it("a file that is not text", () => {
    expect(errorsOf(parseSchoolCsv("PK\u0003\u0004\u0014\u0000binary", []))).toEqual([{ line: 1, key: "notCsv" }]);
    expect(errorsOf(parseSchoolCsv("name\nLincoln\nbad \uFFFD byte\n", []))).toEqual([{ line: 3, key: "notCsv" }]);
  });

  it("a header without a name column, or with unknown or repeated columns", () => {
    expect(errorsOf(parseSchoolCsv("code,principal\nLIN,Grace\n", []))).toEqual([{ line: 1, key: "missingHeader" }]);
    expect(errorsOf(parseSchoolCsv("Lincoln Elementary\nCedar Middle\n", []))).toEqual([
      { line: 1, key: "missingHeader" },
      { line: 1, key: "unknownHeader", values: { column: "Lincoln Elementary" } },
    ]);
    expect(errorsOf(parseSchoolCsv("name,phone,Name\nA,1,B\n", []))).toEqual([
      { line: 1, key: "unknownHeader", values: { column: "phone" } },
      { line: 1, key: "duplicateHeader", values: { column: "Name" } },
    ]);
  });

  it("more rows than the limit", () => {
    const csv = `name\n${Array.from({ length: SCHOOL_CSV_MAX_ROWS + 1 }, (_, i) => `School ${i}`).join("\n")}\n`;
    expect(errorsOf(parseSchoolCsv(csv, []))).toEqual([{ line: SCHOOL_CSV_MAX_ROWS + 2, key: "tooManyRows", values: { max: 2000 } }]);
    const atLimit = `name\n${Array.from({ length: SCHOOL_CSV_MAX_ROWS }, (_, i) => `School ${i}`).join("\n")}\n`;
    expect(rowsOf(parseSchoolCsv(atLimit, []))).toHaveLength(SCHOOL_CSV_MAX_ROWS);
  });

  it("more values than columns, and a quote that is never closed", () => {
    expect(errorsOf(parseSchoolCsv("name,code\nWashington, George,WG\n", []))).toEqual([
      { line: 2, key: "tooManyFields", values: { count: 3, expected: 2 } },
    ]);
    expect(errorsOf(parseSchoolCsv('name,code\nLincoln,LIN\n"Cedar,CMS\nMaple,MGE\n', []))).toEqual([{ line: 3, key: "unclosedQuote" }]);
  });

  it("empty and too long values, and an unknown grade band", () => {
    const long = "x".repeat(121);
    const csv = `name,code,grade_band,principal\n,C1,high,\n${long},C2,,\nOk,${"c".repeat(21)},preschool,${"p".repeat(121)}\n`;
    expect(errorsOf(parseSchoolCsv(csv, []))).toEqual([
      { line: 2, key: "emptyName" },
      { line: 3, key: "nameTooLong", values: { max: 120 } },
      { line: 4, key: "codeTooLong", values: { max: 20 } },
      { line: 4, key: "unknownGradeBand", values: { value: "preschool" } },
      { line: 4, key: "principalTooLong", values: { max: 120 } },
    ]);
  });

  it("a name twice in the file, ignoring case and spacing", () => {
    expect(errorsOf(parseSchoolCsv("name\nLincoln Elementary\nCedar\nlincoln  ELEMENTARY\n", []))).toEqual([
      { line: 4, key: "duplicateInFile", values: { name: "lincoln ELEMENTARY", firstLine: 2 } },
    ]);
  });

  it("a name the district already uses, ignoring case", () => {
    expect(errorsOf(parseSchoolCsv("name\nNew School\nriverbend high school\n", ["Riverbend High School"]))).toEqual([
      { line: 3, key: "alreadyExists", values: { name: "riverbend high school" } },
    ]);
  });

  it("lists every error of the file, not only the first", () => {
    const errors = errorsOf(parseSchoolCsv("name,grade_band\nGood,high\n,high\nBad,college\nGood,high\n", []));
    expect(errors.map((e) => [e.line, e.key])).toEqual([
      [3, "emptyName"],
      [4, "unknownGradeBand"],
      [5, "duplicateInFile"],
    ]);
  });
});

describe("gradeBandFromText", () => {
  it("knows values and labels, and nothing else", () => {
    expect(gradeBandFromText("k12")).toBe("k12");
    expect(gradeBandFromText("Middle School")).toBe("middle");
    expect(gradeBandFromText("")).toBe("other");
    expect(gradeBandFromText("secundaria")).toBeNull();
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, UTF-16 with a byte order mark, and Windows-1252", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("name\nJuárez"))).toBe("name\nJuárez");
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0xe1, 0x00]))).toBe("ná");
    expect(decodeCsvBytes(new Uint8Array([0x4a, 0x75, 0xe1, 0x72, 0x65, 0x7a]))).toBe("Juárez");
  });

  it("refuses binary content", () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });
});

describe("looksLikeCsvFile", () => {
  it("goes by the extension or the type", () => {
    expect(looksLikeCsvFile("Schools.CSV", "")).toBe(true);
    expect(looksLikeCsvFile("export", "text/csv")).toBe(true);
    expect(looksLikeCsvFile("schools.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe(false);
  });
});

describe("spreadsheet export", () => {
  it("neutralizes cells a spreadsheet would run as formulas", () => {
    for (const cell of ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    }
    expect(neutralizeFormula("Lincoln = best")).toBe("Lincoln = best");
  });

  it("quotes fields and reads back the same", () => {
    const csv = toSpreadsheetCsv([
      ["name", "principal"],
      ["Washington, George", 'Pat "PJ" O\'Neil'],
      ["=cmd", "line\nbreak"],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"Washington, George"');
    expect(Papa.parse<string[]>(csv.slice(1).trimEnd()).data).toEqual([
      ["name", "principal"],
      ["Washington, George", 'Pat "PJ" O\'Neil'],
      ["'=cmd", "line\nbreak"],
    ]);
  });
});
