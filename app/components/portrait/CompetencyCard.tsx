import type { Editor } from "@tiptap/core";
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { useLocale } from "~/i18n/useLocale";
import type { Presence } from "~/portrait/collaboration";
import type { HighlightedComment } from "~/portrait/comment-highlights";
import { COMPETENCY_TITLE_MAX, competencyFragmentName, competencyTitle, GRADE_BAND_FIELDS, setPlainText } from "~/portrait/document";
import type { PortraitSession } from "~/portrait/usePortraitConnection";
import { useEvidenceCount } from "./EvidenceCounts";
import { RichField, type CommentRequest } from "./RichField";

type CompetencyCardProps = {
  session: PortraitSession;
  id: string;
  position: number;
  count: number;
  title: string;
  canEdit: boolean;
  user: Presence["user"];
  commentsFor: (field: string) => readonly HighlightedComment[];
  onMove: (id: string, direction: "up" | "down") => void;
  onRemove: (id: string) => void;
  onComment: (request: CommentRequest) => void;
  onOpenComment: (commentId: string) => void;
  onEditor: (field: string, editor: Editor | null) => void;
};

/** A competency's title, bound to its Y.Text: every keystroke is a small change to the shared title. */
function TitleInput({ text, id, label }: { text: Y.Text; id: string; label: string }) {
  const [value, setValue] = useState(() => text.toString());
  useEffect(() => {
    const read = () => setValue(text.toString());
    text.observe(read);
    read();
    return () => text.unobserve(read);
  }, [text]);
  return (
    <div className="competency__title-field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        className="competency__title-input"
        value={value}
        maxLength={COMPETENCY_TITLE_MAX}
        onChange={(event) => setPlainText(text, event.target.value.slice(0, COMPETENCY_TITLE_MAX))}
      />
    </div>
  );
}

export function CompetencyCard(props: CompetencyCardProps) {
  const { session, id, position, count, title, canEdit, user, commentsFor, onMove, onRemove, onComment, onOpenComment, onEditor } = props;
  const { t } = useLocale();
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The safe choice has the keyboard when the question appears.
    if (confirmingRemoval) cancelRef.current?.focus();
  }, [confirmingRemoval]);
  const text = competencyTitle(session.doc, id);
  const name = title.trim() || t("portrait.competency.untitled");
  const headingId = `competency-${id}-heading`;
  const field = (key: Parameters<typeof competencyFragmentName>[1]) => competencyFragmentName(id, key);

  return (
    <li className="competency" id={`competency-${id}`}>
      <article aria-labelledby={headingId} className="card competency__card">
        <header className="competency__header">
          <p className="eyebrow">{t("portrait.competency.number", { position: position + 1, count })}</p>
          <h3 id={headingId} className={canEdit ? "visually-hidden" : "competency__title"}>
            {name}
          </h3>
          {canEdit && text ? <TitleInput text={text} id={`competency-${id}-title`} label={t("portrait.competency.title")} /> : null}
          <div className="competency__actions">
            <EvidenceLink id={id} name={name} />
            {canEdit ? (
              <div className="row move-buttons">
                <button
                  type="button"
                  id={`move-up-${id}`}
                  className="button button--secondary button--icon"
                  aria-disabled={position === 0}
                  onClick={() => position > 0 && onMove(id, "up")}
                >
                  <span aria-hidden="true">↑</span>
                  <span className="visually-hidden">{t("portrait.competency.moveUp", { name })}</span>
                </button>
                <button
                  type="button"
                  id={`move-down-${id}`}
                  className="button button--secondary button--icon"
                  aria-disabled={position === count - 1}
                  onClick={() => position < count - 1 && onMove(id, "down")}
                >
                  <span aria-hidden="true">↓</span>
                  <span className="visually-hidden">{t("portrait.competency.moveDown", { name })}</span>
                </button>
                {confirmingRemoval ? null : (
                  <button type="button" className="button button--secondary" onClick={() => setConfirmingRemoval(true)}>
                    {t("portrait.competency.remove")}
                    <span className="visually-hidden">{name}</span>
                  </button>
                )}
              </div>
            ) : null}
          </div>
          {confirmingRemoval ? (
            <div className="alert alert--info competency__confirm" role="group" aria-label={t("portrait.competency.removeConfirmLabel", { name })}>
              <p>{t("portrait.competency.removeConfirm", { name })}</p>
              <div className="row">
                <button type="button" className="button button--danger" onClick={() => onRemove(id)}>
                  {t("portrait.competency.removeYes", { name })}
                </button>
                <button type="button" ref={cancelRef} className="button button--secondary" onClick={() => setConfirmingRemoval(false)}>
                  {t("common.cancel")}
                </button>
              </div>
            </div>
          ) : null}
        </header>
        <RichField
          session={session}
          field={field("description")}
          label={t("portrait.fields.description")}
          competency={name}
          labelAs="h4"
          editable={canEdit}
          user={user}
          comments={commentsFor(field("description"))}
          onComment={onComment}
          onOpenComment={onOpenComment}
          onEditor={onEditor}
        />
        <div className="competency__bands">
          {GRADE_BAND_FIELDS.map((band) => (
            <RichField
              key={band}
              session={session}
              field={field(band)}
              label={t(`portrait.fields.${band}`)}
              competency={name}
              labelAs="h4"
              editable={canEdit}
              user={user}
              comments={commentsFor(field(band))}
              onComment={onComment}
              onOpenComment={onOpenComment}
              onEditor={onEditor}
            />
          ))}
        </div>
      </article>
    </li>
  );
}

/** The way to a competency's evidence, saying how much there is, and flagging a competency the community has not spoken to yet. */
function EvidenceLink({ id, name }: { id: string; name: string }) {
  const { t } = useLocale();
  const evidence = useEvidenceCount(id);
  const to = `/portrait/evidence?competency=${encodeURIComponent(id)}`;
  if (evidence && !evidence.hasEvidence) {
    return (
      <Link to={to} className="competency__evidence competency__evidence--missing">
        {t("portrait.competency.noEvidence")}
        <span className="visually-hidden">{t("portrait.competency.forCompetency", { name })}</span>
      </Link>
    );
  }
  return (
    <Link to={to} className="competency__evidence">
      {evidence ? t("portrait.competency.evidenceCount", { count: evidence.ideaCount }) : t("portrait.competency.evidence")}
      <span className="visually-hidden">{t("portrait.competency.forCompetency", { name })}</span>
    </Link>
  );
}
