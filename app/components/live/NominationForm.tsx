import { useId, useRef, useState, type FormEvent } from "react";
import { Field } from "~/components/Field";
import { useLocale } from "~/i18n/useLocale";
import { NOMINATION_CONTACT_MAX, NOMINATION_REASON_MAX, NOMINEE_NAME_MAX } from "~/workshops/activity-types";
import { submissionProblems } from "~/workshops/live-view";
import type { ActivityFormProps } from "./forms";
import { SubmitStatus } from "./SubmissionFeedback";

const EMPTY = { nomineeName: "", reason: "", contact: "", consent: false };
const LIMITS: Record<string, number> = { nomineeName: NOMINEE_NAME_MAX, reason: NOMINATION_REASON_MAX, contact: NOMINATION_CONTACT_MAX };

/** A champion nomination: who, why, how to reach them, and the nominator's confirmation that they may be contacted. */
export function NominationForm({ activity, room, own, open }: ActivityFormProps<"nomination">) {
  const { t } = useLocale();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [lastClientId, setLastClientId] = useState<string | null>(null);
  const made = own.savedClientIds.size + own.pending.length;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = submissionProblems(activity, values);
    if (Object.keys(found).length > 0) {
      setProblems(
        Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(`live.errors.${key}`, { max: LIMITS[field] ?? 0 })])),
      );
      const first = ["nomineeName", "reason", "contact", "consent"].find((field) => field in found);
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setProblems({});
    setLastClientId(room.submit(activity.id, { ...values, contact: values.contact.trim() || null }));
    setValues(EMPTY);
  }

  const reasonId = `${id}-reason`;
  const consentId = `${id}-consent`;
  return (
    <div className="stack">
      {made > 0 ? <p className="progress-note">{t("live.nomination.made", { count: made })}</p> : null}
      {open ? (
        <form ref={form} onSubmit={send} noValidate className="live-form">
          <Field
            label={t("live.nomination.name")}
            name="nomineeName"
            type="text"
            autoComplete="off"
            value={values.nomineeName}
            onChange={(event) => setValues({ ...values, nomineeName: event.target.value })}
            error={problems.nomineeName}
          />
          <div className="field">
            <label htmlFor={reasonId}>{t("live.nomination.reason")}</label>
            <p className="hint" id={`${reasonId}-hint`}>
              {t("live.nomination.reasonHint")}
            </p>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              value={values.reason}
              onChange={(event) => setValues({ ...values, reason: event.target.value })}
              aria-invalid={problems.reason ? true : undefined}
              aria-describedby={[`${reasonId}-hint`, problems.reason ? `${reasonId}-error` : null].filter(Boolean).join(" ")}
            />
            {problems.reason ? (
              <p className="field-error" id={`${reasonId}-error`}>
                {problems.reason}
              </p>
            ) : null}
          </div>
          <Field
            label={t("live.nomination.contact")}
            hint={t("live.nomination.contactHint")}
            name="contact"
            type="text"
            autoComplete="off"
            value={values.contact}
            onChange={(event) => setValues({ ...values, contact: event.target.value })}
            error={problems.contact}
          />
          {values.contact.trim() === "" ? null : (
            <div className="field">
              <label className="checkbox consent" htmlFor={consentId}>
                <input
                  id={consentId}
                  type="checkbox"
                  name="consent"
                  checked={values.consent}
                  onChange={(event) => setValues({ ...values, consent: event.target.checked })}
                  aria-invalid={problems.consent ? true : undefined}
                  aria-describedby={problems.consent ? `${consentId}-error` : undefined}
                />
                <span>{t("live.nomination.consent")}</span>
              </label>
              {problems.consent ? (
                <p className="field-error" id={`${consentId}-error`}>
                  {problems.consent}
                </p>
              ) : null}
            </div>
          )}
          <button type="submit" className="button button--wide">
            {made > 0 ? t("live.nomination.submitAnother") : t("live.nomination.submit")}
          </button>
        </form>
      ) : null}
      <SubmitStatus clientId={lastClientId} own={own} kind="nomination" />
    </div>
  );
}
