import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole, requireUser } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { canEditPortrait, PORTRAIT_EDITOR_ROLES } from "~/portrait/collaboration";
import { saveVersionSchema, VERSION_NAME_MAX } from "~/portrait/versions";
import { listVersions, saveNamedVersion } from "~/portrait/versions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.portrait.versions");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const versions = await listVersions(user.districtId);
  const restoredId = new URL(request.url).searchParams.get("restored");
  return { versions, canEdit: canEditPortrait(user.role), restored: versions.find((version) => version.id === restoredId) ?? null };
}

type ActionResult = { ok: true; name: string } | { ok: false; errors: FieldErrors };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, PORTRAIT_EDITOR_ROLES);
  const parsed = parseForm(saveVersionSchema, await request.formData());
  if (!parsed.ok) return data<ActionResult>({ ok: false, errors: parsed.errors }, { status: 400 });
  await saveNamedVersion({ districtId: user.districtId, userId: user.id, name: parsed.data.name });
  return data<ActionResult>({ ok: true, name: parsed.data.name });
}

export default function PortraitVersions() {
  const { versions, canEdit, restored } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useLocale();
  const kindLabel = (kind: string) => t(`portrait.versions.kinds.${kind}` as MessageKey);
  const versionLabel = (version: (typeof versions)[number]) =>
    `${version.kind === "restored" ? t("portrait.versions.restoredName", { name: version.name }) : version.name} · ${formatDateTime(version.createdAt)}`;

  return (
    <>
      <h1>{t("portrait.versions.title")}</h1>
      <p className="muted">{t("portrait.versions.lead")}</p>
      {restored ? (
        <p className="alert alert--success" role="status">
          {t("portrait.versions.restoredNotice", { name: restored.name })}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {t("portrait.versions.savedNotice", { name: actionData.name })}
        </p>
      ) : null}

      {canEdit ? (
        <Form method="post" className="card" aria-labelledby="save-version-heading" noValidate>
          <h2 id="save-version-heading">{t("portrait.versions.saveHeading")}</h2>
          <input type="hidden" name="intent" value="save" />
          <Field
            label={t("portrait.versions.name")}
            hint={t("portrait.versions.nameHint")}
            name="name"
            type="text"
            maxLength={VERSION_NAME_MAX}
            required
            key={actionData?.ok ? actionData.name : "name"}
            error={actionData && !actionData.ok && actionData.errors.name ? t(actionData.errors.name as MessageKey, { max: VERSION_NAME_MAX }) : undefined}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("portrait.versions.save")}
          </button>
        </Form>
      ) : null}

      {versions.length > 0 ? (
        <Form method="get" action="/portrait/versions/compare" className="card" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t("portrait.versions.compareHeading")}</h2>
          <div className="version-compare-fields">
            <SelectField
              label={t("portrait.versions.from")}
              name="from"
              defaultValue={versions[0]?.id}
              options={versions.map((version) => ({ value: version.id, label: versionLabel(version) }))}
            />
            <SelectField
              label={t("portrait.versions.to")}
              name="to"
              defaultValue="current"
              options={[{ value: "current", label: t("portrait.versions.current") }, ...versions.map((version) => ({ value: version.id, label: versionLabel(version) }))]}
            />
          </div>
          <button type="submit" className="button">
            {t("portrait.versions.compare")}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t("portrait.versions.listHeading", { count: versions.length })}</h2>
        {versions.length === 0 ? (
          <p className="muted">{t("portrait.versions.none")}</p>
        ) : (
          <TableRegion label={t("portrait.versions.listHeading", { count: versions.length })} inSection>
            <table className="versions-table">
              <thead>
                <tr>
                  <th scope="col">{t("portrait.versions.name")}</th>
                  <th scope="col">{t("portrait.versions.kind")}</th>
                  <th scope="col">{t("portrait.versions.savedAt")}</th>
                  <th scope="col">{t("portrait.versions.savedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id}>
                    <th scope="row">
                      <Link to={`/portrait/versions/${version.id}`}>
                        {version.kind === "restored" ? t("portrait.versions.restoredName", { name: version.name }) : version.name}
                      </Link>
                    </th>
                    <td>{kindLabel(version.kind)}</td>
                    <td>
                      <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
                    </td>
                    <td>{version.createdBy ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
