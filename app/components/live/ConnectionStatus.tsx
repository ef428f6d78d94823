import { useLocale } from "~/i18n/useLocale";
import type { ConnectionStatus as Status } from "~/workshops/useWorkshopSocket";

/**
 * The connection as one calm line in a polite live region. A lost connection
 * is normal on a phone; answers wait in the outbox and go out on their own.
 */
export function ConnectionStatus({ status, refusedAction }: { status: Status; refusedAction?: { href: string; label: string } }) {
  const { t } = useLocale();
  return (
    <p className="connection-status" data-status={status} role="status">
      <span>{t(`live.connection.${status}`)}</span>
      {status === "refused" && refusedAction ? (
        <>
          {" "}
          <a href={refusedAction.href}>{refusedAction.label}</a>
        </>
      ) : null}
    </p>
  );
}
