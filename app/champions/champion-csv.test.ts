import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toSpreadsheetCsv } from "~/utils/csv";
import {
  CHAMPION_CSV_MAX_ROWS,
  championExportTable,
  importDuplicateWarnings,
  parseChampionCsv,
  type ChampionCsvResult,
  type ExportChampion,
} from "./champion-csv";

const context = {
  groups: [
    { id: "g-fam", key: "families", name: "Families" },
    { id: "g-par", key: "partners", name: "Business & community partners" },
    { id: "g-alu", key: null, name: "Alumni" },
  ],
  schools: [
    { id: "s-lin", name: "Lincoln Elementary", code: "LIN" },
    { id: "s-har", name: "Harbor View K-8", code: "HVK" },
  ],
};

function errorsOf(result: ChampionCsvResult) {
  if (result.ok) throw new Error("expected errors, got rows");
  return result.errors;
}

function rowsOf(result: ChampionCsvResult) {
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}

describe("parseChampionCsv: valid files", () => {
  it("reads every column", () => {
    const csv = [
      "name,kind,role,stakeholder_group,school,affiliation,languages,reach,audience_size,influence,support,email,phone,other_contact,consent,consent_date,consent_method,stage,tags,notes",
      'Ana Pérez,person,PTA president,Families,LIN,,"English; Spanish",Parents at pickup,"1,200",4,5,ANA@example.org,555-010-2030,,yes,2026-10-01,in person,committed,"parent leader; radio",Met at the fall fair',
    ].join("\n");
    expect(rowsOf(parseChampionCsv(csv, context))).toEqual([
      {
        line: 2,
        stage: "committed",
        fields: {
          kind: "person",
          name: "Ana Pérez",
          role: "PTA president",
          stakeholderGroupId: "g-fam",
          schoolId: "s-lin",
          affiliation: null,
          languages: ["en", "es"],
          reach: "Parents at pickup",
          audienceSize: 1200,
          influence: 4,
          support: 5,
          tags: ["parent leader", "radio"],
          notes: "Met at the fall fair",
        },
        contact: {
          email: "ana@example.org",
          phone: "555-010-2030",
          contactOther: null,
          consentGiven: true,
          consentAt: new Date("2026-10-01T12:00:00.000Z"),
          consentMethod: "in_person",
        },
      },
    ]);
  });

  it("needs only names; empty cells mean nothing recorded, at the identified stage", () => {
    const [row] = rowsOf(parseChampionCsv("name\nRiverbend Rotary\n", context));
    expect(row).toMatchObject({
      line: 2,
      stage: "identified",
      fields: { kind: "person", stakeholderGroupId: null, schoolId: null, languages: [], influence: null, support: null, tags: [] },
      contact: { email: null, consentGiven: false, consentAt: null, consentMethod: null },
    });
  });

  it("reads Spanish headers and values, and semicolon-separated files", () => {
    const csv = "Nombre;Tipo;Grupo de interés;Escuela;Idiomas;Etapa;Consentimiento;Fecha del consentimiento;Forma del consentimiento;Teléfono\n" +
      "Iglesia San José;Organización;Socios empresariales y comunitarios;Harbor View K-8;Español, inglés;Comprometido;Sí;2026-09-15;Por teléfono;555 222 3333\n";
    expect(rowsOf(parseChampionCsv(csv, context))[0]).toMatchObject({
      stage: "committed",
      fields: { kind: "organisation", stakeholderGroupId: "g-par", schoolId: "s-har", languages: ["es", "en"] },
      contact: { phone: "555 222 3333", consentGiven: true, consentMethod: "phone" },
    });
  });

  it("reads a custom group by its name and language aliases", () => {
    expect(rowsOf(parseChampionCsv("name,stakeholder_group,languages\nLee,alumni,Farsi|ASL\n", context))[0]?.fields).toMatchObject({
      stakeholderGroupId: "g-alu",
      languages: ["fa", "ase"],
    });
  });

  it("reads back its own export", () => {
    const exported: ExportChampion = {
      id: "c1",
      name: "=Dangerous, Name",
      kind: "organisation",
      role: null,
      group: { key: "families", name: "Families" },
      schoolName: "Lincoln Elementary",
      affiliation: "Parish",
      languages: ["es", "vi"],
      reach: "Sunday service",
      audienceSize: 300,
      influence: 3,
      support: 4,
      stage: "active",
      stageChangedAt: new Date("2026-11-02T12:00:00Z"),
      criteriaMet: 2,
      tags: ["faith", "Spanish radio"],
    };
    for (const locale of ["en", "es"] as const) {
      const contact = new Map([
        ["c1", { email: "p@x.org", phone: null, contactOther: null, consentGiven: true, consentAt: new Date("2026-10-01T12:00:00Z"), consentMethod: "written" as const, notes: "note" }],
      ]);
      const csv = toSpreadsheetCsv(championExportTable([exported], locale, contact));
      const [row] = rowsOf(parseChampionCsv(csv, context));
      expect(row?.fields).toMatchObject({ name: "=Dangerous, Name", kind: "organisation", schoolId: "s-lin", stakeholderGroupId: "g-fam", languages: ["es", "vi"] });
      expect(row?.contact).toMatchObject({ email: "p@x.org", consentGiven: true, consentMethod: "written" });
      expect(row?.stage).toBe("active");
    }
  });
});

