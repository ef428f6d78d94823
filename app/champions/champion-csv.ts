import type { ChampionKind, ChampionStage, ConsentMethod } from "~/generated/prisma/enums";
import { catalogues, type Locale } from "~/i18n/i18n";
import { isBlank, readCsvTable } from "~/utils/csv";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { CHAMPION_KINDS, CHAMPION_STAGES, CONSENT_METHODS } from "./champion";
import { CHAMPION_FIELD_MAX, championFieldsSchema, contactFieldsSchema, type ChampionFields, type ContactFields } from "./champion-form";
import { findPossibleDuplicates, type DuplicateReason } from "./duplicates";
import { parseLanguageList } from "./languages";

/** The columns a champions file may have; only `name` is required. */
export const CHAMPION_CSV_COLUMNS = [
  "name",
  "kind",
  "role",
  "stakeholder_group",
  "school",
  "affiliation",
  "languages",
  "reach",
  "audience_size",
  "influence",
  "support",
  "email",
  "phone",
  "other_contact",
  "consent",
  "consent_date",
  "consent_method",
  "stage",
  "tags",
  "notes",
] as const;
export type ChampionCsvColumn = (typeof CHAMPION_CSV_COLUMNS)[number];

/** Columns the export adds that an import reads past, so an exported file can be imported elsewhere. */
const EXPORT_ONLY_COLUMNS = ["stage_since", "criteria_met"] as const;

export const CHAMPION_CSV_MAX_ROWS = 2000;
export const CHAMPION_CSV_MAX_BYTES = 1_000_000;

export type ChampionCsvErrorKey =
  | "emptyFile"
  | "notCsv"
  | "noRows"
  | "missingHeader"
  | "unknownHeader"
  | "duplicateHeader"
  | "tooManyRows"
  | "tooManyFields"
  | "unclosedQuote"
  | "emptyName"
  | "tooLong"
  | "unknownKind"
  | "unknownGroup"
  | "unknownSchool"
  | "unknownLanguage"
  | "invalidAudienceSize"
  | "invalidRating"
  | "invalidEmail"
  | "invalidPhone"
  | "unknownConsent"
  | "consentRequired"
  | "consentDateRequired"
  | "consentDateInFuture"
  | "invalidDate"
  | "unknownConsentMethod"
  | "consentMethodRequired"
  | "unknownStage"
  | "tagTooLong"
  | "tooManyTags";

/** One problem, at its line of the file (the header is line 1), with the values its message needs. */
export type ChampionCsvError = { line: number; key: ChampionCsvErrorKey; values?: Record<string, string | number> };

export type ChampionCsvRow = { line: number; fields: ChampionFields; contact: ContactFields; stage: ChampionStage };

export type ChampionCsvResult = { ok: true; rows: ChampionCsvRow[] } | { ok: false; errors: ChampionCsvError[] };

/** What a file is checked against: the district's groups and active schools. */
export type ChampionCsvContext = {
  groups: readonly { id: string; key: string | null; name: string }[];
  schools: readonly { id: string; name: string; code: string | null }[];
};

const LOCALES: readonly Locale[] = ["en", "es"];

function squash(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** A lookup from every spelling of a value (its code and its English and Spanish labels) to the value. */
function lookup<T extends string>(entries: readonly (readonly [T, readonly string[]])[]): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [value, names] of entries) for (const name of [value, ...names]) map.set(squash(name), value);
  return (text) => map.get(squash(text)) ?? null;
}

const kindFromText = lookup<ChampionKind>(CHAMPION_KINDS.map((kind) => [kind, LOCALES.map((l) => catalogues[l].champions.kinds[kind])] as const));
const stageFromText = lookup<ChampionStage>(
  CHAMPION_STAGES.map((stage) => [stage, LOCALES.map((l) => catalogues[l].champions.stages[stage])] as const),
);
// Short spellings people type in a spreadsheet, beside the labels the export writes.
const CONSENT_METHOD_ALIASES: Record<ConsentMethod, readonly string[]> = {
  in_person: ["in person", "en persona", "persona"],
  phone: ["telephone", "telefono", "teléfono"],
  email: ["e-mail", "correo", "correo electrónico"],
  written: ["writing", "in writing", "escrito", "por escrito"],
  nomination: ["workshop nomination", "nominación", "taller"],
};
const consentMethodFromText = lookup<ConsentMethod>(
  CONSENT_METHODS.map(
    (method) => [method, [...CONSENT_METHOD_ALIASES[method], ...LOCALES.map((l) => catalogues[l].champions.consentMethods[method])]] as const,
  ),
);
const consentFromText = lookup<"yes" | "no">([
  ["yes", ["y", "true", "1", "x", "si", ...LOCALES.map((l) => catalogues[l].champions.csv.yes)]],
  ["no", ["n", "false", "0", ...LOCALES.map((l) => catalogues[l].champions.csv.no)]],
]);
const columnFromHeader = lookup<ChampionCsvColumn | (typeof EXPORT_ONLY_COLUMNS)[number]>(
  [...CHAMPION_CSV_COLUMNS, ...EXPORT_ONLY_COLUMNS].map((column) => [column, LOCALES.map((l) => catalogues[l].champions.csv.columns[column])] as const),
);

