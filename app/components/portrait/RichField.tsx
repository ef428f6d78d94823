import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { useEffect, useId, useReducer, useRef, useState, type FormEvent } from "react";
import { useLocale } from "~/i18n/useLocale";
import type { Presence } from "~/portrait/collaboration";
import type { PassageAnchor } from "~/portrait/comment-anchor";
import { anchorSelection, CommentHighlights, refreshCommentHighlights, type HighlightedComment } from "~/portrait/comment-highlights";
import { isSafeHref, portraitExtensions } from "~/portrait/editor-schema";
import type { PortraitSession } from "~/portrait/usePortraitConnection";
import { useLatest } from "~/portrait/use-latest";

export type CommentRequest = { field: string; anchor: PassageAnchor; quote: string };

type RichFieldProps = {
  session: PortraitSession;
  /** The Yjs fragment of this field, e.g. "vision" or "competency:<id>:middle". */
  field: string;
  label: string;
  /** The competency a field belongs to, so that its Comment button and toolbar say which of the five "Description" fields they act on. */
  competency?: string;
  /** Heading level of the label: the vision is a section of its own, grade bands sit inside a competency. */
  labelAs?: "h2" | "h3" | "h4";
  editable: boolean;
  user: Presence["user"];
  comments: readonly HighlightedComment[];
  onComment: (request: CommentRequest) => void;
  onOpenComment: (commentId: string) => void;
  onEditor: (field: string, editor: Editor | null) => void;
};

/** The caret of another person: their name on a label in their colour (checked before it gets here). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "portrait-caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = String(user.color);
  const label = document.createElement("span");
  label.className = "portrait-caret__label";
  label.style.backgroundColor = String(user.color);
  label.textContent = typeof user.name === "string" ? user.name : "";
  caret.append(label);
  return caret;
}

/**
 * The passage selected in a field. A read-only field has no caret of its own:
 * its selection is the browser's, read from the page when the editor's is empty.
 */
function selectedRange(editor: Editor): { from: number; to: number } {
  const { from, to } = editor.state.selection;
  if (from !== to) return { from, to };
  const selection = window.getSelection();
  const root = editor.view.dom;
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { from, to };
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return { from, to };
  try {
    const start = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const end = editor.view.posAtDOM(range.endContainer, range.endOffset);
    return { from: Math.min(start, end), to: Math.max(start, end) };
  } catch {
    return { from, to };
  }
}

/** "example.org" → "https://example.org"; anything that is not an http(s) or mailto address → null. */
export function normaliseLink(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!isSafeHref(withScheme)) return null;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "mailto:" && !url.hostname.includes(".")) return null;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * One rich-text field of the Portrait: a Tiptap editor bound to its Yjs
 * fragment on the page's shared provider, with named carets, comment
 * highlights and a small toolbar. The editor is made in an effect and
 * destroyed when the field goes away.
 */
