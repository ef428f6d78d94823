import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorPassage, resolvePassage, type PassageAnchor } from "./comment-anchor";
import { VISION_FIELD, writeRichText } from "./document";
import { portraitSchema } from "./editor-schema";

function setup(text: string) {
  const doc = new Y.Doc();
  writeRichText(doc, VISION_FIELD, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const fragment = doc.getXmlFragment(VISION_FIELD);
  return { doc, fragment, paragraph: (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText };
}

/** The editor's view of the field now: its document and the Yjs → editor mapping, as the editor binding keeps them. */
function view(fragment: Y.XmlFragment) {
  return initProseMirrorDoc(fragment, portraitSchema());
}

function anchorText(fragment: Y.XmlFragment, passage: string): PassageAnchor {
  const { doc, mapping } = view(fragment);
  const offset = doc.textContent.indexOf(passage);
  // Position 1 is the first character of the first paragraph.
  return anchorPassage(fragment, mapping, 1 + offset, 1 + offset + passage.length);
}

function quoted(fragment: Y.XmlFragment, anchor: PassageAnchor): string | null {
  const { doc, mapping } = view(fragment);
  const range = resolvePassage(fragment, mapping, anchor);
  return range ? doc.textBetween(range.from, range.to) : null;
}

describe("comment anchors", () => {
  it("resolve to the passage they were made on", () => {
    const { fragment } = setup("Graduates work well with others.");
    expect(quoted(fragment, anchorText(fragment, "work well"))).toBe("work well");
  });

  it("follow the passage when text is typed before it, inside it and just around it", () => {
    const { fragment, paragraph } = setup("Graduates work well with others.");
    const anchor = anchorText(fragment, "work well");
    paragraph.insert(0, "All ");
    expect(quoted(fragment, anchor)).toBe("work well");
    paragraph.insert("All Graduates work ".length, "very ");
    expect(quoted(fragment, anchor)).toBe("work very well");
    // Typed right before its first or after its last character: outside the passage.
    paragraph.insert("All Graduates ".length, "can ");
    paragraph.insert("All Graduates can work very well".length, " indeed");
    expect(quoted(fragment, anchor)).toBe("work very well");
  });

  it("follow the passage into another person's copy of the document", () => {
    const { doc, fragment, paragraph } = setup("Graduates work well with others.");
    const anchor = anchorText(fragment, "with others");
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    paragraph.insert(0, "Our ");
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    expect(quoted(remote.getXmlFragment(VISION_FIELD), anchor)).toBe("with others");
  });

  it("collapse when the passage is deleted, and stay put when the text around it is", () => {
    const { fragment, paragraph } = setup("Graduates work well with others.");
    const anchor = anchorText(fragment, "work well");
    paragraph.delete(0, "Graduates ".length);
    expect(quoted(fragment, anchor)).toBe("work well");
    paragraph.delete(0, "work well".length);
    const { mapping } = view(fragment);
    const range = resolvePassage(fragment, mapping, anchor)!;
    expect(range.from).toBe(range.to);
  });

  it("do not resolve in another field, nor from garbage", () => {
    const { doc, fragment } = setup("Graduates work well with others.");
    const anchor = anchorText(fragment, "work well");
    writeRichText(doc, "competency:c1:description", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Other text" }] }] });
    const other = doc.getXmlFragment("competency:c1:description");
    expect(resolvePassage(other, view(other).mapping, anchor)).toBeNull();
    expect(resolvePassage(fragment, view(fragment).mapping, { from: "not base64!", to: "AAAA" })).toBeNull();
    expect(resolvePassage(fragment, view(fragment).mapping, { from: "AQID", to: "AQID" })).toBeNull();
  });
});
