import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { CompletionBadge } from "~/components/readiness/CompletionBadge";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { listCycles } from "~/readiness/cycle.server";

export const meta = pageTitle("titles.readiness.index");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { role: user.role, cycles: await listCycles(user) };
}

export default function Cycles() {
  const { role, cycles } = useLoaderData<typeof loader>();
  const { t, formatDate } = useLocale();
  const due = (date: Date | string) => formatDate(date, { dateStyle: "medium", timeZone: "UTC" });

  if (role === "school") {
    return (
      <section className="card" aria-labelledby="cycles-heading">
        <h2 id="cycles-heading">{t("readiness.cycles.heading")}</h2>
        <p className="muted">{t("readiness.cycles.leadSchool")}</p>
        {cycles.length === 0 ? <p>{t("readiness.cycles.emptySchool")}</p> : null}
        <ul className="plain-list stack">
          {cycles.map((cycle) =>
            cycle.schools.map((school) => (
              <li key={`${cycle.id}-${school.schoolId}`} className="cycle-item">
                <h3>
                  <Link to={`/readiness/cycles/${cycle.id}/schools/${school.schoolId}`}>{t("readiness.cycles.goToTeam", { cycle: cycle.name })}</Link>
                </h3>
                <p className="row">
                  <span className={cycle.status === "open" ? "badge" : "badge badge--muted"}>{t(`readiness.status.${cycle.status}`)}</span>
                  <span>
                    {t("readiness.cycles.due")}: {due(cycle.dueDate)}
                  </span>
                  <span>{t("readiness.cycles.frameworkVersion", { name: cycle.frameworkName, number: cycle.versionNumber })}</span>
                </p>
                <CompletionBadge completion={school.completion} />
              </li>
            )),
          )}
        </ul>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="cycles-heading">
      <h2 id="cycles-heading">{t("readiness.cycles.heading")}</h2>
      <p className="muted">{t("readiness.cycles.leadStaff")}</p>
      {role === "leader" ? (
        <p>
          <Link className="button" to="/readiness/cycles/new">
            {t("readiness.cycles.open")}
          </Link>
        </p>
      ) : null}
      {cycles.length === 0 ? (
        <p>{t("readiness.cycles.empty")}</p>
      ) : (
        <TableRegion label={t("readiness.cycles.heading")} inSection>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("readiness.cycles.cycle")}</th>
                <th scope="col">{t("readiness.cycles.framework")}</th>
                <th scope="col">{t("readiness.cycles.due")}</th>
                <th scope="col">{t("readiness.cycles.status")}</th>
                <th scope="col">{t("readiness.cycles.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">
                    <Link to={`/readiness/cycles/${cycle.id}`}>{cycle.name}</Link>
                  </th>
                  <td>{t("readiness.cycles.frameworkVersion", { name: cycle.frameworkName, number: cycle.versionNumber })}</td>
                  <td>{due(cycle.dueDate)}</td>
                  <td>
                    <span className={cycle.status === "open" ? "badge" : "badge badge--muted"}>{t(`readiness.status.${cycle.status}`)}</span>
                  </td>
                  <td>
                    {t("readiness.cycles.schoolsComplete", {
                      done: cycle.schools.filter((school) => school.completion.state === "complete").length,
                      total: cycle.schools.length,
                      count: cycle.schools.length,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
