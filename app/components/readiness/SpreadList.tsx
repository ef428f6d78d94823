import { useLocale } from "~/i18n/useLocale";
import { LEVEL_NAMES, LEVELS } from "~/readiness/levels";
import type { RatingSpread } from "~/readiness/spread";

/** How many members chose each level, as words and numbers with a bar beside each. */
export function SpreadList({ spread, title }: { spread: RatingSpread; title: string }) {
  const { t } = useLocale();
  const widest = Math.max(1, ...LEVELS.map((level) => spread.counts[level]));
  return (
    <ul className="spread" aria-label={t("readiness.consensus.spreadLabel", { title })}>
      {LEVELS.map((level) => (
        <li key={level} className={spread.counts[level] > 0 ? undefined : "spread--none"}>
          <span className="spread__level">{t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}</span>
          <span className="spread__bar" aria-hidden="true">
            <span className={`level-fill-${level}`} style={{ width: `${(spread.counts[level] / widest) * 100}%` }} />
          </span>
          <span className="spread__count">{t("readiness.consensus.spreadCount", { count: spread.counts[level] })}</span>
        </li>
      ))}
    </ul>
  );
}
