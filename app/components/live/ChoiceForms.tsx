import { useId, useState, type FormEvent } from "react";
import { useLocale } from "~/i18n/useLocale";
import { submissionProblems, translated } from "~/workshops/live-view";
import type { ActivityFormProps } from "./forms";
import { AnswerStatus, focusAfterRender, hasAnswered } from "./SubmissionFeedback";

/** A poll: one option (radio buttons) or several (checkboxes), sent once. */
export function PollForm({ activity, room, own, open }: ActivityFormProps<"poll">) {
  const { t, locale } = useLocale();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const multiple = activity.config.multiple;

  function toggle(optionId: string, checked: boolean) {
    setChosen((previous) => (multiple ? (checked ? [...previous, optionId] : previous.filter((x) => x !== optionId)) : [optionId]));
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = submissionProblems(activity, { optionIds: chosen });
    const key = Object.values(problems)[0];
    if (key) {
      setProblem(t(key === "required" ? "live.poll.required" : `live.errors.${key}`));
      return;
    }
    setProblem(null);
    room.submit(activity.id, { optionIds: chosen });
    focusAfterRender(`answer-status-${activity.id}`);
  }

  const answered = hasAnswered(own);
  return (
    <div className="stack">
      {open && !answered ? (
        <form onSubmit={send} noValidate className="live-form">
          <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
            <legend>{multiple ? t("live.poll.chooseMany") : t("live.poll.chooseOne")}</legend>
            <div className="live-choices">
              {activity.config.options.map((option) => {
                const label = translated(option.label, locale);
                return (
                  <label key={option.id} className="choice-option">
                    <input
                      type={multiple ? "checkbox" : "radio"}
                      name="optionIds"
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      onChange={(event) => toggle(option.id, event.target.checked)}
                    />
                    <span lang={label.lang}>{label.text}</span>
                  </label>
                );
              })}
            </div>
            {problem ? (
              <p className="field-error" id={`${id}-error`}>
                {problem}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="button button--wide">
            {t("live.poll.submit")}
          </button>
        </form>
      ) : null}
      <AnswerStatus own={own} id={`answer-status-${activity.id}`} />
    </div>
  );
}

/** A scale: one value from min to max, with the end labels read with the end values. */
export function ScaleForm({ activity, room, own, open }: ActivityFormProps<"scale">) {
  const { t, locale, formatNumber } = useLocale();
  const id = useId();
  const [value, setValue] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { min, max } = activity.config;
  const minLabel = translated(activity.config.minLabel, locale);
  const maxLabel = translated(activity.config.maxLabel, locale);
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (value === null) {
      setProblem(t("live.scale.required"));
      return;
    }
    const key = Object.values(submissionProblems(activity, { value }))[0];
    if (key) {
      setProblem(t(`live.errors.${key}`));
      return;
    }
    setProblem(null);
    room.submit(activity.id, { value });
    focusAfterRender(`answer-status-${activity.id}`);
  }

  const answered = hasAnswered(own);
  return (
    <div className="stack">
      {open && !answered ? (
        <form onSubmit={send} noValidate className="live-form">
          <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
            <legend>{t("live.scale.legend", { min: formatNumber(min), max: formatNumber(max) })}</legend>
            {minLabel.text || maxLabel.text ? (
              <p className="scale-ends" aria-hidden="true">
                <span lang={minLabel.lang}>{minLabel.text}</span>
                <span lang={maxLabel.lang}>{maxLabel.text}</span>
              </p>
            ) : null}
            <div className="scale-options">
              {values.map((option) => {
                const end = option === min ? minLabel : option === max ? maxLabel : null;
                return (
                  <label key={option} className="choice-option scale-option">
                    <input type="radio" name="value" value={option} checked={value === option} onChange={() => setValue(option)} />
                    <span>{formatNumber(option)}</span>
                    {end?.text ? (
                      <span className="visually-hidden" lang={end.lang}>
                        {" "}
                        {end.text}
                      </span>
                    ) : null}
                  </label>
                );
              })}
            </div>
            {problem ? (
              <p className="field-error" id={`${id}-error`}>
                {problem}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="button button--wide">
            {t("live.scale.submit")}
          </button>
        </form>
      ) : null}
      <AnswerStatus own={own} id={`answer-status-${activity.id}`} />
    </div>
  );
}
