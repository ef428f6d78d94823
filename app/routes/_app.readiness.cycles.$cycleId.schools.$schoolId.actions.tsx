import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { TeamHeader } from "~/components/readiness/TeamHeader";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import {
  addActionItem,
  deleteActionItem,
  schoolProfile,
  setActionItemStatus,
  teamOfRequest,
  teamSummary,
} from "~/readiness/assessment.server";
import { ACTION_OWNER_MAX, ACTION_STATUSES, ACTION_WHAT_MAX, actionItemFieldsSchema, idSchema } from "~/readiness/forms";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle<typeof loader>("titles.readiness.actions", { values: (data) => ({ school: data.team.schoolName }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  const profile = await schoolProfile(context);
  const growth = new Set(profile.growthAreas.map((indicator) => indicator.id));
  return {
    team: teamSummary(context),
    canEdit: context.access.canEditActionItems,
    items: profile.actionItems,
    // Growth areas first, then the other indicators in framework order.
    indicators: [
      ...profile.growthAreas.map((indicator) => ({ id: indicator.id, code: indicator.code, title: indicator.title, growth: true })),
      ...profile.indicators.filter((indicator) => !growth.has(indicator.id)).map((indicator) => ({ id: indicator.id, code: indicator.code, title: indicator.title, growth: false })),
    ],
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  actionItemFieldsSchema.extend({ intent: z.literal("add") }),
  z.object({ intent: z.literal("status"), itemId: idSchema, status: z.enum(ACTION_STATUSES, { error: "invalid" }) }),
  z.object({ intent: z.literal("delete"), itemId: idSchema }),
]);

type ActionResult = { ok: true; done: "added" | "updated" | "removed" } | { ok: false; errors: FieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  if (!context.access.canEditActionItems) throw new Response("Only the school's team and district leaders change its action items.", { status: 403 });
  const parsed = parseForm(intentSchema, await request.formData());
  if (!parsed.ok) return data<ActionResult>({ ok: false, errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "add": {
      const { intent: _intent, ...fields } = input;
      const result = await addActionItem(context, fields);
      if (!result.ok) return data<ActionResult>({ ok: false, errors: result.errors }, { status: result.status });
      return data<ActionResult>({ ok: true, done: "added" });
    }
    case "status":
      await setActionItemStatus(context, input.itemId, input.status);
      return data<ActionResult>({ ok: true, done: "updated" });
    case "delete":
      await deleteActionItem(context, input.itemId);
      return data<ActionResult>({ ok: true, done: "removed" });
  }
}

export default function ActionItemsPage() {
  const { team, canEdit, items, indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDate } = useLocale();
  const busy = navigation.state === "submitting";
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.errors : {};
  const errorFor = (field: string) => (errors[field] ? t(`readiness.errors.${errors[field]}` as MessageKey) : undefined);
  const statusOptions = ACTION_STATUSES.map((status) => ({ value: status, label: t(`readiness.actionStatus.${status}`) }));

  return (
    <>
      <TeamHeader team={team} section={t("readiness.team.actions")} />
      <section className="card" aria-labelledby="actions-heading">
        <h3 id="actions-heading">{t("readiness.actions.heading")}</h3>
        <p className="muted">{t("readiness.actions.lead")}</p>
        {actionData?.ok ? (
          <div className="alert alert--success" role="status">
            {t(`readiness.actions.${actionData.done}`)}
          </div>
        ) : null}
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {t("readiness.errors.fixBelow")}
          </div>
        ) : null}
        {!canEdit ? <p className="hint">{t("readiness.actions.readOnly")}</p> : null}
        {items.length === 0 ? (
          <p>{t("readiness.actions.empty")}</p>
        ) : (
          <TableRegion label={t("readiness.actions.heading")} inSection>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("readiness.actions.what")}</th>
                  <th scope="col">{t("readiness.actions.owner")}</th>
                  <th scope="col">{t("readiness.actions.due")}</th>
                  <th scope="col">{t("readiness.actions.area")}</th>
                  <th scope="col">{t("readiness.actions.status")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.what}</th>
                    <td>{item.owner}</td>
                    <td>{item.dueDate ? formatDate(item.dueDate, { dateStyle: "medium", timeZone: "UTC" }) : t("readiness.actions.noDue")}</td>
                    <td>{item.indicatorTitle ?? t("readiness.actions.general")}</td>
                    <td>
                      {canEdit ? (
                        <div className="stack">
                          <Form method="post" className="row action-status">
                            <input type="hidden" name="intent" value="status" />
                            <input type="hidden" name="itemId" value={item.id} />
                            <label className="visually-hidden" htmlFor={`status-${item.id}`}>
                              {t("readiness.actions.statusFor", { what: item.what })}
                            </label>
                            <select id={`status-${item.id}`} name="status" defaultValue={item.status}>
                              {statusOptions.map((option) => (
                                <option key={option.value} value={option.value}>
                                  {option.label}
                                </option>
                              ))}
                            </select>
                            <button type="submit" className="button button--secondary" disabled={busy}>
                              {t("readiness.actions.update")}
                              <span className="visually-hidden"> {t("readiness.actions.statusFor", { what: item.what })}</span>
                            </button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="itemId" value={item.id} />
                            <button type="submit" className="link-button" disabled={busy}>
                              {t("readiness.actions.remove")}
                              <span className="visually-hidden"> {t("readiness.actions.removeLabel", { what: item.what })}</span>
                            </button>
                          </Form>
                        </div>
                      ) : (
                        t(`readiness.actionStatus.${item.status}`)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="add-action-heading">
          <h3 id="add-action-heading">{t("readiness.actions.addHeading")}</h3>
          <Form method="post" noValidate key={actionData?.ok && actionData.done === "added" ? `added-${items.length}` : "add"}>
            <input type="hidden" name="intent" value="add" />
            <Field type="text" name="what" label={t("readiness.actions.what")} hint={t("readiness.actions.whatHint")} maxLength={ACTION_WHAT_MAX} required error={errorFor("what")} />
            <Field type="text" name="owner" label={t("readiness.actions.owner")} hint={t("readiness.actions.ownerHint")} maxLength={ACTION_OWNER_MAX} required error={errorFor("owner")} />
            <Field type="date" name="dueDate" label={t("readiness.actions.dueOptional")} error={errorFor("dueDate")} />
            <SelectField
              name="indicatorId"
              label={t("readiness.actions.area")}
              hint={t("readiness.actions.areaHint")}
              options={[
                ...indicators.map((indicator) => ({
                  value: indicator.id,
                  label: t(indicator.growth ? "readiness.actions.growthOption" : "readiness.actions.indicatorOption", { code: indicator.code, title: indicator.title }),
                })),
                { value: "", label: t("readiness.actions.general") },
              ]}
              error={errorFor("indicatorId")}
            />
            <SelectField name="status" label={t("readiness.actions.status")} options={statusOptions} error={errorFor("status")} />
            <button type="submit" className="button" disabled={busy}>
              {t("readiness.actions.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
