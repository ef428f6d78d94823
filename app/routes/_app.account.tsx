import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { describeDevice } from "~/auth/device";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { getCurrentSessionId, requireUser, revokeAllSessions } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { TableRegion } from "~/components/TableRegion";
import { SelectField } from "~/components/SelectField";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { PASSWORD_MIN_LENGTH, passwordSchema } from "~/models/district";
import { staffNameSchema } from "~/models/staff";
import { prisma } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { clearRateLimit, hitRateLimit, isRateLimited } from "~/utils/rate-limit.server";

export const meta = pageTitle("titles.account");

const PASSWORD_FAILURES_ALLOWED = 5;
const PASSWORD_FAILURE_WINDOW_SECONDS = 15 * 60;

async function requireAccount(request: Request) {
  const user = await requireUser(request);
  const sessionId = await getCurrentSessionId(request);
  // requireUser just found the session, so only a session ending between the two reads lands here.
  if (!sessionId) throw redirect("/login");
  return { user, sessionId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireAccount(request);
  const [school, sessions] = await Promise.all([
    user.schoolId ? prisma.school.findFirst({ where: { id: user.schoolId, districtId: user.districtId }, select: { name: true } }) : null,
    prisma.session.findMany({
      where: { userId: user.id, expiresAt: { gt: new Date() } },
      select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
      orderBy: { lastSeenAt: "desc" },
    }),
  ]);
  return {
    profile: { name: user.name, email: user.email, role: user.role, schoolName: school?.name ?? null, preferredLanguage: user.preferredLanguage },
    passwordMinLength: PASSWORD_MIN_LENGTH,
    sessions: sessions
      .map((session) => ({
        id: session.id,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        device: describeDevice(session.userAgent),
        isCurrent: session.id === sessionId,
      }))
      .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent)),
  };
}

const intentSchema = z.enum(["profile", "password", "endSession", "endOthers"]);

const profileSchema = z.object({
  name: staffNameSchema,
  preferredLanguage: z
    .union([z.literal(""), z.enum(SUPPORTED_LOCALES)], { error: "invalid" })
    .optional()
    .transform((value) => (value ? value : null)),
});

const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "required" }).min(1, "required").max(200, "passwordTooLong"),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "required" }).max(200, "passwordTooLong"),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

const endSessionSchema = z.object({ sessionId: z.string({ error: "required" }).min(1, "required").max(128, "invalid") });

