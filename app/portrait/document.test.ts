import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  addCompetency,
  competencyIds,
  competencyTitle,
  districtIdOfDocument,
  moveCompetency,
  plainText,
  portraitDocumentName,
  readPortrait,
  removeCompetency,
  sanitizeRichText,
  setPlainText,
  writePortrait,
  writeRichText,
  type PortraitContent,
} from "./document";

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

const sample: PortraitContent = {
  vision: paragraph("Every graduate leaves ready for the world."),
  competencies: [
    { id: "c1", title: "Collaborator", description: paragraph("Works with others."), elementary: paragraph("Takes turns."), middle: paragraph("Leads a group."), high: paragraph("Builds teams.") },
    { id: "c2", title: "Critical thinker", description: paragraph("Weighs evidence."), elementary: paragraph("Asks why."), middle: paragraph("Compares sources."), high: paragraph("Argues from evidence.") },
  ],
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("Portrait document", () => {
  test("writes and reads back plain data", () => {
    const doc = new Y.Doc();
    writePortrait(doc, sample);
    expect(readPortrait(doc)).toEqual(sample);
  });

  test("an empty document reads as an empty vision and no competencies", () => {
    const portrait = readPortrait(new Y.Doc());
    expect(portrait.competencies).toEqual([]);
    expect(plainText(portrait.vision)).toBe("");
  });

  test("adds, moves and removes competencies by id", () => {
    const doc = new Y.Doc();
    writePortrait(doc, sample);
    addCompetency(doc, { id: "c3", title: "Communicator", at: 0 });
    expect(competencyIds(doc)).toEqual(["c3", "c1", "c2"]);
    moveCompetency(doc, "c3", 5);
    expect(competencyIds(doc)).toEqual(["c1", "c2", "c3"]);
    removeCompetency(doc, "c1");
    expect(competencyIds(doc)).toEqual(["c2", "c3"]);
    expect(competencyTitle(doc, "c1")?.toString()).toBe("Collaborator");
  });

  test("two people moving the same competency at once leave it in the list once", () => {
    const a = new Y.Doc();
    writePortrait(a, sample);
    addCompetency(a, { id: "c3", title: "Communicator" });
    const b = new Y.Doc();
    sync(a, b);
    moveCompetency(a, "c3", 0);
    moveCompetency(b, "c3", 1);
    sync(a, b);
    expect(competencyIds(a)).toEqual(competencyIds(b));
    expect(competencyIds(a).filter((id) => id === "c3")).toHaveLength(1);
  });

  test("restoring content keeps ids and brings back a removed competency", () => {
    const doc = new Y.Doc();
    writePortrait(doc, sample);
    removeCompetency(doc, "c2");
    setPlainText(competencyTitle(doc, "c1")!, "Collaborative learner");
    writePortrait(doc, sample);
    expect(readPortrait(doc)).toEqual(sample);
  });

  test("setPlainText merges with a concurrent edit instead of overwriting it", () => {
    const a = new Y.Doc();
    writePortrait(a, sample);
    const b = new Y.Doc();
    sync(a, b);
    setPlainText(competencyTitle(a, "c1")!, "Collaborator!");
    setPlainText(competencyTitle(b, "c1")!, "The Collaborator");
    sync(a, b);
    expect(competencyTitle(a, "c1")!.toString()).toBe("The Collaborator!");
    expect(competencyTitle(b, "c1")!.toString()).toBe("The Collaborator!");
  });

  test("rich text outside the schema is refused", () => {
    const doc = new Y.Doc();
    expect(() => writeRichText(doc, "vision", { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] })).toThrow();
    expect(plainText(readPortrait(doc).vision)).toBe("");
  });

  test("plain text keeps one line per block", () => {
    expect(
      plainText({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "One " }, { type: "text", text: "line", marks: [{ type: "bold" }] }] },
          { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Two" }] }] }] },
        ],
      }),
    ).toBe("One line\nTwo");
  });

  test("document names carry the district id and nothing else", () => {
    const id = "cm3abcdefghijklmnopqrstu";
    expect(districtIdOfDocument(portraitDocumentName(id))).toBe(id);
    expect(districtIdOfDocument("portrait:../x")).toBeNull();
    expect(districtIdOfDocument("other:" + id)).toBeNull();
  });
});

describe("sanitizeRichText", () => {
  test("drops unknown nodes, event attributes and javascript: links but keeps the text", () => {
    const dirty = {
      type: "doc",
      content: [
        { type: "script", content: [{ type: "text", text: "alert(1)" }] },
        {
          type: "paragraph",
          attrs: { onclick: "alert(1)" },
          content: [
            { type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)", onmouseover: "x" } }] },
            { type: "text", text: " safe", marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "iframe" }] },
          ],
        },
      ],
    };
    const clean = sanitizeRichText(dirty);
    expect(JSON.stringify(clean)).not.toMatch(/javascript|onclick|onmouseover|script|iframe/);
    expect(plainText(clean)).toBe("alert(1)\nclick safe");
    expect(clean.content?.[1]).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "click" },
        { type: "text", text: " safe", marks: [{ type: "link", attrs: { href: "https://example.org" } }] },
      ],
    });
  });

  test("an update sent straight to Yjs, past any editor, is cleaned when read", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("vision");
    const evil = new Y.XmlElement("img");
    evil.setAttribute("onerror", "alert(1)");
    evil.setAttribute("src", "x");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("hello")]);
    fragment.insert(0, [evil, paragraph]);
    const vision = readPortrait(doc).vision;
    expect(JSON.stringify(vision)).not.toMatch(/img|onerror/);
    expect(plainText(vision)).toBe("hello");
  });
});
