import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { findUsableAccessToken, redeemAccessToken } from "~/auth/access-token.server";
import { startSession } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { isLocale } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { PASSWORD_MIN_LENGTH, passwordSchema } from "~/models/district";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle("titles.invite");

// The token in the address is a secret: keep the page out of caches.
const NO_STORE = { "Cache-Control": "no-store" };
export const headers: HeadersFunction = () => NO_STORE;

const passwordForm = z
  .object({ password: passwordSchema, confirmPassword: z.string({ error: "required" }).max(200, "passwordTooLong") })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

/** One answer for every link that cannot be used, whatever the reason: nothing about it is revealed. */
function invalidLink() {
  return data({ valid: false as const }, { status: 410, headers: NO_STORE });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await findUsableAccessToken(params.token ?? "");
  if (!usable) return invalidLink();
  return data(
    {
      valid: true as const,
      purpose: usable.purpose,
      email: usable.user.email,
      role: usable.user.role,
      districtName: usable.districtName,
      inviterName: usable.inviterName,
      passwordMinLength: PASSWORD_MIN_LENGTH,
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const usable = await findUsableAccessToken(token);
  if (!usable) return invalidLink();
  const parsed = parseForm(passwordForm, await request.formData());
  if (!parsed.ok) return data({ valid: true as const, errors: parsed.errors }, { status: 400, headers: NO_STORE });
  const result = await redeemAccessToken(token, parsed.data.password);
  if (!result.ok) return invalidLink();
  const responseHeaders = new Headers(NO_STORE);
  responseHeaders.append("Set-Cookie", await startSession(result.userId, request.headers.get("User-Agent")));
  if (isLocale(usable.user.preferredLanguage)) responseHeaders.append("Set-Cookie", await localeCookie.serialize(usable.user.preferredLanguage));
  return redirect("/dashboard", { headers: responseHeaders });
}

export default function AcceptLink() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();

  if (!loaderData.valid || actionData?.valid === false) {
    return (
      <PublicPage title={t("auth.invitation.invalidTitle")}>
        <div className="alert alert--error" role="alert">
          {t("auth.invitation.invalid")}
        </div>
        <p>
          <Link to="/login">{t("auth.invitation.toLogin")}</Link>
        </p>
      </PublicPage>
    );
  }

  const errors: Record<string, string> = actionData?.errors ?? {};
  const fieldError = (name: string) =>
    errors[name] ? t(`auth.errors.${errors[name]}` as "auth.errors.required", { min: loaderData.passwordMinLength }) : undefined;
  const isInvitation = loaderData.purpose === "invitation";
  return (
    <PublicPage title={isInvitation ? t("auth.invitation.title", { district: loaderData.districtName }) : t("auth.invitation.resetTitle")}>
      {isInvitation ? (
        <>
          <p>
            {t("auth.invitation.lead", {
              inviter: loaderData.inviterName ?? t("auth.invitation.unknownInviter"),
              district: loaderData.districtName,
              role: t(`auth.invitation.roleInText.${loaderData.role}`),
            })}
          </p>
          <p>{t("auth.invitation.account", { email: loaderData.email })}</p>
        </>
      ) : (
        <p>{t("auth.invitation.resetLead", { email: loaderData.email })}</p>
      )}
      <Form method="post" noValidate>
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={loaderData.email} />
        <Field
          label={t("auth.invitation.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={loaderData.passwordMinLength}
          hint={t("auth.setup.passwordHint", { min: loaderData.passwordMinLength })}
          error={fieldError("password")}
        />
        <Field
          label={t("auth.invitation.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={fieldError("confirmPassword")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("auth.invitation.submit")}
        </button>
      </Form>
    </PublicPage>
  );
}
