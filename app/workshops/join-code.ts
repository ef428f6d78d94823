import { z } from "zod";

/**
 * Uppercase letters and digits without the characters people mix up when they
 * read a code off a projector or type it on a phone: 0/O, 1/I/L, 5/S, 2/Z, 8/B.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** The letters and digits a code never uses, digits first: what the page names when a typed code has one. */
export const JOIN_CODE_EXCLUDED = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter((character) => !JOIN_CODE_ALPHABET.includes(character));

/** "0, 1, 2, 5, 8, B, I, L, O, S or Z" in the reader's language. */
export function excludedCharactersList(locale: string): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(JOIN_CODE_EXCLUDED);
}
export const JOIN_CODE_LENGTH = 6;

// Longer input is not a mistyped code; it is never worth normalizing.
const MAX_INPUT_LENGTH = 64;
const SEPARATORS = /[\s\-‐‑‒–—―]/gu;
const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A new random join code. `random` returns numbers in [0, 1) like Math.random
 * and is there for tests; by default the code comes from the platform's
 * cryptographic generator, so codes cannot be guessed from earlier ones.
 */
export function generateJoinCode(random?: () => number): string {
  const pick = random ? indexFrom(random) : cryptoIndex;
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[pick()];
  return code;
}

function indexFrom(random: () => number): () => number {
  return () => {
    const value = random();
    if (!Number.isFinite(value) || value < 0 || value >= 1) {
      throw new RangeError(`random() must return a number in [0, 1), got ${value}`);
    }
    return Math.floor(value * JOIN_CODE_ALPHABET.length);
  };
}

// Bytes at or above the largest multiple of the alphabet's size are drawn again, so no character is more likely than another.
const UNBIASED_BYTE_LIMIT = 256 - (256 % JOIN_CODE_ALPHABET.length);

function cryptoIndex(): number {
  const byte = new Uint8Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(byte);
    const value = byte[0] ?? 0;
    if (value < UNBIASED_BYTE_LIMIT) return value % JOIN_CODE_ALPHABET.length;
  }
}

/**
 * The join code a person meant when typing `input` ("abc-dfg", " ABC DFG "),
 * or null when it cannot be one: participants type codes on phones, with
 * autocapitalisation, spaces and dashes.
 */
export function normalizeJoinCode(input: string | null | undefined): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  // NFKC turns full-width letters from some phone keyboards into plain ones.
  const code = input.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** A join code from a form or URL: yields the normalized code or fails with the message key "invalidCode". */
export const joinCodeSchema = z.string({ error: "invalidCode" }).transform((input, ctx) => {
  const code = normalizeJoinCode(input);
  if (code === null) {
    ctx.addIssue({ code: "custom", message: "invalidCode" });
    return z.NEVER;
  }
  return code;
});
