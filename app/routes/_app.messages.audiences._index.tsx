import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AUDIENCE_ARRAY_FIELDS, AUDIENCE_NAME_MAX, audienceLabel, audienceSchema } from "~/audiences/audiences";
import { createAudience, readDeletedNotice, stakeholderGroupChoices } from "~/audiences/audiences.server";
import { requireRole, requireUser } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { CheckboxGroup } from "~/components/messages/CheckboxGroup";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { missingLanguages } from "~/messages/gaps";
import { listAudiencePlans, planState } from "~/messages/messages.server";
import { EDITOR_ROLES } from "~/messages/plan";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle("titles.messages.audiences");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const [audiences, groups] = await Promise.all([listAudiencePlans(user.districtId), canEdit ? stakeholderGroupChoices(user.districtId) : []]);
  return {
    canEdit,
    groups,
    deleted: readDeletedNotice(user.districtId, new URL(request.url).searchParams.get("deleted")),
    audiences: audiences.map((audience) => {
      const state = planState(audience);
      return {
        id: audience.id,
        key: audience.key,
        name: audience.name,
        hasMessage: Boolean(audience.plan?.message.trim()),
        messengers: audience.messengers.map((messenger) => messenger.champion.name),
        languages: audience.plan?.languages ?? [],
        missing: missingLanguages(state),
      };
    }),
  };
}

/** Adds an audience the district names itself; the editor lands on its plan. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const parsed = parseForm(audienceSchema, await request.formData(), AUDIENCE_ARRAY_FIELDS);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  const result = await createAudience(user.districtId, parsed.data);
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return redirect(`/messages/audiences/${result.value.id}?added=1`);
}

export default function Audiences() {
  const { audiences, canEdit, groups, deleted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useLocale();
  const languageName = (code: string) => (t(`champions.languages.${code}` as "champions.languages.en"));
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const problem = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <>
      {deleted && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("messages.audiences.remove.deleted", { name: audienceLabel(deleted, locale) })}
        </div>
      ) : null}
      <section className="card" aria-labelledby="audiences-heading">
        <h2 id="audiences-heading">{t("messages.audiences.heading")}</h2>
        <p className="muted">{t("messages.audiences.lead")}</p>
        <TableRegion label={t("messages.audiences.heading")} inSection>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("messages.audiences.audience")}</th>
                <th scope="col">{t("messages.audiences.messengers")}</th>
                <th scope="col">{t("messages.audiences.languages")}</th>
                <th scope="col">{t("messages.audiences.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {audiences.map((audience) => {
                const flags = [
                  audience.hasMessage ? null : t("messages.audiences.noMessage"),
                  audience.messengers.length > 0 ? null : t("messages.audiences.noMessenger"),
                  audience.missing.length > 0 ? t("messages.audiences.languageMissing", { languages: audience.missing.map(languageName).join(", ") }) : null,
                ].filter((flag): flag is string => flag !== null);
                return (
                  <tr key={audience.id}>
                    <th scope="row">
                      <Link to={`/messages/audiences/${audience.id}`}>{audienceLabel(audience, locale)}</Link>
                    </th>
                    <td>{audience.messengers.length > 0 ? audience.messengers.join(", ") : <span className="muted">{t("messages.audiences.none")}</span>}</td>
                    <td>{audience.languages.length > 0 ? audience.languages.map(languageName).join(", ") : <span className="muted">{t("messages.audiences.none")}</span>}</td>
                    <td>
                      {flags.length === 0 ? (
                        <span className="badge">{t("messages.audiences.complete")}</span>
                      ) : (
                        <ul className="flag-list">
                          {flags.map((flag) => (
                            <li key={flag}>
                              <span className="badge badge--warn">{flag}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="audience-add-heading">
          <h3 id="audience-add-heading">{t("messages.audiences.add.heading")}</h3>
          <p className="muted">{t("messages.audiences.add.lead")}</p>
          {actionData && !actionData.ok ? (
            <div className="alert alert--error" role="alert">
              {t("messages.errors.fixBelow")}
            </div>
          ) : null}
          <Form method="post" noValidate>
            <Field
              type="text"
              label={t("messages.audiences.add.name")}
              hint={t("messages.audiences.add.nameHint")}
              name="name"
              maxLength={AUDIENCE_NAME_MAX}
              autoComplete="off"
              error={problem("name")}
            />
            <CheckboxGroup
              legend={t("messages.audiences.add.groups")}
              hint={t("messages.audiences.add.groupsHint")}
              name="groupIds"
              error={problem("groupIds")}
              options={groups.map((group) => ({ value: group.id, label: stakeholderGroupLabel(group, locale), checked: false }))}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("messages.audiences.add.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
