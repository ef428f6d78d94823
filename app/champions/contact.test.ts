import { describe, expect, it } from "vitest";
import { isEmail, isPhone, splitContact } from "./contact";

describe("splitContact", () => {
  it("reads an email address or a phone number", () => {
    expect(splitContact(" Lucia.H@Example.org ")).toEqual({ email: "lucia.h@example.org", phone: null, contactOther: null });
    expect(splitContact("(555) 010-2030")).toEqual({ email: null, phone: "(555) 010-2030", contactOther: null });
  });

  it("reads both, joined by a word or a comma", () => {
    expect(splitContact("ana@example.org or 555 010 2030")).toEqual({ email: "ana@example.org", phone: "555 010 2030", contactOther: null });
    expect(splitContact("555-010-2030, ana@example.org")).toEqual({ email: "ana@example.org", phone: "555-010-2030", contactOther: null });
  });

  it("keeps anything else as written, with the details it found", () => {
    expect(splitContact("ask for her at the library")).toEqual({ email: null, phone: null, contactOther: "ask for her at the library" });
    expect(splitContact("555 010 2030 evenings only")).toEqual({ email: null, phone: "555 010 2030", contactOther: "555 010 2030 evenings only" });
  });

  it("reads nothing from nothing", () => {
    expect(splitContact(null)).toEqual({ email: null, phone: null, contactOther: null });
    expect(splitContact("   ")).toEqual({ email: null, phone: null, contactOther: null });
  });
});

describe("isEmail and isPhone", () => {
  it("accept usual forms and refuse others", () => {
    expect(isEmail("a@b.org")).toBe(true);
    expect(isEmail("a@b")).toBe(false);
    expect(isPhone("+1 555 010 2030")).toBe(true);
    expect(isPhone("12345")).toBe(false);
    expect(isPhone("call 555 0102")).toBe(false);
  });
});
