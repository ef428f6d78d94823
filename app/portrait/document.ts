import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { isSafeHref, portraitSchema } from "./editor-schema";

/**
 * How a district's Portrait of a Graduate lives in one Yjs document.
 *
 *   vision                         XmlFragment  the vision statement (rich text)
 *   competencyOrder                Array<id>    the competencies, in order
 *   competencies                   Map<id, Map> per competency: "title" (Y.Text)
 *   competency:<id>:description    XmlFragment  rich text of each field
 *   competency:<id>:elementary     XmlFragment
 *   competency:<id>:middle         XmlFragment
 *   competency:<id>:high           XmlFragment
 *
 * A competency's id never changes: evidence links, comments and community
 * feedback point at it. Removing a competency takes its id out of the order
 * but keeps its text, so restoring an older version can bring it back.
 */
export const VISION_FIELD = "vision";
export const COMPETENCY_FIELDS = ["description", "elementary", "middle", "high"] as const;
export type CompetencyField = (typeof COMPETENCY_FIELDS)[number];
export const GRADE_BAND_FIELDS = ["elementary", "middle", "high"] as const satisfies readonly CompetencyField[];

export const COMPETENCY_TITLE_MAX = 80;
export const MAX_COMPETENCIES = 20;

export type RichText = JSONContent;

export type Competency = {
  id: string;
  title: string;
  description: RichText;
  elementary: RichText;
  middle: RichText;
  high: RichText;
};

export type PortraitContent = {
  vision: RichText;
  competencies: Competency[];
};

/** The name of the Hocuspocus document that holds a district's Portrait. */
export function portraitDocumentName(districtId: string): string {
  return `portrait:${districtId}`;
}

export function districtIdOfDocument(documentName: string): string | null {
  const match = /^portrait:([a-z0-9]{10,40})$/.exec(documentName);
  return match?.[1] ?? null;
}

export function competencyFragmentName(id: string, field: CompetencyField): string {
  return `competency:${id}:${field}`;
}

function order(doc: Y.Doc): Y.Array<string> {
  return doc.getArray<string>("competencyOrder");
}

function competencyMaps(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>("competencies");
}

/**
 * The competency ids in order. Two people moving the same competency at once
 * can leave it in the order twice; the first place wins.
 */
