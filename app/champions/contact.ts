import { z } from "zod";
import type { ContactDetails } from "./consent";
import { CONTACT_OTHER_MAX, EMAIL_MAX, PHONE_MAX } from "./champion";

const EMAIL_IN_TEXT = /[^\s@<>()[\],;:"']+@[^\s@<>()[\],;:"']+\.[^\s@<>()[\],;:"']{2,}/;
const PHONE_IN_TEXT = /(?:\+|\()?\d[\d\s().\-/]{5,}\d/;

const emailSchema = z.email();

export function isEmail(text: string): boolean {
  return text.length <= EMAIL_MAX && emailSchema.safeParse(text).success;
}

/** Seven to fifteen digits, written with the usual separators (spaces, dots, dashes, brackets, a leading +). */
export function isPhone(text: string): boolean {
  if (text.length > PHONE_MAX || !/^\+?[\d\s().\-/]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, "").length;
  return digits >= 7 && digits <= 15;
}

/**
 * The contact a workshop participant typed for a nominee ("ana@example.org",
 * "555-0102", "ask for her at the library"): an email address and a phone
 * number are picked out; anything else is kept as it was written.
 */
export function splitContact(text: string | null | undefined): ContactDetails {
  const value = (text ?? "").trim().replace(/\s+/g, " ");
  if (value === "") return { email: null, phone: null, contactOther: null };
  const emailMatch = value.match(EMAIL_IN_TEXT)?.[0];
  const email = emailMatch && isEmail(emailMatch) ? emailMatch.toLowerCase() : null;
  const withoutEmail = email && emailMatch ? value.replace(emailMatch, " ") : value;
  const phoneMatch = withoutEmail.match(PHONE_IN_TEXT)?.[0].trim();
  const phone = phoneMatch && isPhone(phoneMatch) ? phoneMatch : null;
  const leftover = (phone && phoneMatch ? withoutEmail.replace(phoneMatch, " ") : withoutEmail)
    .replace(/\b(or|and|o|y)\b/gi, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
  // Words beside an address or a number ("evenings only") are kept with them, as written.
  return { email, phone, contactOther: leftover === "" ? null : value.slice(0, CONTACT_OTHER_MAX) };
}
