import { useRevalidator } from "@remix-run/react";
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import type { StatelessMessage } from "~/portrait/collaboration";
import { commentRange, type HighlightedComment } from "~/portrait/comment-highlights";
import type { CommentThread } from "~/portrait/comments";
import { newCompetencyId } from "~/portrait/competency-id";
import {
  addCompetency,
  COMPETENCY_TITLE_MAX,
  MAX_COMPETENCIES,
  moveCompetency,
  removeCompetency,
  VISION_FIELD,
  type CompetencyField,
  type PortraitContent,
} from "~/portrait/document";
import { usePortraitConnection, usePortraitOutline } from "~/portrait/usePortraitConnection";
import { CommentsPanel } from "./CommentsPanel";
import { CompetencyCard } from "./CompetencyCard";
import { PresenceList } from "./PresenceList";
import { RichField, type CommentRequest } from "./RichField";
import { RichText } from "./RichText";
import { SaveStatus } from "./SaveStatus";

type PortraitEditorProps = {
  documentName: string;
  canEdit: boolean;
  threads: readonly CommentThread[];
  /** The stored draft, shown read-only until the live document has synced (and without JavaScript). */
  initial: PortraitContent;
};

const FIELD_PATTERN = /^competency:([a-z0-9]+):(description|elementary|middle|high)$/;

export function PortraitEditor({ documentName, canEdit, threads, initial }: PortraitEditorProps) {
  const { t } = useLocale();
  const revalidator = useRevalidator();
  const [announcement, setAnnouncement] = useState("");
  const [pending, setPending] = useState<CommentRequest | null>(null);
  const [activeCommentId, setActiveCommentId] = useState<string | null>(null);
  const editors = useRef(new Map<string, Editor>());
  const focusAfterRender = useRef<string | null>(null);

  const { session, ready, identity, saveState, readOnly } = usePortraitConnection({
    documentName,
    onCommentsChanged: () => revalidator.revalidate(),
  });
  const outline = usePortraitOutline(session?.doc ?? null);
  const editable = canEdit && !readOnly && saveState !== "signedOut";

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    const element = document.getElementById(target);
    if (element) {
      focusAfterRender.current = null;
      element.focus();
    }
  });

  const fieldLabel = useCallback(
    (field: string): string => {
      if (field === VISION_FIELD) return t("portrait.vision.heading");
      const match = FIELD_PATTERN.exec(field);
      if (!match) return t("portrait.comments.unknownField");
      const [, id, key] = match as unknown as [string, string, CompetencyField];
      if (!outline.ids.includes(id)) return t("portrait.comments.removedCompetency", { field: t(`portrait.fields.${key}`) });
      const title = outline.titles[id]?.trim() || t("portrait.competency.untitled");
      return t("portrait.comments.fieldOf", { competency: title, field: t(`portrait.fields.${key}`) });
    },
    [outline, t],
  );

  const openByField = useMemo(() => {
    const byField = new Map<string, HighlightedComment[]>();
    for (const thread of threads) {
      if (thread.resolved) continue;
      const list = byField.get(thread.field) ?? [];
      list.push({ id: thread.id, anchor: thread.anchor, active: thread.id === activeCommentId });
      byField.set(thread.field, list);
    }
    return byField;
  }, [threads, activeCommentId]);
  const noComments = useMemo<readonly HighlightedComment[]>(() => [], []);
  const commentsFor = useCallback((field: string) => openByField.get(field) ?? noComments, [openByField, noComments]);

  const onEditor = useCallback((field: string, editor: Editor | null) => {
    if (editor) editors.current.set(field, editor);
    else editors.current.delete(field);
  }, []);

  const onCommentsChanged = (message: MessageKey) => {
    setAnnouncement(t(message));
    const notice: StatelessMessage = { type: "comments:changed" };
    session?.provider.sendStateless(JSON.stringify(notice));
  };

  const showPassage = (thread: CommentThread) => {
    setActiveCommentId(thread.id);
    const editor = editors.current.get(thread.field);
    const range = editor ? commentRange(editor.state, thread.anchor) : null;
    if (!editor || !range) {
      setAnnouncement(t("portrait.comments.passageGone"));
      return;
    }
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const move = (id: string, direction: "up" | "down") => {
    if (!session) return;
    const from = outline.ids.indexOf(id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= outline.ids.length) return;
    moveCompetency(session.doc, id, to);
    const name = outline.titles[id]?.trim() || t("portrait.competency.untitled");
    setAnnouncement(t("portrait.competency.moved", { name, position: to + 1, count: outline.ids.length }));
    const atEdge = direction === "up" ? to === 0 : to === outline.ids.length - 1;
    focusAfterRender.current = `move-${atEdge ? (direction === "up" ? "down" : "up") : direction}-${id}`;
  };

  const remove = (id: string) => {
    if (!session) return;
    const name = outline.titles[id]?.trim() || t("portrait.competency.untitled");
    removeCompetency(session.doc, id);
    setAnnouncement(t("portrait.competency.removed", { name }));
    focusAfterRender.current = "competencies-heading";
  };

  return (
    <div className="portrait-editor" data-document={documentName}>
      <div className="portrait-editor__bar">
        <SaveStatus state={saveState} readOnly={!canEdit || readOnly} />
        {session && ready && saveState !== "signedOut" ? <PresenceList provider={session.provider} fieldLabel={fieldLabel} /> : null}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {saveState === "signedOut" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("portrait.status.signedOutHelp")}</p>
          <a href={`/login?redirectTo=${encodeURIComponent("/portrait")}`}>{t("portrait.status.signIn")}</a>
        </div>
      ) : null}
      <div className="portrait-layout">
        <div className="portrait-document">
          {session && ready && identity ? (
            <>
              <section className="card portrait-vision">
                <RichField
                  session={session}
                  field={VISION_FIELD}
                  label={t("portrait.vision.heading")}
                  labelAs="h2"
                  editable={editable}
                  user={identity}
                  comments={commentsFor(VISION_FIELD)}
                  onComment={setPending}
                  onOpenComment={setActiveCommentId}
                  onEditor={onEditor}
                />
              </section>
              <section aria-labelledby="competencies-heading">
                <h2 id="competencies-heading" tabIndex={-1}>
                  {t("portrait.competencies.heading", { count: outline.ids.length })}
                </h2>
                {outline.ids.length === 0 ? <p className="muted">{t("portrait.competencies.none")}</p> : null}
                <ol className="plain-list competency-list">
                  {outline.ids.map((id, position) => (
                    <CompetencyCard
                      key={id}
                      session={session}
                      id={id}
                      position={position}
                      count={outline.ids.length}
                      title={outline.titles[id] ?? ""}
                      canEdit={editable}
                      user={identity}
                      commentsFor={commentsFor}
                      onMove={move}
                      onRemove={remove}
                      onComment={setPending}
                      onOpenComment={setActiveCommentId}
                      onEditor={onEditor}
                    />
                  ))}
                </ol>
                {editable ? (
                  <AddCompetency
                    count={outline.ids.length}
                    onAdd={(title) => {
                      const id = addCompetency(session.doc, { id: newCompetencyId(), title });
                      setAnnouncement(t("portrait.competency.added", { name: title }));
                      focusAfterRender.current = `competency-${id}-title`;
                    }}
                  />
                ) : null}
              </section>
            </>
          ) : (
            <PortraitPreview content={initial} refused={saveState === "refused"} />
          )}
        </div>
        <CommentsPanel
          threads={threads}
          pending={pending}
          activeId={activeCommentId}
          fieldLabel={fieldLabel}
          onCancelPending={() => setPending(null)}
          onShowPassage={showPassage}
          onChanged={onCommentsChanged}
        />
      </div>
    </div>
  );
}

