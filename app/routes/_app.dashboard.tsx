import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { isLocale } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { districtOverview } from "~/models/dashboard.server";
import { processOverview } from "~/models/process-overview.server";
import { stakeholderGroupLabel, totalTargetShare } from "~/models/stakeholder-groups";

export const meta = pageTitle("titles.dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [overview, process] = await Promise.all([districtOverview(user.districtId), processOverview(user)]);
  return { name: user.name, overview, process };
}

export default function Dashboard() {
  const { name, overview, process } = useLoaderData<typeof loader>();
  const { links } = process;
  const { t, locale, formatNumber } = useLocale();
  const targetTotal = totalTargetShare(overview.groups);
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.welcome", { name })}</p>
      <ProcessCards process={process} groups={overview.groups} />
      <h2 className="section-heading">{t("dashboard.district")}</h2>
      <div className="grid">
        <section className="card" aria-labelledby="card-schools">
          <h3 id="card-schools">{t("dashboard.schools.title")}</h3>
          <p className="figure">{formatNumber(overview.schools.total)}</p>
          <p className="muted">{t("dashboard.schools.caption", { count: overview.schools.total })}</p>
          {overview.schools.byGradeBand.length > 0 ? (
            <ul>
              {overview.schools.byGradeBand.map((row) => (
                <li key={row.gradeBand}>
                  {t(`dashboard.gradeBands.${row.gradeBand}`)}: {formatNumber(row.count)}
                </li>
              ))}
            </ul>
          ) : null}
          {links.schools ? <Link to={links.schools}>{t("dashboard.schools.manage")}</Link> : null}
        </section>
        <section className="card" aria-labelledby="card-staff">
          <h3 id="card-staff">{t("dashboard.staff.title")}</h3>
          <ul>
            {(["leader", "facilitator", "school"] as const).map((role) => (
              <li key={role}>
                {t(`common.roles.${role}`)}: {formatNumber(overview.staff.byRole[role] ?? 0)}
              </li>
            ))}
          </ul>
          <p className="muted">{t("dashboard.staff.pending", { count: overview.staff.pendingInvitations })}</p>
          {links.staff ? <Link to={links.staff}>{t("dashboard.staff.manage")}</Link> : null}
        </section>
        <section className="card" aria-labelledby="card-groups">
          <h3 id="card-groups">{t("dashboard.groups.title")}</h3>
          <p className="muted">{t("dashboard.groups.caption")}</p>
          <TableRegion label={t("dashboard.groups.title")} inSection>
            <table>
              <caption className="visually-hidden">{t("dashboard.groups.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.groups.group")}</th>
                  <th scope="col" className="num">
                    {t("dashboard.groups.target")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.groups.map((group) => (
                  <tr key={group.id}>
                    <td>{stakeholderGroupLabel(group, locale)}</td>
                    <td className="num">{formatNumber(group.targetShare)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {targetTotal !== 100 ? (
            <p className="alert alert--info">{t("dashboard.groups.totalWarning", { total: targetTotal })}</p>
          ) : null}
          <p className="muted">
            {t("dashboard.languages", {
              languages: overview.district.languages
                .filter(isLocale)
                .map((code) => t(`common.languageNames.${code}`))
                .join(", "),
            })}
          </p>
          {links.groups ? <Link to={links.groups}>{t("dashboard.groups.manage")}</Link> : null}
        </section>
      </div>
    </>
  );
}

type Process = ReturnType<typeof useLoaderData<typeof loader>>["process"];

/** One card per step of the visioning process, each saying what needs attention next. */
function ProcessCards({ process, groups }: { process: Process; groups: { id: string; key: string | null; name: string }[] }) {
  const { t, locale, formatNumber, formatDate } = useLocale();
  const { workshops, portrait, champions, readiness, messages, links } = process;
  const shortfall = workshops.last?.shortfall;
  const shortfallGroup = shortfall ? groups.find((group) => group.id === shortfall.groupId) : undefined;
  return (
    <section aria-labelledby="process-heading">
      <h2 id="process-heading" className="section-heading">
        {t("dashboard.process.title")}
      </h2>
      <ol className="grid process-steps">
        <li className="card" aria-labelledby="step-workshops">
          <h3 id="step-workshops">{t("dashboard.process.workshops.title")}</h3>
          <p className="figure">{formatNumber(workshops.held)}</p>
          <p className="muted">{t("dashboard.process.workshops.held", { count: workshops.held, participants: formatNumber(workshops.participants) })}</p>
          {workshops.next && links.nextWorkshop ? (
            <p>
              <Link to={links.nextWorkshop}>
                {workshops.next.status === "draft"
                  ? workshops.next.scheduledAt
                    ? t("dashboard.process.workshops.next", { title: workshops.next.title, date: formatDate(workshops.next.scheduledAt) })
                    : t("dashboard.process.workshops.draft", { title: workshops.next.title })
                  : t("dashboard.process.workshops.live", { title: workshops.next.title })}
              </Link>
            </p>
          ) : null}
          {workshops.last && shortfall && shortfallGroup ? (
            <p className="alert alert--info">
              {t("dashboard.process.workshops.shortfall", {
                title: workshops.last.title,
                group: stakeholderGroupLabel(shortfallGroup, locale),
                actual: formatNumber(Math.round(shortfall.actualShare)),
                target: formatNumber(shortfall.targetShare),
              })}
            </p>
          ) : null}
          {workshops.last && links.workshopResults ? (
            <Link to={links.workshopResults}>{t("dashboard.process.workshops.results", { title: workshops.last.title })}</Link>
          ) : (
            <Link to={links.workshops}>{t("dashboard.process.workshops.open")}</Link>
          )}
        </li>
        <li className="card" aria-labelledby="step-portrait">
          <h3 id="step-portrait">{t("dashboard.process.portrait.title")}</h3>
          <p className="figure">{t(`dashboard.process.portrait.status.${portrait.status}`)}</p>
          <p className="muted">{t("dashboard.process.portrait.competencies", { count: portrait.competencies })}</p>
          {portrait.withoutEvidence.length > 0 ? (
            <p className="alert alert--info">
              {t("dashboard.process.portrait.withoutEvidence", {
                count: portrait.withoutEvidence.length,
                titles: portrait.withoutEvidence.map((competency) => competency.title || t("dashboard.process.portrait.untitled")).join(", "),
              })}{" "}
              {links.findEvidence ? <Link to={links.findEvidence}>{t("dashboard.process.portrait.findEvidence")}</Link> : null}
            </p>
          ) : null}
          <Link to={links.portrait}>{t("dashboard.process.portrait.open")}</Link>
        </li>
        <li className="card" aria-labelledby="step-champions">
          <h3 id="step-champions">{t("dashboard.process.champions.title")}</h3>
          <p className="figure">{formatNumber(champions.committed)}</p>
          <p className="muted">{t("dashboard.process.champions.committed", { count: champions.committed, people: formatNumber(champions.people) })}</p>
          <ul>
            <li>
              <Link to={links.championCoverage}>{t("dashboard.process.champions.gaps", { count: champions.gaps })}</Link>
            </li>
            {champions.pendingNominations && links.nominations ? (
              <li>
                <Link to={links.nominations}>{t("dashboard.process.champions.nominations", { count: champions.pendingNominations })}</Link>
              </li>
            ) : null}
          </ul>
        </li>
        <li className="card" aria-labelledby="step-readiness">
          <h3 id="step-readiness">{t("dashboard.process.readiness.title")}</h3>
          {readiness.cycle ? (
            <>
              <p className="figure">
                {formatNumber(readiness.cycle.complete)}/{formatNumber(readiness.cycle.schools)}
              </p>
              <p className="muted">
                {t(readiness.cycle.status === "open" ? "dashboard.process.readiness.open" : "dashboard.process.readiness.closed", {
                  name: readiness.cycle.name,
                  date: formatDate(readiness.cycle.dueDate),
                  complete: formatNumber(readiness.cycle.complete),
                  schools: formatNumber(readiness.cycle.schools),
                  count: readiness.cycle.schools,
                })}
              </p>
              {links.cycle ? <Link to={links.cycle}>{t("dashboard.process.readiness.view", { name: readiness.cycle.name })}</Link> : null}
            </>
          ) : (
            <>
              <p className="muted">{t("dashboard.process.readiness.none")}</p>
              {links.newCycle ? <Link to={links.newCycle}>{t("dashboard.process.readiness.start")}</Link> : null}
            </>
          )}
        </li>
        <li className="card" aria-labelledby="step-messages">
          <h3 id="step-messages">{t("dashboard.process.messages.title")}</h3>
          <p className="figure">{formatNumber(messages.audiences)}</p>
          <p className="muted">{t("dashboard.process.messages.audiences", { count: messages.audiences })}</p>
          <ul>
            <li>{t("dashboard.process.messages.withoutMessage", { count: messages.withoutMessage })}</li>
            <li>{t("dashboard.process.messages.withoutMessenger", { count: messages.withoutMessenger })}</li>
            <li>{t("dashboard.process.messages.withoutLanguage", { count: messages.withoutLanguage })}</li>
          </ul>
          <Link to={links.messages}>{t("dashboard.process.messages.open")}</Link>
        </li>
      </ol>
    </section>
  );
}
