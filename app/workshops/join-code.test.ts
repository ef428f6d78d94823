import { describe, expect, it } from "vitest";
import { excludedCharactersList, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_EXCLUDED, JOIN_CODE_LENGTH, joinCodeSchema, normalizeJoinCode } from "./join-code";

describe("JOIN_CODE_ALPHABET", () => {
  it("leaves out every easily confused character", () => {
    for (const confusing of "0O1IL5S2Z8B") expect(JOIN_CODE_ALPHABET).not.toContain(confusing);
  });

  it("keeps the other uppercase letters and digits, once each", () => {
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET.length).toBe(36 - 11);
  });
});

describe("generateJoinCode", () => {
  it("makes six characters from the alphabet by default", () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normalizeJoinCode(code)).toBe(code);
    }
  });

  it("rarely repeats itself", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateJoinCode()));
    expect(codes.size).toBeGreaterThan(995);
  });

  it("uses the injected random source", () => {
    expect(generateJoinCode(() => 0)).toBe("AAAAAA");
    expect(generateJoinCode(() => 0.999999)).toBe("999999");
    const values = [0, 0.04, 0.08, 0.12, 0.16, 0.2];
    let next = 0;
    expect(generateJoinCode(() => values[next++] ?? 0)).toBe("ACDEFG");
  });

  it("refuses a random source that returns numbers outside [0, 1)", () => {
    expect(() => generateJoinCode(() => 1)).toThrow(RangeError);
    expect(() => generateJoinCode(() => -0.1)).toThrow(RangeError);
    expect(() => generateJoinCode(() => Number.NaN)).toThrow(RangeError);
  });
});

describe("normalizeJoinCode", () => {
  it("trims, uppercases and drops spaces and dashes", () => {
    expect(normalizeJoinCode("  acd-efg ")).toBe("ACDEFG");
    expect(normalizeJoinCode("ACD EFG")).toBe("ACDEFG");
    expect(normalizeJoinCode("a c d – e f g")).toBe("ACDEFG");
    expect(normalizeJoinCode("acd\u00a0efg")).toBe("ACDEFG");
  });

  it("reads full-width characters from phone keyboards", () => {
    expect(normalizeJoinCode("ＡＣＤ３４６")).toBe("ACD346");
  });

  it("returns null for anything that cannot be a code", () => {
    expect(normalizeJoinCode("")).toBeNull();
    expect(normalizeJoinCode("   ")).toBeNull();
    expect(normalizeJoinCode("ACDEF")).toBeNull();
    expect(normalizeJoinCode("ACDEFGH")).toBeNull();
    expect(normalizeJoinCode("ACDEF0")).toBeNull();
    expect(normalizeJoinCode("ACDEFO")).toBeNull();
    expect(normalizeJoinCode("ACD_EF")).toBeNull();
    expect(normalizeJoinCode("ACDÉFG")).toBeNull();
    expect(normalizeJoinCode(`ACDEFG${" ".repeat(100)}`)).toBeNull();
    expect(normalizeJoinCode(null)).toBeNull();
    expect(normalizeJoinCode(undefined)).toBeNull();
  });
});

describe("joinCodeSchema", () => {
  it("produces the normalized code", () => {
    expect(joinCodeSchema.parse(" acd-346 ")).toBe("ACD346");
  });

  it("fails with invalidCode for a bad or missing code", () => {
    for (const input of ["", "hello", "ABCDEF", 123456, null, undefined]) {
      const result = joinCodeSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["invalidCode"]);
    }
  });
});

describe("the characters a code never uses", () => {
  it("are every letter and digit outside the alphabet, named in the reader's language", () => {
    expect(JOIN_CODE_EXCLUDED.join("")).toBe("01258BILOSZ");
    expect(excludedCharactersList("en")).toBe("0, 1, 2, 5, 8, B, I, L, O, S, or Z");
    expect(excludedCharactersList("es")).toBe("0, 1, 2, 5, 8, B, I, L, O, S o Z");
  });

  it("include every character that makes a six-character code invalid", () => {
    for (const character of JOIN_CODE_EXCLUDED) expect(normalizeJoinCode(`KD7FQ${character}`)).toBeNull();
    for (const character of JOIN_CODE_ALPHABET) expect(normalizeJoinCode(`KD7FQ${character}`)).toBe(`KD7FQ${character}`);
  });
});
