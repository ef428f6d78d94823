import { describe, expect, it } from "vitest";
import { districtProfileSchema } from "./district-profile";

const problems = (input: unknown) =>
  Object.fromEntries((districtProfileSchema.safeParse(input).error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("districtProfileSchema", () => {
  it("keeps each offered language once, in the app's order", () => {
    expect(districtProfileSchema.parse({ name: " Lakeside  Unified ", languages: ["es", "en", "es"], defaultLanguage: "es" })).toEqual({
      name: "Lakeside Unified",
      languages: ["en", "es"],
      defaultLanguage: "es",
    });
  });

  it("needs a language, and a default among the offered ones", () => {
    expect(problems({ name: "L", languages: [], defaultLanguage: "en" })).toEqual({ languages: "languagesRequired" });
    expect(problems({ name: "L", languages: ["en"], defaultLanguage: "es" })).toEqual({ defaultLanguage: "defaultNotOffered" });
    expect(problems({ name: "L", languages: ["de"], defaultLanguage: "de" })).toEqual({ languages: "invalid", defaultLanguage: "required" });
  });

  it("needs a name of at most 120 characters", () => {
    expect(problems({ name: "  ", languages: ["en"], defaultLanguage: "en" })).toEqual({ name: "required" });
    expect(problems({ name: "x".repeat(121), languages: ["en"], defaultLanguage: "en" })).toEqual({ name: "tooLong" });
  });
});
