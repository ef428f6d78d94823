import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/forms";
import {
  actionItemFieldsSchema,
  consensusFieldsSchema,
  cycleFieldsSchema,
  dateOnlyValue,
  indicatorFieldsSchema,
  parseDateOnly,
  parseLinks,
  ratingEntriesFromForm,
} from "./forms";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

describe("dates", () => {
  it("reads real days only, at midnight UTC", () => {
    expect(parseDateOnly("2026-12-11")?.toISOString()).toBe("2026-12-11T00:00:00.000Z");
    expect(parseDateOnly("2026-02-30")).toBeNull();
    expect(parseDateOnly("11/12/2026")).toBeNull();
    expect(parseDateOnly("1999-01-01")).toBeNull();
    expect(dateOnlyValue(new Date("2026-05-15T00:00:00Z"))).toBe("2026-05-15");
  });
});

describe("cycleFieldsSchema", () => {
  const schema = cycleFieldsSchema("2026-11-20");
  const valid = { name: "  Fall   2026 ", frameworkId: "fw1", schoolIds: ["a", "b"], dueDate: "2026-12-11" };

  it("tidies the name and reads the due date", () => {
    const parsed = parseForm(schema, form(valid), ["schoolIds"]);
    expect(parsed).toEqual({ ok: true, data: { name: "Fall 2026", frameworkId: "fw1", schoolIds: ["a", "b"], dueDate: new Date("2026-12-11T00:00:00Z") } });
  });

  it("needs a school, a real due date not in the past, and a name", () => {
    const parsed = parseForm(schema, form({ ...valid, name: " ", schoolIds: [], dueDate: "2026-13-01" }), ["schoolIds"]);
    expect(parsed).toEqual({ ok: false, errors: { name: "required", schoolIds: "schoolsRequired", dueDate: "invalidDate" } });
    expect(parseForm(schema, form({ ...valid, dueDate: "2026-11-01" }), ["schoolIds"])).toEqual({ ok: false, errors: { dueDate: "dueInPast" } });
    expect(parseForm(schema, form({ ...valid, dueDate: "2026-11-19" }), ["schoolIds"]).ok).toBe(true);
  });
});

describe("ratingEntriesFromForm", () => {
  it("collects each indicator's level, note and links", () => {
    const parsed = ratingEntriesFromForm(
      form({ intent: "save", "level-ind1": "3", "note-ind1": " We pair every student \r\n with a mentor ", "links-ind1": "https://a.example/x\nhttps://a.example/x http://b.example", "level-ind2": "", "note-ind2": "thinking" }),
    );
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { indicatorId: "ind1", level: 3, note: "We pair every student \n with a mentor", links: ["https://a.example/x", "http://b.example"] },
        { indicatorId: "ind2", level: null, note: "thinking" },
      ],
    });
  });

  it("leaves out a note or links the form did not send, so they are kept", () => {
    expect(ratingEntriesFromForm(form({ "level-ind1": "2" }))).toEqual({ ok: true, entries: [{ indicatorId: "ind1", level: 2 }] });
    expect(ratingEntriesFromForm(form({ "level-ind1": "2", "note-ind1": "", "links-ind1": "" }))).toEqual({
      ok: true,
      entries: [{ indicatorId: "ind1", level: 2, note: "", links: [] }],
    });
  });

  it("refuses levels outside 1–4, bad links and too long notes, by indicator", () => {
    for (const level of ["0", "5", "-1", "2.5", "three", "44"]) {
      expect(ratingEntriesFromForm(form({ "level-ind1": level }))).toEqual({ ok: false, errors: { ind1: "level" } });
    }
    expect(ratingEntriesFromForm(form({ "links-ind1": "javascript:alert(1)" }))).toEqual({ ok: false, errors: { ind1: "link" } });
    expect(ratingEntriesFromForm(form({ "links-ind1": "not a link" }))).toEqual({ ok: false, errors: { ind1: "link" } });
    expect(ratingEntriesFromForm(form({ "note-ind1": "x".repeat(2001) }))).toEqual({ ok: false, errors: { ind1: "noteTooLong" } });
  });

  it("refuses indicator ids that cannot be ids", () => {
    expect(ratingEntriesFromForm(form({ "level-../../etc": "2" }))).toEqual({ ok: false, errors: { form: "unknownIndicator" } });
  });
});

describe("parseLinks", () => {
  it("allows at most five http(s) links", () => {
    expect(parseLinks("")).toEqual({ ok: true, links: [] });
    expect(parseLinks(Array.from({ length: 6 }, (_, i) => `https://e.example/${i}`).join("\n"))).toEqual({ ok: false, error: "tooManyLinks" });
    expect(parseLinks("ftp://e.example/file")).toEqual({ ok: false, error: "link" });
  });
});

describe("consensus and action items", () => {
  it("needs a level from 1 to 4 for a consensus", () => {
    expect(parseForm(consensusFieldsSchema, form({ indicatorId: "i1", level: "4", rationale: " because " }))).toEqual({
      ok: true,
      data: { indicatorId: "i1", level: 4, rationale: "because" },
    });
    for (const level of ["", "0", "5", "x"]) {
      expect(parseForm(consensusFieldsSchema, form({ indicatorId: "i1", level }))).toEqual({ ok: false, errors: { level: "level" } });
    }
  });

  it("reads an action item with an optional due date and growth area", () => {
    expect(parseForm(actionItemFieldsSchema, form({ what: "Mentor pairs", owner: "Ana", dueDate: "", status: "planned", indicatorId: "" }))).toEqual({
      ok: true,
      data: { what: "Mentor pairs", owner: "Ana", dueDate: null, status: "planned", indicatorId: null },
    });
    expect(parseForm(actionItemFieldsSchema, form({ what: "", owner: "", dueDate: "soon", status: "someday" }))).toEqual({
      ok: false,
      errors: { what: "required", owner: "required", dueDate: "invalidDate", status: "invalid" },
    });
  });

  it("needs every part of an indicator", () => {
    const parsed = parseForm(indicatorFieldsSchema, form({ title: "Belonging", statement: "Every learner belongs.", notYet: "a", emerging: "b", developing: "", established: "d" }));
    expect(parsed).toEqual({ ok: false, errors: { developing: "required" } });
  });
});
