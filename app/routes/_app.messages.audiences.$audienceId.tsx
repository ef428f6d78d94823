import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { audienceLabel } from "~/audiences/audiences";
import { requireRole, requireUser } from "~/auth/session.server";
import { CHAMPION_LANGUAGES } from "~/champions/languages";
import { Field } from "~/components/Field";
import { ReadabilityMeter } from "~/components/messages/ReadabilityMeter";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { MIN_CARE_RATINGS } from "~/messages/care";
import { missingLanguages } from "~/messages/gaps";
import { caredAbout, listChampions, listStakeholderGroups, loadAudience, planState, savePlan, updateAudience } from "~/messages/messages.server";
import { CHANNELS, EDITOR_ROLES, PLAN_ARRAY_FIELDS, planSchema } from "~/messages/plan";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Audience plan · Groundwork" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const audience = await loadAudience(user.districtId, params.audienceId ?? "");
  invariantResponse(audience, "Not found");
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const groupIds = audience.stakeholderGroups.map((group) => group.id);
  const [care, champions, groups] = await Promise.all([
    caredAbout(user.districtId, groupIds),
    canEdit ? listChampions(user.districtId) : [],
    canEdit ? listStakeholderGroups(user.districtId) : [],
  ]);
  return {
    canEdit,
    audience: {
      id: audience.id,
      key: audience.key,
      name: audience.name,
      groups: audience.stakeholderGroups,
      plan: audience.plan,
      messengers: audience.messengers.map((messenger) => messenger.champion),
      missing: missingLanguages(planState(audience)),
    },
    care,
    champions,
    groups,
  };
}

const intentSchema = z.object({ intent: z.enum(["plan", "audience"]) });
const audienceSchema = z.object({
  name: z
    .string({ error: "messages.errors.nameRequired" })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: "messages.errors.nameRequired" }).max(80, { error: "messages.errors.tooLong" })),
  groupIds: z.array(z.string().min(1).max(40)).max(50).transform((list) => [...new Set(list)]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const audienceId = params.audienceId ?? "";
  const form = await request.formData();
  const intent = intentSchema.safeParse({ intent: form.get("intent") });
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  const parsed = intent.data.intent === "plan" ? parseForm(planSchema, form, PLAN_ARRAY_FIELDS) : parseForm(audienceSchema, form, ["groupIds"]);
  if (!parsed.ok) return data({ ok: false as const, intent: intent.data.intent, errors: parsed.errors }, { status: 400 });
  const result =
    intent.data.intent === "plan"
      ? await savePlan(user.districtId, audienceId, parsed.data as z.infer<typeof planSchema>)
      : await updateAudience(user.districtId, audienceId, parsed.data as z.infer<typeof audienceSchema>);
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ ok: false as const, intent: intent.data.intent, errors: result.errors }, { status: 400 });
  return { ok: true as const, intent: intent.data.intent };
}

