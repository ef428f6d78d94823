import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { audienceLabel } from "~/audiences/audiences";
import { listAudiences } from "~/audiences/audiences.server";
import { requireRole, requireUser } from "~/auth/session.server";
import { CommunicationFields } from "~/components/messages/CommunicationFields";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { changeStatus, deleteCommunication, listChampions, loadCommunication, saveFeedback, updateCommunication } from "~/messages/messages.server";
import { communicationSchema, EDITOR_ROLES, feedbackSchema, nextStatuses, statusSchema } from "~/messages/plan";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.messages.communication", { values: (data) => ({ title: data.communication.title }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const communication = await loadCommunication(user.districtId, params.communicationId ?? "");
  invariantResponse(communication, "Not found");
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const [audiences, champions] = await Promise.all([canEdit ? listAudiences(user.districtId) : [], canEdit ? listChampions(user.districtId) : []]);
  return {
    canEdit,
    communication: { ...communication, date: communication.date.toISOString().slice(0, 10) },
    next: nextStatuses(communication.status),
    audiences,
    // A messenger who has since stepped back stays selectable on the item they carry.
    champions: [
      ...champions.map((champion) => ({ id: champion.id, name: champion.name })),
      ...(communication.champion && !champions.some((champion) => champion.id === communication.champion?.id) ? [communication.champion] : []),
    ],
  };
}

const intentSchema = z.object({ intent: z.enum(["edit", "status", "feedback", "delete"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const id = params.communicationId ?? "";
  const form = await request.formData();
  const intent = intentSchema.safeParse({ intent: form.get("intent") });
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  const fail = (errors: FieldErrors) => data({ ok: false as const, intent: intent.data.intent, errors }, { status: 400 });
  let result;
  switch (intent.data.intent) {
    case "edit": {
      const parsed = parseForm(communicationSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      result = await updateCommunication(user.districtId, id, parsed.data);
      break;
    }
    case "status": {
      const parsed = parseForm(statusSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      result = await changeStatus(user.districtId, id, parsed.data.status);
      break;
    }
    case "feedback": {
      const parsed = parseForm(feedbackSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      result = await saveFeedback(user.districtId, id, parsed.data.feedback);
      break;
    }
    case "delete": {
      invariantResponse(await deleteCommunication(user.districtId, id), "Not found");
      return redirect("/messages/communications");
    }
  }
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return fail(result.errors);
  return { ok: true as const, intent: intent.data.intent };
}

export default function CommunicationPage() {
  const { canEdit, communication, next, audiences, champions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatDate } = useLocale();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): FieldErrors => (actionData && !actionData.ok && actionData.intent === intent ? actionData.errors : {});
  const statusError = errorsFor("status").status;
  const feedbackError = errorsFor("feedback").feedback;
  const done = actionData?.ok ? actionData.intent : null;

  return (
    <>
      <p className="no-print">
        <Link to="/messages/communications">← {t("messages.communications.back")}</Link>
      </p>
      <section className="card" aria-labelledby="communication-heading">
        <h2 id="communication-heading">{communication.title}</h2>
        {done ? (
          <div className="alert alert--success" role="status">
            {done === "edit" ? t("messages.communications.saved") : done === "status" ? t("messages.communications.statusChanged") : t("messages.communications.feedbackSaved")}
          </div>
        ) : null}
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {t("messages.errors.fixBelow")}
          </div>
        ) : null}
        <dl className="plan-facts">
          <dt>{t("messages.communications.date")}</dt>
          <dd>
            <time dateTime={communication.date}>{formatDate(`${communication.date}T00:00:00Z`, { dateStyle: "long", timeZone: "UTC" })}</time>
          </dd>
          <dt>{t("messages.communications.audience")}</dt>
          <dd>{audienceLabel(communication.audience, locale)}</dd>
          <dt>{t("messages.communications.channel")}</dt>
          <dd>{t(`messages.channels.${communication.channel}` as "messages.channels.email")}</dd>
          <dt>{t("messages.communications.messenger")}</dt>
          <dd>{communication.champion?.name ?? t("messages.communications.noMessenger")}</dd>
          <dt>{t("messages.communications.language")}</dt>
          <dd>{t(`champions.languages.${communication.language}` as "champions.languages.en")}</dd>
          <dt>{t("messages.communications.owner")}</dt>
          <dd>{communication.owner ?? t("messages.audiences.none")}</dd>
          <dt>{t("messages.communications.status")}</dt>
          <dd>
            <span className="badge">{t(`messages.status.${communication.status}`)}</span>
          </dd>
          {communication.feedback && !canEdit ? (
            <>
              <dt>{t("messages.communications.feedback")}</dt>
              <dd>{communication.feedback}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {canEdit ? (
        <>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">{t("messages.communications.statusHeading")}</h2>
            <p>{t("messages.communications.statusNow", { status: t(`messages.status.${communication.status}`) })}</p>
            {statusError ? (
              <p className="field-error" role="alert">
                {t(statusError as MessageKey)}
              </p>
            ) : null}
            <div className="status-actions">
              {next.map((status) => (
                <Form method="post" key={status}>
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="status" value={status} />
                  <button type="submit" className={status === "draft" ? "button button--secondary" : "button"} disabled={busy}>
                    {t(`messages.statusAction.${status}`)}
                  </button>
                </Form>
              ))}
            </div>
          </section>

          <section className="card" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{t("messages.communications.feedbackHeading")}</h2>
            {communication.status === "sent" ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="feedback" />
                <TextareaField
                  label={t("messages.communications.feedback")}
                  hint={t("messages.communications.feedbackHint")}
                  name="feedback"
                  rows={4}
                  defaultValue={communication.feedback ?? ""}
                  error={feedbackError ? t(feedbackError as MessageKey) : undefined}
                />
                <button type="submit" className="button" disabled={busy}>
                  {t("messages.communications.saveFeedback")}
                </button>
              </Form>
            ) : (
              <p className="muted">{t("messages.communications.feedbackOnlyAfterSent")}</p>
            )}
          </section>

          <section className="card" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t("messages.communications.editHeading", { title: communication.title })}</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="edit" />
              <CommunicationFields
                audiences={audiences.map((audience) => ({ id: audience.id, label: audienceLabel(audience, locale) }))}
                champions={champions}
                errors={errorsFor("edit")}
                idPrefix="edit"
                defaults={{
                  audienceId: communication.audience.id,
                  date: communication.date,
                  title: communication.title,
                  channel: communication.channel,
                  championId: communication.champion?.id ?? "",
                  language: communication.language,
                  owner: communication.owner ?? "",
                }}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("messages.communications.save")}
              </button>
            </Form>
            <Form method="post" className="delete-form">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("messages.communications.delete")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
