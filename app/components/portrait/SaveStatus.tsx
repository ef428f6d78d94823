import { useLocale } from "~/i18n/useLocale";
import type { SaveState } from "~/portrait/usePortraitConnection";

const MESSAGES = {
  connecting: "portrait.status.connecting",
  offline: "portrait.status.offline",
  saving: "portrait.status.saving",
  saved: "portrait.status.saved",
  refused: "portrait.status.refused",
  signedOut: "portrait.status.signedOut",
} as const;

/** Whether this browser's edits are stored, announced politely as it changes. */
export function SaveStatus({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  const { t } = useLocale();
  return (
    <div className="save-status">
      <p role="status" className={`save-status__state save-status__state--${state}`}>
        <span className="save-status__dot" aria-hidden="true" />
        {t(MESSAGES[state])}
      </p>
      {readOnly && state !== "refused" && state !== "signedOut" ? <p className="save-status__note">{t("portrait.status.readOnly")}</p> : null}
    </div>
  );
}
