import { useLocale } from "~/i18n/useLocale";
import type { GroupShare } from "~/portrait/evidence";

/**
 * Whose ideas stand behind a competency: distinct ideas by stakeholder group,
 * most first. Every figure is written out; the bars only repeat them.
 */
export function EvidenceBreakdown({ ideaCount, byGroup, groupLabels }: { ideaCount: number; byGroup: readonly GroupShare[]; groupLabels: Record<string, string> }) {
  const { t, formatPercent } = useLocale();
  if (ideaCount === 0) return null;
  return (
    <div className="evidence-breakdown">
      <p className="muted">{t("portraitReview.evidence.breakdown.lead", { count: ideaCount })}</p>
      <ul className="participation-bars">
        {byGroup.map((row) => (
          <li key={row.groupId}>
            <span className="participation-bars__label">
              <span>{groupLabels[row.groupId] ?? t("portraitReview.evidence.unknownGroupLabel")}</span>
              <span className="participation-bars__value">{t("portraitReview.evidence.breakdown.row", { count: row.count, share: formatPercent(row.share) })}</span>
            </span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${Math.round(row.share * 1000) / 10}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
