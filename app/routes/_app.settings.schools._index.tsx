import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { SchoolFieldset } from "~/components/SchoolFieldset";
import { TableRegion } from "~/components/TableRegion";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { schoolFieldsSchema } from "~/models/school";
import { createSchool, listSchools } from "~/models/school.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.settings.schools");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return { includeArchived, schools: await listSchools(user.districtId, { includeArchived }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const parsed = parseForm(schoolFieldsSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  const result = await createSchool(user, parsed.data);
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return { ok: true as const, school: { id: result.school.id, name: result.school.name } };
}

export default function Schools() {
  const { includeArchived, schools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.errors : {};

  return (
    <>
      <section className="card" aria-labelledby="schools-heading">
        <h2 id="schools-heading">{t("settings.schools.heading")}</h2>
        <p className="muted">{t("settings.schools.lead")}</p>
        <div className="row">
          <Link to="/settings/schools/import">{t("settings.schools.importLink")}</Link>
          <a href="/settings/schools.csv" download>
            {t("settings.schools.exportLink")}
          </a>
        </div>
        <Form method="get" className="row school-filter" aria-label={t("settings.schools.filterLabel")}>
          <label className="checkbox">
            <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} />
            {t("settings.schools.showArchived")}
          </label>
          <button type="submit" className="button button--secondary">
            {t("settings.schools.applyFilter")}
          </button>
        </Form>
        <p>{t("settings.schools.count", { count: schools.length })}</p>
        {schools.length === 0 ? (
          <p className="muted">{t("settings.schools.empty")}</p>
        ) : (
          <TableRegion label={t("settings.schools.heading")} inSection>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("settings.schools.name")}</th>
                  <th scope="col">{t("settings.schools.code")}</th>
                  <th scope="col">{t("settings.schools.gradeBand")}</th>
                  <th scope="col">{t("settings.schools.principal")}</th>
                  <th scope="col">{t("settings.schools.status")}</th>
                </tr>
              </thead>
              <tbody>
                {schools.map((school) => (
                  <tr key={school.id}>
                    <th scope="row">
                      <Link to={`/settings/schools/${school.id}`}>{school.name}</Link>
                    </th>
                    <td>{school.code ?? t("settings.schools.none")}</td>
                    <td>{t(`settings.gradeBands.${school.gradeBand}`)}</td>
                    <td>{school.principal ?? t("settings.schools.none")}</td>
                    <td>
                      {school.archivedAt ? (
                        <span className="badge badge--muted">{t("settings.schools.archivedStatus")}</span>
                      ) : (
                        <span className="badge">{t("settings.schools.active")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      <section className="card" aria-labelledby="add-school-heading">
        <h2 id="add-school-heading">{t("settings.schools.add.heading")}</h2>
        {actionData?.ok ? (
          <div className="alert alert--success" role="status">
            {t("settings.schools.add.added", { name: actionData.school.name })}
          </div>
        ) : null}
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {t("settings.errors.fixBelow")}
          </div>
        ) : null}
        <Form method="post" noValidate key={actionData?.ok ? actionData.school.id : "add"}>
          <SchoolFieldset errors={errors} />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("settings.schools.add.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
