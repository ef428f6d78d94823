import { describe, expect, it } from "vitest";
import { comparePortraits, diffWords, tokenize, type DiffPart } from "./compare";
import type { Competency, PortraitContent, RichText } from "./document";

function paragraph(text: string): RichText {
  return { type: "doc", content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }] };
}

function competency(id: string, title: string, description = "", high = ""): Competency {
  return { id, title, description: paragraph(description), elementary: paragraph(""), middle: paragraph(""), high: paragraph(high) };
}

function portrait(vision: string, competencies: Competency[]): PortraitContent {
  return { vision: paragraph(vision), competencies };
}

/** Rebuilds both texts from a diff: what a reader sees struck out and underlined must add up. */
function sides(parts: DiffPart[]) {
  return {
    before: parts.filter((p) => p.kind !== "added").map((p) => p.text).join(""),
    after: parts.filter((p) => p.kind !== "removed").map((p) => p.text).join(""),
  };
}

describe("diffWords", () => {
  it("keeps words and spaces so the text can be rebuilt", () => {
    expect(tokenize("Works  well\nwith others")).toEqual(["Works", "  ", "well", "\n", "with", " ", "others"]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize("Ready, for life's next step—together.")).toEqual(["Ready", ",", " ", "for", " ", "life's", " ", "next", " ", "step", "—", "together", "."]);
    expect(tokenize("Niños y niñas")).toEqual(["Niños", " ", "y", " ", "niñas"]);
  });

  it("finds an added, a removed and a replaced word", () => {
    expect(diffWords("Works with others", "Works well with others").parts).toEqual([
      { kind: "same", text: "Works " },
      { kind: "added", text: "well " },
      { kind: "same", text: "with others" },
    ]);
    expect(diffWords("Listens carefully to others", "Listens to others").parts).toEqual([
      { kind: "same", text: "Listens " },
      { kind: "removed", text: "carefully " },
      { kind: "same", text: "to others" },
    ]);
    expect(diffWords("Solves hard problems", "Solves real problems").parts).toEqual([
      { kind: "same", text: "Solves " },
      { kind: "removed", text: "hard" },
      { kind: "added", text: "real" },
      { kind: "same", text: " problems" },
    ]);
  });

  it("reports no change for equal texts and handles empty sides", () => {
    expect(diffWords("Same text", "Same text")).toEqual({ changed: false, parts: [{ kind: "same", text: "Same text" }] });
    expect(diffWords("", "")).toEqual({ changed: false, parts: [] });
    expect(diffWords("", "New words")).toEqual({ changed: true, parts: [{ kind: "added", text: "New words" }] });
    expect(diffWords("Old words", "")).toEqual({ changed: true, parts: [{ kind: "removed", text: "Old words" }] });
  });

  it("always rebuilds both texts, whatever the edit", () => {
    const pairs: [string, string][] = [
      ["a b c d e f", "a x c d y f z"],
      ["the quick brown fox jumps over the lazy dog", "a quick red fox jumped over the dog today"],
      ["one two three", "three two one"],
      ["repeat repeat repeat", "repeat once repeat"],
      ["Graduates communicate clearly in speech and writing.", "Graduates communicate clearly and kindly, in several languages."],
    ];
    for (const [before, after] of pairs) {
      const result = diffWords(before, after);
      expect(sides(result.parts)).toEqual({ before, after });
      expect(result.changed).toBe(before !== after);
    }
  });

  it("finds a minimal edit: one changed word in a long text stays one change", () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const changed = [...words];
    changed[200] = "different";
    const result = diffWords(words.join(" "), changed.join(" "));
    expect(result.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "word200" },
      { kind: "added", text: "different" },
    ]);
  });
});

describe("comparePortraits", () => {
  const older = portrait("Every graduate is ready.", [
    competency("c1", "Collaborator", "Works with others", "Leads a team project"),
    competency("c2", "Critical thinker", "Asks good questions"),
    competency("c3", "Communicator", "Speaks clearly"),
  ]);

  it("tells added, removed, changed and unchanged competencies apart", () => {
    const newer = portrait("Every graduate is ready for life.", [
      competency("c2", "Critical thinker", "Asks good questions"),
      competency("c1", "Collaborator", "Works well with others", "Leads a team project"),
      competency("c4", "Engaged citizen", "Serves the community"),
    ]);
    const result = comparePortraits(older, newer);
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(result.vision.changed).toBe(true);
    expect(result.competencies.map((c) => [c.id, c.status])).toEqual([
      ["c2", "unchanged"],
      ["c3", "removed"],
      ["c1", "changed"],
      ["c4", "added"],
    ]);
    const c1 = result.competencies.find((c) => c.id === "c1")!;
    expect(c1.moved).toBe(true);
    expect(c1.title.changed).toBe(false);
    expect(c1.fields.description.parts).toContainEqual({ kind: "added", text: "well " });
    expect(c1.fields.high.changed).toBe(false);
    const c4 = result.competencies.find((c) => c.id === "c4")!;
    expect(c4.title.parts).toEqual([{ kind: "added", text: "Engaged citizen" }]);
    const c3 = result.competencies.find((c) => c.id === "c3")!;
    expect(c3.fields.description.parts).toEqual([{ kind: "removed", text: "Speaks clearly" }]);
  });

  it("puts a removed competency after the one that preceded it", () => {
    const newer = portrait("Every graduate is ready.", [competency("c1", "Collaborator", "Works with others", "Leads a team project"), competency("c3", "Communicator", "Speaks clearly")]);
    const result = comparePortraits(older, newer);
    expect(result.competencies.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(result.competencies[1]!.status).toBe("removed");
    expect(result.competencies.every((c) => !c.moved)).toBe(true);
  });

  it("finds no change between a Portrait and itself", () => {
    const result = comparePortraits(older, older);
    expect(result.summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 3 });
    expect(result.vision.changed).toBe(false);
  });

  it("compares a renamed competency by its id, as changed", () => {
    const newer = portrait("Every graduate is ready.", [
      competency("c1", "Team player", "Works with others", "Leads a team project"),
      competency("c2", "Critical thinker", "Asks good questions"),
      competency("c3", "Communicator", "Speaks clearly"),
    ]);
    const c1 = comparePortraits(older, newer).competencies[0]!;
    expect(c1.status).toBe("changed");
    expect(c1.title.parts).toEqual([
      { kind: "removed", text: "Collaborator" },
      { kind: "added", text: "Team player" },
    ]);
  });
});