export default function AudiencePlan() {
  const { audience, care, champions, groups, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatNumber } = useLocale();
  const [message, setMessage] = useState(audience.plan?.message ?? "");
  const [measuredAs, setMeasuredAs] = useState<string>(locale);
  const name = audienceLabel(audience, locale);
  const planErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "plan" ? actionData.errors : {};
  const audienceErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "audience" ? actionData.errors : {};
  const tr = (errors: FieldErrors, field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const languageName = (code: string) => t(`champions.languages.${code}` as "champions.languages.en");
  const busy = navigation.state === "submitting";
  const messengerIds = new Set(audience.messengers.map((messenger) => messenger.id));
  const chosenChannels = new Set(audience.plan?.channels ?? []);
  const chosenLanguages = new Set(audience.plan?.languages ?? []);
  const groupNames = audience.groups.map((group) => group.name).join(", ");

  return (
    <>
      <p className="no-print">
        <Link to="/messages/audiences">← {t("messages.plan.back")}</Link>
      </p>
      <h2>{t("messages.plan.heading", { audience: name })}</h2>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.intent === "plan" ? t("messages.plan.saved") : t("messages.plan.audienceSaved")}
        </div>
      ) : null}
      {actionData && !actionData.ok ? (
        <div className="alert alert--error" role="alert">
          {t("messages.errors.fixBelow")}
        </div>
      ) : null}
      <div className="plan-layout">
        <section className="card plan-care" aria-labelledby="care-heading">
          <h3 id="care-heading">{t("messages.plan.careHeading")}</h3>
          {audience.groups.length === 0 ? (
            <p className="muted">{t("messages.plan.careNoGroups")}</p>
          ) : (
            <>
              <p className="muted">{t("messages.plan.careLead", { groups: groupNames })}</p>
              {care.length === 0 ? (
                <p className="muted">{t("messages.plan.careEmpty", { min: MIN_CARE_RATINGS })}</p>
              ) : (
                <ol className="care-list">
                  {care.map((item) => (
                    <li key={item.ideaId}>
                      <q>{item.text}</q>
                      <div className="muted">
                        {t("messages.plan.careRating", { mean: formatNumber(item.mean, { maximumFractionDigits: 1 }), count: item.count })} ·{" "}
                        {t("messages.plan.careWorkshop", { workshop: item.workshopTitle })}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </section>

        <section className="card plan-main" aria-labelledby="plan-heading">
          <h3 id="plan-heading">{t("messages.audiences.message")}</h3>
          {audience.missing.length > 0 ? (
            <p>
              <span className="badge badge--warn">{t("messages.audiences.languageMissing", { languages: audience.missing.map(languageName).join(", ") })}</span>
            </p>
          ) : null}
          {canEdit ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="plan" />
              <TextareaField
                label={t("messages.plan.message")}
                hint={t("messages.plan.messageHint")}
                name="message"
                rows={5}
                value={message}
                onChange={(event) => setMessage(event.currentTarget.value)}
                error={tr(planErrors, "message")}
              />
              <div className="row readability-row">
                <ReadabilityMeter text={message} language={measuredAs} id="plan-readability" />
                <label className="readability-language">
                  {t("messages.readability.language")}{" "}
                  <select value={measuredAs} onChange={(event) => setMeasuredAs(event.currentTarget.value)}>
                    <option value="en">{languageName("en")}</option>
                    <option value="es">{languageName("es")}</option>
                  </select>
                </label>
              </div>
              <Field
                type="text"
                label={t("messages.plan.callToAction")}
                hint={t("messages.plan.callToActionHint")}
                name="callToAction"
                defaultValue={audience.plan?.callToAction ?? ""}
                error={tr(planErrors, "callToAction")}
              />
              <CheckboxGroup
                legend={t("messages.plan.channels")}
                name="channels"
                error={tr(planErrors, "channels")}
                options={CHANNELS.map((channel) => ({ value: channel, label: t(`messages.channels.${channel}`), checked: chosenChannels.has(channel) }))}
              />
              {champions.length === 0 ? (
                <p className="muted">{t("messages.plan.noChampions")}</p>
              ) : (
                <CheckboxGroup
                  legend={t("messages.plan.messengers")}
                  hint={t("messages.plan.messengersHint")}
                  name="messengerIds"
                  error={tr(planErrors, "messengerIds")}
                  options={champions.map((champion) => ({
                    value: champion.id,
                    label: champion.languages.length > 0 ? t("messages.plan.championOption", { name: champion.name, languages: champion.languages.map(languageName).join(", ") }) : champion.name,
                    checked: messengerIds.has(champion.id),
                  }))}
                />
              )}
              <CheckboxGroup
                legend={t("messages.plan.languages")}
                name="languages"
                error={tr(planErrors, "languages")}
                options={CHAMPION_LANGUAGES.map((code) => ({ value: code, label: languageName(code), checked: chosenLanguages.has(code) }))}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("messages.plan.save")}
              </button>
            </Form>
          ) : (
            <>
              <p className="muted">{t("messages.plan.readOnly")}</p>
              {audience.plan?.message ? <blockquote className="message-core">{audience.plan.message}</blockquote> : <p className="muted">{t("messages.audiences.noMessage")}</p>}
              <ReadabilityMeter text={audience.plan?.message ?? ""} language={locale} />
              <dl className="plan-facts">
                <dt>{t("messages.plan.callToAction")}</dt>
                <dd>{audience.plan?.callToAction || t("messages.audiences.none")}</dd>
                <dt>{t("messages.plan.channels")}</dt>
                <dd>{audience.plan?.channels.map((channel) => t(`messages.channels.${channel}` as "messages.channels.email")).join(", ") || t("messages.audiences.none")}</dd>
                <dt>{t("messages.plan.messengers")}</dt>
                <dd>{audience.messengers.map((messenger) => messenger.name).join(", ") || t("messages.audiences.none")}</dd>
                <dt>{t("messages.plan.languages")}</dt>
                <dd>{audience.plan?.languages.map(languageName).join(", ") || t("messages.audiences.none")}</dd>
              </dl>
            </>
          )}
        </section>
      </div>

      {canEdit ? (
        <section className="card" aria-labelledby="audience-edit-heading">
          <h3 id="audience-edit-heading">{t("messages.plan.audienceHeading")}</h3>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="audience" />
            <Field type="text" label={t("messages.plan.name")} name="name" defaultValue={name} error={tr(audienceErrors, "name")} />
            <CheckboxGroup
              legend={t("messages.plan.groups")}
              name="groupIds"
              error={tr(audienceErrors, "groupIds")}
              options={groups.map((group) => ({ value: group.id, label: group.name, checked: audience.groups.some((mine) => mine.id === group.id) }))}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("messages.plan.saveAudience")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function CheckboxGroup({
  legend,
  hint,
  name,
  error,
  options,
}: {
  legend: string;
  hint?: string;
  name: string;
  error?: string;
  options: { value: string; label: string; checked: boolean }[];
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset className="checkbox-group" aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="checkbox" name={name} value={option.value} defaultChecked={option.checked} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
