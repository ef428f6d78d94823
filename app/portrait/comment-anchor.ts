import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { decodeBase64, encodeBase64 } from "./collaboration";

/**
 * A commented passage, kept as two Yjs relative positions (base64): they
 * point at characters rather than offsets, so the passage follows the text as
 * people type before, inside or after it. The start sticks to the passage's
 * first character and the end to its last, so text typed just outside the
 * passage stays outside it.
 */
export type PassageAnchor = { from: string; to: string };

/** The editor binding's map from Yjs types to editor nodes (y-tiptap does not export its name). */
export type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

export const ANCHOR_MAX_LENGTH = 200;

function reassociate(doc: Y.Doc, position: Y.RelativePosition, assoc: number): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute) return position;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
}

/** Anchors the editor positions `from`..`to` of a field (its Yjs fragment and the editor's binding mapping). */
export function anchorPassage(fragment: Y.XmlFragment, mapping: ProsemirrorMapping, from: number, to: number): PassageAnchor {
  const doc = fragment.doc;
  if (!doc) throw new Error("the fragment is not in a document");
  const start = absolutePositionToRelativePosition(Math.min(from, to), fragment, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(Math.max(from, to), fragment, mapping) as Y.RelativePosition;
  return {
    from: encodeBase64(Y.encodeRelativePosition(reassociate(doc, start, 0))),
    to: encodeBase64(Y.encodeRelativePosition(reassociate(doc, end, -1))),
  };
}

/**
 * Where an anchored passage is now, in editor positions; `from === to` once
 * its text has been deleted. Null when the anchor does not belong to this
 * field or cannot be read (anchors come from the database, written by browsers).
 */
export function resolvePassage(
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
  anchor: PassageAnchor,
): { from: number; to: number } | null {
  const doc = fragment.doc;
  if (!doc) return null;
  try {
    const from = toEditorPosition(doc, fragment, mapping, Y.decodeRelativePosition(decodeBase64(anchor.from)));
    const to = toEditorPosition(doc, fragment, mapping, Y.decodeRelativePosition(decodeBase64(anchor.to)));
    if (from === null || to === null) return null;
    return from <= to ? { from, to } : { from: to, to: to };
  } catch {
    return null;
  }
}

function toEditorPosition(doc: Y.Doc, fragment: Y.XmlFragment, mapping: ProsemirrorMapping, position: Y.RelativePosition): number | null {
  const resolved = relativePositionToAbsolutePosition(doc, fragment, position, mapping);
  if (resolved !== null) return resolved;
  // The binding refuses a character position at the very start of the first paragraph (it takes it
  // for a position misplaced by a structural change); the start of that text says the same thing.
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.index !== 0) return null;
  return relativePositionToAbsolutePosition(doc, fragment, Y.createRelativePositionFromTypeIndex(absolute.type, 0, -1), mapping);
}
