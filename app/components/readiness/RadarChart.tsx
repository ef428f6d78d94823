import { useId } from "react";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import { RADAR_MAX, radarLabel, radarPoint, radarPolygon } from "~/readiness/radar";

export type RadarDimension = { key: string; name: string; average: number | null; before: number | null };

const SIZE = 320;
const RADIUS = 100;
const CENTER = { x: SIZE / 2, y: SIZE / 2 };

/**
 * Average consensus level of each dimension on a radar (hand-written SVG),
 * the previous cycle dashed behind it, with the same figures in a table.
 */
export function RadarChart({ dimensions, cycleName, previousName }: { dimensions: readonly RadarDimension[]; cycleName: string; previousName: string | null }) {
  const { t, formatNumber } = useLocale();
  const id = useId();
  const number = (value: number | null) => (value === null ? t("readiness.profile.notRated") : formatNumber(value, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  const axes = dimensions.length;
  const showPrevious = previousName !== null && dimensions.some((dimension) => dimension.before !== null);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="radar" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t("readiness.profile.radarTitle")}</title>
        <desc id={`${id}-desc`}>{t("readiness.profile.radarDesc")}</desc>
        {[1, 2, 3, 4].map((ring) => (
          <polygon key={ring} className="radar__ring" points={radarPolygon(Array(axes).fill(ring), RADIUS, CENTER)} />
        ))}
        {dimensions.map((dimension, axis) => {
          const end = radarPoint(axis, axes, RADAR_MAX, RADIUS, CENTER);
          const label = radarLabel(axis, axes, RADIUS, CENTER);
          return (
            <g key={dimension.key}>
              <line className="radar__axis" x1={CENTER.x} y1={CENTER.y} x2={end.x} y2={end.y} />
              <text className="radar__label" x={label.x} y={label.y} textAnchor={label.anchor} dominantBaseline="middle">
                {axis + 1}
              </text>
            </g>
          );
        })}
        {showPrevious ? <polygon className="radar__previous" points={radarPolygon(dimensions.map((d) => d.before), RADIUS, CENTER)} /> : null}
        <polygon className="radar__current" points={radarPolygon(dimensions.map((d) => d.average), RADIUS, CENTER)} />
        {dimensions.map((dimension, axis) =>
          dimension.average === null ? null : (
            <circle key={dimension.key} className="radar__dot" r={3.5} {...toCircle(radarPoint(axis, axes, dimension.average, RADIUS, CENTER))} />
          ),
        )}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          <li>
            <span className="swatch swatch--current" aria-hidden="true" /> {t("readiness.profile.thisCycle", { cycle: cycleName })}
          </li>
          {showPrevious ? (
            <li>
              <span className="swatch swatch--previous" aria-hidden="true" /> {t("readiness.profile.previousCycle", { cycle: previousName })}
            </li>
          ) : null}
        </ul>
      </figcaption>
      <TableRegion label={t("readiness.profile.tableAlternative")}>
        <table className="chart-table">
          <caption className="visually-hidden">{t("readiness.profile.tableAlternative")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("readiness.profile.dimension")}</th>
              <th scope="col" className="num">
                {t("readiness.profile.now", { cycle: cycleName })}
              </th>
              {showPrevious ? (
                <>
                  <th scope="col" className="num">
                    {t("readiness.profile.before", { cycle: previousName })}
                  </th>
                  <th scope="col" className="num">
                    {t("readiness.profile.change")}
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((dimension, axis) => (
              <tr key={dimension.key}>
                <th scope="row">
                  {axis + 1}. {dimension.name}
                </th>
                <td className="num">{number(dimension.average)}</td>
                {showPrevious ? (
                  <>
                    <td className="num">{number(dimension.before)}</td>
                    <td className="num">
                      {dimension.average === null || dimension.before === null
                        ? t("readiness.profile.notRated")
                        : formatNumber(dimension.average - dimension.before, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: "exceptZero" })}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}

function toCircle(point: { x: number; y: number }) {
  return { cx: point.x, cy: point.y };
}
