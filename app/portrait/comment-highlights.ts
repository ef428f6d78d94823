import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { anchorPassage, resolvePassage, type PassageAnchor } from "./comment-anchor";

/**
 * Highlights the passages that open comments are anchored to. Positions come
 * from the comments' Yjs relative positions, resolved again whenever someone
 * else's edit arrives (or the comments change); between those, local edits
 * map the highlights like any decoration.
 */
export type HighlightedComment = { id: string; anchor: PassageAnchor; active: boolean };

export const commentHighlightsKey = new PluginKey<DecorationSet>("portraitCommentHighlights");

type SyncState = { type: Y.XmlFragment; binding: { mapping: Parameters<typeof resolvePassage>[1] } | null } | undefined;

function syncState(state: EditorState): SyncState {
  return ySyncPluginKey.getState(state) as SyncState;
}

/** Where a comment's passage is in this editor now, or null when it is not in this field or has been deleted. */
export function commentRange(state: EditorState, anchor: PassageAnchor): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const range = resolvePassage(sync.type, sync.binding.mapping, anchor);
  return range && range.from < range.to ? range : null;
}

/** Anchors the passage `from`..`to` (the editor's selection by default), or the whole field when it is empty. */
export function anchorSelection(state: EditorState, range: { from: number; to: number } = state.selection): { anchor: PassageAnchor; quote: string } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  let { from, to } = range;
  if (from === to) {
    from = 1;
    to = Math.max(1, state.doc.content.size - 1);
  }
  const quote = state.doc.textBetween(from, to, " ").trim();
  if (quote.length === 0) return null;
  return { anchor: anchorPassage(sync.type, sync.binding.mapping, from, to), quote };
}

function build(state: EditorState, comments: readonly HighlightedComment[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const comment of comments) {
    const range = commentRange(state, comment.anchor);
    if (!range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: comment.active ? "comment-mark comment-mark--active" : "comment-mark",
        "data-comment-id": comment.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function refreshCommentHighlights(tr: Transaction): Transaction {
  return tr.setMeta(commentHighlightsKey, true);
}

export const CommentHighlights = Extension.create<{ comments: () => readonly HighlightedComment[] }>({
  name: "portraitCommentHighlights",

  addOptions() {
    return { comments: () => [] };
  },

  addProseMirrorPlugins() {
    const comments = this.options.comments;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => build(state, comments()),
          apply(tr, previous, _oldState, newState) {
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            if (remote || tr.getMeta(commentHighlightsKey)) return build(newState, comments());
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
