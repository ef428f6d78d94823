import { describe, expect, it } from "vitest";
import { bandOf, englishSyllables, gradeFromEase, readability, sentenceCount, spanishSyllables, words } from "./readability";

describe("English syllables", () => {
  it.each([
    ["cat", 1],
    ["the", 1],
    ["school", 1],
    ["table", 2],
    ["children", 2],
    ["learning", 2],
    ["family", 3],
    ["readable", 3],
    ["community", 4],
    ["education", 4],
    ["make", 1],
    ["yellow", 2],
  ])("%s has %i", (word, expected) => {
    expect(englishSyllables(word)).toBe(expected);
  });
});

describe("Spanish syllables", () => {
  it.each([
    ["casa", 2],
    ["y", 1],
    ["familia", 3],
    ["escuela", 3],
    ["día", 2],
    ["país", 2],
    ["leer", 2],
    ["educación", 4],
    ["comunidad", 4],
    ["estudiantes", 4],
    ["ciudad", 2],
    ["que", 1],
  ])("%s has %i", (word, expected) => {
    expect(spanishSyllables(word)).toBe(expected);
  });
});

describe("words and sentences", () => {
  it("counts words with apostrophes and hyphens as one, ignores numbers alone and punctuation", () => {
    expect(words("Don't miss the back-to-school night — 6 pm!")).toEqual(["Don't", "miss", "the", "back-to-school", "night", "pm"]);
  });
  it("ends sentences at stops, questions and exclamations, including Spanish opening marks", () => {
    expect(sentenceCount("Come in. ¿Tienes preguntas? Yes! ")).toBe(3);
    expect(sentenceCount("No stop at all")).toBe(1);
  });
});

describe("Flesch–Kincaid grade (English)", () => {
  it("computes the formula from words, sentences and syllables", () => {
    const result = readability("Our schools help every child. Come and see them.", "en");
    expect(result).toMatchObject({ formula: "flesch-kincaid", words: 9, sentences: 2 });
    const r = result!;
    expect(r.grade).toBeCloseTo(Math.max(0, 0.39 * (r.words / r.sentences) + 11.8 * (r.syllables / r.words) - 15.59), 1);
    expect(r.band).toBe("easy");
  });

  it("never goes below grade 0 for very short words", () => {
    expect(readability("The cat sat on the mat.", "en")).toMatchObject({ words: 6, syllables: 6, grade: 0 });
  });

  it("rates a long academic sentence far above a family-friendly one", () => {
    const academic =
      "Comprehensive implementation of interdisciplinary competency-based educational frameworks necessitates substantial organizational transformation across institutional stakeholders.";
    const plain = "We want every child to love learning. Tell us what you think.";
    const hard = readability(academic, "en")!;
    const easy = readability(plain, "en")!;
    expect(hard.grade).toBeGreaterThan(16);
    expect(hard.band).toBe("hard");
    expect(easy.grade).toBeLessThan(6);
  });

  it("gives nothing for an empty message", () => {
    expect(readability("  … ", "en")).toBeNull();
  });
});

describe("Fernández-Huerta (Spanish)", () => {
  it("computes the ease score and a grade from Flesch's table", () => {
    const result = readability("Queremos que cada niño aprenda. Venga a la reunión.", "es")!;
    // 9 words, 2 sentences, syllables: que-re-mos 3, que 1, ca-da 2, ni-ño 2, a-pren-da 3, ven-ga 2, a 1, la 1, reu-nión 2 = 17
    expect(result).toMatchObject({ formula: "fernandez-huerta", words: 9, sentences: 2, syllables: 17 });
    expect(result.ease).toBeCloseTo(206.84 - 60 * (17 / 9) - 1.02 * 4.5, 1);
    expect(result.grade).toBe(gradeFromEase(result.ease!));
    expect(result.grade).toBeLessThanOrEqual(6);
  });

  it("grades dense administrative Spanish as hard", () => {
    const text =
      "La implementación institucional de metodologías interdisciplinarias requiere una transformación organizacional considerablemente exhaustiva.";
    expect(readability(text, "es")!.band).toBe("hard");
  });

  it("maps ease to grades", () => {
    expect([95, 85, 75, 65, 55, 40, 10].map(gradeFromEase)).toEqual([4, 5, 6, 8, 11, 14, 17]);
  });
});

describe("bands", () => {
  it("calls grade 6 easy, 8 plain, 12 demanding and above hard", () => {
    expect([6, 6.1, 8, 12, 12.1].map(bandOf)).toEqual(["easy", "plain", "plain", "demanding", "hard"]);
  });
});
