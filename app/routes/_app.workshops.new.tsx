import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { WorkshopDetailsFields } from "~/components/agenda/WorkshopDetailsFields";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { parseForm } from "~/utils/forms";
import { WORKSHOP_MANAGER_ROLES, workshopPaths } from "~/workshops/agenda";
import { createWorkshop, districtLanguages } from "~/workshops/workshop.server";
import { workshopDetailsSchema } from "~/workshops/workshop-form";

export const meta = pageTitle("titles.workshops.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  return { languages: await districtLanguages(user.districtId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  const languages = await districtLanguages(user.districtId);
  const parsed = parseForm(workshopDetailsSchema(languages), await request.formData(), ["languages"]);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const workshop = await createWorkshop(user, parsed.data);
  return redirect(`${workshopPaths(workshop.id).page}?created=1`);
}

export default function NewWorkshop() {
  const { languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/workshops">{t("workshops.create.back")}</Link>
      </p>
      <h1>{t("workshops.create.title")}</h1>
      <section className="card">
        <p className="muted">{t("workshops.create.lead")}</p>
        {actionData ? (
          <div className="alert alert--error" role="alert">
            {t("workshops.errors.fixBelow")}
          </div>
        ) : null}
        <Form method="post" noValidate>
          <WorkshopDetailsFields districtLanguages={languages} errors={errors} />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("workshops.create.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
