import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole, requireUser } from "~/auth/session.server";
import { canManageChampions } from "~/champions/champion";
import { isPlausibleId } from "~/champions/champions.server";
import { CRITERIA_MAX, CRITERION_DESCRIPTION_MAX, CRITERION_NAME_MAX, criterionFieldsSchema, criterionLabel } from "~/champions/criteria";
import { addCriterion, criteriaUse, listCriteria, moveCriterion, removeCriterion, updateCriterion } from "~/champions/criteria.server";
import { Field } from "~/components/Field";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.champions.criteria");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [criteria, use] = await Promise.all([listCriteria(user.districtId), criteriaUse(user.districtId)]);
  return { criteria, use, canManage: canManageChampions(user.role) };
}

const intentSchema = z.object({ intent: z.enum(["add", "update", "remove", "move"]) });
const targetSchema = z.object({ criterionId: z.string().refine(isPlausibleId) });
const directionSchema = z.object({ direction: z.enum(["up", "down"]) });

type Intent = z.infer<typeof intentSchema>["intent"];
type CriteriaState = { ok: true; intent: Intent } | { ok: false; intent: Intent | null; criterionId: string | null; errors: FieldErrors };

function refused(intent: Intent | null, criterionId: string | null, errors: FieldErrors) {
  return data<CriteriaState>({ ok: false, intent, criterionId, errors }, { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader", "facilitator"]);
  const formData = await request.formData();
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return refused(null, null, { form: "invalid" });
  if (intent.data.intent === "add") {
    const fields = parseForm(criterionFieldsSchema, formData);
    if (!fields.ok) return refused("add", null, fields.errors);
    const result = await addCriterion(user, fields.data);
    return result.ok ? data<CriteriaState>({ ok: true, intent: "add" }) : refused("add", null, result.errors);
  }
  const target = targetSchema.safeParse({ criterionId: formData.get("criterionId") });
  invariantResponse(target.success, "Not found");
  const { criterionId } = target.data;
  switch (intent.data.intent) {
    case "update": {
      const fields = parseForm(criterionFieldsSchema, formData);
      if (!fields.ok) return refused("update", criterionId, fields.errors);
      const result = await updateCriterion(user, criterionId, fields.data);
      return result.ok ? data<CriteriaState>({ ok: true, intent: "update" }) : refused("update", criterionId, result.errors);
    }
    case "remove":
      await removeCriterion(user, criterionId);
      return data<CriteriaState>({ ok: true, intent: "remove" });
    case "move": {
      const direction = directionSchema.safeParse({ direction: formData.get("direction") });
      if (!direction.success) return refused("move", criterionId, { form: "invalid" });
      await moveCriterion(user, criterionId, direction.data.direction);
      return data<CriteriaState>({ ok: true, intent: "move" });
    }
  }
}

const SAVED: Record<Intent, MessageKey> = {
  add: "champions.criteria.added",
  update: "champions.criteria.saved",
  remove: "champions.criteria.removed",
  move: "champions.criteria.moved",
};

const MAX_BY_FIELD: Record<string, number> = { name: CRITERION_NAME_MAX, description: CRITERION_DESCRIPTION_MAX };

export default function Criteria() {
  const { criteria, use, canManage } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, locale } = useLocale();
  const errorFor = (errors: FieldErrors, field: string) =>
    errors[field] ? t(`champions.errors.${errors[field]}` as MessageKey, { max: errors[field] === "tooManyCriteria" ? CRITERIA_MAX : (MAX_BY_FIELD[field] ?? 0) }) : undefined;
  const addErrors = state && !state.ok && state.intent === "add" ? state.errors : {};

  return (
    <>
      <section className="card" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">{t("champions.criteria.heading")}</h2>
        <p className="muted">{t("champions.criteria.lead")}</p>
        {canManage ? null : <p className="muted">{t("champions.criteria.readOnly")}</p>}
        <div role="status">{state?.ok ? <p className="alert alert--success">{t(SAVED[state.intent])}</p> : null}</div>
        {state && !state.ok && state.errors.form ? (
          <div className="alert alert--error" role="alert">
            {t("champions.errors.invalid")}
          </div>
        ) : null}
        {criteria.length === 0 ? (
          <p className="muted">{t("champions.criteria.empty")}</p>
        ) : (
          <ol className="champions-criteria-list">
            {criteria.map((criterion, index) => {
              const label = criterionLabel(criterion, locale);
              const errors = state && !state.ok && state.criterionId === criterion.id ? state.errors : {};
              return (
                <li key={criterion.id}>
                  <div className="champions-criterion">
                    <div>
                      <strong>{label.name}</strong>
                      {label.description ? <p className="hint">{label.description}</p> : null}
                      <p className="muted">{t("champions.criteria.metBy", { count: use[criterion.id] ?? 0 })}</p>
                    </div>
                    {canManage ? (
                      <div className="row move-buttons">
                        <Form method="post">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="criterionId" value={criterion.id} />
                          <input type="hidden" name="direction" value="up" />
                          <button
                            type="submit"
                            className="button button--secondary button--icon"
                            aria-label={t("champions.criteria.moveUp", { name: label.name })}
                            aria-disabled={index === 0 || busy ? true : undefined}
                            onClick={(event) => (index === 0 ? event.preventDefault() : undefined)}
                          >
                            <span aria-hidden="true">↑</span>
                          </button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="criterionId" value={criterion.id} />
                          <input type="hidden" name="direction" value="down" />
                          <button
                            type="submit"
                            className="button button--secondary button--icon"
                            aria-label={t("champions.criteria.moveDown", { name: label.name })}
                            aria-disabled={index === criteria.length - 1 || busy ? true : undefined}
                            onClick={(event) => (index === criteria.length - 1 ? event.preventDefault() : undefined)}
                          >
                            <span aria-hidden="true">↓</span>
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </div>
                  {canManage ? (
                    <details className="group-actions" open={Object.keys(errors).length > 0}>
                      <summary>{t("champions.criteria.editLabel", { name: label.name })}</summary>
                      <Form method="post" noValidate className="champions-form" key={`${criterion.name}-${criterion.description}`}>
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="criterionId" value={criterion.id} />
                        <Field type="text" label={t("champions.criteria.name")} name="name" defaultValue={label.name} maxLength={CRITERION_NAME_MAX} required error={errorFor(errors, "name")} />
                        <Field
                          type="text"
                          label={t("champions.criteria.description")}
                          name="description"
                          defaultValue={label.description}
                          maxLength={CRITERION_DESCRIPTION_MAX}
                          error={errorFor(errors, "description")}
                        />
                        <div className="row">
                          <button type="submit" className="button" disabled={busy}>
                            {t("champions.criteria.save")}
                          </button>
                        </div>
                      </Form>
                      <Form method="post" className="champions-secondary-action">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="criterionId" value={criterion.id} />
                        <button type="submit" className="button button--danger" disabled={busy}>
                          {t("champions.criteria.removeLabel", { name: label.name })}
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="add-criterion-heading">
          <h2 id="add-criterion-heading">{t("champions.criteria.addHeading")}</h2>
          <Form method="post" noValidate className="champions-form" key={state?.ok && state.intent === "add" ? `added-${criteria.length}` : "add"}>
            <input type="hidden" name="intent" value="add" />
            <Field type="text" label={t("champions.criteria.name")} name="name" maxLength={CRITERION_NAME_MAX} required error={errorFor(addErrors, "name")} />
            <Field type="text" label={t("champions.criteria.description")} name="description" maxLength={CRITERION_DESCRIPTION_MAX} error={errorFor(addErrors, "description")} />
            <button type="submit" className="button" disabled={busy}>
              {t("champions.criteria.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
