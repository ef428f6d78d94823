/**
 * Readability of a message as a school grade level, so a family letter is
 * not written at graduate-school level.
 *
 * English: Flesch–Kincaid grade level,
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
 * Spanish: Fernández-Huerta reading ease (Flesch's formula recalibrated for
 * Spanish, with Gwillim Law's correction),
 *   206.84 − 60 × (syllables / words) − 1.02 × (words / sentences),
 * turned into a grade with Flesch's own ease-to-grade table.
 * Syllables are counted with spelling heuristics: close enough for a hint,
 * not a linguist's count.
 */

/** The languages a readability formula exists for here. */
export const READABILITY_LANGUAGES = ["en", "es"] as const;
export type ReadabilityLanguage = (typeof READABILITY_LANGUAGES)[number];
export type ReadabilityFormula = "flesch-kincaid" | "fernandez-huerta";

export type Readability = {
  formula: ReadabilityFormula;
  words: number;
  sentences: number;
  syllables: number;
  /** School grade, one decimal, never below 0. */
  grade: number;
  /** Fernández-Huerta reading ease (0–100, higher is easier); null for English. */
  ease: number | null;
  /** Where the grade falls, for a plain-language hint. */
  band: ReadabilityBand;
};

export type ReadabilityBand = "easy" | "plain" | "demanding" | "hard";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?…;:]+|\n\s*\n/u;

export function words(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => /\p{L}/u.test(word));
}

export function sentenceCount(text: string): number {
  return text.split(SENTENCE_END).filter((part) => words(part).length > 0).length;
}

/** English syllables: vowel groups, less a silent final e / -es / -ed. */
export function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 0);
}

const ES_STRONG = new Set("aeoáéóíú");
const ES_VOWEL = /[aeiouáéíóúü]+/g;

/**
 * Spanish syllables: one per vowel group, plus one for each hiatus (two strong
 * vowels side by side, where an accented í or ú counts as strong). A weak
 * vowel (i, u, ü) beside another vowel forms a diphthong and adds nothing.
 */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase();
  let count = 0;
  for (const run of w.match(ES_VOWEL) ?? []) {
    count += 1;
    for (let index = 1; index < run.length; index += 1) {
      if (ES_STRONG.has(run[index - 1] ?? "") && ES_STRONG.has(run[index] ?? "")) count += 1;
    }
  }
  return Math.max(1, count);
}

/** Flesch's ease-to-grade table, as used for Fernández-Huerta scores. */
export function gradeFromEase(ease: number): number {
  if (ease >= 90) return 4;
  if (ease >= 80) return 5;
  if (ease >= 70) return 6;
  if (ease >= 60) return 8;
  if (ease >= 50) return 11;
  if (ease >= 30) return 14;
  return 17;
}

export function bandOf(grade: number): ReadabilityBand {
  if (grade <= 6) return "easy";
  if (grade <= 8) return "plain";
  if (grade <= 12) return "demanding";
  return "hard";
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The grade level of a text, or null when it has no words. */
export function readability(text: string, language: ReadabilityLanguage): Readability | null {
  const list = words(text);
  if (list.length === 0) return null;
  const sentences = Math.max(1, sentenceCount(text));
  const count = language === "es" ? spanishSyllables : englishSyllables;
  const syllables = list.reduce((total, word) => total + count(word), 0);
  const wordsPerSentence = list.length / sentences;
  const syllablesPerWord = syllables / list.length;
  if (language === "es") {
    const ease = round1(206.84 - 60 * syllablesPerWord - 1.02 * wordsPerSentence);
    const grade = gradeFromEase(ease);
    return { formula: "fernandez-huerta", words: list.length, sentences, syllables, grade, ease, band: bandOf(grade) };
  }
  const grade = Math.max(0, round1(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59));
  return { formula: "flesch-kincaid", words: list.length, sentences, syllables, grade, ease: null, band: bandOf(grade) };
}

/** The formula used for a message language: Spanish has its own; any other language is measured as English. */
export function readabilityLanguage(language: string | null | undefined): ReadabilityLanguage {
  return language === "es" ? "es" : "en";
}
