import { describe, expect, it } from "vitest";
import { checkContactConsent, hasContactDetails, NO_CONTACT } from "./consent";

const NOW = new Date("2026-11-20T12:00:00Z");
const contact = { email: "ana@example.org", phone: null, contactOther: null };
const noContact = { email: null, phone: null, contactOther: null };
const consent = { consentGiven: true, consentAt: new Date("2026-11-01T12:00:00Z"), consentMethod: "in_person" as const };
const noConsent = { consentGiven: false, consentAt: null, consentMethod: null };

describe("checkContactConsent", () => {
  it("refuses any contact detail without consent", () => {
    expect(checkContactConsent(contact, noConsent, NOW)).toEqual({ ok: false, problems: { consentGiven: "consentRequired" } });
    expect(checkContactConsent({ ...noContact, phone: "555 010 2030" }, noConsent, NOW)).toMatchObject({ ok: false });
    expect(checkContactConsent({ ...noContact, contactOther: "at the library" }, noConsent, NOW)).toMatchObject({ ok: false });
  });

  it("stores contact details with a complete consent", () => {
    expect(checkContactConsent(contact, consent, NOW)).toEqual({ ok: true, value: { ...contact, ...consent } });
  });

  it("needs the date and the way consent was given", () => {
    expect(checkContactConsent(contact, { ...consent, consentAt: null, consentMethod: null }, NOW)).toEqual({
      ok: false,
      problems: { consentAt: "consentDateRequired", consentMethod: "consentMethodRequired" },
    });
  });

  it("refuses a consent date in the future, with a day's slack for time zones", () => {
    expect(checkContactConsent(contact, { ...consent, consentAt: new Date("2026-11-23T12:00:00Z") }, NOW)).toEqual({
      ok: false,
      problems: { consentAt: "consentDateInFuture" },
    });
    expect(checkContactConsent(contact, { ...consent, consentAt: new Date("2026-11-21T12:00:00Z") }, NOW)).toMatchObject({ ok: true });
  });

  it("keeps a consent without details, and stores nothing at all without consent", () => {
    expect(checkContactConsent(noContact, consent, NOW)).toEqual({ ok: true, value: { ...noContact, ...consent } });
    // A date or method left in the form without the consent box is not kept.
    expect(checkContactConsent(noContact, { ...consent, consentGiven: false }, NOW)).toEqual({ ok: true, value: NO_CONTACT });
  });
});

describe("hasContactDetails", () => {
  it("is true when any detail is there", () => {
    expect(hasContactDetails(noContact)).toBe(false);
    expect(hasContactDetails({ ...noContact, contactOther: "x" })).toBe(true);
  });
});
