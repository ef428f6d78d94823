import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { SchoolFieldset } from "~/components/SchoolFieldset";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { schoolFieldsSchema } from "~/models/school";
import { getSchool, setSchoolArchived, updateSchool } from "~/models/school.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.settings.school", { values: (data) => ({ school: data.school.name }) });

/** An id that cannot be a school's is answered like an unknown one. */
function schoolIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = z.string().min(1).max(100).safeParse(params.schoolId);
  invariantResponse(parsed.success, "Not found");
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  return { school: await getSchool(user.districtId, schoolIdFrom(params)) };
}

const intentSchema = z.discriminatedUnion("intent", [
  schoolFieldsSchema.extend({ intent: z.literal("update") }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("restore") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const schoolId = schoolIdFrom(params);
  const parsed = parseForm(intentSchema, await request.formData());
  if (!parsed.ok) {
    // Check the school exists first, so a guessed id is a 404 whatever the form holds.
    await getSchool(user.districtId, schoolId);
    return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "update") {
    const { intent: _intent, ...fields } = input;
    const result = await updateSchool(user, schoolId, fields);
    if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
    return { ok: true as const, done: "saved" as const, name: result.school.name };
  }
  const school = await setSchoolArchived(user, schoolId, input.intent === "archive");
  return { ok: true as const, done: input.intent === "archive" ? ("archived" as const) : ("restored" as const), name: school.name };
}

export default function SchoolPage() {
  const { school } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const busy = navigation.state === "submitting";
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.errors : {};

  return (
    <>
      <p>
        <Link to="/settings/schools">
          <span aria-hidden="true">← </span>
          {t("settings.schools.edit.back")}
        </Link>
      </p>
      <section className="card" aria-labelledby="school-heading">
        <h2 id="school-heading">{t("settings.schools.edit.heading", { name: school.name })}</h2>
        {actionData?.ok ? (
          <div className="alert alert--success" role="status">
            {actionData.done === "saved"
              ? t("settings.schools.edit.saved")
              : t(actionData.done === "archived" ? "settings.schools.edit.archived" : "settings.schools.edit.restored", {
                  name: actionData.name,
                })}
          </div>
        ) : null}
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {t("settings.errors.fixBelow")}
          </div>
        ) : null}
        {school.archivedAt ? <p className="alert alert--info">{t("settings.schools.edit.archivedNotice")}</p> : null}
        <Form method="post" noValidate key={school.id}>
          <input type="hidden" name="intent" value="update" />
          <SchoolFieldset errors={errors} defaults={school} />
          <button type="submit" className="button" disabled={busy}>
            {t("settings.schools.edit.submit")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="school-status-heading">
        {school.archivedAt ? (
          <>
            <h2 id="school-status-heading">{t("settings.schools.edit.restoreHeading")}</h2>
            <p>{t("settings.schools.edit.restoreLead")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="restore" />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("settings.schools.edit.restore")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <h2 id="school-status-heading">{t("settings.schools.edit.archiveHeading")}</h2>
            <p>{t("settings.schools.edit.archiveLead")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("settings.schools.edit.archive")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
