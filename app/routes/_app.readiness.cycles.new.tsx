import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { cycleFormSchools, openCycle } from "~/readiness/cycle.server";
import { CYCLE_NAME_MAX, cycleFieldsSchema } from "~/readiness/forms";
import { listFrameworks } from "~/readiness/framework.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.readiness.newCycle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const [frameworks, schools] = await Promise.all([listFrameworks(user.districtId), cycleFormSchools(user.districtId)]);
  return { frameworks, schools };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const today = new Date().toISOString().slice(0, 10);
  const parsed = parseForm(cycleFieldsSchema(today), await request.formData(), ["schoolIds"]);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await openCycle(user, parsed.data);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirect(`/readiness/cycles/${result.cycleId}?opened=1`);
}

export default function NewCycle() {
  const { frameworks, schools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors: FieldErrors = actionData?.errors ?? {};
  const errorFor = (field: string) => (errors[field] ? t(`readiness.errors.${errors[field]}` as MessageKey) : undefined);
  const defaultFramework = frameworks.find((framework) => framework.isDefault)?.id;

  return (
    <section className="card" aria-labelledby="new-cycle-heading">
      <p>
        <Link to="/readiness">
          <span aria-hidden="true">← </span>
          {t("readiness.newCycle.back")}
        </Link>
      </p>
      <h2 id="new-cycle-heading">{t("readiness.newCycle.heading")}</h2>
      <p className="muted">{t("readiness.newCycle.lead")}</p>
      {actionData ? (
        <div className="alert alert--error" role="alert">
          {t("readiness.errors.fixBelow")}
        </div>
      ) : null}
      {schools.length === 0 ? (
        <p className="alert alert--info">{t("readiness.newCycle.noSchools")}</p>
      ) : (
        <Form method="post" noValidate className="cycle-form">
          <Field
            type="text"
            name="name"
            label={t("readiness.newCycle.name")}
            hint={t("readiness.newCycle.nameHint")}
            maxLength={CYCLE_NAME_MAX}
            required
            error={errorFor("name")}
          />
          <SelectField
            name="frameworkId"
            label={t("readiness.newCycle.framework")}
            hint={t("readiness.newCycle.frameworkHint")}
            defaultValue={defaultFramework}
            options={frameworks.map((framework) => ({
              value: framework.id,
              label: t("readiness.newCycle.frameworkOption", { name: framework.name, number: framework.latestVersion, count: framework.indicatorCount }),
            }))}
            error={errorFor("frameworkId")}
          />
          <fieldset aria-describedby={errors.schoolIds ? "schoolIds-error schoolIds-hint" : "schoolIds-hint"}>
            <legend>{t("readiness.newCycle.schools")}</legend>
            <p className="hint" id="schoolIds-hint">
              {t("readiness.newCycle.schoolsHint")}
            </p>
            {schools.map((school) => (
              <label key={school.id} className="checkbox">
                <input type="checkbox" name="schoolIds" value={school.id} />
                {school.name}
              </label>
            ))}
            {errors.schoolIds ? (
              <p className="field-error" id="schoolIds-error">
                {errorFor("schoolIds")}
              </p>
            ) : null}
          </fieldset>
          <Field type="date" name="dueDate" label={t("readiness.newCycle.dueDate")} hint={t("readiness.newCycle.dueDateHint")} required error={errorFor("dueDate")} />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("readiness.newCycle.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
