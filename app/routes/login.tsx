import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { attemptLogin } from "~/auth/login.server";
import { getSessionUser, safeRedirectPath, startSession } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { isLocale } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { emailSchema } from "~/models/district";
import { isFirstRun } from "~/models/district.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";

export const meta = pageTitle("titles.login");

const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "required" }).min(1, "required").max(200, "tooLong"),
  redirectTo: z.string().max(2000).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await isFirstRun()) throw redirect("/setup");
  if (await getSessionUser(request)) throw redirect("/dashboard");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, formError: null, retryMinutes: 0 }, { status: 400 });
  const result = await attemptLogin(parsed.data.email, parsed.data.password, clientAddress(context));
  if (!result.ok) {
    if (result.reason === "throttled") {
      return data(
        { errors: {}, formError: "throttled" as const, retryMinutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ errors: {}, formError: "invalid" as const, retryMinutes: 0 }, { status: 401 });
  }
  const headers = new Headers({ "Set-Cookie": await startSession(result.userId, request.headers.get("User-Agent")) });
  // A staff member who chose a language in their account gets it on every device they sign in from.
  if (isLocale(result.preferredLanguage)) headers.append("Set-Cookie", await localeCookie.serialize(result.preferredLanguage));
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers });
}

export default function Login() {
  const { t } = useLocale();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const fieldError = (name: string) => (errors[name] ? t(`auth.errors.${errors[name]}` as "auth.errors.required") : undefined);
  return (
    <PublicPage title={t("auth.login.title")}>
      <p>{t("auth.login.lead")}</p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError === "throttled"
            ? t("auth.login.throttled", { minutes: actionData.retryMinutes })
            : t("auth.login.invalid")}
        </div>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("auth.login.email")} name="email" type="email" autoComplete="username" required error={fieldError("email")} />
        <Field
          label={t("auth.login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError("password")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p className="row" style={{ marginTop: "1rem" }}>
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
    </PublicPage>
  );
}
