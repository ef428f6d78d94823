import { useId } from "react";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import type { Level } from "~/readiness/levels";
import { LevelBadge } from "./LevelBadge";

export type BarIndicator = { id: string; code: string; title: string; level: Level | null; before: Level | null; change: number | null; rationale: string };

const ROW = 26;
const LABEL = 44;
const WIDTH = 320;
const BAR = WIDTH - LABEL - 28;

/** One bar per indicator (hand-written SVG), the previous level as a tick, with the same figures in a table. */
export function IndicatorBars({ indicators, cycleName, previousName }: { indicators: readonly BarIndicator[]; cycleName: string; previousName: string | null }) {
  const { t } = useLocale();
  const id = useId();
  const height = indicators.length * ROW + 8;
  const showPrevious = previousName !== null && indicators.some((indicator) => indicator.before !== null);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="bars" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t("readiness.profile.barsTitle")}</title>
        <desc id={`${id}-desc`}>{t("readiness.profile.barsDesc")}</desc>
        {[1, 2, 3, 4].map((tick) => (
          <line key={tick} className="bars__grid" x1={LABEL + (BAR * tick) / 4} x2={LABEL + (BAR * tick) / 4} y1={0} y2={height} />
        ))}
        {indicators.map((indicator, row) => {
          const y = row * ROW + 4;
          return (
            <g key={indicator.id}>
              <text className="bars__label" x={0} y={y + ROW / 2} dominantBaseline="middle">
                {indicator.code}
              </text>
              {indicator.level === null ? (
                <text className="bars__value" x={LABEL + 4} y={y + ROW / 2} dominantBaseline="middle">
                  —
                </text>
              ) : (
                <>
                  <rect className={`bars__bar level-fill-${indicator.level}`} x={LABEL} y={y + 3} width={(BAR * indicator.level) / 4} height={ROW - 8} rx={3} />
                  <text className="bars__value" x={LABEL + (BAR * indicator.level) / 4 + 4} y={y + ROW / 2} dominantBaseline="middle">
                    {indicator.level}
                  </text>
                </>
              )}
              {showPrevious && indicator.before !== null ? (
                <line className="bars__previous" x1={LABEL + (BAR * indicator.before) / 4} x2={LABEL + (BAR * indicator.before) / 4} y1={y} y2={y + ROW - 2} />
              ) : null}
            </g>
          );
        })}
      </svg>
      {showPrevious ? (
        <figcaption>
          <ul className="chart-legend">
            <li>
              <span className="swatch swatch--current" aria-hidden="true" /> {t("readiness.profile.thisCycle", { cycle: cycleName })}
            </li>
            <li>
              <span className="swatch swatch--tick" aria-hidden="true" /> {t("readiness.profile.previousCycle", { cycle: previousName })}
            </li>
          </ul>
        </figcaption>
      ) : null}
      <TableRegion label={t("readiness.profile.barsTitle")}>
        <table className="chart-table">
          <caption className="visually-hidden">{t("readiness.profile.tableAlternative")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("readiness.profile.code")}</th>
              <th scope="col">{t("readiness.profile.indicator")}</th>
              <th scope="col">{t("readiness.profile.level")}</th>
              {showPrevious ? (
                <>
                  <th scope="col">{t("readiness.profile.before", { cycle: previousName })}</th>
                  <th scope="col">{t("readiness.profile.change")}</th>
                </>
              ) : null}
              <th scope="col">{t("readiness.profile.rationale")}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.id}>
                <td>{indicator.code}</td>
                <th scope="row">{indicator.title}</th>
                <td>
                  <LevelBadge level={indicator.level} />
                </td>
                {showPrevious ? (
                  <>
                    <td>
                      <LevelBadge level={indicator.before} />
                    </td>
                    <td>
                      <ChangeText change={indicator.change} />
                    </td>
                  </>
                ) : null}
                <td>{indicator.rationale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}

/** "+1 level", "−2 levels", "no change", or a dash when there is nothing to compare. */
export function ChangeText({ change }: { change: number | null }) {
  const { t } = useLocale();
  if (change === null) return <span className="muted">{t("readiness.profile.notRated")}</span>;
  if (change === 0) return <span>{t("readiness.profile.noChange")}</span>;
  return (
    <span className={change > 0 ? "change change--up" : "change change--down"}>
      {t("readiness.profile.changed", { count: Math.abs(change), sign: change > 0 ? "+" : "−" })}
    </span>
  );
}
