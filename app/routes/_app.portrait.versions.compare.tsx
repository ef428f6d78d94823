import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { comparePortraits, type DiffPart, type TextComparison } from "~/portrait/compare";
import { COMPETENCY_FIELDS } from "~/portrait/document";
import { comparedSchema } from "~/portrait/versions";
import { comparableContent } from "~/portrait/versions.server";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.portrait.compare");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const from = comparedSchema.safeParse(params.get("from"));
  const to = comparedSchema.safeParse(params.get("to"));
  invariantResponse(from.success && to.success, "Version not found");
  const [older, newer] = await Promise.all([comparableContent(user.districtId, from.data), comparableContent(user.districtId, to.data)]);
  invariantResponse(older && newer, "Version not found");
  const titles = Object.fromEntries([...older.content.competencies, ...newer.content.competencies].map((c) => [c.id, c.title]));
  return {
    from: older.version,
    to: newer.version,
    comparison: comparePortraits(older.content, newer.content),
    titles,
  };
}

function Diff({ comparison }: { comparison: TextComparison }) {
  const { t } = useLocale();
  if (comparison.parts.length === 0) return <p className="muted">{t("portrait.compare.empty")}</p>;
  const part = (item: DiffPart, index: number) => {
    if (item.kind === "added")
      return (
        <ins key={index}>
          <span className="visually-hidden">{t("portrait.compare.addedText")} </span>
          {item.text}
        </ins>
      );
    if (item.kind === "removed")
      return (
        <del key={index}>
          <span className="visually-hidden">{t("portrait.compare.removedText")} </span>
          {item.text}
        </del>
      );
    return <span key={index}>{item.text}</span>;
  };
  return <p className="diff prewrap">{comparison.parts.map(part)}</p>;
}

export default function ComparePortraitVersions() {
  const { from, to, comparison, titles } = useLoaderData<typeof loader>();
  const { t, formatDateTime } = useLocale();
  const label = (version: typeof from) =>
    version
      ? `${version.kind === "restored" ? t("portrait.versions.restoredName", { name: version.name }) : version.name} (${formatDateTime(version.createdAt)})`
      : t("portrait.versions.current");
  const { summary } = comparison;
  return (
    <>
      <h1>{t("portrait.compare.title")}</h1>
      <p className="muted">{t("portrait.compare.between", { from: label(from), to: label(to) })}</p>
      <p>
        <Link to="/portrait/versions">{t("portrait.versions.back")}</Link>
      </p>
      <ul className="compare-summary" aria-label={t("portrait.compare.summaryLabel")}>
        <li>{t("portrait.compare.summary.added", { count: summary.added })}</li>
        <li>{t("portrait.compare.summary.removed", { count: summary.removed })}</li>
        <li>{t("portrait.compare.summary.changed", { count: summary.changed })}</li>
        <li>{t("portrait.compare.summary.unchanged", { count: summary.unchanged })}</li>
      </ul>
      <section className="card" aria-labelledby="compare-vision">
        <h2 id="compare-vision">
          {t("portrait.vision.heading")}{" "}
          <span className={comparison.vision.changed ? "badge badge--warn" : "badge badge--muted"}>
            {comparison.vision.changed ? t("portrait.compare.status.changed") : t("portrait.compare.status.unchanged")}
          </span>
        </h2>
        <Diff comparison={comparison.vision} />
      </section>
      <section aria-labelledby="compare-competencies">
        <h2 id="compare-competencies">{t("portrait.compare.competencies")}</h2>
        <ol className="plain-list competency-list">
          {comparison.competencies.map((competency) => (
            <li key={competency.id} className={`competency compare-competency compare-competency--${competency.status}`}>
              <article className="card" aria-labelledby={`compare-${competency.id}`}>
                <h3 id={`compare-${competency.id}`}>
                  {titles[competency.id] || t("portrait.competency.untitled")}{" "}
                  <span className={`badge compare-badge compare-badge--${competency.status}`}>{t(`portrait.compare.status.${competency.status}` as MessageKey)}</span>
                  {competency.moved ? <span className="badge badge--muted">{t("portrait.compare.moved")}</span> : null}
                </h3>
                {competency.status === "unchanged" ? (
                  <p className="muted">{t("portrait.compare.noChanges")}</p>
                ) : (
                  <dl className="compare-fields">
                    {competency.title.changed ? (
                      <div>
                        <dt>{t("portrait.competency.title")}</dt>
                        <dd>
                          <Diff comparison={competency.title} />
                        </dd>
                      </div>
                    ) : null}
                    {COMPETENCY_FIELDS.filter((field) => competency.fields[field].changed).map((field) => (
                      <div key={field}>
                        <dt>{t(`portrait.fields.${field}`)}</dt>
                        <dd>
                          <Diff comparison={competency.fields[field]} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </article>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
