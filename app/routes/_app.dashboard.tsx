import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { isLocale } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { districtOverview } from "~/models/dashboard.server";
import { stakeholderGroupLabel, totalTargetShare } from "~/models/stakeholder-groups";

export const meta: MetaFunction = () => [{ title: "Dashboard · Groundwork" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const overview = await districtOverview(user.districtId);
  return { name: user.name, isLeader: user.role === "leader", overview };
}

export default function Dashboard() {
  const { name, isLeader, overview } = useLoaderData<typeof loader>();
  const { t, locale, formatNumber } = useLocale();
  const targetTotal = totalTargetShare(overview.groups);
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.welcome", { name })}</p>
      <div className="grid">
        <section className="card" aria-labelledby="card-schools">
          <h2 id="card-schools">{t("dashboard.schools.title")}</h2>
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
          {isLeader ? <Link to="/settings/schools">{t("dashboard.schools.manage")}</Link> : null}
        </section>
        <section className="card" aria-labelledby="card-staff">
          <h2 id="card-staff">{t("dashboard.staff.title")}</h2>
          <ul>
            {(["leader", "facilitator", "school"] as const).map((role) => (
              <li key={role}>
                {t(`common.roles.${role}`)}: {formatNumber(overview.staff.byRole[role] ?? 0)}
              </li>
            ))}
          </ul>
          <p className="muted">{t("dashboard.staff.pending", { count: overview.staff.pendingInvitations })}</p>
          {isLeader ? <Link to="/settings/staff">{t("dashboard.staff.manage")}</Link> : null}
        </section>
        <section className="card" aria-labelledby="card-groups">
          <h2 id="card-groups">{t("dashboard.groups.title")}</h2>
          <p className="muted">{t("dashboard.groups.caption")}</p>
          <TableRegion label={t("dashboard.groups.title")}>
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
          {isLeader ? <Link to="/settings/groups">{t("dashboard.groups.manage")}</Link> : null}
        </section>
      </div>
    </>
  );
}