/** Undoes the export's guard against formulas ("'=x" → "=x"), so an exported file imports as it was. */
function restoreFormulaText(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}


/* Rows */

type Cells = Record<ChampionCsvColumn, string>;

const CONSENT_RULE_PROBLEMS: readonly string[] = ["consentRequired", "consentDateRequired", "consentDateInFuture", "consentMethodRequired"];

function groupResolver(groups: ChampionCsvContext["groups"]) {
  return lookup<string>(
    groups.map((group) => [group.id, [group.name, ...(group.key ? [group.key] : []), ...LOCALES.map((l) => stakeholderGroupLabel(group, l))]] as const),
  );
}

function schoolResolver(schools: ChampionCsvContext["schools"]) {
  return lookup<string>(schools.map((school) => [school.id, [school.name, ...(school.code ? [school.code] : [])]] as const));
}

const FIELD_COLUMN: Record<string, ChampionCsvColumn> = {
  name: "name",
  role: "role",
  affiliation: "affiliation",
  reach: "reach",
  audienceSize: "audience_size",
  influence: "influence",
  support: "support",
  tags: "tags",
  notes: "notes",
  email: "email",
  phone: "phone",
  contactOther: "other_contact",
  consentGiven: "consent",
  consentAt: "consent_date",
  consentMethod: "consent_method",
};

function issueError(line: number, field: string, message: string, cells: Cells): ChampionCsvError {
  const column = FIELD_COLUMN[field] ?? "name";
  const value = cells[column].trim();
  switch (message) {
    case "required":
      return { line, key: "emptyName" };
    case "tooLong":
      return { line, key: "tooLong", values: { column, max: CHAMPION_FIELD_MAX[field] ?? 0 } };
    case "invalidRating":
      return { line, key: "invalidRating", values: { column, value } };
    case "invalidDate":
      return { line, key: "invalidDate", values: { column, value } };
    case "invalidAudienceSize":
    case "invalidEmail":
    case "invalidPhone":
      return { line, key: message, values: { value } };
    case "consentRequired":
    case "consentDateRequired":
    case "consentDateInFuture":
    case "consentMethodRequired":
    case "tagTooLong":
    case "tooManyTags":
      return { line, key: message };
    default:
      // Every cell is resolved before the form schemas run, so they can report only the keys above.
      throw new Error(`Unexpected champion row issue: ${field} ${message}`);
  }
}