function AddCompetency({ count, onAdd }: { count: number; onAdd: (title: string) => void }) {
  const { t } = useLocale();
  const inputId = useId();
  const errorId = useId();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<MessageKey | null>(null);
  const full = count >= MAX_COMPETENCIES;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (full) return setError("portrait.competencies.full");
    if (!trimmed) return setError("portrait.competencies.titleRequired");
    setError(null);
    setTitle("");
    onAdd(trimmed.slice(0, COMPETENCY_TITLE_MAX));
  };
  return (
    <form className="card add-competency" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="label">
        {t("portrait.competencies.newTitle")}
      </label>
      <div className="row">
        <input
          id={inputId}
          type="text"
          value={title}
          maxLength={COMPETENCY_TITLE_MAX}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" className="button">
          {t("portrait.competencies.add")}
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {t(error, { max: MAX_COMPETENCIES })}
        </p>
      ) : null}
    </form>
  );
}

/** The stored draft, read-only: shown while connecting, and what a browser without JavaScript gets. */
function PortraitPreview({ content, refused }: { content: PortraitContent; refused: boolean }) {
  const { t } = useLocale();
  return (
    <div className="portrait-preview" aria-busy={!refused}>
      {refused ? <p className="alert alert--error">{t("portrait.status.refusedHelp")}</p> : null}
      <section className="card">
        <h2>{t("portrait.vision.heading")}</h2>
        <RichText content={content.vision} />
      </section>
      <section aria-labelledby="preview-competencies">
        <h2 id="preview-competencies">{t("portrait.competencies.heading", { count: content.competencies.length })}</h2>
        <ol className="plain-list competency-list">
          {content.competencies.map((competency) => (
            <li key={competency.id} className="competency">
              <article className="card" aria-labelledby={`preview-${competency.id}`}>
                <h3 id={`preview-${competency.id}`}>{competency.title || t("portrait.competency.untitled")}</h3>
                <RichText content={competency.description} headingLevel={4} />
                {(["elementary", "middle", "high"] as const).map((band) => (
                  <div key={band}>
                    <h4>{t(`portrait.fields.${band}`)}</h4>
                    <RichText content={competency[band]} headingLevel={5} />
                  </div>
                ))}
              </article>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
