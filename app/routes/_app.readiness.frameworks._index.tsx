import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { FRAMEWORK_NAME_MAX, frameworkFieldsSchema, idSchema } from "~/readiness/forms";
import { copyFramework, listFrameworks } from "~/readiness/framework.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.readiness.frameworks");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader", "facilitator"]);
  return { canEdit: user.role === "leader", frameworks: await listFrameworks(user.districtId) };
}

const copySchema = z.object({ intent: z.literal("copy"), frameworkId: idSchema, name: frameworkFieldsSchema.shape.name });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const parsed = parseForm(copySchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await copyFramework(user, parsed.data.frameworkId, parsed.data.name);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirect(`/readiness/frameworks/${result.frameworkId}?copied=1`);
}

export default function Frameworks() {
  const { canEdit, frameworks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors: FieldErrors = actionData?.errors ?? {};
  const errorFor = (field: string) => (errors[field] ? t(`readiness.errors.${errors[field]}` as MessageKey) : undefined);

  return (
    <>
      <section className="card" aria-labelledby="frameworks-heading">
        <h2 id="frameworks-heading">{t("readiness.frameworks.heading")}</h2>
        <p className="muted">{t("readiness.frameworks.lead")}</p>
        <ul className="plain-list framework-list">
          {frameworks.map((framework) => (
            <li key={framework.id} className="framework-item">
              <h3>
                <Link to={`/readiness/frameworks/${framework.id}`}>{framework.name}</Link>
              </h3>
              <p className="row">
                {framework.builtIn ? <span className="badge badge--muted">{t("readiness.frameworks.builtIn")}</span> : null}
                {framework.isDefault ? <span className="badge">{t("readiness.frameworks.default")}</span> : null}
                {framework.copiedFrom ? <span className="badge badge--muted">{t("readiness.frameworks.copyOf", { name: framework.copiedFrom })}</span> : null}
                <span className="muted">
                  {t("readiness.frameworks.size", {
                    indicators: t("readiness.frameworks.indicatorCount", { count: framework.indicatorCount }),
                    dimensions: t("readiness.frameworks.dimensionCount", { count: framework.dimensionCount }),
                    version: framework.latestVersion,
                  })}
                </span>
              </p>
              {framework.description ? <p className="framework-description">{framework.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="copy-heading">
          <h2 id="copy-heading">{t("readiness.frameworks.copyHeading")}</h2>
          <p className="muted">{t("readiness.frameworks.copyLead")}</p>
          {actionData ? (
            <div className="alert alert--error" role="alert">
              {t("readiness.errors.fixBelow")}
            </div>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="copy" />
            <SelectField
              name="frameworkId"
              label={t("readiness.frameworks.source")}
              options={frameworks.map((framework) => ({ value: framework.id, label: framework.name }))}
              error={errorFor("frameworkId")}
            />
            <Field
              type="text"
              name="name"
              label={t("readiness.frameworks.copyName")}
              hint={t("readiness.frameworks.copyNameHint")}
              maxLength={FRAMEWORK_NAME_MAX}
              required
              error={errorFor("name")}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("readiness.frameworks.copy")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
