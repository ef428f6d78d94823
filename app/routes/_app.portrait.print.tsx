import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { CompetencyText, RichText } from "~/components/portrait/RichText";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { exportSource } from "~/portrait/export.server";
import { districtVersions } from "~/portrait/publication.server";
import styles from "~/styles/portrait-review.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle<typeof loader>("titles.portrait.district", { values: (data) => ({ district: data.source.district.name }), product: false });

/** A clean printable Portrait (draft or `?version=<id>`): the print stylesheet hides everything but the document. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const [source, versions] = await Promise.all([exportSource(user.districtId, params), districtVersions(user.districtId)]);
  return {
    source,
    versions: versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() })),
  };
}

export default function PrintPage() {
  const { source, versions } = useLoaderData<typeof loader>();
  const { t, formatDate, formatDateTime } = useLocale();
  const { district, language, version, portrait } = source;
  const query = version ? `?version=${encodeURIComponent(version.id)}` : "";
  const bandLabels = { elementary: t("portraitReview.bands.elementary"), middle: t("portraitReview.bands.middle"), high: t("portraitReview.bands.high") };

  return (
    <div className="portrait-print">
      <div className="no-print">
        <section className="card print-controls" aria-label={t("portraitReview.print.controls")}>
          <p>{t("portraitReview.print.lead")}</p>
          <Form method="get" className="row print-controls__version" key={version?.id ?? "draft"}>
            <label htmlFor="print-version">{t("portraitReview.print.version")}</label>
            <select id="print-version" name="version" defaultValue={version?.id ?? ""}>
              <option value="">{t("portraitReview.print.draft")}</option>
              {versions.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {t("portraitReview.print.versionOption", { name: entry.name, kind: t(`portraitReview.versionKinds.${entry.kind}`), date: formatDateTime(entry.createdAt) })}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary">
              {t("portraitReview.print.show")}
            </button>
          </Form>
          <div className="row">
            <PrintButton />
            <a href={`/portrait/export.md${query}`} download>
              {t("portraitReview.print.downloadMarkdown")}
            </a>
            <a href={`/portrait/export.json${query}`} download>
              {t("portraitReview.print.downloadJson")}
            </a>
          </div>
        </section>
      </div>

      <article className="print-document" aria-labelledby="print-title">
        <header className="print-document__header">
          <p className="print-document__district">{district.name}</p>
          <h1 id="print-title">{t("portraitReview.portraitTitle")}</h1>
          <p className="muted">
            {version
              ? t("portraitReview.export.versionLine", { name: version.name, date: formatDate(version.createdAt) })
              : t("portraitReview.export.draftLine", { date: formatDate(new Date()) })}
          </p>
        </header>
        <section className="print-block print-vision" aria-labelledby="print-vision">
          <h2 id="print-vision">{t("portraitReview.vision")}</h2>
          <RichText content={portrait.vision} headingLevel={3} lang={language} />
        </section>
        {portrait.competencies.length === 0 ? <p>{t("portraitReview.print.noCompetencies")}</p> : null}
        {portrait.competencies.map((competency, index) => (
          <section key={competency.id} className="print-block print-competency" aria-labelledby={`print-competency-${index}`}>
            <h2 id={`print-competency-${index}`} lang={competency.title ? language : undefined}>
              {competency.title || t("portraitReview.untitled")}
            </h2>
            <CompetencyText competency={competency} bandLabels={bandLabels} bandHeading="h3" lang={language} />
          </section>
        ))}
      </article>
    </div>
  );
}

function PrintButton() {
  const { t } = useLocale();
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("portraitReview.print.print")}
    </button>
  );
}
