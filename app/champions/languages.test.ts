import { describe, expect, it } from "vitest";
import { languageFromText, orderedLanguages, parseLanguageList } from "./languages";

describe("languages", () => {
  it("are read by code, English or Spanish name, or a common alias", () => {
    expect(languageFromText("es")).toBe("es");
    expect(languageFromText("SPANISH")).toBe("es");
    expect(languageFromText("Español")).toBe("es");
    expect(languageFromText("vietnamita")).toBe("vi");
    expect(languageFromText("Mandarin")).toBe("zh");
    expect(languageFromText("ASL")).toBe("ase");
    expect(languageFromText("Elvish")).toBeNull();
  });

  it("come from a cell in the order given, once each, or name what was not understood", () => {
    expect(parseLanguageList("Spanish; english, es | Somali")).toEqual({ ok: true, languages: ["es", "en", "so"] });
    expect(parseLanguageList("")).toEqual({ ok: true, languages: [] });
    expect(parseLanguageList("Spanish; Elvish; Dothraki")).toEqual({ ok: false, unknown: ["Elvish", "Dothraki"] });
  });

  it("are listed in a stable order", () => {
    expect(orderedLanguages(["so", "xx", "es", "en"])).toEqual(["en", "es", "so"]);
  });
});
