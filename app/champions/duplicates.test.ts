import { describe, expect, it } from "vitest";
import { duplicateFlags, duplicateReasons, findPossibleDuplicates, normaliseEmail, normaliseName, normalisePhone } from "./duplicates";

describe("normalising", () => {
  it("names lose case, accents and punctuation", () => {
    expect(normaliseName("  Pérez-Soto,  ANA ")).toBe("perez soto ana");
    expect(normaliseName("Nguyễn Thị Lan")).toBe("nguyen thi lan");
  });

  it("emails lose case and spaces; text without @ is no email", () => {
    expect(normaliseEmail(" Ana@Example.ORG ")).toBe("ana@example.org");
    expect(normaliseEmail("not an email")).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });

  it("phones keep their last ten digits; short numbers identify nothing", () => {
    expect(normalisePhone("+1 (555) 010-2030")).toBe("5550102030");
    expect(normalisePhone("555.010.2030")).toBe("5550102030");
    expect(normalisePhone("010-2030")).toBe("0102030");
    expect(normalisePhone("ext 12")).toBeNull();
  });
});

describe("duplicateReasons", () => {
  it("finds the same name in any word order, case or accents", () => {
    expect(duplicateReasons({ name: "Ana Pérez" }, { name: "PEREZ, Ana" })).toEqual(["sameName"]);
  });

  it("finds similar names: a typo in a long enough name, or a middle name", () => {
    expect(duplicateReasons({ name: "Ana Perez" }, { name: "Ana Peres" })).toEqual(["similarName"]);
    expect(duplicateReasons({ name: "Marcus Washington" }, { name: "Markus Washingten" })).toEqual(["similarName"]);
    expect(duplicateReasons({ name: "Ana Pérez" }, { name: "Ana María Pérez" })).toEqual(["similarName"]);
    expect(duplicateReasons({ name: "Riverbend Rotary" }, { name: "Rotary Club of Riverbend" })).toEqual(["similarName"]);
  });

  it("does not confuse short or different names", () => {
    expect(duplicateReasons({ name: "Ana" }, { name: "Ava" })).toEqual([]);
    expect(duplicateReasons({ name: "Ana" }, { name: "Ana Pérez" })).toEqual([]);
    expect(duplicateReasons({ name: "Grace Kim" }, { name: "Grace Lee" })).toEqual([]);
  });

  it("finds the same email or phone whatever the names", () => {
    expect(duplicateReasons({ name: "A. Pérez", email: "ANA@example.org" }, { name: "Ana", email: "ana@example.org" })).toEqual(["sameEmail"]);
    expect(duplicateReasons({ name: "X", phone: "(555) 010-2030" }, { name: "Y", phone: "+1 555 010 2030" })).toEqual(["samePhone"]);
    expect(duplicateReasons({ name: "Ana Pérez", email: "a@x.org", phone: "5550102030" }, { name: "ana perez", email: "a@x.org", phone: "555-010-2030" })).toEqual([
      "sameName",
      "sameEmail",
      "samePhone",
    ]);
  });

  it("never matches on missing details", () => {
    expect(duplicateReasons({ name: "A", email: null, phone: null }, { name: "B", email: null, phone: "" })).toEqual([]);
  });
});

describe("findPossibleDuplicates", () => {
  it("lists the matches, strongest first", () => {
    const people = [
      { id: "1", name: "Ana Peres" },
      { id: "2", name: "Someone Else", email: "ana@example.org" },
      { id: "3", name: "Bob Stone" },
    ];
    expect(findPossibleDuplicates({ name: "Ana Perez", email: "ana@example.org" }, people)).toEqual([
      { id: "2", reasons: ["sameEmail"] },
      { id: "1", reasons: ["similarName"] },
    ]);
  });
});

describe("duplicateFlags", () => {
  it("flags both people of every likely pair", () => {
    const flags = duplicateFlags([
      { id: "a", name: "Lucía Hernández" },
      { id: "b", name: "Lucia Hernandez" },
      { id: "c", name: "Tom Alvarez", phone: "555-0101-22" },
      { id: "d", name: "Tomas Alvarez Jr", phone: "555 0101 22" },
      { id: "e", name: "Grace Kim" },
    ]);
    expect(flags.get("a")).toEqual([{ id: "b", reasons: ["sameName"] }]);
    expect(flags.get("b")).toEqual([{ id: "a", reasons: ["sameName"] }]);
    expect(flags.get("c")).toEqual([{ id: "d", reasons: ["samePhone"] }]);
    expect(flags.has("e")).toBe(false);
  });
});
