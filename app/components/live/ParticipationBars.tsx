import { useLocale } from "~/i18n/useLocale";
import { biggestGaps, type ParticipationRow } from "~/workshops/live-view";

/**
 * Who is in the room by stakeholder group against the district's target mix
 * (shares in percent), with the groups furthest below target named first:
 * the "who is missing?" check. Every figure is written out; the bars only repeat them.
 */
export function ParticipationBars({
  rows,
  participantCount,
  groupLabels,
}: {
  rows: readonly ParticipationRow[];
  participantCount: number;
  groupLabels: Record<string, string>;
}) {
  const { t, formatNumber, formatPercent } = useLocale();
  const gaps = biggestGaps(rows);
  const missing = new Set(gaps.map((row) => row.stakeholderGroupId));
  const label = (row: ParticipationRow) => groupLabels[row.stakeholderGroupId] ?? row.name;
  const ordered = [...rows].sort((a, b) => label(a).localeCompare(label(b)));

  return (
    <div className="stack">
      <p className="figure">{formatNumber(participantCount)}</p>
      <p className="muted">{t("live.console.participants.count", { count: participantCount })}</p>
      <div className="who-is-missing">
        <h3>{t("live.console.participants.missingHeading")}</h3>
        {participantCount === 0 ? (
          <p>{t("live.console.participants.nobodyYet")}</p>
        ) : gaps.length === 0 ? (
          <p>{t("live.console.participants.noGaps")}</p>
        ) : (
          <ul>
            {gaps.map((row) => (
              <li key={row.stakeholderGroupId}>
                <strong>{label(row)}</strong>:{" "}
                {t("live.console.participants.gap", {
                  actual: formatPercent(row.actualShare / 100),
                  target: formatPercent(row.targetShare / 100),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ul className="participation-bars">
        {ordered.map((row) => (
          <li key={row.stakeholderGroupId} className={missing.has(row.stakeholderGroupId) ? "is-missing" : undefined}>
            <span className="participation-bars__label">
              <span>
                {label(row)}
                {missing.has(row.stakeholderGroupId) ? <span className="badge badge--warn">{t("live.console.participants.belowTarget")}</span> : null}
              </span>
              <span className="participation-bars__value">
                {t("live.console.participants.row", {
                  count: row.count,
                  actual: formatPercent(row.actualShare / 100),
                  target: formatPercent(row.targetShare / 100),
                })}
              </span>
            </span>
            <span className="bar bar--target" aria-hidden="true">
              <span style={{ width: `${Math.min(100, row.actualShare)}%` }} />
              <i className="bar__target" style={{ left: `${Math.min(100, row.targetShare)}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
