import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { canManageWorkshops, workshopPaths } from "~/workshops/agenda";
import { listWorkshops } from "~/workshops/workshop.server";

export const meta = pageTitle("titles.workshops.index");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { workshops: await listWorkshops(user.districtId), canManage: canManageWorkshops(user.role) };
}

export default function Workshops() {
  const { workshops, canManage } = useLoaderData<typeof loader>();
  const { t, formatDateTime, formatNumber } = useLocale();
  return (
    <>
      <div className="page-heading">
        <h1>{t("workshops.title")}</h1>
        {canManage ? (
          <Link className="button" to="/workshops/new">
            {t("workshops.list.newWorkshop")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("workshops.lead")}</p>
      {canManage ? null : <p className="alert alert--info">{t("workshops.list.readOnly")}</p>}
      {workshops.length === 0 ? (
        <p className="card">{canManage ? t("workshops.list.emptyManager") : t("workshops.list.empty")}</p>
      ) : (
        <TableRegion label={t("workshops.list.tableLabel")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("workshops.list.workshop")}</th>
                <th scope="col">{t("workshops.list.date")}</th>
                <th scope="col">{t("workshops.list.status")}</th>
                <th scope="col">{t("workshops.list.code")}</th>
                <th scope="col" className="num">
                  {t("workshops.list.activities")}
                </th>
                <th scope="col" className="num">
                  {t("workshops.list.participants")}
                </th>
                {canManage ? <th scope="col">{t("workshops.list.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {workshops.map((workshop) => (
                <tr key={workshop.id}>
                  <th scope="row">
                    <Link to={workshopPaths(workshop.id).page}>{workshop.title}</Link>
                  </th>
                  <td>{workshop.scheduledAt ? formatDateTime(workshop.scheduledAt) : <span className="muted">{t("workshops.list.notScheduled")}</span>}</td>
                  <td>
                    <span className={workshop.status === "live" ? "badge" : "badge badge--muted"}>{t(`workshops.status.${workshop.status}`)}</span>
                  </td>
                  <td>
                    <span className="join-code">{workshop.joinCode}</span>
                  </td>
                  <td className="num">{formatNumber(workshop.activityCount)}</td>
                  <td className="num">{formatNumber(workshop.participantCount)}</td>
                  {canManage ? (
                    <td>
                      {workshop.status === "ended" ? null : (
                        <div className="row">
                          <Link to={workshopPaths(workshop.id).run} aria-label={t("workshops.list.runLabel", { title: workshop.title })}>
                            {t("workshops.list.run")}
                          </Link>
                          <Link to={workshopPaths(workshop.id).present} aria-label={t("workshops.list.presentLabel", { title: workshop.title })}>
                            {t("workshops.list.present")}
                          </Link>
                        </div>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
