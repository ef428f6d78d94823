import { Form, Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import type { Completion } from "~/readiness/completion";
import { nextSortDirection, type HeatmapSort } from "~/readiness/heatmap";
import { LEVEL_NAMES, type Level } from "~/readiness/levels";
import { CompletionBadge } from "./CompletionBadge";

type Indicator = { id: string; code: string; title: string; dimensionKey: string };
type Row = { schoolId: string; schoolName: string; levels: Record<string, Level | null>; average: number | null; completion: Completion };

/**
 * Schools × indicators: each cell the consensus level as a number and its
 * name for screen readers, tinted by level. Column headers sort the rows.
 */
export function Heatmap({
  cycleId,
  dimensions,
  indicators,
  rows,
  sort,
}: {
  cycleId: string;
  dimensions: readonly { key: string; name: string }[];
  indicators: readonly Indicator[];
  rows: readonly Row[];
  sort: HeatmapSort;
}) {
  const { t, formatNumber } = useLocale();
  const levelName = (level: Level) => t(`readiness.levels.${LEVEL_NAMES[level]}`);
  const columnName = (by: HeatmapSort["by"]) => {
    if (by === "school") return t("readiness.cycle.school");
    if (by === "average") return t("readiness.cycle.average");
    if (by === "completion") return t("readiness.cycle.completion");
    const indicator = indicators.find((candidate) => `indicator:${candidate.id}` === by);
    return indicator ? t("readiness.cycle.indicatorColumn", { code: indicator.code, title: indicator.title }) : "";
  };
  const ariaSort = (by: HeatmapSort["by"]) => (sort.by === by ? (sort.direction === "asc" ? "ascending" : "descending") : undefined);
  const sortHref = (by: HeatmapSort["by"]) => `?sort=${encodeURIComponent(by)}&dir=${nextSortDirection(sort, by)}`;
  const arrow = (by: HeatmapSort["by"]) => (sort.by === by ? (sort.direction === "asc" ? " ▲" : " ▼") : "");
  const sortLink = (by: HeatmapSort["by"], children: ReactNode) => (
    <Link to={sortHref(by)} preventScrollReset className="sort-link">
      {children}
      <span aria-hidden="true">{arrow(by)}</span>
      <span className="visually-hidden"> ({t("readiness.cycle.sortColumn", { column: columnName(by) })})</span>
    </Link>
  );

  return (
    <>
      <Form method="get" className="row heatmap-sort no-print" aria-label={t("readiness.cycle.sortLabel")} preventScrollReset>
        <label>
          {t("readiness.cycle.sortBy")}{" "}
          <select name="sort" defaultValue={sort.by}>
            <option value="school">{t("readiness.cycle.school")}</option>
            <option value="average">{t("readiness.cycle.average")}</option>
            <option value="completion">{t("readiness.cycle.completion")}</option>
            {indicators.map((indicator) => (
              <option key={indicator.id} value={`indicator:${indicator.id}`}>
                {t("readiness.cycle.indicatorColumn", { code: indicator.code, title: indicator.title })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("readiness.cycle.sortDirection")}{" "}
          <select name="dir" defaultValue={sort.direction}>
            <option value="asc">{t("readiness.cycle.ascending")}</option>
            <option value="desc">{t("readiness.cycle.descending")}</option>
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t("readiness.cycle.applySort")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("readiness.cycle.sortedBy", {
          column: columnName(sort.by),
          direction: t(sort.direction === "asc" ? "readiness.cycle.directionAsc" : "readiness.cycle.directionDesc"),
        })}
      </p>
      <TableRegion label={t("readiness.cycle.heatmapRegion")}>
        <table className="heatmap">
          <thead>
            <tr>
              <td colSpan={3} />
              {dimensions.map((dimension) => {
                const span = indicators.filter((indicator) => indicator.dimensionKey === dimension.key).length;
                return span ? (
                  <th key={dimension.key} scope="colgroup" colSpan={span} className="heatmap__dimension">
                    {dimension.name}
                  </th>
                ) : null;
              })}
            </tr>
            <tr>
              <th scope="col" aria-sort={ariaSort("school")}>
                {sortLink("school", t("readiness.cycle.school"))}
              </th>
              <th scope="col" aria-sort={ariaSort("completion")}>
                {sortLink("completion", t("readiness.cycle.completion"))}
              </th>
              <th scope="col" className="num" aria-sort={ariaSort("average")}>
                {sortLink("average", t("readiness.cycle.average"))}
              </th>
              {indicators.map((indicator) => (
                <th key={indicator.id} scope="col" className="heatmap__code" aria-sort={ariaSort(`indicator:${indicator.id}`)}>
                  {sortLink(
                    `indicator:${indicator.id}`,
                    <>
                      <abbr title={indicator.title}>{indicator.code}</abbr>
                      <span className="visually-hidden"> {indicator.title}</span>
                    </>,
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.schoolId}>
                <th scope="row">
                  <Link to={`/readiness/cycles/${cycleId}/schools/${row.schoolId}/profile`}>{row.schoolName}</Link>
                </th>
                <td>
                  <CompletionBadge completion={row.completion} />
                </td>
                <td className="num">{row.average === null ? "—" : formatNumber(row.average, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}</td>
                {indicators.map((indicator) => {
                  const level = row.levels[indicator.id] ?? null;
                  return level === null ? (
                    <td key={indicator.id} className="heatmap__cell heatmap__cell--empty">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t("readiness.cycle.notAgreed")}</span>
                    </td>
                  ) : (
                    <td key={indicator.id} className={`heatmap__cell level-${level}`}>
                      {level}
                      <span className="visually-hidden"> {levelName(level)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <details className="heatmap-legend">
        <summary>{t("readiness.cycle.legend")}</summary>
        {dimensions.map((dimension) => (
          <Fragment key={dimension.key}>
            <h3>{dimension.name}</h3>
            <dl className="facts">
              {indicators
                .filter((indicator) => indicator.dimensionKey === dimension.key)
                .map((indicator) => (
                  <Fragment key={indicator.id}>
                    <dt>{indicator.code}</dt>
                    <dd>{indicator.title}</dd>
                  </Fragment>
                ))}
            </dl>
          </Fragment>
        ))}
      </details>
    </>
  );
}
