import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { listTeams, setTeamLead } from "~/readiness/assessment.server";
import { idSchema } from "~/readiness/forms";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle("titles.readiness.teams");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  return { teams: await listTeams(user.districtId) };
}

const intentSchema = z.object({ intent: z.enum(["mark", "unmark"], { error: "invalid" }), userId: idSchema });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const parsed = parseForm(intentSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false as const }, { status: 400 });
  const { name } = await setTeamLead(user, parsed.data.userId, parsed.data.intent === "mark");
  return { ok: true as const, intent: parsed.data.intent, name, userId: parsed.data.userId };
}

export default function Teams() {
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const busy = navigation.state === "submitting";
  return (
    <section className="card" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t("readiness.teams.heading")}</h2>
      <p className="muted">{t("readiness.teams.lead")}</p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t(actionData.intent === "mark" ? "readiness.teams.marked" : "readiness.teams.unmarked", { name: actionData.name })}
        </div>
      ) : null}
      {actionData && !actionData.ok ? (
        <div className="alert alert--error" role="alert">
          {t("readiness.errors.invalid")}
        </div>
      ) : null}
      {teams.length === 0 ? <p>{t("readiness.teams.empty")}</p> : null}
      {teams.map((team) => (
        <section key={team.id} aria-labelledby={`team-${team.id}`} className="team-block">
          <h3 id={`team-${team.id}`}>{team.name}</h3>
          {team.members.length === 0 ? (
            <p className="muted">{t("readiness.teams.noMembers")}</p>
          ) : (
            <TableRegion label={team.name} inSection>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("readiness.teams.member")}</th>
                    <th scope="col">{t("readiness.teams.role")}</th>
                    <th scope="col">{t("readiness.teams.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {team.members.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">
                        {member.name} <span className="muted">{member.email}</span>
                      </th>
                      <td>
                        {member.isLead ? (
                          <span className="badge">{t("readiness.teams.leadBadge")}</span>
                        ) : (
                          <span className="badge badge--muted">{t("readiness.teams.memberBadge")}</span>
                        )}
                      </td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value={member.isLead ? "unmark" : "mark"} />
                          <input type="hidden" name="userId" value={member.id} />
                          <button type="submit" className="button button--secondary" disabled={busy}>
                            {t(member.isLead ? "readiness.teams.unmark" : "readiness.teams.mark", { name: member.name })}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ))}
    </section>
  );
}
