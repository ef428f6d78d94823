import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_MAX, joinFormSchema, orderedLanguages, workshopDetailsSchema } from "./workshop-form";

const valid = { title: "Town hall", description: "", scheduledAt: "", timeZone: "UTC", languages: ["es", "en"] };

describe("workshopDetailsSchema", () => {
  const schema = workshopDetailsSchema(["en", "es"]);

  it("tidies the title, keeps the description's lines and orders the languages", () => {
    const parsed = schema.parse({ ...valid, title: "  Town   hall ", description: " Line one\r\nLine two " });
    expect(parsed).toEqual({ title: "Town hall", description: "Line one\nLine two", scheduledAt: null, languages: ["en", "es"] });
  });

  it("reads the date and time in the zone sent with it", () => {
    expect(schema.parse({ ...valid, scheduledAt: "2026-07-15T09:00", timeZone: "Europe/Madrid" }).scheduledAt?.toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(schema.parse({ ...valid, scheduledAt: "2026-07-15T09:00", timeZone: "" }).scheduledAt?.toISOString()).toBe("2026-07-15T09:00:00.000Z");
  });

  it.each([
    [{ title: "" }, "title", "required"],
    [{ title: "x".repeat(121) }, "title", "tooLong"],
    [{ description: "x".repeat(2001) }, "description", "tooLong"],
    [{ languages: [] }, "languages", "languagesRequired"],
    [{ languages: ["en", "de"] }, "languages", "languageNotOffered"],
    [{ scheduledAt: "2026-04-31T10:00" }, "scheduledAt", "invalidDate"],
  ])("reports %j on %s as %s", (change, field, message) => {
    const result = schema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });

  it("accepts only the district's languages", () => {
    const result = workshopDetailsSchema(["en"]).safeParse(valid);
    expect(result.error?.issues[0]?.message).toBe("languageNotOffered");
  });
});

describe("joinFormSchema", () => {
  it("makes an empty display name anonymous and tidies a given one", () => {
    expect(joinFormSchema.parse({ language: "es", stakeholderGroupId: "g1", displayName: "   " }).displayName).toBeNull();
    expect(joinFormSchema.parse({ language: "es", stakeholderGroupId: "g1" }).displayName).toBeNull();
    expect(joinFormSchema.parse({ language: "en", stakeholderGroupId: "g1", displayName: " Ana   Ruiz " }).displayName).toBe("Ana Ruiz");
  });

  it.each([
    [{ stakeholderGroupId: "g1" }, "language", "languageRequired"],
    [{ language: "fr", stakeholderGroupId: "g1" }, "language", "languageRequired"],
    [{ language: "en" }, "stakeholderGroupId", "groupRequired"],
    [{ language: "en", stakeholderGroupId: "" }, "stakeholderGroupId", "groupRequired"],
    [{ language: "en", stakeholderGroupId: "g1", displayName: "x".repeat(DISPLAY_NAME_MAX + 1) }, "displayName", "displayNameTooLong"],
  ])("refuses %j", (input, field, message) => {
    const result = joinFormSchema.safeParse(input);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});

describe("orderedLanguages", () => {
  it("keeps supported languages once each, in the app's order", () => {
    expect(orderedLanguages(["es", "xx", "en", "es"])).toEqual(["en", "es"]);
  });
});
