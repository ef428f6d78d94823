import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { CompletionBadge } from "~/components/readiness/CompletionBadge";
import { TeamHeader } from "~/components/readiness/TeamHeader";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { teamOfRequest, teamProgress, teamSummary } from "~/readiness/assessment.server";

export const meta = pageTitle<typeof loader>("titles.readiness.team", { values: (data) => ({ school: data.team.schoolName, cycle: data.team.cycleName }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  const progress = await teamProgress(context);
  return { team: teamSummary(context), access: context.access, ...progress };
}

export default function TeamProgress() {
  const { team, access, members, completion, indicatorCount } = useLoaderData<typeof loader>();
  const { t, formatDate } = useLocale();
  const base = `/readiness/cycles/${team.cycleId}/schools/${team.schoolId}`;
  return (
    <>
      <TeamHeader team={team} section={t("readiness.team.progress")} />
      <section className="card" aria-labelledby="progress-heading">
        <h3 id="progress-heading">{t("readiness.team.progress")}</h3>
        <p>
          <CompletionBadge completion={completion} />
        </p>
        <p>{t("readiness.team.consensusProgress", { agreed: completion.agreed, total: indicatorCount, count: indicatorCount })}</p>
        {team.open && access.canRate ? (
          <p>
            <Link to={`${base}/rate`}>{t("readiness.team.nextMember")}</Link>
          </p>
        ) : null}
        {team.open && access.canRecordConsensus ? (
          <p>
            <Link to={`${base}/consensus`}>{t("readiness.team.nextLead")}</Link>
          </p>
        ) : null}
        <h4>{t("readiness.team.membersHeading")}</h4>
        {members.length === 0 ? (
          <p className="muted">{t("readiness.team.noMembers")}</p>
        ) : (
          <TableRegion label={t("readiness.team.membersHeading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("readiness.team.member")}</th>
                  <th scope="col">{t("readiness.team.ratedColumn")}</th>
                  <th scope="col">{t("readiness.team.statusColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      {member.name} {member.isLead ? <span className="badge">{t("readiness.team.lead")}</span> : null}
                    </th>
                    <td>{t("readiness.team.rated", { rated: member.rated, total: member.total })}</td>
                    <td>
                      {member.submittedAt
                        ? t("readiness.team.memberSubmitted", { date: formatDate(member.submittedAt) })
                        : member.rated > 0
                          ? t("readiness.team.memberInProgress")
                          : t("readiness.team.memberNotStarted")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
