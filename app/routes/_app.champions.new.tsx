import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { CHAMPION_STAGES, championPaths } from "~/champions/champion";
import { CHAMPION_ARRAY_FIELDS, championFieldsSchema, contactFieldsSchema, stageMoveSchema, todayField } from "~/champions/champion-form";
import { championOptions, createChampion } from "~/champions/champions.server";
import { isInFuture } from "~/champions/pipeline";
import { ChampionFieldset, useChampionErrors } from "~/components/champions/ChampionFieldset";
import { ContactFieldset } from "~/components/champions/ContactFieldset";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.champions.new");

const MANAGERS = ["leader", "facilitator"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  return { options: await championOptions(user.districtId), today: todayField() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const formData = await request.formData();
  const fields = parseForm(championFieldsSchema, formData, CHAMPION_ARRAY_FIELDS);
  const contact = parseForm(contactFieldsSchema, formData);
  const stage = parseForm(stageMoveSchema, formData);
  const errors: FieldErrors = {
    ...(fields.ok ? {} : fields.errors),
    ...(contact.ok ? {} : contact.errors),
    ...(stage.ok ? {} : stage.errors),
    ...(stage.ok && isInFuture(stage.data.at) ? { at: "dateInFuture" } : {}),
  };
  if (!fields.ok || !contact.ok || !stage.ok || Object.keys(errors).length > 0) return data({ errors }, { status: 400 });
  const created = await createChampion(user, { fields: fields.data, contact: contact.data, stage: stage.data.stage, stageAt: stage.data.at, source: "manual" });
  if (!created.ok) return data({ errors: created.errors }, { status: 400 });
  return redirect(`${championPaths.person(created.champion.id)}?added=1`);
}

export default function AddChampion() {
  const { options, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors = actionData?.errors ?? {};
  const errorFor = useChampionErrors(errors);
  return (
    <section className="card" aria-labelledby="add-heading">
      <p>
        <Link to={championPaths.directory}>
          <span aria-hidden="true">← </span>
          {t("champions.person.back")}
        </Link>
      </p>
      <h2 id="add-heading">{t("champions.add.heading")}</h2>
      <p className="muted">{t("champions.add.lead")}</p>
      {actionData ? <ErrorSummary formId="champion-add-form" message={t("champions.errors.fixBelow")} result={actionData} /> : null}
      <Form method="post" noValidate className="champions-form" id="champion-add-form">
        <ChampionFieldset errors={errors} options={options} withNotes />
        <h3>{t("champions.add.contactHeading")}</h3>
        <p className="muted">{t("champions.person.contact.lead")}</p>
        <ContactFieldset errors={errors} today={today} />
        <h3>{t("champions.add.pipelineHeading")}</h3>
        <div className="champions-pair">
          <SelectField
            label={t("champions.fields.stage")}
            name="stage"
            defaultValue="identified"
            options={CHAMPION_STAGES.map((stage) => ({ value: stage, label: t(`champions.stages.${stage}`) }))}
            error={errorFor("stage")}
          />
          <Field type="date" label={t("champions.fields.stageAt")} name="at" defaultValue={today} max={today} required error={errorFor("at")} />
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("champions.add.submit")}
        </button>
      </Form>
    </section>
  );
}