export function RichField({ session, field, label, competency, labelAs = "h3", editable, user, comments, onComment, onOpenComment, onEditor }: RichFieldProps) {
  const { t } = useLocale();
  const labelId = useId();
  const fullLabel = competency ? t("portrait.editor.fieldOf", { field: label, competency }) : label;
  const mountRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [nothingToComment, setNothingToComment] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const commentsRef = useLatest(comments);
  const callbacks = useLatest({ onComment, onOpenComment, onEditor });
  const userRef = useLatest(user);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const { doc, provider } = session;
    const awareness = provider.awareness;
    const instance = new Editor({
      element: mount,
      editable,
      extensions: [
        ...portraitExtensions({ collaboration: true }),
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({ provider, user: userRef.current, render: renderCaret }),
        CommentHighlights.configure({ comments: () => commentsRef.current }),
      ],
      editorProps: {
        attributes: {
          class: "portrait-field__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          ...(editable ? {} : { "aria-readonly": "true", tabindex: "0" }),
        },
        handleClick: (_view, _pos, event) => {
          const mark = (event.target as HTMLElement | null)?.closest?.("[data-comment-id]");
          const id = mark?.getAttribute("data-comment-id");
          if (id) callbacks.current.onOpenComment(id);
          return false;
        },
      },
      onFocus: () => awareness?.setLocalStateField("field", field),
      onBlur: () => {
        if (awareness?.getLocalState()?.field === field) awareness.setLocalStateField("field", null);
      },
      onTransaction: () => rerender(),
    });
    setEditor(instance);
    const register = callbacks.current.onEditor;
    register(field, instance);
    return () => {
      register(field, null);
      instance.destroy();
      setEditor(null);
    };
  }, [session, field, editable, labelId, commentsRef, callbacks, userRef]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(refreshCommentHighlights(editor.state.tr));
  }, [editor, comments]);

  const LabelTag = labelAs;
  const comment = () => {
    if (!editor) return;
    const selection = anchorSelection(editor.state, selectedRange(editor));
    setNothingToComment(selection === null);
    if (selection) callbacks.current.onComment({ field, ...selection });
  };
  return (
    <div className="portrait-field">
      <div className="portrait-field__head">
        <LabelTag id={labelId} className="portrait-field__label">
          {label}
        </LabelTag>
        {editor ? (
          <button type="button" className="toolbar-button toolbar-button--comment" aria-label={t("portrait.editor.commentOn", { field: fullLabel })} onClick={comment}>
            {t("portrait.editor.comment")}
          </button>
        ) : null}
      </div>
      {editor && editable ? <FieldToolbar editor={editor} label={fullLabel} /> : null}
      <div ref={mountRef} className={editable ? "portrait-field__editor" : "portrait-field__editor portrait-field__editor--readonly"} />
      {editor && editor.isEmpty && editable ? <p className="hint">{t("portrait.editor.emptyField")}</p> : null}
      {nothingToComment ? (
        <p className="hint" role="status">
          {t("portrait.editor.nothingToComment")}
        </p>
      ) : null}
    </div>
  );
}

/** Bold, italic, bulleted list and link: shown while the field (or the toolbar itself) has the keyboard. */
function FieldToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useLocale();
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState("");
  const [linkError, setLinkError] = useState(false);
  const linkInputId = useId();
  const linkErrorId = useId();
  const linkInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (linkOpen) linkInputRef.current?.focus();
  }, [linkOpen]);

  const openLink = () => {
    setLinkValue((editor.getAttributes("link").href as string | undefined) ?? "");
    setLinkError(false);
    setLinkOpen(true);
  };

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const href = normaliseLink(linkValue);
    if (!href) {
      setLinkError(true);
      linkInputRef.current?.focus();
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    setLinkOpen(false);
  };

  const removeLink = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    setLinkOpen(false);
  };

  const toggle = (name: "bold" | "italic" | "bulletList", command: () => boolean, text: string) => (
    <button type="button" className="toolbar-button" aria-pressed={editor.isActive(name)} onClick={command}>
      {text}
    </button>
  );

  return (
    <>
      <div className={linkOpen ? "portrait-toolbar portrait-toolbar--open" : "portrait-toolbar"} role="toolbar" aria-label={t("portrait.editor.toolbar", { field: label })}>
        {toggle("bold", () => editor.chain().focus().toggleBold().run(), t("portrait.editor.bold"))}
        {toggle("italic", () => editor.chain().focus().toggleItalic().run(), t("portrait.editor.italic"))}
        {toggle("bulletList", () => editor.chain().focus().toggleBulletList().run(), t("portrait.editor.bulletList"))}
        <button type="button" className="toolbar-button" aria-pressed={editor.isActive("link")} aria-expanded={linkOpen} onClick={openLink}>
          {t("portrait.editor.link")}
        </button>
      </div>
      {linkOpen ? (
        <form className="link-form" onSubmit={applyLink} noValidate>
          <label htmlFor={linkInputId} className="label">
            {t("portrait.editor.linkAddress")}
          </label>
          <input
            ref={linkInputRef}
            id={linkInputId}
            type="url"
            inputMode="url"
            value={linkValue}
            onChange={(event) => setLinkValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setLinkOpen(false);
                editor.commands.focus();
              }
            }}
            aria-invalid={linkError || undefined}
            aria-describedby={linkError ? linkErrorId : undefined}
          />
          {linkError ? (
            <p id={linkErrorId} className="field-error">
              {t("portrait.editor.linkInvalid")}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="button">
              {t("portrait.editor.linkApply")}
            </button>
            {editor.isActive("link") ? (
              <button type="button" className="button button--secondary" onClick={removeLink}>
                {t("portrait.editor.linkRemove")}
              </button>
            ) : null}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setLinkOpen(false);
                editor.commands.focus();
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
