import type { ConsentMethod } from "~/generated/prisma/enums";

export type ContactDetails = { email: string | null; phone: string | null; contactOther: string | null };

export type ConsentRecord = { consentGiven: boolean; consentAt: Date | null; consentMethod: ConsentMethod | null };

export type ContactConsentProblem = "consentRequired" | "consentDateRequired" | "consentDateInFuture" | "consentMethodRequired";

export const NO_CONTACT: ContactDetails & ConsentRecord = {
  email: null,
  phone: null,
  contactOther: null,
  consentGiven: false,
  consentAt: null,
  consentMethod: null,
};

export function hasContactDetails(contact: ContactDetails): boolean {
  return Boolean(contact.email || contact.phone || contact.contactOther);
}

// A date typed in the browser's time zone may be "tomorrow" in UTC for a few hours.
const CLOCK_SLACK_MS = 36 * 60 * 60 * 1000;

/**
 * The consent rule: contact details are stored only with a recorded consent
 * (given, when, and how). Without consent nothing about contact is stored;
 * with consent but no details, the consent is kept so that details can follow.
 * Problems name the form field they belong to.
 */
export function checkContactConsent(
  contact: ContactDetails,
  consent: ConsentRecord,
  now: Date = new Date(),
): { ok: true; value: ContactDetails & ConsentRecord } | { ok: false; problems: Partial<Record<"consentGiven" | "consentAt" | "consentMethod", ContactConsentProblem>> } {
  if (!consent.consentGiven) {
    if (hasContactDetails(contact)) return { ok: false, problems: { consentGiven: "consentRequired" } };
    return { ok: true, value: NO_CONTACT };
  }
  const problems: Partial<Record<"consentAt" | "consentMethod", ContactConsentProblem>> = {};
  if (!consent.consentAt) problems.consentAt = "consentDateRequired";
  else if (consent.consentAt.getTime() > now.getTime() + CLOCK_SLACK_MS) problems.consentAt = "consentDateInFuture";
  if (!consent.consentMethod) problems.consentMethod = "consentMethodRequired";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { ...contact, ...consent } };
}
