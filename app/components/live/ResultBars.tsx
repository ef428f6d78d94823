import { useLocale } from "~/i18n/useLocale";

export type ResultBar = {
  id: string;
  label: string;
  /** Set when the label is written in another language than the page. */
  lang?: string;
  /** The label in the workshop's other languages, for the projector. */
  translations?: readonly { text: string; lang: string | undefined }[];
  count: number;
  /** From 0 to 1. */
  share: number;
};

/**
 * One horizontal bar per row with its number and share written beside it.
 * Screen readers get the same figures as a table; the drawing is hidden from them.
 */
export function ResultBars({
  caption,
  labelHeading,
  countHeading,
  rows,
}: {
  caption: string;
  labelHeading: string;
  countHeading: string;
  rows: readonly ResultBar[];
}) {
  const { t, formatNumber, formatPercent } = useLocale();
  return (
    <div className="result-chart">
      <ul className="result-bars" aria-hidden="true">
        {rows.map((row) => (
          <li key={row.id}>
            <span className="result-bars__label">
              <span>
                <span lang={row.lang}>{row.label}</span>
                <Translations of={row.translations} />
              </span>
              <span className="result-bars__value">
                {formatNumber(row.count)} · {formatPercent(row.share)}
              </span>
            </span>
            <span className="bar">
              <span style={{ width: `${Math.round(Math.min(1, Math.max(0, row.share)) * 1000) / 10}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{countHeading}</th>
            <th scope="col">{t("live.results.share")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span lang={row.lang}>{row.label}</span>
                <Translations of={row.translations} />
              </th>
              <td>{formatNumber(row.count)}</td>
              <td>{formatPercent(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A label's other languages after it, each marked with its language, " / " between them. */
export function Translations({ of }: { of: readonly { text: string; lang: string | undefined }[] | undefined }) {
  if (!of || of.length === 0) return null;
  return (
    <>
      {of.map((entry) => (
        <span key={entry.lang ?? "page"} className="label-translation">
          {" / "}
          <span lang={entry.lang}>{entry.text}</span>
        </span>
      ))}
    </>
  );
}
