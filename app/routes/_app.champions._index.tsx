import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { canManageChampions, canSeeContactDetails, championPaths } from "~/champions/champion";
import { championOptions, duplicateKeys, listChampionContacts, listChampions } from "~/champions/champions.server";
import { listCriteria } from "~/champions/criteria.server";
import { duplicateFlags } from "~/champions/duplicates";
import { allTags, filterChampions, filterFromSearchParams, isFiltered } from "~/champions/filters";
import { criteriaScore } from "~/champions/score";
import { ChampionFilterForm } from "~/components/champions/ChampionFilterForm";
import { languageList } from "~/components/champions/labels";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";

export const meta = pageTitle("titles.champions.index");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const filter = filterFromSearchParams(url.searchParams);
  const canManage = canManageChampions(user.role);
  const [champions, options, criteria, contacts, keys] = await Promise.all([
    listChampions(user.districtId),
    championOptions(user.districtId),
    listCriteria(user.districtId),
    // Contact details are read from the database only for the roles allowed to see them.
    canSeeContactDetails(user.role) ? listChampionContacts(user.districtId) : null,
    canManage ? duplicateKeys(user.districtId) : null,
  ]);
  const criteriaIds = criteria.map((criterion) => criterion.id);
  const flags = keys ? duplicateFlags(keys) : null;
  const rows = filterChampions(champions, filter).map((champion) => {
    const contact = contacts?.get(champion.id);
    return {
      id: champion.id,
      name: champion.name,
      role: champion.role,
      group: champion.stakeholderGroup,
      school: champion.school?.name ?? null,
      affiliation: champion.affiliation,
      languages: champion.languages,
      stage: champion.stage,
      influence: champion.influence,
      support: champion.support,
      tags: champion.tags,
      met: criteriaScore(
        criteriaIds,
        champion.criteriaMet.map((check) => check.criterionId),
      ).met,
      duplicate: flags?.has(champion.id) ?? false,
      contact: contact ? { email: contact.email, phone: contact.phone, contactOther: contact.contactOther, consentGiven: contact.consentGiven } : null,
    };
  });
  return {
    filter,
    filtered: isFiltered(filter),
    rows,
    total: champions.length,
    criteriaTotal: criteriaIds.length,
    options,
    tags: allTags(champions),
    canManage,
    withContact: contacts !== null,
    removed: url.searchParams.get("removed") === "1",
  };
}

