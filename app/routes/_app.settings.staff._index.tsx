import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { accessTokenUrl, emailAccessLink, emailLocale, TOKEN_LIFETIME_HOURS } from "~/auth/access-token.server";
import { requireRole } from "~/auth/session.server";
import { CopyField } from "~/components/CopyField";
import { Field } from "~/components/Field";
import { TableRegion } from "~/components/TableRegion";
import { SelectField } from "~/components/SelectField";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { STAFF_ROLES, staffErrorMessage } from "~/models/staff";
import { assignableSchools, emailContext, invitationSchema, inviteStaff, listStaff } from "~/models/staff.server";
import { parseForm } from "~/utils/forms";
import { canSendEmail } from "~/utils/mailer.server";

export const meta = pageTitle("titles.settings.staff");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const [staff, schools] = await Promise.all([listStaff(user.districtId), assignableSchools(user.districtId)]);
  return { staff, schools, currentUserId: user.id, invitationDays: TOKEN_LIFETIME_HOURS.invitation / 24 };
}

const intentSchema = z.object({ intent: z.literal("invite") });

/** Whether the link also went out by email: "off" when this server sends no email. */
export type EmailOutcome = "sent" | "failed" | "off";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const formData = await request.formData();
  if (!intentSchema.safeParse({ intent: formData.get("intent") }).success) {
    return data({ ok: false as const, errors: { form: "intent" } }, { status: 400 });
  }
  const parsed = parseForm(invitationSchema, formData);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  const result = await inviteStaff(user, parsed.data);
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  const link = accessTokenUrl(request, result.token);
  let emailed: EmailOutcome = "off";
  if (canSendEmail()) {
    const district = await emailContext(user.districtId);
    try {
      await emailAccessLink({
        purpose: "invitation",
        locale: emailLocale(null, district.defaultLanguage),
        to: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role,
        link,
        expiresAt: result.expiresAt,
        districtName: district.districtName,
        inviterName: user.name,
      });
      emailed = "sent";
    } catch (error) {
      // The invitation stands: the leader still has the link to hand over.
      console.error("The invitation email could not be sent:", error);
      emailed = "failed";
    }
  }
  return {
    ok: true as const,
    invited: { id: result.userId, name: parsed.data.name, email: parsed.data.email },
    link,
    expiresAt: result.expiresAt,
    emailed,
  };
}

export default function StaffSettings() {
  const { staff, schools, currentUserId, invitationDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDate, formatDateTime } = useLocale();
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.errors : {};
  const fieldError = (name: string) => (errors[name] ? staffErrorMessage(t, errors[name]) : undefined);
  // No role is chosen for the leader: an invitation grants only what they pick on purpose.
  const roleOptions = [{ value: "", label: t("staff.invite.roleNone") }, ...STAFF_ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))];
  const schoolOptions = [{ value: "", label: t("staff.invite.schoolNone") }, ...schools.map((school) => ({ value: school.id, label: school.name }))];

  return (
    <>
      <h2>{t("staff.title")}</h2>
      <p className="muted">{t("staff.lead")}</p>

      <section className="card" aria-labelledby="invite-title">
        <h3 id="invite-title">{t("staff.invite.title")}</h3>
        <p className="muted">{t("staff.invite.lead", { days: invitationDays })}</p>
        {actionData?.ok ? (
          <div className="alert alert--success" role="status">
            <p>{t("staff.invite.done", { name: actionData.invited.name })}</p>
            {actionData.emailed === "sent" ? <p>{t("staff.invite.emailed", { email: actionData.invited.email })}</p> : null}
            {actionData.emailed === "failed" ? <p>{t("staff.invite.emailFailed", { email: actionData.invited.email })}</p> : null}
          </div>
        ) : null}
        {actionData?.ok ? (
          <>
            <CopyField label={t("staff.link.label", { name: actionData.invited.name })} value={actionData.link} />
            <p className="muted">{t("staff.link.expires", { date: formatDateTime(actionData.expiresAt) })}</p>
          </>
        ) : null}
        {errors.form ? (
          <div className="alert alert--error" role="alert">
            {staffErrorMessage(t, errors.form)}
          </div>
        ) : null}
        {/* A new key after each invitation empties the form for the next colleague. */}
        <Form method="post" noValidate key={actionData?.ok ? actionData.invited.id : "invite"}>
          <input type="hidden" name="intent" value="invite" />
          <div className="grid">
            <Field label={t("staff.invite.name")} name="name" type="text" autoComplete="off" required maxLength={120} error={fieldError("name")} />
            <Field label={t("staff.invite.email")} name="email" type="email" autoComplete="off" required error={fieldError("email")} />
            <SelectField
              label={t("staff.invite.role")}
              name="role"
              options={roleOptions}
              defaultValue=""
              required
              hint={t("staff.invite.roleHint")}
              error={fieldError("role")}
            />
            <SelectField
              label={t("staff.invite.school")}
              name="schoolId"
              options={schoolOptions}
              defaultValue=""
              hint={t("staff.invite.schoolHint")}
              error={fieldError("schoolId")}
            />
          </div>
          <button className="button" type="submit" disabled={navigation.state === "submitting"}>
            {t("staff.invite.submit")}
          </button>
        </Form>
      </section>

      <TableRegion label={t("staff.list.caption")}>
        <table>
          <caption className="visually-hidden">{t("staff.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.list.name")}</th>
              <th scope="col">{t("staff.list.email")}</th>
              <th scope="col">{t("staff.list.role")}</th>
              <th scope="col">{t("staff.list.school")}</th>
              <th scope="col">{t("staff.list.status")}</th>
              <th scope="col">{t("staff.list.lastSignIn")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  <Link to={`/settings/staff/${member.id}`}>{member.name}</Link>
                  {member.id === currentUserId ? <span className="muted"> ({t("staff.list.you")})</span> : null}
                </th>
                <td>{member.email}</td>
                <td>{t(`common.roles.${member.role}`)}</td>
                <td>{member.schoolName ?? t("staff.list.never")}</td>
                <td>
                  <span className={member.status === "active" ? "badge" : "badge badge--muted"}>{t(`staff.status.${member.status}`)}</span>
                </td>
                <td>{member.lastSignInAt ? formatDate(member.lastSignInAt) : t("staff.list.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
