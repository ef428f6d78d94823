import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { accessTokenUrl, emailAccessLink, emailLocale, TOKEN_LIFETIME_HOURS, type IssuedToken } from "~/auth/access-token.server";
import { requireRole, type SessionUser } from "~/auth/session.server";
import { CopyField } from "~/components/CopyField";
import { SelectField } from "~/components/SelectField";
import type { TokenPurpose } from "~/generated/prisma/client";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { roleAssignmentSchema, STAFF_ROLES, staffErrorMessage } from "~/models/staff";
import {
  assignableSchools,
  changeRole,
  disableStaff,
  emailContext,
  enableStaff,
  issuePasswordReset,
  requireStaffMember,
  resendInvitation,
  type StaffMember,
} from "~/models/staff.server";
import { parseForm } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { canSendEmail } from "~/utils/mailer.server";

export const meta = pageTitle("titles.settings.staffMember");

const userIdSchema = z.string().min(1).max(64);

async function memberFromParams(request: Request, userIdParam: string | undefined) {
  const user = await requireRole(request, ["leader"]);
  const userId = userIdSchema.safeParse(userIdParam);
  invariantResponse(userId.success, "Not found");
  return { user, member: await requireStaffMember(user, userId.data) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await memberFromParams(request, params.userId);
  return {
    member,
    schools: await assignableSchools(user.districtId),
    isSelf: member.id === user.id,
    resetHours: TOKEN_LIFETIME_HOURS.password_reset,
  };
}

const intentSchema = z.enum(["role", "resend", "reset", "disable", "enable"]);

type EmailOutcome = "sent" | "failed" | "off";

/** Emails a freshly issued link when this server can send email; the leader has the link either way. */
async function emailLink(actor: SessionUser, member: StaffMember, purpose: TokenPurpose, link: string, issued: IssuedToken): Promise<EmailOutcome> {
  if (!canSendEmail()) return "off";
  const district = await emailContext(actor.districtId);
  try {
    await emailAccessLink({
      purpose,
      // Someone who has not signed in yet has no language of their own: the district's is the best guess.
      locale: emailLocale(purpose === "invitation" ? null : member.preferredLanguage, district.defaultLanguage),
      to: member.email,
      name: member.name,
      role: member.role,
      link,
      expiresAt: issued.expiresAt,
      districtName: district.districtName,
      inviterName: actor.name,
    });
    return "sent";
  } catch (error) {
    console.error("The access link email could not be sent:", error);
    return "failed";
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, member } = await memberFromParams(request, params.userId);
  const formData = await request.formData();
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return data({ ok: false as const, errors: { form: "intent" } }, { status: 400 });

  if (intent.data === "role") {
    const parsed = parseForm(roleAssignmentSchema, formData);
    if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
    const result = await changeRole(user, member.id, parsed.data);
    if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
    return { ok: true as const, intent: intent.data };
  }
  if (intent.data === "resend" || intent.data === "reset") {
    const result = intent.data === "resend" ? await resendInvitation(user, member.id) : await issuePasswordReset(user, member.id);
    if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
    const purpose: TokenPurpose = intent.data === "resend" ? "invitation" : "password_reset";
    const link = accessTokenUrl(request, result.token);
    const emailed = await emailLink(user, member, purpose, link, result);
    return { ok: true as const, intent: intent.data, link, expiresAt: result.expiresAt, emailed };
  }
  const result = intent.data === "disable" ? await disableStaff(user, member.id) : await enableStaff(user, member.id);
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return { ok: true as const, intent: intent.data };
}

export default function StaffMemberSettings() {
  const { member, schools, isSelf, resetHours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useLocale();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.errors : {};
  const fieldError = (name: string) => (errors[name] ? staffErrorMessage(t, errors[name]) : undefined);
  const done = actionData?.ok ? actionData : null;
  const issued = done?.link && done.expiresAt ? { link: done.link, expiresAt: done.expiresAt, emailed: done.emailed } : null;
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));
  const schoolOptions = [{ value: "", label: t("staff.invite.schoolNone") }, ...schools.map((school) => ({ value: school.id, label: school.name }))];

  let success: string | null = null;
  if (done?.intent === "role") success = t("staff.member.roleSaved");
  else if (done?.intent === "resend") success = t("staff.member.resent", { name: member.name });
  else if (done?.intent === "reset") success = t("staff.member.resetIssued", { name: member.name, hours: resetHours });
  else if (done?.intent === "disable") success = t("staff.member.disabled");
  else if (done?.intent === "enable") success = t("staff.member.enabled");

  return (
    <>
      <p>
        <Link to="/settings/staff">{t("staff.member.back")}</Link>
      </p>
      <h2>{member.name}</h2>
      {success ? (
        <div className="alert alert--success" role="status">
          <p>{success}</p>
          {issued?.emailed === "sent" ? <p>{t("staff.invite.emailed", { email: member.email })}</p> : null}
          {issued?.emailed === "failed" ? <p>{t("staff.invite.emailFailed", { email: member.email })}</p> : null}
        </div>
      ) : null}
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          {staffErrorMessage(t, errors.form)}
        </div>
      ) : null}
      {issued ? (
        <div className="card">
          <CopyField label={t("staff.link.label", { name: member.name })} value={issued.link} />
          <p className="muted">{t("staff.link.expires", { date: formatDateTime(issued.expiresAt) })}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="member-details">
        <h3 id="member-details">{t("staff.member.details")}</h3>
        <dl className="facts">
          <dt>{t("staff.list.email")}</dt>
          <dd>{member.email}</dd>
          <dt>{t("staff.list.role")}</dt>
          <dd>{t(`common.roles.${member.role}`)}</dd>
          <dt>{t("staff.list.school")}</dt>
          <dd>{member.schoolName ?? t("staff.list.never")}</dd>
          <dt>{t("staff.member.status")}</dt>
          <dd>
            <span className={member.status === "active" ? "badge" : "badge badge--muted"}>{t(`staff.status.${member.status}`)}</span>
          </dd>
          <dt>{t("staff.member.lastSignIn")}</dt>
          <dd>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : t("staff.list.never")}</dd>
        </dl>
        {isSelf ? (
          <p className="muted">
            {t("staff.member.selfNote")} <Link to="/account">{t("common.nav.account")}</Link>
          </p>
        ) : null}
      </section>

      {isSelf ? null : (
        <section className="card" aria-labelledby="member-role">
          <h3 id="member-role">{t("staff.member.roleTitle")}</h3>
          {/* Keyed by the saved values so the selects show what was saved after revalidation. */}
          <Form method="post" noValidate key={`${member.role}:${member.schoolId ?? ""}`}>
            <input type="hidden" name="intent" value="role" />
            <div className="grid">
              <SelectField label={t("staff.invite.role")} name="role" options={roleOptions} defaultValue={member.role} error={fieldError("role")} />
              <SelectField
                label={t("staff.invite.school")}
                name="schoolId"
                options={schoolOptions}
                defaultValue={member.schoolId ?? ""}
                hint={t("staff.invite.schoolHint")}
                error={fieldError("schoolId")}
              />
            </div>
            <button className="button" type="submit" disabled={busy}>
              {t("staff.member.saveRole")}
            </button>
          </Form>
        </section>
      )}

      <section className="card" aria-labelledby="member-access">
        <h3 id="member-access">{t("staff.member.accessTitle")}</h3>
        {member.status === "invited" ? (
          <Form method="post">
            <p>{t("staff.member.invitedLead", { name: member.name })}</p>
            <button className="button" type="submit" name="intent" value="resend" disabled={busy}>
              {t("staff.member.resend")}
            </button>
          </Form>
        ) : null}
        {member.status === "active" ? (
          <Form method="post">
            <p>{t("staff.member.activeLead", { name: member.name, hours: resetHours })}</p>
            <button className="button" type="submit" name="intent" value="reset" disabled={busy}>
              {t("staff.member.reset")}
            </button>
          </Form>
        ) : null}
        {member.status === "disabled" ? (
          <Form method="post">
            <p>{t("staff.member.disabledLead", { name: member.name })}</p>
            <button className="button" type="submit" name="intent" value="enable" disabled={busy}>
              {t("staff.member.enable")}
            </button>
          </Form>
        ) : null}
      </section>

      {isSelf || member.status === "disabled" ? null : (
        <section className="card" aria-labelledby="member-disable">
          <h3 id="member-disable">{t("staff.member.disableTitle")}</h3>
          <Form method="post">
            <p>{t("staff.member.disableLead", { name: member.name })}</p>
            <button className="button button--danger" type="submit" name="intent" value="disable" disabled={busy}>
              {t("staff.member.disable")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
