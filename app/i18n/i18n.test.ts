import { describe, expect, it } from "vitest";
import { catalogues, createTranslator, leafKeys, negotiateLocale } from "./i18n";

describe("catalogues", () => {
  it("has every English key in Spanish, and no Spanish key English lacks", () => {
    const english = leafKeys(catalogues.en).sort();
    const spanish = leafKeys(catalogues.es).sort();
    expect(english.filter((key) => !spanish.includes(key))).toEqual([]);
    expect(spanish.filter((key) => !english.includes(key))).toEqual([]);
  });

  it("keeps every placeholder of a message in its translation", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    const t = { en: createTranslator("en"), es: createTranslator("es") };
    for (const key of leafKeys(catalogues.en)) {
      const english = t.en(key as never);
      expect(placeholders(t.es(key as never)), key).toEqual(placeholders(english));
    }
  });

  it("has no empty message", () => {
    for (const locale of ["en", "es"] as const) {
      const t = createTranslator(locale);
      for (const key of leafKeys(catalogues[locale])) expect(t(key as never).trim(), `${locale}:${key}`).not.toBe("");
    }
  });
});

describe("negotiateLocale", () => {
  it("follows the browser's preference order and quality", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr-FR,es;q=0.5,en;q=0.7")).toBe("en");
    expect(negotiateLocale("de,fr")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("en;q=0,es")).toBe("es");
  });
});

describe("createTranslator", () => {
  it("interpolates values and formats numbers per locale", () => {
    expect(createTranslator("en")("common.signedInAs", { name: "Ana" })).toBe("Signed in as Ana");
    expect(createTranslator("es")("common.validation.tooLong", { max: 1000 })).toBe("Use como máximo 1000 caracteres.");
    expect(createTranslator("en")("common.validation.tooLong", { max: 1000 })).toBe("Use at most 1,000 characters.");
  });
});
