import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/forms";
import { monthDays, parseMonth, shiftMonth } from "./calendar";
import { canMoveTo, communicationSchema, houseSchema, nextStatuses, planSchema, PLAN_ARRAY_FIELDS, proofPointSchema } from "./plan";

function form(fields: Record<string, string | string[]>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return body;
}

describe("communication status", () => {
  it("moves forward one step at a time and can take back an approval", () => {
    expect(nextStatuses("draft")).toEqual(["approved"]);
    expect(canMoveTo("approved", "sent")).toBe(true);
    expect(canMoveTo("approved", "draft")).toBe(true);
  });
  it("never skips approval and never unsends", () => {
    expect(canMoveTo("draft", "sent")).toBe(false);
    expect(canMoveTo("sent", "approved")).toBe(false);
    expect(canMoveTo("sent", "draft")).toBe(false);
    expect(canMoveTo("draft", "draft")).toBe(false);
  });
});

describe("message house form", () => {
  const titles = (...list: string[]) => form({ coreMessage: "Every child ready.", pillarIds: list.map(() => ""), pillarTitles: list });
  it("keeps three to five filled-in pillars, in order", () => {
    const result = parseForm(houseSchema, titles("A", "", " B  c ", "D", ""), ["pillarIds", "pillarTitles"]);
    expect(result).toEqual({ ok: true, data: { coreMessage: "Every child ready.", pillars: [{ id: null, title: "A" }, { id: null, title: "B c" }, { id: null, title: "D" }] } });
  });
  it("refuses fewer than three or more than five pillars", () => {
    expect(parseForm(houseSchema, titles("A", "B", "", "", ""), ["pillarIds", "pillarTitles"])).toEqual({ ok: false, errors: { pillarTitles: "messages.errors.pillarCount" } });
    expect(parseForm(houseSchema, titles("A", "B", "C", "D", "E", "F"), ["pillarIds", "pillarTitles"])).toMatchObject({ ok: false, errors: { pillarTitles: "messages.errors.pillarCount" } });
  });
  it("needs a core message", () => {
    expect(parseForm(houseSchema, form({ coreMessage: "  ", pillarTitles: ["A", "B", "C"] }), ["pillarIds", "pillarTitles"])).toMatchObject({ ok: false, errors: { coreMessage: "messages.errors.coreMessageRequired" } });
  });
});

describe("proof points", () => {
  it("needs a picked competency or idea, or text for other evidence", () => {
    expect(proofPointSchema.safeParse({ kind: "idea", pillarId: "p", refId: "" }).success).toBe(false);
    expect(proofPointSchema.safeParse({ kind: "readiness", pillarId: "p", text: " ", source: "" }).success).toBe(false);
    expect(proofPointSchema.parse({ kind: "other", pillarId: "p", text: "92% attend", source: "" })).toEqual({ kind: "other", pillarId: "p", text: "92% attend", source: null });
    expect(proofPointSchema.safeParse({ kind: "rumour", pillarId: "p", text: "x" }).success).toBe(false);
  });
});

describe("audience plan form", () => {
  it("accepts known channels and languages, once each", () => {
    const result = parseForm(planSchema, form({ message: "Hi", callToAction: "Come", channels: ["newsletter", "newsletter"], languages: ["es"], messengerIds: [] }), PLAN_ARRAY_FIELDS);
    expect(result).toMatchObject({ ok: true, data: { channels: ["newsletter"], languages: ["es"], messengerIds: [] } });
  });
  it("refuses an unknown channel or language", () => {
    expect(parseForm(planSchema, form({ message: "", callToAction: "", channels: ["carrier_pigeon"] }), PLAN_ARRAY_FIELDS)).toMatchObject({ ok: false, errors: { channels: "messages.errors.channel" } });
    expect(parseForm(planSchema, form({ message: "", callToAction: "", languages: ["klingon"] }), PLAN_ARRAY_FIELDS)).toMatchObject({ ok: false, errors: { languages: "messages.errors.language" } });
  });
  it("keeps the language the message is written in only when a readability formula exists for it", () => {
    expect(parseForm(planSchema, form({ message: "Hola", callToAction: "", messageLanguage: "es" }), PLAN_ARRAY_FIELDS)).toMatchObject({ ok: true, data: { messageLanguage: "es" } });
    expect(parseForm(planSchema, form({ message: "Hi", callToAction: "" }), PLAN_ARRAY_FIELDS)).toMatchObject({ ok: true, data: { messageLanguage: null } });
    expect(parseForm(planSchema, form({ message: "Salut", callToAction: "", messageLanguage: "fr" }), PLAN_ARRAY_FIELDS)).toMatchObject({ ok: false, errors: { messageLanguage: "messages.errors.messageLanguage" } });
  });
});

describe("communication form", () => {
  const base = { audienceId: "a1", date: "2026-12-03", title: "Winter newsletter", channel: "newsletter", championId: "", language: "es", owner: "" };
  it("reads a valid item", () => {
    expect(communicationSchema.parse(base)).toEqual({ ...base, date: new Date("2026-12-03T00:00:00Z"), championId: null, owner: null });
  });
  it.each(["2026-02-30", "03/12/2026", "", "1899-01-01", "2026-13-01"])("refuses the date %j", (date) => {
    expect(parseForm(communicationSchema, form({ ...base, date }))).toMatchObject({ ok: false, errors: { date: "messages.errors.date" } });
  });
});

describe("calendar months", () => {
  it("parses a month or falls back to today's", () => {
    const today = new Date("2026-11-23T12:00:00Z");
    expect(parseMonth("2027-02", today)).toBe("2027-02");
    expect(parseMonth("2027-13", today)).toBe("2026-11");
    expect(parseMonth(null, today)).toBe("2026-11");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });
  it("groups a month's items by day, in order", () => {
    const items = [{ date: "2026-12-10", id: "b" }, { date: "2026-12-03", id: "a" }, { date: "2026-12-10", id: "c" }, { date: "2027-01-01", id: "x" }];
    expect(monthDays("2026-12", items)).toEqual([
      { date: "2026-12-03", items: [{ date: "2026-12-03", id: "a" }] },
      { date: "2026-12-10", items: [{ date: "2026-12-10", id: "b" }, { date: "2026-12-10", id: "c" }] },
    ]);
  });
});
