import { useId, useRef, useState, type FormEvent } from "react";
import { useLocale } from "~/i18n/useLocale";
import { IDEA_TEXT_MAX } from "~/workshops/activity-types";
import { submissionProblems } from "~/workshops/live-view";
import { ideaTextOf } from "~/workshops/submission-outbox";
import type { ActivityFormProps } from "./forms";
import { SubmitStatus } from "./SubmissionFeedback";

/** Short ideas, several per participant, each listed as "Sending…" until the server saved it. */
export function BrainstormForm({ activity, room, own, open }: ActivityFormProps<"brainstorm">) {
  const { t, formatNumber } = useLocale();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [lastClientId, setLastClientId] = useState<string | null>(null);
  const length = [...text].length;
  const limit = activity.config.maxIdeasPerParticipant;
  const sent = own.savedIdeas.length + own.pending.length;
  const full = sent >= limit;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = submissionProblems(activity, { text });
    const key = problems.text ?? problems.form;
    if (key) {
      setProblem(t(`live.errors.${key}`, { max: IDEA_TEXT_MAX }));
      textarea.current?.focus();
      return;
    }
    setProblem(null);
    setLastClientId(room.submit(activity.id, { text: text.trim() }));
    setText("");
    textarea.current?.focus();
  }

  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  return (
    <div className="stack">
      {open && !full ? (
        <form onSubmit={send} noValidate className="live-form">
          <div className="field">
            <label htmlFor={`${id}-text`}>{t("live.brainstorm.label")}</label>
            <textarea
              ref={textarea}
              id={`${id}-text`}
              name="text"
              rows={3}
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={[counterId, problem ? errorId : null].filter(Boolean).join(" ")}
              aria-invalid={problem ? true : undefined}
            />
            <p className="hint char-counter" id={counterId} data-over={length > IDEA_TEXT_MAX ? "true" : undefined}>
              {t("live.brainstorm.counter", { used: formatNumber(length), max: formatNumber(IDEA_TEXT_MAX) })}{" "}
              {t("live.brainstorm.remaining", { count: Math.max(0, limit - sent) })}
            </p>
            {problem ? (
              <p className="field-error" id={errorId}>
                {problem}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--wide">
            {t("live.brainstorm.submit")}
          </button>
        </form>
      ) : null}
      {open && full ? <p className="calm-note">{t("live.brainstorm.full", { count: limit })}</p> : null}
      <SubmitStatus clientId={lastClientId} own={own} kind="idea" />
      {sent > 0 ? (
        <section aria-labelledby={`${id}-mine`}>
          <h3 id={`${id}-mine`}>{t("live.brainstorm.mine")}</h3>
          <ul className="own-list">
            {own.savedIdeas.map((idea) => (
              <li key={idea.id}>
                <span className="own-list__text">{idea.text}</span>
                <span className="own-list__state own-list__state--saved">
                  <span aria-hidden="true">✓ </span>
                  {t("live.own.saved")}
                </span>
              </li>
            ))}
            {own.pending.map((item) => (
              <li key={item.clientId}>
                <span className="own-list__text">{ideaTextOf(item.payload)}</span>
                <span className="own-list__state">{t("live.own.sending")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
