import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole, requireUser } from "~/auth/session.server";
import { RichText } from "~/components/portrait/RichText";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { canEditPortrait, PORTRAIT_EDITOR_ROLES } from "~/portrait/collaboration";
import { GRADE_BAND_FIELDS } from "~/portrait/document";
import { restoreVersionSchema, versionIdSchema } from "~/portrait/versions";
import { getVersion, restoreVersion } from "~/portrait/versions.server";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.portrait.version");

function versionIdOf(params: Record<string, string | undefined>): string {
  const parsed = versionIdSchema.safeParse(params.versionId);
  invariantResponse(parsed.success, "Version not found");
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const version = await getVersion(user.districtId, versionIdOf(params));
  invariantResponse(version, "Version not found");
  return { version, canEdit: canEditPortrait(user.role) };
}

/** Restores the version as a new change on top of the draft. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, PORTRAIT_EDITOR_ROLES);
  const versionId = versionIdOf(params);
  const form = restoreVersionSchema.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(form.success, "Unknown action", { status: 400 });
  const result = await restoreVersion({ districtId: user.districtId, userId: user.id, versionId });
  invariantResponse(result.ok, "Version not found");
  return redirect(`/portrait/versions?restored=${result.id}`);
}

export default function PortraitVersion() {
  const { version, canEdit } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useLocale();
  const name = version.kind === "restored" ? t("portrait.versions.restoredName", { name: version.name }) : version.name;
  return (
    <>
      <p className="eyebrow">{t("portrait.versions.viewEyebrow")}</p>
      <h1>{name}</h1>
      <p className="muted">
        {t(`portrait.versions.kinds.${version.kind}` as MessageKey)} · <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
        {version.createdBy ? ` · ${version.createdBy}` : ""}
      </p>
      <div className="row version-actions">
        <Link className="button button--secondary" to={`/portrait/versions/compare?from=${version.id}&to=current`}>
          {t("portrait.versions.compareWithDraft")}
        </Link>
        <Link to="/portrait/versions">{t("portrait.versions.back")}</Link>
      </div>
      {canEdit ? (
        <Form method="post" className="card restore-form" aria-labelledby="restore-heading">
          <h2 id="restore-heading">{t("portrait.versions.restoreHeading")}</h2>
          <p>{t("portrait.versions.restoreHelp")}</p>
          <input type="hidden" name="intent" value="restore" />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("portrait.versions.restore")}
          </button>
        </Form>
      ) : null}
      <section className="card" aria-labelledby="version-vision">
        <h2 id="version-vision">{t("portrait.vision.heading")}</h2>
        <RichText content={version.content.vision} />
      </section>
      <section aria-labelledby="version-competencies">
        <h2 id="version-competencies">{t("portrait.competencies.heading", { count: version.content.competencies.length })}</h2>
        <ol className="plain-list competency-list">
          {version.content.competencies.map((competency) => (
            <li key={competency.id} className="competency">
              <article className="card" aria-labelledby={`version-${competency.id}`}>
                <h3 id={`version-${competency.id}`}>{competency.title || t("portrait.competency.untitled")}</h3>
                <RichText content={competency.description} headingLevel={4} />
                <div className="competency__bands">
                  {GRADE_BAND_FIELDS.map((band) => (
                    <div key={band}>
                      <h4>{t(`portrait.fields.${band}`)}</h4>
                      <RichText content={competency[band]} headingLevel={5} />
                    </div>
                  ))}
                </div>
              </article>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
