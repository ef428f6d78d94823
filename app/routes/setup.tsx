import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { startSession } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { newDistrictSchema, PASSWORD_MIN_LENGTH } from "~/models/district";
import { createDistrict, isFirstRun } from "~/models/district.server";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle("titles.setup");

const setupSchema = newDistrictSchema
  .extend({ confirmPassword: z.string({ error: "required" }).max(200, "passwordTooLong") })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

export async function loader() {
  if (!(await isFirstRun())) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  // Only the very first visitor of an empty deployment may create a district this way.
  if (!(await isFirstRun())) throw redirect("/login");
  const parsed = parseForm(setupSchema, await request.formData(), ["languages"]);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { leaderId } = await createDistrict(parsed.data);
  const cookie = await startSession(leaderId, request.headers.get("User-Agent"));
  return redirect("/dashboard", { headers: { "Set-Cookie": cookie } });
}

export default function Setup() {
  const { t } = useLocale();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const message = (name: string) => {
    const key = errors[name];
    if (!key) return undefined;
    const text = t(`auth.errors.${key}` as "auth.errors.required", { min: PASSWORD_MIN_LENGTH });
    return text.startsWith("auth.errors.") ? t("common.validation.invalid") : text;
  };
  return (
    <PublicPage title={t("auth.setup.title")}>
      <p>{t("auth.setup.lead")}</p>
      {Object.keys(errors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          {t("common.fixErrors")}
        </div>
      ) : null}
      <Form method="post" noValidate>
        <Field label={t("auth.setup.districtName")} name="districtName" required autoComplete="organization" error={message("districtName")} />
        <fieldset aria-describedby={errors.languages ? "languages-error" : undefined}>
          <legend>{t("auth.setup.languages")}</legend>
          {SUPPORTED_LOCALES.map((code) => (
            <label key={code} className="checkbox">
              <input type="checkbox" name="languages" value={code} defaultChecked />
              <span lang={code}>{t(`common.languageNames.${code}`)}</span>
            </label>
          ))}
          {errors.languages ? (
            <p className="field-error" id="languages-error">
              {message("languages")}
            </p>
          ) : null}
        </fieldset>
        <Field label={t("auth.setup.leaderName")} name="leaderName" required autoComplete="name" error={message("leaderName")} />
        <Field label={t("auth.setup.leaderEmail")} name="leaderEmail" type="email" required autoComplete="email" error={message("leaderEmail")} />
        <Field
          label={t("auth.setup.password")}
          name="password"
          type="password"
          required
          autoComplete="new-password"
          hint={t("auth.setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          error={message("password")}
        />
        <Field
          label={t("auth.setup.confirmPassword")}
          name="confirmPassword"
          type="password"
          required
          autoComplete="new-password"
          error={message("confirmPassword")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("auth.setup.submit")}
        </button>
      </Form>
    </PublicPage>
  );
}

