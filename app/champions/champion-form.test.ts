import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/forms";
import { audienceSizeFromText, CHAMPION_ARRAY_FIELDS, championFieldsSchema, contactFieldsSchema, stageMoveSchema } from "./champion-form";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  return data;
}

const person = { kind: "person", name: "  Ana   Pérez ", role: "", stakeholderGroupId: "", schoolId: "", affiliation: "", reach: "", audienceSize: "", influence: "", support: "", tags: "", notes: "" };

describe("championFieldsSchema", () => {
  it("tidies a minimal entry and records nothing that was left empty", () => {
    expect(parseForm(championFieldsSchema, form(person), CHAMPION_ARRAY_FIELDS)).toEqual({
      ok: true,
      data: {
        kind: "person",
        name: "Ana Pérez",
        role: null,
        stakeholderGroupId: null,
        schoolId: null,
        affiliation: null,
        languages: [],
        reach: null,
        audienceSize: null,
        influence: null,
        support: null,
        tags: [],
        notes: null,
      },
    });
  });

  it("reads ratings, sizes, languages, tags and paragraphs", () => {
    const result = parseForm(
      championFieldsSchema,
      form({ ...person, influence: "4", support: "2", audienceSize: "1 500", languages: ["es", "en", "es"], tags: "faith, Faith, radio", notes: " line one\r\nline two " }),
      CHAMPION_ARRAY_FIELDS,
    );
    expect(result).toMatchObject({ ok: true, data: { influence: 4, support: 2, audienceSize: 1500, languages: ["es", "en"], tags: ["faith", "radio"], notes: "line one\nline two" } });
  });

  it("names each bad field", () => {
    const result = parseForm(
      championFieldsSchema,
      form({ ...person, kind: "robot", name: " ", influence: "9", audienceSize: "many", languages: ["xx"], tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") }),
      CHAMPION_ARRAY_FIELDS,
    );
    expect(result).toEqual({
      ok: false,
      errors: { kind: "invalid", name: "required", influence: "invalidRating", audienceSize: "invalidAudienceSize", languages: "invalid", tags: "tooManyTags" },
    });
  });
});

describe("audienceSizeFromText", () => {
  it("reads whole numbers written with separators", () => {
    expect(audienceSizeFromText("1,200")).toBe(1200);
    expect(audienceSizeFromText("1.200")).toBe(1200);
    expect(audienceSizeFromText("")).toBeNull();
    expect(audienceSizeFromText("-3")).toBe("invalid");
    expect(audienceSizeFromText("99999999999")).toBe("invalid");
  });
});

describe("contactFieldsSchema: the consent rule in the form", () => {
  it("refuses contact details without consent, on the consent field", () => {
    expect(parseForm(contactFieldsSchema, form({ email: "ana@example.org", phone: "", contactOther: "", consentAt: "", consentMethod: "" }))).toEqual({
      ok: false,
      errors: { consentGiven: "consentRequired" },
    });
  });

  it("keeps contact details with a complete consent", () => {
    expect(
      parseForm(contactFieldsSchema, form({ email: " ANA@example.org ", phone: "555 010 2030", consentGiven: "on", consentAt: "2026-01-05", consentMethod: "email" })),
    ).toEqual({
      ok: true,
      data: {
        email: "ana@example.org",
        phone: "555 010 2030",
        contactOther: null,
        consentGiven: true,
        consentAt: new Date("2026-01-05T12:00:00Z"),
        consentMethod: "email",
      },
    });
  });

  it("checks formats before consent", () => {
    expect(parseForm(contactFieldsSchema, form({ email: "nope", phone: "12", consentGiven: "on", consentAt: "05/01/2026", consentMethod: "pigeon" }))).toEqual({
      ok: false,
      errors: { email: "invalidEmail", phone: "invalidPhone", consentAt: "invalidDate", consentMethod: "invalid" },
    });
  });

  it("keeps nothing when nothing is given", () => {
    expect(parseForm(contactFieldsSchema, form({}))).toEqual({
      ok: true,
      data: { email: null, phone: null, contactOther: null, consentGiven: false, consentAt: null, consentMethod: null },
    });
  });
});

describe("stageMoveSchema", () => {
  it("needs a stage and a date; the note is optional", () => {
    expect(parseForm(stageMoveSchema, form({ stage: "invited", at: "2026-11-02", note: "" }))).toEqual({
      ok: true,
      data: { stage: "invited", at: new Date("2026-11-02T12:00:00Z"), note: null },
    });
    expect(parseForm(stageMoveSchema, form({ stage: "famous", at: "", note: "x".repeat(501) }))).toEqual({
      ok: false,
      errors: { stage: "invalid", at: "required", note: "tooLong" },
    });
  });
});
