import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { requireRole } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { SUPPORTED_LOCALES, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { DISTRICT_NAME_MAX, districtProfileSchema } from "~/models/district-profile";
import { getDistrictProfile, updateDistrictProfile } from "~/models/district-settings.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.settings.district");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  return { profile: await getDistrictProfile(user.districtId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const parsed = parseForm(districtProfileSchema, await request.formData(), ["languages"]);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  await updateDistrictProfile(user, parsed.data);
  return { ok: true as const, errors: {} as FieldErrors };
}

export default function DistrictProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const languagesErrorId = useId();
  const errors: FieldErrors = actionData?.errors ?? {};
  const fieldError = (name: string) =>
    errors[name] ? t(`settings.errors.${errors[name]}` as MessageKey, { max: DISTRICT_NAME_MAX }) : undefined;

  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("settings.profile.heading")}</h2>
      <p className="muted">{t("settings.profile.lead")}</p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t("settings.profile.saved")}
        </div>
      ) : null}
      {actionData && !actionData.ok ? (
        <div className="alert alert--error" role="alert">
          {t("settings.errors.fixBelow")}
        </div>
      ) : null}
      <Form method="post" noValidate>
        <Field
          type="text"
          label={t("settings.profile.name")}
          name="name"
          defaultValue={profile.name}
          maxLength={DISTRICT_NAME_MAX}
          autoComplete="organization"
          required
          error={fieldError("name")}
        />
        <fieldset aria-describedby={fieldError("languages") ? languagesErrorId : undefined}>
          <legend>{t("settings.profile.languages")}</legend>
          <p className="hint">{t("settings.profile.languagesHint")}</p>
          {SUPPORTED_LOCALES.map((code) => (
            <label key={code} className="checkbox" lang={code}>
              <input type="checkbox" name="languages" value={code} defaultChecked={profile.languages.includes(code)} />
              {t(`common.languageNames.${code}`)}
            </label>
          ))}
          {fieldError("languages") ? (
            <p className="field-error" id={languagesErrorId}>
              {fieldError("languages")}
            </p>
          ) : null}
        </fieldset>
        <SelectField
          label={t("settings.profile.defaultLanguage")}
          hint={t("settings.profile.defaultLanguageHint")}
          name="defaultLanguage"
          defaultValue={profile.defaultLanguage}
          options={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`common.languageNames.${code}`) }))}
          error={fieldError("defaultLanguage")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("settings.profile.submit")}
        </button>
      </Form>
    </section>
  );
}
