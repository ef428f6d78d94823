import { describe, expect, it } from "vitest";
import { readCsvImportForm } from "./upload.server";

const MAX_BYTES = 1_000;

/** A POST as the import page's forms send it: multipart/form-data, encoded by the platform's own FormData. */
function post(fields: Record<string, string | File>): Request {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request("http://localhost/import", { method: "POST", body });
}

const csvFile = (content: BlobPart, name = "people.csv", type = "text/csv") => new File([content], name, { type });

describe("reading a CSV import's form", () => {
  it("gives the text of a chosen CSV file", async () => {
    await expect(readCsvImportForm(post({ intent: "check", file: csvFile("name\nAna Pérez\n") }), MAX_BYTES)).resolves.toEqual({
      ok: true,
      intent: "check",
      text: "name\nAna Pérez\n",
    });
  });

  it("decodes a file Excel saved in the Windows code page", async () => {
    const windows1252 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x50, 0xe9, 0x72, 0x65, 0x7a, 0x0a]);
    await expect(readCsvImportForm(post({ intent: "check", file: csvFile(windows1252) }), MAX_BYTES)).resolves.toMatchObject({ ok: true, text: "name\nPérez\n" });
  });

  it("gives back the previewed text on confirmation", async () => {
    // A form sends its text fields with CRLF line ends, as browsers do.
    await expect(readCsvImportForm(post({ intent: "confirm", csvText: "name\r\nAna\r\n" }), MAX_BYTES)).resolves.toEqual({
      ok: true,
      intent: "confirm",
      text: "name\r\nAna\r\n",
    });
  });

  it("refuses a file over the limit with 413, before reading it", async () => {
    const big = csvFile(`name\n${"x".repeat(MAX_BYTES)}\n`);
    await expect(readCsvImportForm(post({ intent: "check", file: big }), MAX_BYTES)).resolves.toEqual({ ok: false, problem: "tooLarge", status: 413 });
  });

  it("refuses confirmed text over the limit too", async () => {
    const form = await readCsvImportForm(post({ intent: "confirm", csvText: "x".repeat(MAX_BYTES + 1) }), MAX_BYTES);
    expect(form).toEqual({ ok: false, problem: "tooLarge", status: 413 });
  });

  it("refuses a binary file, whatever it is called", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]);
    await expect(readCsvImportForm(post({ intent: "check", file: csvFile(zip) }), MAX_BYTES)).resolves.toEqual({ ok: false, problem: "notCsv", status: 400 });
    const xlsx = csvFile("name\nAna\n", "people.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await expect(readCsvImportForm(post({ intent: "check", file: xlsx }), MAX_BYTES)).resolves.toEqual({ ok: false, problem: "notCsv", status: 400 });
  });

  it("asks for a file when none was chosen or the field is not a file", async () => {
    const chooseFile = { ok: false, problem: "chooseFile", status: 400 };
    await expect(readCsvImportForm(post({ intent: "check" }), MAX_BYTES)).resolves.toEqual(chooseFile);
    await expect(readCsvImportForm(post({ intent: "check", file: new File([], "", { type: "application/octet-stream" }) }), MAX_BYTES)).resolves.toEqual(chooseFile);
    await expect(readCsvImportForm(post({ intent: "check", file: "name\nAna\n" }), MAX_BYTES)).resolves.toEqual(chooseFile);
    await expect(readCsvImportForm(post({ intent: "replace", csvText: "name\nAna\n" }), MAX_BYTES)).resolves.toEqual(chooseFile);
  });

  it("refuses a body that is not multipart", async () => {
    const urlencoded = new Request("http://localhost/import", { method: "POST", body: new URLSearchParams({ intent: "confirm", csvText: "name\nAna\n" }) });
    await expect(readCsvImportForm(urlencoded, MAX_BYTES)).resolves.toEqual({ ok: false, problem: "chooseFile", status: 400 });
  });
});