function readRow(line: number, cells: Cells, resolve: { group: (t: string) => string | null; school: (t: string) => string | null }) {
  const errors: ChampionCsvError[] = [];
  const cell = (column: ChampionCsvColumn) => cells[column].trim();

  const kind = cell("kind") === "" ? "person" : kindFromText(cell("kind"));
  if (!kind) errors.push({ line, key: "unknownKind", values: { value: cell("kind") } });
  const stakeholderGroupId = cell("stakeholder_group") === "" ? "" : resolve.group(cell("stakeholder_group"));
  if (stakeholderGroupId === null) errors.push({ line, key: "unknownGroup", values: { value: cell("stakeholder_group") } });
  const schoolId = cell("school") === "" ? "" : resolve.school(cell("school"));
  if (schoolId === null) errors.push({ line, key: "unknownSchool", values: { value: cell("school") } });
  const languages = parseLanguageList(cells.languages);
  if (!languages.ok) errors.push(...languages.unknown.map((value) => ({ line, key: "unknownLanguage" as const, values: { value } })));
  const stage = cell("stage") === "" ? "identified" : stageFromText(cell("stage"));
  if (!stage) errors.push({ line, key: "unknownStage", values: { value: cell("stage") } });
  const consent = cell("consent") === "" ? "no" : consentFromText(cell("consent"));
  if (!consent) errors.push({ line, key: "unknownConsent", values: { value: cell("consent") } });
  const consentMethod = cell("consent_method") === "" ? "" : consentMethodFromText(cell("consent_method"));
  if (consentMethod === null) errors.push({ line, key: "unknownConsentMethod", values: { value: cell("consent_method") } });

  const fields = championFieldsSchema.safeParse({
    kind: kind ?? "person",
    name: cells.name,
    role: cells.role,
    stakeholderGroupId: stakeholderGroupId ?? "",
    schoolId: schoolId ?? "",
    affiliation: cells.affiliation,
    languages: languages.ok ? languages.languages : [],
    reach: cells.reach,
    audienceSize: cells.audience_size,
    influence: cells.influence,
    support: cells.support,
    tags: cells.tags,
    notes: cells.notes,
  });
  if (!fields.success) errors.push(...fields.error.issues.map((issue) => issueError(line, String(issue.path[0]), issue.message, cells)));
  const contact = contactFieldsSchema.safeParse({
    email: cells.email,
    phone: cells.phone,
    contactOther: cells.other_contact,
    consentGiven: consent === "yes" ? "on" : "",
    consentAt: cells.consent_date,
    consentMethod: consentMethod ?? "",
  });
  if (!contact.success) {
    // A consent or method cell that could not be read is reported already; the consent rule would only repeat it.
    const repeats = new Set([...(consent ? [] : CONSENT_RULE_PROBLEMS), ...(consentMethod === null ? ["consentMethodRequired"] : [])]);
    errors.push(
      ...contact.error.issues
        .filter((issue) => !repeats.has(issue.message))
        .map((issue) => issueError(line, String(issue.path[0]), issue.message, cells)),
    );
  }
  if (errors.length > 0 || !fields.success || !contact.success || !stage) return { ok: false as const, errors };
  return { ok: true as const, row: { line, fields: fields.data, contact: contact.data, stage } };
}

/**
 * Reads a champions file. Either every row is valid and the rows are returned,
 * or every problem is returned with its line: a file is imported whole or not at all.
 * Groups, schools, kinds, stages, languages and consent methods may be written
 * as codes or as their English or Spanish names.
 */