export default function Directory() {
  const { filter, filtered, rows, total, criteriaTotal, options, tags, canManage, withContact, removed } = useLoaderData<typeof loader>();
  const { t, locale, formatNumber } = useLocale();
  type Row = (typeof rows)[number];
  const placeOf = (row: Row) =>
    [row.group ? stakeholderGroupLabel(row.group, locale) : null, row.school, row.affiliation].filter(Boolean).join(" · ") || t("champions.directory.none");
  const contactOf = (row: Row) =>
    row.contact?.consentGiven ? (
      <>
        {row.contact.email ? <a href={`mailto:${row.contact.email}`}>{row.contact.email}</a> : null}
        {row.contact.phone ? <span className="champions-nowrap">{row.contact.phone}</span> : null}
        {row.contact.contactOther ? <span>{row.contact.contactOther}</span> : null}
      </>
    ) : (
      <span className="muted">{t("champions.directory.noConsent")}</span>
    );
  return (
    <section className="card" aria-labelledby="directory-heading">
      <div className="page-heading">
        <h2 id="directory-heading">{t("champions.directory.heading")}</h2>
        {canManage ? (
          <Link className="button" to={championPaths.add}>
            {t("champions.directory.add")}
          </Link>
        ) : null}
      </div>
      {removed ? (
        <div className="alert alert--success" role="status">
          {t("champions.directory.removed")}
        </div>
      ) : null}
      <div className="row champions-links">
        {canManage ? <Link to={championPaths.import}>{t("champions.directory.import")}</Link> : null}
        <a href={championPaths.export} download>
          {t("champions.directory.export")}
        </a>
      </div>
      <ChampionFilterForm filter={filter} options={options} tags={tags} clearTo={championPaths.directory} />
      <p role="status">
        {filtered ? t("champions.directory.countFiltered", { count: rows.length, total }) : t("champions.directory.count", { count: total })}
      </p>
      {total === 0 ? (
        <p className="muted">{canManage ? t("champions.directory.emptyManager") : t("champions.directory.empty")}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t("champions.directory.noMatch")}</p>
      ) : (
        <>
          {/* On a phone each person is a card; from 40rem the same people are a table. Only one is displayed. */}
          <ul className="plain-list champions-cards" aria-label={t("champions.directory.tableLabel")}>
            {rows.map((row) => (
              <li key={row.id} className="champions-card">
                <p className="champions-card__title">
                  <Link to={championPaths.person(row.id)}>{row.name}</Link>{" "}
                  <span className={`badge champions-stage champions-stage--${row.stage}`}>{t(`champions.stages.${row.stage}`)}</span>
                </p>
                {row.role ? <p className="champions-sub">{row.role}</p> : null}
                {row.duplicate ? <span className="badge badge--warn">{t("champions.directory.possibleDuplicate")}</span> : null}
                <dl className="champions-card__facts">
                  <dt>{t("champions.directory.groupAndSchool")}</dt>
                  <dd>{placeOf(row)}</dd>
                  <dt>{t("champions.directory.languages")}</dt>
                  <dd>{languageList(t, row.languages) || t("champions.directory.none")}</dd>
                  <dt>{t("champions.directory.ratings")}</dt>
                  <dd>
                    {t("champions.directory.ratingsValue", {
                      influence: row.influence ?? t("champions.directory.none"),
                      support: row.support ?? t("champions.directory.none"),
                      met: formatNumber(row.met),
                      total: formatNumber(criteriaTotal),
                    })}
                  </dd>
                  {row.tags.length > 0 ? (
                    <>
                      <dt>{t("champions.directory.tags")}</dt>
                      <dd>{row.tags.join(", ")}</dd>
                    </>
                  ) : null}
                  {withContact ? (
                    <>
                      <dt>{t("champions.directory.contact")}</dt>
                      <dd className="champions-contact">{contactOf(row)}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          <div className="champions-table-wrap">
            <TableRegion label={t("champions.directory.tableLabel")}>
              <table className="champions-table">
                <thead>
                  <tr>
                    <th scope="col">{t("champions.directory.name")}</th>
                    <th scope="col">{t("champions.directory.groupAndSchool")}</th>
                    <th scope="col">{t("champions.directory.languages")}</th>
                    <th scope="col">{t("champions.directory.stage")}</th>
                    <th scope="col" className="num">
                      {t("champions.directory.influence")}
                    </th>
                    <th scope="col" className="num">
                      {t("champions.directory.support")}
                    </th>
                    <th scope="col" className="num">
                      {t("champions.directory.score")}
                    </th>
                    <th scope="col">{t("champions.directory.tags")}</th>
                    {withContact ? <th scope="col">{t("champions.directory.contact")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">
                        <Link to={championPaths.person(row.id)}>{row.name}</Link>
                        {row.role ? <span className="champions-sub">{row.role}</span> : null}
                        {row.duplicate ? <span className="badge badge--warn">{t("champions.directory.possibleDuplicate")}</span> : null}
                      </th>
                      <td>{placeOf(row)}</td>
                      <td>{languageList(t, row.languages) || t("champions.directory.none")}</td>
                      <td>
                        <span className={`badge champions-stage champions-stage--${row.stage}`}>{t(`champions.stages.${row.stage}`)}</span>
                      </td>
                      <td className="num">{row.influence ?? t("champions.directory.none")}</td>
                      <td className="num">{row.support ?? t("champions.directory.none")}</td>
                      <td className="num">{t("champions.directory.scoreValue", { met: formatNumber(row.met), total: formatNumber(criteriaTotal) })}</td>
                      <td>{row.tags.join(", ") || t("champions.directory.none")}</td>
                      {withContact ? <td className="champions-contact">{contactOf(row)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </div>
        </>
      )}
    </section>
  );
}
