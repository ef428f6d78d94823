import { useId, useState, type FormEvent } from "react";
import { useLocale } from "~/i18n/useLocale";
import { WORD_MAX } from "~/workshops/activity-types";
import { submissionProblems } from "~/workshops/live-view";
import type { ActivityFormProps } from "./forms";
import { AnswerStatus, focusAfterRender, hasAnswered } from "./SubmissionFeedback";

/** One to three single words, each in its own field; only the first is required. */
export function WordCloudForm({ activity, room, own, open }: ActivityFormProps<"wordcloud">) {
  const { t } = useLocale();
  const id = useId();
  const count = activity.config.maxWords;
  const [words, setWords] = useState<string[]>(() => Array.from({ length: count }, () => ""));
  const [problems, setProblems] = useState<Record<string, string>>({});

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = submissionProblems(activity, { words });
    if (Object.keys(found).length > 0) {
      const messages: Record<string, string> = {};
      for (const [field, key] of Object.entries(found)) {
        // A missing answer belongs to the first field, where the participant starts typing.
        messages[field === "words" || field === "form" ? "words.0" : field] = t(`live.errors.${key}`, { max: WORD_MAX });
      }
      setProblems(messages);
      const first = Object.keys(messages).sort()[0]?.split(".")[1] ?? "0";
      document.getElementById(`${id}-word-${first}`)?.focus();
      return;
    }
    setProblems({});
    room.submit(activity.id, { words: words.map((word) => word.trim()).filter(Boolean) });
    focusAfterRender(`answer-status-${activity.id}`);
  }

  const answered = hasAnswered(own);
  return (
    <div className="stack">
      {open && !answered ? (
        <form onSubmit={send} noValidate className="live-form">
          <p className="hint">{t("live.wordcloud.hint", { count })}</p>
          {words.map((word, index) => {
            const inputId = `${id}-word-${index}`;
            const error = problems[`words.${index}`];
            return (
              <div className="field" key={index}>
                <label htmlFor={inputId}>
                  {index === 0 ? t("live.wordcloud.word", { number: index + 1 }) : t("live.wordcloud.optionalWord", { number: index + 1 })}
                </label>
                <input
                  id={inputId}
                  type="text"
                  name={`words.${index}`}
                  autoComplete="off"
                  autoCapitalize="none"
                  value={word}
                  onChange={(event) => setWords((previous) => previous.map((value, i) => (i === index ? event.target.value : value)))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                />
                {error ? (
                  <p className="field-error" id={`${inputId}-error`}>
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
          <button type="submit" className="button button--wide">
            {t("live.wordcloud.submit")}
          </button>
        </form>
      ) : null}
      <AnswerStatus own={own} id={`answer-status-${activity.id}`} />
    </div>
  );
}
