import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { decodeCsvBytes, looksLikeCsvFile } from "./csv";

/**
 * Why a CSV import's form was refused before any row was read: no file chosen
 * (or no form the page could have sent), a file over the import's limit, or a
 * file that is not CSV text (another type, or bytes no spreadsheet writes in CSV).
 */
export type CsvUploadProblem = "chooseFile" | "tooLarge" | "notCsv";

/**
 * The form of a CSV import page (components/CsvImportForms): "check" with the
 * chosen file, "confirm" with the previewed text sent back. Either way the
 * action gets the CSV text to read.
 */
export type CsvImportForm =
  | { ok: true; intent: "check" | "confirm"; text: string }
  | { ok: false; problem: CsvUploadProblem; status: 400 | 413 };

function importFormSchema(maxBytes: number) {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("check"), file: z.instanceof(File).optional() }),
    z.object({ intent: z.literal("confirm"), csvText: z.string().max(maxBytes) }),
  ]);
}

const refused = (problem: CsvUploadProblem, status: 400 | 413 = 400): CsvImportForm => ({ ok: false, problem, status });

/** Reads the multipart body in memory; no part, file or text, may be larger than `maxBytes`. */
async function readMultipart(request: Request, maxBytes: number): Promise<FormData | "tooLarge" | "notMultipart"> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    // parseMultipartFormData throws a TypeError for a body that is not multipart/form-data.
    if (error instanceof TypeError) return "notMultipart";
    throw error;
  }
}

export async function readCsvImportForm(request: Request, maxBytes: number): Promise<CsvImportForm> {
  const formData = await readMultipart(request, maxBytes);
  if (formData === "tooLarge") return refused("tooLarge", 413);
  if (formData === "notMultipart") return refused("chooseFile");
  const parsed = importFormSchema(maxBytes).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("chooseFile");
  const input = parsed.data;
  if (input.intent === "confirm") return { ok: true, intent: "confirm", text: input.csvText };

  const file = input.file;
  // A file input left empty is sent as a nameless, empty file.
  if (!file || (file.size === 0 && file.name === "")) return refused("chooseFile");
  const text = looksLikeCsvFile(file.name, file.type) ? decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) : null;
  return text === null ? refused("notCsv") : { ok: true, intent: "check", text };
}