describe("parseChampionCsv: every problem, with its line", () => {
  it("file-level problems", () => {
    expect(errorsOf(parseChampionCsv("", context))).toEqual([{ line: 1, key: "emptyFile" }]);
    expect(errorsOf(parseChampionCsv("name\n", context))).toEqual([{ line: 2, key: "noRows" }]);
    expect(errorsOf(parseChampionCsv("PK\u0003\u0004", context))).toEqual([{ line: 1, key: "notCsv" }]);
    expect(errorsOf(parseChampionCsv("email,salary,email\nx,1,y\n", context))).toEqual([
      { line: 1, key: "missingHeader" },
      { line: 1, key: "unknownHeader", values: { column: "salary" } },
      { line: 1, key: "duplicateHeader", values: { column: "email" } },
    ]);
    const many = `name\n${Array.from({ length: CHAMPION_CSV_MAX_ROWS + 1 }, (_, i) => `P${i}`).join("\n")}\n`;
    expect(errorsOf(parseChampionCsv(many, context))).toEqual([{ line: CHAMPION_CSV_MAX_ROWS + 2, key: "tooManyRows", values: { max: CHAMPION_CSV_MAX_ROWS } }]);
  });

  it("every bad cell of every row, by line", () => {
    const csv = [
      "name,kind,stakeholder_group,school,languages,audience_size,influence,support,email,phone,consent,consent_date,consent_method,stage",
      "Good Person,,Families,,,,,,,,,,,",
      ",robot,Martians,Atlantis High,Klingon,lots,6,0,not-an-email,12,maybe,,,retired",
      "No Consent,,,,,,,,nc@example.org,,no,,,",
      "Half Consent,,,,,,,,hc@example.org,,yes,,,",
      "Future,,,,,,,,f@example.org,,yes,2999-01-01,telepathy,",
      'Broken,"unclosed',
    ].join("\n");
    expect(errorsOf(parseChampionCsv(csv, context))).toEqual([
      { line: 3, key: "unknownKind", values: { value: "robot" } },
      { line: 3, key: "unknownGroup", values: { value: "Martians" } },
      { line: 3, key: "unknownSchool", values: { value: "Atlantis High" } },
      { line: 3, key: "unknownLanguage", values: { value: "Klingon" } },
      { line: 3, key: "unknownStage", values: { value: "retired" } },
      { line: 3, key: "unknownConsent", values: { value: "maybe" } },
      { line: 3, key: "emptyName" },
      { line: 3, key: "invalidAudienceSize", values: { value: "lots" } },
      { line: 3, key: "invalidRating", values: { column: "influence", value: "6" } },
      { line: 3, key: "invalidRating", values: { column: "support", value: "0" } },
      { line: 3, key: "invalidEmail", values: { value: "not-an-email" } },
      { line: 3, key: "invalidPhone", values: { value: "12" } },
      { line: 4, key: "consentRequired" },
      { line: 5, key: "consentDateRequired" },
      { line: 5, key: "consentMethodRequired" },
      { line: 6, key: "unknownConsentMethod", values: { value: "telepathy" } },
      { line: 6, key: "consentDateInFuture" },
      { line: 7, key: "unclosedQuote" },
    ]);
  });

  it("too long values and too many values on a line", () => {
    const csv = `name,role\n${"x".repeat(121)},ok\nA,B,C\n`;
    expect(errorsOf(parseChampionCsv(csv, context))).toEqual([
      { line: 2, key: "tooLong", values: { column: "name", max: 120 } },
      { line: 3, key: "tooManyFields", values: { count: 3, expected: 2 } },
    ]);
  });
});

describe("importDuplicateWarnings", () => {
  it("flags rows that may repeat someone in the directory or an earlier row", () => {
    const rows = rowsOf(
      parseChampionCsv("name,email,consent,consent_date,consent_method\nAna Perez,,,,\nBo Li,bo@x.org,yes,2026-01-01,email\nANA PÉREZ,,,,\n", context),
    );
    const existing = [
      { id: "c1", name: "Someone", email: "BO@x.org", phone: null },
      { id: "c2", name: "Grace Kim", email: null, phone: null },
    ];
    expect(importDuplicateWarnings(rows, existing)).toEqual([
      { line: 3, existing: [{ id: "c1", name: "Someone", reasons: ["sameEmail"] }], earlierLines: [] },
      { line: 4, existing: [], earlierLines: [{ line: 2, reasons: ["sameName"] }] },
    ]);
  });
});

describe("championExportTable", () => {
  const champion: ExportChampion = {
    id: "c1",
    name: "Ana",
    kind: "person",
    role: "PTA",
    group: null,
    schoolName: null,
    affiliation: null,
    languages: ["en"],
    reach: null,
    audienceSize: null,
    influence: null,
    support: null,
    stage: "identified",
    stageChangedAt: new Date("2026-11-02T12:00:00Z"),
    criteriaMet: 0,
    tags: [],
  };

  it("has no contact column without contact details", () => {
    const [header, row] = championExportTable([champion], "en", undefined);
    expect(header).not.toContain("Email");
    expect(header).toHaveLength(15);
    expect(row).toEqual(["Ana", "Person", "PTA", "", "", "", "English", "", "", "", "", "Identified", "2026-11-02", "0", ""]);
  });

  it("adds contact columns, headed in the reader's language, when given", () => {
    const contact = new Map([["c1", { email: "a@x.org", phone: "+1 555", contactOther: null, consentGiven: true, consentAt: null, consentMethod: "email" as const, notes: null }]]);
    const [header, row] = championExportTable([champion], "es", contact);
    expect(header?.slice(15)).toEqual(["Correo electrónico", "Teléfono", "Otro contacto", "Consentimiento", "Fecha del consentimiento", "Forma del consentimiento", "Notas"]);
    expect(row?.slice(15)).toEqual(["a@x.org", "+1 555", "", "Sí", "", "Por correo electrónico", ""]);
    // The spreadsheet writer neutralizes cells a spreadsheet would run as formulas.
    expect(Papa.parse<string[]>(toSpreadsheetCsv([row ?? []]).slice(1).trim()).data[0]?.[16]).toBe("'+1 555");
  });
});
