import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { sendPasswordResetLink, TOKEN_LIFETIME_HOURS } from "~/auth/access-token.server";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { emailSchema } from "~/models/district";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { canSendEmail } from "~/utils/mailer.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

export const meta = pageTitle("titles.forgotPassword");

const FORGOT_WINDOW_SECONDS = 60 * 60;
const FORGOT_REQUESTS_PER_EMAIL = 3;
const FORGOT_REQUESTS_PER_ADDRESS = 10;

const forgotSchema = z.object({ email: emailSchema });

export function loader() {
  return { canEmail: canSendEmail() };
}

type ForgotResult =
  | { outcome: "noEmail" }
  | { outcome: "invalid"; errors: Record<string, string> }
  | { outcome: "throttled"; minutes: number }
  | { outcome: "sent"; hours: number };

export async function action({ request, context }: ActionFunctionArgs) {
  // Without email there is nothing this form could do: the page points to the district leader instead.
  if (!canSendEmail()) return data<ForgotResult>({ outcome: "noEmail" });
  const parsed = parseForm(forgotSchema, await request.formData());
  if (!parsed.ok) return data<ForgotResult>({ outcome: "invalid", errors: parsed.errors }, { status: 400 });
  const email = parsed.data.email;
  // Both limits count every request, for accounts and non-accounts alike, so hitting one reveals nothing.
  const [byEmail, byAddress] = await Promise.all([
    hitRateLimit(`forgot:email:${email}`, FORGOT_REQUESTS_PER_EMAIL, FORGOT_WINDOW_SECONDS),
    hitRateLimit(`forgot:address:${clientAddress(context)}`, FORGOT_REQUESTS_PER_ADDRESS, FORGOT_WINDOW_SECONDS),
  ]);
  if (!byEmail.allowed || !byAddress.allowed) {
    const retryAfterSeconds = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
    return data<ForgotResult>(
      { outcome: "throttled", minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
      { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
    );
  }
  // Not awaited: the answer must come as fast for an unknown email as for one that gets a message.
  void sendPasswordResetLink(email, request).catch((error: unknown) => {
    console.error("The password reset email could not be sent:", error);
  });
  return data<ForgotResult>({ outcome: "sent", hours: TOKEN_LIFETIME_HOURS.password_reset });
}

export default function ForgotPassword() {
  const { canEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors: Record<string, string> = actionData?.outcome === "invalid" ? actionData.errors : {};
  const emailError = errors.email ? t(`auth.errors.${errors.email}` as "auth.errors.required") : undefined;
  return (
    <PublicPage title={t("auth.forgot.title")}>
      {canEmail ? (
        <>
          {actionData?.outcome === "sent" ? (
            <div className="alert alert--success" role="status">
              {t("auth.forgot.sent", { hours: actionData.hours })}
            </div>
          ) : (
            <p>{t("auth.forgot.lead")}</p>
          )}
          {actionData?.outcome === "throttled" ? (
            <div className="alert alert--error" role="alert">
              {t("auth.forgot.throttled", { minutes: actionData.minutes })}
            </div>
          ) : null}
          <Form method="post" noValidate>
            <Field label={t("auth.forgot.email")} name="email" type="email" autoComplete="username" required error={emailError} />
            <button className="button" type="submit" disabled={navigation.state === "submitting"}>
              {t("auth.forgot.submit")}
            </button>
          </Form>
        </>
      ) : (
        <div className="alert alert--info" role="status">
          {t("auth.forgot.noEmail")}
        </div>
      )}
      <p style={{ marginTop: "1rem" }}>
        <Link to="/login">{t("auth.forgot.backToLogin")}</Link>
      </p>
    </PublicPage>
  );
}
