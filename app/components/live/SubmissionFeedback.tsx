import { useLocale } from "~/i18n/useLocale";
import { ideaTextOf, type OwnSubmissionsView, type SubmissionRejection } from "~/workshops/submission-outbox";

export type SubmissionKind = "idea" | "answer" | "rating" | "nomination";

/**
 * Where the latest submission stands, in a polite live region that is on the
 * page from the start: "Sending…" while it waits in the outbox, then "Saved".
 */
export function SubmitStatus({ clientId, own, kind }: { clientId: string | null; own: OwnSubmissionsView; kind: SubmissionKind }) {
  const { t } = useLocale();
  let message = "";
  if (clientId && own.pending.some((item) => item.clientId === clientId)) message = t(`live.submit.${kind}.sending`);
  else if (clientId && own.savedClientIds.has(clientId)) message = t(`live.submit.${kind}.saved`);
  return (
    <p className="submit-status" role="status">
      {message}
    </p>
  );
}

/** Submissions the server refused, each with what was refused and why, until the participant dismisses it. */
export function Rejections({ rejections, onDismiss }: { rejections: readonly SubmissionRejection[]; onDismiss: (clientId: string) => void }) {
  const { t } = useLocale();
  if (rejections.length === 0) return null;
  return (
    <div className="stack">
      {rejections.map((rejection) => {
        const text = ideaTextOf(rejection.payload);
        return (
          <div key={rejection.clientId} className="alert alert--error" role="alert">
            <p>{t(`live.rejected.${rejection.code}`)}</p>
            {text ? <p className="rejected-text">{t("live.rejected.yourText", { text })}</p> : null}
            <button type="button" className="link-button" onClick={() => onDismiss(rejection.clientId)}>
              {t("live.rejected.dismiss")}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/**
 * For activities answered once (poll, scale, word cloud, ranking): whether
 * this participant's answer is on its way or saved, also after a reload.
 */
export function AnswerStatus({ own, id }: { own: OwnSubmissionsView; id: string }) {
  const { t } = useLocale();
  const message = own.pending.length > 0 ? t("live.submit.answer.sending") : own.savedClientIds.size > 0 ? t("live.submit.answer.saved") : "";
  return (
    <p id={id} tabIndex={-1} className={message ? "submit-status calm-note" : "submit-status"} role="status">
      {message}
    </p>
  );
}

/** Once the form that had focus is replaced by its confirmation, the keyboard moves to the confirmation. */
export function focusAfterRender(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Whether this participant already answered an activity that takes one answer. */
export function hasAnswered(own: OwnSubmissionsView): boolean {
  return own.pending.length > 0 || own.savedClientIds.size > 0;
}
