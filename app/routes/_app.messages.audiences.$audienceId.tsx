import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { AUDIENCE_ARRAY_FIELDS, audienceDeletionSchema, audienceLabel, audienceSchema } from "~/audiences/audiences";
import { audienceDeletionImpact, deleteAudience, deletedNotice, stakeholderGroupChoices, updateAudience } from "~/audiences/audiences.server";
import { requireRole, requireUser } from "~/auth/session.server";
import { CHAMPION_LANGUAGES } from "~/champions/languages";
import { distinguishableNames } from "~/champions/names";
import { ConfirmCheckbox } from "~/components/ConfirmCheckbox";
import { Field } from "~/components/Field";
import { CheckboxGroup } from "~/components/messages/CheckboxGroup";
import { ReadabilityMeter } from "~/components/messages/ReadabilityMeter";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { MIN_CARE_RATINGS } from "~/messages/care";
import { missingLanguages } from "~/messages/gaps";
import { READABILITY_LANGUAGES } from "~/messages/readability";
import { caredAbout, listChampions, loadAudience, planState, savePlan } from "~/messages/messages.server";
import { CHANNELS, EDITOR_ROLES, PLAN_ARRAY_FIELDS, planSchema } from "~/messages/plan";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.messages.audience", { values: (data, locale) => ({ name: audienceLabel(data.audience, locale) }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const audience = await loadAudience(user.districtId, params.audienceId ?? "");
  invariantResponse(audience, "Not found");
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const groupIds = audience.stakeholderGroups.map((group) => group.id);
  const [care, champions, groups, impact] = await Promise.all([
    caredAbout(user.districtId, groupIds),
    canEdit ? listChampions(user.districtId) : [],
    canEdit ? stakeholderGroupChoices(user.districtId, audience.id) : [],
    canEdit ? audienceDeletionImpact(user.districtId, audience.id) : null,
  ]);
  return {
    canEdit,
    added: new URL(request.url).searchParams.get("added") === "1",
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
    impact,
  };
}

const intentSchema = z.object({ intent: z.enum(["plan", "audience", "delete"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const audienceId = params.audienceId ?? "";
  const form = await request.formData();
  const intent = intentSchema.safeParse({ intent: form.get("intent") });
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  const fail = (errors: FieldErrors) => data({ ok: false as const, intent: intent.data.intent, errors }, { status: 400 });
  let result;
  switch (intent.data.intent) {
    case "plan": {
      const parsed = parseForm(planSchema, form, PLAN_ARRAY_FIELDS);
      if (!parsed.ok) return fail(parsed.errors);
      result = await savePlan(user.districtId, audienceId, parsed.data);
      break;
    }
    case "audience": {
      const parsed = parseForm(audienceSchema, form, AUDIENCE_ARRAY_FIELDS);
      if (!parsed.ok) return fail(parsed.errors);
      result = await updateAudience(user.districtId, audienceId, parsed.data);
      break;
    }
    case "delete": {
      const parsed = parseForm(audienceDeletionSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      const deleted = await deleteAudience(user, audienceId, parsed.data);
      if (!deleted.ok && "notFound" in deleted) throw new Response("Not found", { status: 404 });
      if (!deleted.ok) return fail(deleted.errors);
      return redirect(`/messages/audiences?deleted=${encodeURIComponent(deletedNotice(user.districtId, deleted.value))}`);
    }
  }
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return fail(result.errors);
  return { ok: true as const, intent: intent.data.intent };
}

export default function AudiencePlan() {
  const { audience, care, champions, groups, canEdit, added, impact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatNumber } = useLocale();
  const [message, setMessage] = useState(audience.plan?.message ?? "");
  const [measuredAs, setMeasuredAs] = useState<string>(audience.plan?.messageLanguage ?? locale);
  const name = audienceLabel(audience, locale);
  const planErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "plan" ? actionData.errors : {};
  const audienceErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "audience" ? actionData.errors : {};
  const deleteErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "delete" ? actionData.errors : {};
  const tr = (errors: FieldErrors, field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  // A missing or stale count of communications is answered at the box the editor ticks.
  const confirmError = tr(deleteErrors, "confirm") ?? tr(deleteErrors, "communications");
  const languageName = (code: string) => t(`champions.languages.${code}` as "champions.languages.en");
  const busy = navigation.state === "submitting";
  const messengerIds = new Set(audience.messengers.map((messenger) => messenger.id));
  const messengerNames = distinguishableNames(champions);
  const chosenChannels = new Set(audience.plan?.channels ?? []);
  const chosenLanguages = new Set(audience.plan?.languages ?? []);
  const groupNames = audience.groups.map((group) => stakeholderGroupLabel(group, locale)).join(", ");

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
      ) : added && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("messages.audiences.add.added")}
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
                  <select name="messageLanguage" value={measuredAs} onChange={(event) => setMeasuredAs(event.currentTarget.value)}>
                    {READABILITY_LANGUAGES.map((code) => (
                      <option key={code} value={code}>
                        {languageName(code)}
                      </option>
                    ))}
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
                    label: champion.languages.length > 0 ? t("messages.plan.championOption", { name: messengerNames.get(champion.id) ?? champion.name, languages: champion.languages.map(languageName).join(", ") }) : (messengerNames.get(champion.id) ?? champion.name),
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
              <ReadabilityMeter text={audience.plan?.message ?? ""} language={audience.plan?.messageLanguage ?? locale} />
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
              options={groups.map((group) => ({
                value: group.id,
                label: group.archivedAt ? t("messages.plan.archivedGroup", { group: stakeholderGroupLabel(group, locale) }) : stakeholderGroupLabel(group, locale),
                checked: audience.groups.some((mine) => mine.id === group.id),
              }))}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("messages.plan.saveAudience")}
            </button>
          </Form>
        </section>
      ) : null}

      {canEdit && impact ? (
        <section className="card" aria-labelledby="audience-delete-heading">
          <h3 id="audience-delete-heading">{t("messages.audiences.remove.heading")}</h3>
          <p>{t("messages.audiences.remove.lead", { name })}</p>
          <ul>
            {impact.plan ? <li>{t("messages.audiences.remove.plan")}</li> : null}
            <li>{t("messages.audiences.remove.messengers", { count: impact.messengers })}</li>
            <li>{t("messages.audiences.remove.communications", { count: impact.communications })}</li>
          </ul>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="communications" value={impact.communications} />
            <ConfirmCheckbox
              name="confirm"
              label={
                impact.communications === 0
                  ? t("messages.audiences.remove.confirmNone", { name })
                  : t("messages.audiences.remove.confirm", { name, count: impact.communications })
              }
              error={confirmError}
            />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("messages.audiences.remove.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
