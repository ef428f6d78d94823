import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { championPaths } from "~/champions/champion";
import { championOptions, listChampions } from "~/champions/champions.server";
import { championCoverage, type CoverageGap } from "~/champions/coverage";
import { languageName } from "~/components/champions/labels";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";

export const meta = pageTitle("titles.champions.coverage");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [champions, options] = await Promise.all([listChampions(user.districtId), championOptions(user.districtId)]);
  const coverage = championCoverage({
    groups: options.groups,
    schools: options.schools,
    languages: options.districtLanguages,
    champions,
  });
  const names = Object.fromEntries(champions.map((champion) => [champion.id, champion.name]));
  return { coverage, groups: options.groups, schools: options.schools, names };
}

export default function Coverage() {
  const { coverage, groups, schools, names } = useLoaderData<typeof loader>();
  const { t, locale, formatNumber } = useLocale();
  const groupName = (id: string) => {
    const group = groups.find((candidate) => candidate.id === id);
    return group ? stakeholderGroupLabel(group, locale) : "";
  };
  const schoolName = (id: string) => schools.find((school) => school.id === id)?.name ?? "";
  // In Spanish a language's name is written in lower case inside a sentence ("de habla español").
  const languageInSentence = (code: string) => (locale === "es" ? languageName(t, code).toLocaleLowerCase("es") : languageName(t, code));

  function gapText(gap: CoverageGap): string {
    switch (gap.kind) {
      case "group":
        return t("champions.coverage.gaps.group", { group: groupName(gap.groupId) });
      case "language":
        return t("champions.coverage.gaps.language", { language: languageInSentence(gap.language) });
      case "school":
        return t("champions.coverage.gaps.school", { school: schoolName(gap.schoolId) });
      case "schoolLanguage":
        return t("champions.coverage.gaps.schoolLanguage", { language: languageInSentence(gap.language), school: schoolName(gap.schoolId) });
    }
  }

  function who(ids: readonly string[]) {
    if (ids.length === 0) return <span className="badge badge--warn">{t("champions.coverage.none")}</span>;
    return (
      <ul className="plain-list">
        {ids.map((id) => (
          <li key={id}>
            <Link to={championPaths.person(id)}>{names[id]}</Link>
          </li>
        ))}
      </ul>
    );
  }

  const table = (caption: string, header: string, rows: { key: string; label: string; ids: readonly string[] }[]) => (
    <TableRegion label={caption} inSection>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="num">
              {t("champions.coverage.champions")}
            </th>
            <th scope="col">{t("champions.coverage.who")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatNumber(row.ids.length)}</td>
              <td>{who(row.ids)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );

  return (
    <>
      <section className="card" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t("champions.coverage.heading")}</h2>
        <p className="muted">{t("champions.coverage.lead")}</p>
        <h3>
          {t("champions.coverage.gapsHeading")} <span className="muted">({t("champions.coverage.gapsCount", { count: coverage.gaps.length })})</span>
        </h3>
        {coverage.gaps.length === 0 ? (
          <p className="alert alert--success">{t("champions.coverage.noGaps")}</p>
        ) : (
          <ul className="champions-gaps">
            {coverage.gaps.map((gap) => (
              <li key={JSON.stringify(gap)}>{gapText(gap)}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">{t("champions.coverage.byGroup")}</h2>
        {table(
          t("champions.coverage.byGroup"),
          t("champions.coverage.group"),
          coverage.byGroup.map((row) => ({ key: row.groupId, label: groupName(row.groupId), ids: row.championIds })),
        )}
      </section>

      <section className="card" aria-labelledby="by-language-heading">
        <h2 id="by-language-heading">{t("champions.coverage.byLanguage")}</h2>
        {table(
          t("champions.coverage.byLanguage"),
          t("champions.coverage.language"),
          coverage.byLanguage.map((row) => ({ key: row.language, label: languageName(t, row.language), ids: row.championIds })),
        )}
      </section>

      <section className="card" aria-labelledby="by-school-heading">
        <h2 id="by-school-heading">{t("champions.coverage.bySchool")}</h2>
        {table(
          t("champions.coverage.bySchool"),
          t("champions.coverage.school"),
          coverage.bySchool.map((row) => ({ key: row.schoolId, label: schoolName(row.schoolId), ids: row.championIds })),
        )}
        <h3>{t("champions.coverage.bySchoolLanguage")}</h3>
        <TableRegion label={t("champions.coverage.bySchoolLanguage")}>
          <table>
            <caption className="visually-hidden">{t("champions.coverage.bySchoolLanguage")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("champions.coverage.school")}</th>
                {coverage.byLanguage.map((row) => (
                  <th key={row.language} scope="col">
                    {languageName(t, row.language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {schools.map((school) => (
                <tr key={school.id}>
                  <th scope="row">{school.name}</th>
                  {coverage.byLanguage.map(({ language }) => {
                    const ids = coverage.bySchoolLanguage.find((row) => row.schoolId === school.id && row.language === language)?.championIds ?? [];
                    return <td key={language}>{who(ids)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}