export function parseChampionCsv(input: string, context: ChampionCsvContext): ChampionCsvResult {
  const table = readCsvTable(input);
  if (!table.ok) return { ok: false, errors: [table.problem] };
  const { header, records: dataRecords } = table;

  const headerErrors: ChampionCsvError[] = [];
  const columnIndex = new Map<ChampionCsvColumn, number>();
  const seen = new Set<string>();
  header.cells.forEach((cell, index) => {
    if (cell.trim() === "") return;
    const column = columnFromHeader(cell);
    if (!column) headerErrors.push({ line: header.line, key: "unknownHeader", values: { column: cell.trim() } });
    else if (seen.has(column)) headerErrors.push({ line: header.line, key: "duplicateHeader", values: { column: cell.trim() } });
    else {
      seen.add(column);
      if ((CHAMPION_CSV_COLUMNS as readonly string[]).includes(column)) columnIndex.set(column as ChampionCsvColumn, index);
    }
  });
  if (!columnIndex.has("name")) headerErrors.unshift({ line: header.line, key: "missingHeader" });
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  if (dataRecords.length === 0) return { ok: false, errors: [{ line: header.line + 1, key: "noRows" }] };
  const firstExtra = dataRecords[CHAMPION_CSV_MAX_ROWS];
  if (firstExtra) return { ok: false, errors: [{ line: firstExtra.line, key: "tooManyRows", values: { max: CHAMPION_CSV_MAX_ROWS } }] };

  const resolve = { group: groupResolver(context.groups), school: schoolResolver(context.schools) };
  const expected = header.cells.length;
  const errors: ChampionCsvError[] = [];
  const rows: ChampionCsvRow[] = [];
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
      CHAMPION_CSV_COLUMNS.map((column) => {
        const index = columnIndex.get(column);
        return [column, index === undefined ? "" : restoreFormulaText(record.cells[index] ?? "")];
      }),
    ) as Cells;
    const result = readRow(record.line, cells, resolve);
    if (result.ok) rows.push(result.row);
    else errors.push(...result.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export type ImportDuplicateWarning = {
  line: number;
  /** People already in the directory who may be this row's person. */
  existing: { id: string; name: string; reasons: DuplicateReason[] }[];
  /** Earlier lines of the same file that may be the same person. */
  earlierLines: { line: number; reasons: DuplicateReason[] }[];
};

/** Rows of an import that may repeat someone in the directory or an earlier row: shown in the preview, never refused. */
export function importDuplicateWarnings(
  rows: readonly ChampionCsvRow[],
  existing: readonly { id: string; name: string; email: string | null; phone: string | null }[],
): ImportDuplicateWarning[] {
  const names = new Map(existing.map((person) => [person.id, person.name]));
  const warnings: ImportDuplicateWarning[] = [];
  rows.forEach((row, index) => {
    const candidate = { name: row.fields.name, email: row.contact.email, phone: row.contact.phone };
    const inDirectory = findPossibleDuplicates(candidate, existing).map((match) => ({ ...match, name: names.get(match.id) ?? "" }));
    const earlier = rows
      .slice(0, index)
      .map((other) => ({ id: String(other.line), name: other.fields.name, email: other.contact.email, phone: other.contact.phone }));
    const earlierLines = findPossibleDuplicates(candidate, earlier).map((match) => ({ line: Number(match.id), reasons: match.reasons }));
    if (inDirectory.length > 0 || earlierLines.length > 0) warnings.push({ line: row.line, existing: inDirectory, earlierLines });
  });
  return warnings;
}

export type ExportChampion = {
  id: string;
  name: string;
  kind: ChampionKind;
  role: string | null;
  group: { key: string | null; name: string } | null;
  schoolName: string | null;
  affiliation: string | null;
  languages: readonly string[];
  reach: string | null;
  audienceSize: number | null;
  influence: number | null;
  support: number | null;
  stage: ChampionStage;
  stageChangedAt: Date;
  criteriaMet: number;
  tags: readonly string[];
};

export type ExportContact = {
  email: string | null;
  phone: string | null;
  contactOther: string | null;
  consentGiven: boolean;
  consentAt: Date | null;
  consentMethod: ConsentMethod | null;
  notes: string | null;
};

const CONTACT_COLUMNS = ["email", "phone", "other_contact", "consent", "consent_date", "consent_method", "notes"] as const;

/**
 * The directory as spreadsheet rows, headed in the reader's language (the
 * import reads those headers back). Contact columns appear only when
 * `contactById` is given, which the export route does only for leaders and facilitators.
 */
export function championExportTable(
  champions: readonly ExportChampion[],
  locale: Locale,
  contactById?: ReadonlyMap<string, ExportContact>,
): string[][] {
  const messages = catalogues[locale].champions;
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  const baseColumns = [
    "name",
    "kind",
    "role",
    "stakeholder_group",
    "school",
    "affiliation",
    "languages",
    "reach",
    "audience_size",
    "influence",
    "support",
    "stage",
    "stage_since",
    "criteria_met",
    "tags",
  ] as const;
  const header: string[] = baseColumns.map((column) => messages.csv.columns[column]);
  if (contactById) header.push(...CONTACT_COLUMNS.map((column) => messages.csv.columns[column]));
  const rows = champions.map((champion) => {
    const row = [
      champion.name,
      messages.kinds[champion.kind],
      champion.role ?? "",
      champion.group ? stakeholderGroupLabel(champion.group, locale) : "",
      champion.schoolName ?? "",
      champion.affiliation ?? "",
      champion.languages.map((code) => (messages.languages as Record<string, string>)[code] ?? code).join("; "),
      champion.reach ?? "",
      champion.audienceSize === null ? "" : String(champion.audienceSize),
      champion.influence === null ? "" : String(champion.influence),
      champion.support === null ? "" : String(champion.support),
      messages.stages[champion.stage],
      day(champion.stageChangedAt),
      String(champion.criteriaMet),
      champion.tags.join("; "),
    ];
    if (contactById) {
      const contact = contactById.get(champion.id);
      row.push(
        contact?.email ?? "",
        contact?.phone ?? "",
        contact?.contactOther ?? "",
        contact?.consentGiven ? messages.csv.yes : messages.csv.no,
        day(contact?.consentAt ?? null),
        contact?.consentMethod ? messages.consentMethods[contact.consentMethod] : "",
        contact?.notes ?? "",
      );
    }
    return row;
  });
  return [header, ...rows];
}
