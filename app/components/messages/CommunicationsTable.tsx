import { Link } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";

export type CommunicationsTableRow = {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  channel: string;
  language: string;
  owner: string | null;
  status: "draft" | "approved" | "sent";
  audience: { key: string | null; name: string };
  champion: { name: string } | null;
};

/**
 * The dated communications as a table: on the communications page each title
 * links to its item; on the printed plan the titles are plain text. Both
 * show it in a section named like it, so its scrolling box is a group.
 */
export function CommunicationsTable({ label, rows, linked }: { label: string; rows: readonly CommunicationsTableRow[]; linked: boolean }) {
  const { t, locale, formatDate } = useLocale();
  return (
    <TableRegion label={label} inSection>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("messages.communications.date")}</th>
            <th scope="col">{t("messages.communications.what")}</th>
            <th scope="col">{t("messages.communications.audience")}</th>
            <th scope="col">{t("messages.communications.channel")}</th>
            <th scope="col">{t("messages.communications.messenger")}</th>
            <th scope="col">{t("messages.communications.language")}</th>
            <th scope="col">{t("messages.communications.owner")}</th>
            <th scope="col">{t("messages.communications.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.id}>
              <td>
                <time dateTime={item.date}>{formatDate(`${item.date}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" })}</time>
              </td>
              <th scope="row">{linked ? <Link to={`/messages/communications/${item.id}`}>{item.title}</Link> : item.title}</th>
              <td>{audienceLabel(item.audience, locale)}</td>
              <td>{t(`messages.channels.${item.channel}` as "messages.channels.email")}</td>
              <td>{item.champion?.name ?? <span className="muted">{t("messages.communications.noMessenger")}</span>}</td>
              <td>{t(`champions.languages.${item.language}` as "champions.languages.en")}</td>
              <td>{item.owner ?? ""}</td>
              <td>
                <span className="badge badge--muted">{t(`messages.status.${item.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