export function competencyIds(doc: Y.Doc): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  const maps = competencyMaps(doc);
  for (const id of order(doc).toArray()) {
    if (seen.has(id) || !maps.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

export function competencyTitle(doc: Y.Doc, id: string): Y.Text | undefined {
  const title = competencyMaps(doc).get(id)?.get("title");
  return title instanceof Y.Text ? title : undefined;
}

function emptyDoc(): RichText {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

function readFragment(doc: Y.Doc, name: string): RichText {
  const fragment = doc.getXmlFragment(name);
  if (fragment.length === 0) return emptyDoc();
  return sanitizeRichText(yXmlFragmentToProsemirrorJSON(fragment) as RichText);
}

/**
 * Keeps only what the Portrait schema names: a client can send any Yjs update,
 * so whatever is read back from a stored document passes through here before
 * it reaches a page, an export or another district's reader. Unknown nodes are
 * unwrapped to their text, unknown marks and attributes dropped, and a link
 * whose address is not http(s) or mailto loses its link.
 */
export function sanitizeRichText(content: RichText): RichText {
  const schema = portraitSchema();
  const clean = (node: RichText): RichText[] => {
    if (!node || typeof node !== "object") return [];
    if (node.type === "text") {
      if (typeof node.text !== "string" || node.text.length === 0) return [];
      const marks = (node.marks ?? []).flatMap((mark) => {
        const spec = schema.marks[mark.type];
        if (!spec) return [];
        if (mark.type === "link") {
          const href = mark.attrs?.href;
          return isSafeHref(href) ? [{ type: "link", attrs: { href: href.trim() } }] : [];
        }
        return [{ type: mark.type }];
      });
      return [marks.length > 0 ? { type: "text", text: node.text, marks } : { type: "text", text: node.text }];
    }
    const children = (node.content ?? []).flatMap(clean);
    const spec = node.type ? schema.nodes[node.type] : undefined;
    if (!spec) return children;
    const allowed = Object.keys(spec.spec.attrs ?? {});
    const attrs = Object.fromEntries(Object.entries(node.attrs ?? {}).filter(([key, value]) => allowed.includes(key) && (typeof value === "number" || typeof value === "string" || value === null)));
    const result: RichText = { type: node.type };
    if (Object.keys(attrs).length > 0) result.attrs = attrs;
    if (children.length > 0) result.content = children;
    return [result];
  };
  const [root] = clean({ ...content, type: "doc" });
  return root?.content && root.content.length > 0 ? root : emptyDoc();
}

/** The Portrait as plain data: for versions, exports, the public page and evidence. */
export function readPortrait(doc: Y.Doc): PortraitContent {
  return {
    vision: readFragment(doc, VISION_FIELD),
    competencies: competencyIds(doc).map((id) => ({
      id,
      title: competencyTitle(doc, id)?.toString() ?? "",
      description: readFragment(doc, competencyFragmentName(id, "description")),
      elementary: readFragment(doc, competencyFragmentName(id, "elementary")),
      middle: readFragment(doc, competencyFragmentName(id, "middle")),
      high: readFragment(doc, competencyFragmentName(id, "high")),
    })),
  };
}

/** Replaces a rich-text field, parsed through the Portrait schema (unknown nodes and marks are refused). */
export function writeRichText(doc: Y.Doc, fragmentName: string, content: RichText): void {
  const node = portraitSchema().nodeFromJSON(sanitizeRichText(content));
  node.check();
  doc.transact(() => {
    const fragment = doc.getXmlFragment(fragmentName);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(portraitSchema(), node.toJSON(), fragment);
  });
}

/** Turns the text of a Y.Text into `next` with one delete and one insert around the common prefix and suffix. */
export function setPlainText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  const apply = () => {
    if (endCurrent > start) text.delete(start, endCurrent - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/** Adds a competency (at the end unless `at` is given) and returns its id. */
export function addCompetency(doc: Y.Doc, input: { id: string; title: string; at?: number }): string {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    const title = new Y.Text();
    entry.set("title", title);
    competencyMaps(doc).set(input.id, entry);
    title.insert(0, input.title.slice(0, COMPETENCY_TITLE_MAX));
    const ids = order(doc);
    const at = input.at === undefined ? ids.length : Math.max(0, Math.min(input.at, ids.length));
    ids.insert(at, [input.id]);
  });
  return input.id;
}

/** Moves a competency to `toIndex` of the ordered list (clamped). */
export function moveCompetency(doc: Y.Doc, id: string, toIndex: number): void {
  doc.transact(() => {
    const ids = order(doc);
    const all = ids.toArray();
    for (let i = all.length - 1; i >= 0; i--) if (all[i] === id) ids.delete(i, 1);
    const target = Math.max(0, Math.min(toIndex, ids.length));
    ids.insert(target, [id]);
  });
}

/** Takes a competency out of the Portrait; its text stays in the document for restores. */
export function removeCompetency(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const ids = order(doc);
    const all = ids.toArray();
    for (let i = all.length - 1; i >= 0; i--) if (all[i] === id) ids.delete(i, 1);
  });
}

/** Plain text of rich text, one line per block: for search, comparison and Markdown. */
export function plainText(content: RichText | undefined): string {
  if (!content) return "";
  if (content.type === "text") return content.text ?? "";
  if (content.type === "hardBreak") return "\n";
  const inner = (content.content ?? []).map(plainText);
  const isBlockContainer = content.type === "doc" || content.type === "bulletList" || content.type === "orderedList" || content.type === "listItem" || content.type === "blockquote";
  return isBlockContainer ? inner.filter((line) => line.length > 0).join("\n") : inner.join("");
}

/** Builds a Portrait document from plain data: the demo seed, imports and restores use it. */
export function writePortrait(doc: Y.Doc, content: PortraitContent): void {
  doc.transact(() => {
    if (JSON.stringify(readFragment(doc, VISION_FIELD)) !== JSON.stringify(content.vision)) writeRichText(doc, VISION_FIELD, content.vision);
    const existing = new Set(competencyIds(doc));
    for (const id of existing) removeCompetency(doc, id);
    content.competencies.forEach((competency, index) => {
      const current = competencyTitle(doc, competency.id);
      if (current) {
        setPlainText(current, competency.title);
        order(doc).insert(Math.min(index, order(doc).length), [competency.id]);
      } else {
        addCompetency(doc, { id: competency.id, title: competency.title, at: index });
      }
      for (const field of COMPETENCY_FIELDS) {
        const name = competencyFragmentName(competency.id, field);
        // Unchanged fields are left alone so that comments anchored in them keep their place.
        if (JSON.stringify(readFragment(doc, name)) !== JSON.stringify(competency[field])) writeRichText(doc, name, competency[field]);
      }
    });
  });
}