function invalid(errors: Record<string, string>, status = 400) {
  return data({ ok: false as const, errors }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireAccount(request);
  const formData = await request.formData();
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalid({ form: "invalid" });

  switch (intent.data) {
    case "profile": {
      const parsed = parseForm(profileSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors);
      await prisma.user.update({ where: { id: user.id }, data: parsed.data, select: { id: true } });
      await prisma.auditEvent.create({
        data: { districtId: user.districtId, actorId: user.id, action: "account.profile_updated", subjectId: user.id },
      });
      // The interface follows the saved language at once, through the same cookie as the language switch.
      const headers = parsed.data.preferredLanguage ? { "Set-Cookie": await localeCookie.serialize(parsed.data.preferredLanguage) } : undefined;
      return data({ ok: true as const, intent: intent.data, ended: 0 }, { headers });
    }
    case "password": {
      const parsed = parseForm(passwordChangeSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors);
      // Someone at an unattended, signed-in computer must not be able to guess the password to take the account over.
      const throttleKey = `account:password:${user.id}`;
      const throttle = await isRateLimited(throttleKey, PASSWORD_FAILURES_ALLOWED);
      if (!throttle.allowed) return invalid({ currentPassword: "throttled" }, 429);
      const account = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
      if (!(await verifyPassword(account?.passwordHash, parsed.data.currentPassword))) {
        await hitRateLimit(throttleKey, PASSWORD_FAILURES_ALLOWED, PASSWORD_FAILURE_WINDOW_SECONDS);
        return invalid({ currentPassword: "wrongPassword" });
      }
      await clearRateLimit(throttleKey);
      const passwordHash = await hashPassword(parsed.data.newPassword);
      await prisma.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
      const ended = await revokeAllSessions(user.id, sessionId);
      await prisma.auditEvent.create({
        data: { districtId: user.districtId, actorId: user.id, action: "account.password_changed", subjectId: user.id, detail: { sessionsEnded: ended } },
      });
      return { ok: true as const, intent: intent.data, ended };
    }
    case "endSession": {
      const parsed = parseForm(endSessionSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors);
      // Only one's own sessions, and never the current one: signing out is the header's button.
      const { count } = await prisma.session.deleteMany({
        where: { AND: [{ id: parsed.data.sessionId }, { id: { not: sessionId } }], userId: user.id },
      });
      invariantResponse(count === 1, "Not found");
      return { ok: true as const, intent: intent.data, ended: count };
    }
    case "endOthers": {
      const ended = await revokeAllSessions(user.id, sessionId);
      return { ok: true as const, intent: intent.data, ended };
    }
  }
}

export default function Account() {
  const { profile, sessions, passwordMinLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useLocale();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.errors : {};
  const errorText = (key: string | undefined) => {
    if (!key) return undefined;
    if (key === "wrongPassword") return t("auth.account.wrongPassword");
    if (key === "throttled") return t("auth.login.throttled", { minutes: PASSWORD_FAILURE_WINDOW_SECONDS / 60 });
    if (key === "invalid") return t("common.validation.invalid");
    if (key === "tooLong") return t("common.validation.tooLong", { max: 120 });
    return t(`auth.errors.${key}` as "auth.errors.required", { min: passwordMinLength });
  };
  const done = actionData?.ok ? actionData : null;
  const languageOptions = [
    { value: "", label: t("auth.account.languageBrowser") },
    ...SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`common.languageNames.${code}`) })),
  ];
  const otherSessions = sessions.filter((session) => !session.isCurrent);

  return (
    <>
      <h1>{t("auth.account.title")}</h1>
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          {errorText(errors.form)}
        </div>
      ) : null}

      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t("auth.account.profile")}</h2>
        {done?.intent === "profile" ? (
          <div className="alert alert--success" role="status">
            {t("auth.account.profileSaved")}
          </div>
        ) : null}
        <dl className="facts">
          <dt>{t("auth.account.email")}</dt>
          <dd>{profile.email}</dd>
          <dt>{t("auth.account.role")}</dt>
          <dd>{t(`common.roles.${profile.role}`)}</dd>
          {profile.role === "school" ? (
            <>
              <dt>{t("auth.account.school")}</dt>
              <dd>{profile.schoolName ?? t("auth.account.noSchool")}</dd>
            </>
          ) : null}
        </dl>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <Field
            label={t("auth.account.name")}
            name="name"
            type="text"
            autoComplete="name"
            required
            maxLength={120}
            defaultValue={profile.name}
            error={errorText(errors.name)}
          />
          <SelectField
            label={t("auth.account.preferredLanguage")}
            name="preferredLanguage"
            options={languageOptions}
            defaultValue={profile.preferredLanguage ?? ""}
            hint={t("auth.account.languageHint")}
            error={errorText(errors.preferredLanguage)}
          />
          <button className="button" type="submit" disabled={busy}>
            {t("auth.account.saveProfile")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="account-password">
        <h2 id="account-password">{t("auth.account.changePassword")}</h2>
        {done?.intent === "password" ? (
          <div className="alert alert--success" role="status">
            {t("auth.account.passwordChanged")}
          </div>
        ) : null}
        {/* A new key after a change empties the password fields. */}
        <Form method="post" noValidate key={done?.intent === "password" ? "changed" : "password"}>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" autoComplete="username" value={profile.email} />
          <Field
            label={t("auth.account.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={errorText(errors.currentPassword)}
          />
          <Field
            label={t("auth.account.newPassword")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            hint={t("auth.setup.passwordHint", { min: passwordMinLength })}
            error={errorText(errors.newPassword)}
          />
          <Field
            label={t("auth.account.confirmPassword")}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            error={errorText(errors.confirmPassword)}
          />
          <button className="button" type="submit" disabled={busy}>
            {t("auth.account.changePassword")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("auth.account.sessions")}</h2>
        <p className="muted">{t("auth.account.sessionsLead")}</p>
        {done?.intent === "endSession" ? (
          <div className="alert alert--success" role="status">
            {t("auth.account.sessionEnded")}
          </div>
        ) : null}
        {done?.intent === "endOthers" ? (
          <div className="alert alert--success" role="status">
            {t("auth.account.sessionsEnded", { count: done.ended })}
          </div>
        ) : null}
        <TableRegion label={t("auth.account.sessions")} inSection>
          <table>
            <caption className="visually-hidden">{t("auth.account.sessions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("auth.account.device")}</th>
                <th scope="col">{t("auth.account.started")}</th>
                <th scope="col">{t("auth.account.lastSeen")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("auth.account.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const device = session.device
                  ? session.device.browser && session.device.os
                    ? t("auth.account.deviceOn", { browser: session.device.browser, os: session.device.os })
                    : (session.device.browser ?? session.device.os ?? t("auth.account.unknownDevice"))
                  : t("auth.account.unknownDevice");
                return (
                  <tr key={session.id}>
                    <th scope="row">
                      {device}
                      {session.isCurrent ? (
                        <>
                          {" "}
                          <span className="badge">{t("auth.account.thisSession")}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{formatDateTime(session.createdAt)}</td>
                    <td>{formatDateTime(session.lastSeenAt)}</td>
                    <td>
                      {session.isCurrent ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="endSession" />
                          <input type="hidden" name="sessionId" value={session.id} />
                          <button
                            className="button button--secondary"
                            type="submit"
                            disabled={busy}
                            aria-label={`${t("auth.account.endSession")}: ${device}, ${formatDateTime(session.lastSeenAt)}`}
                          >
                            {t("auth.account.endSession")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        {otherSessions.length > 0 ? (
          <Form method="post" style={{ marginTop: "1rem" }}>
            <input type="hidden" name="intent" value="endOthers" />
            <button className="button button--danger" type="submit" disabled={busy}>
              {t("auth.account.endOthers")}
            </button>
          </Form>
        ) : (
          <p className="muted" style={{ marginTop: "1rem" }}>
            {t("auth.account.noOtherSessions")}
          </p>
        )}
      </section>
    </>
  );
}
