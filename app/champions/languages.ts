import { catalogues } from "~/i18n/i18n";

/**
 * Languages a champion may carry the message in: the languages most spoken by
 * families in U.S. school districts, and American Sign Language. Names come
 * from the catalogues (not Intl.DisplayNames), so server and browser agree.
 */
export const CHAMPION_LANGUAGES = [
  "en",
  "es",
  "vi",
  "zh",
  "ar",
  "tl",
  "ko",
  "ru",
  "ht",
  "pt",
  "fr",
  "so",
  "hmn",
  "uk",
  "fa",
  "hi",
  "pa",
  "ne",
  "sw",
  "am",
  "ase",
] as const;

export type ChampionLanguage = (typeof CHAMPION_LANGUAGES)[number];

export function isChampionLanguage(code: string): code is ChampionLanguage {
  return (CHAMPION_LANGUAGES as readonly string[]).includes(code);
}

function squash(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

// Names people write that the catalogues do not use.
const ALIASES: Partial<Record<ChampionLanguage, readonly string[]>> = {
  zh: ["Mandarin", "Cantonese", "Mandarín", "Cantonés"],
  tl: ["Filipino"],
  fa: ["Farsi", "Dari", "Persian", "Persa"],
  ht: ["Kreyòl", "Haitian"],
  ase: ["ASL", "LSA"],
};

const LANGUAGE_BY_NAME = new Map<string, ChampionLanguage>(
  CHAMPION_LANGUAGES.flatMap((code) =>
    [code, catalogues.en.champions.languages[code], catalogues.es.champions.languages[code], ...(ALIASES[code] ?? [])].map(
      (name) => [squash(name), code] as const,
    ),
  ),
);

/** A language named by its code or its English or Spanish name ("es", "Spanish", "Español"); null if unknown. */
export function languageFromText(text: string): ChampionLanguage | null {
  return LANGUAGE_BY_NAME.get(squash(text)) ?? null;
}

/** The languages of a spreadsheet cell ("English; Español"), in the order given, without repeats, or the names not understood. */
export function parseLanguageList(text: string): { ok: true; languages: ChampionLanguage[] } | { ok: false; unknown: string[] } {
  const languages: ChampionLanguage[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[;,|/]/)) {
    const name = part.trim();
    if (name === "") continue;
    const code = languageFromText(name);
    if (!code) unknown.push(name);
    else if (!languages.includes(code)) languages.push(code);
  }
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, languages };
}

/** Languages in the order of CHAMPION_LANGUAGES, keeping only known codes. */
export function orderedLanguages(codes: readonly string[]): ChampionLanguage[] {
  return CHAMPION_LANGUAGES.filter((code) => codes.includes(code));
}
