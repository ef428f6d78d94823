import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireRole, requireUser } from "~/auth/session.server";
import { ActivityFields, activityErrorMessage, type SourceChoice } from "~/components/agenda/ActivityFields";
import { WorkshopDetailsFields } from "~/components/agenda/WorkshopDetailsFields";
import { CopyField } from "~/components/CopyField";
import type { Locale, MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { ACTIVITY_TYPES, activityTypeSchema, pickTranslation, type ActivityType, type LocalizedText } from "~/workshops/activity-types";
import { agendaChanged } from "~/workshops/agenda-events.server";
import { brainstormsBefore, canManageWorkshops, sourceActivityIdOf, WORKSHOP_MANAGER_ROLES, workshopPaths } from "~/workshops/agenda";
import { configFormValues, submittedValues } from "~/workshops/agenda-form";
import {
  addActivity,
  districtLanguages,
  getWorkshop,
  moveActivity,
  removeActivity,
  updateActivity,
  updateWorkshop,
  type AgendaActivity,
} from "~/workshops/workshop.server";
import { joinLink } from "~/workshops/join-link.server";
import { workshopDetailsSchema } from "~/workshops/workshop-form";

export const meta = pageTitle<typeof loader>("titles.workshops.workshop", { values: (data) => ({ workshop: data.workshop.title }) });

const workshopIdSchema = z.string().min(1).max(64);

function workshopIdFrom(params: { workshopId?: string }): string {
  const parsed = workshopIdSchema.safeParse(params.workshopId);
  invariantResponse(parsed.success, "Not found");
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = workshopIdFrom(params);
  const workshop = await getWorkshop(user.districtId, workshopId);
  const canManage = canManageWorkshops(user.role);
  const url = new URL(request.url);
  const adding = activityTypeSchema.safeParse(url.searchParams.get("add"));
  const added = activityTypeSchema.safeParse(url.searchParams.get("added"));
  return {
    workshop,
    canManage,
    canEdit: canManage && workshop.status !== "ended",
    districtLanguages: canManage ? await districtLanguages(user.districtId) : [],
    joinLink: joinLink(request, workshop.joinCode),
    adding: adding.success ? adding.data : null,
    added: added.success ? added.data : null,
    created: url.searchParams.get("created") === "1",
  };
}

const activityId = z.string({ error: "invalid" }).min(1, "invalid").max(64, "invalid");
const intentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("details") }),
    z.object({ intent: z.literal("add") }),
    z.object({ intent: z.literal("edit"), activityId }),
    z.object({ intent: z.literal("remove"), activityId }),
    z.object({ intent: z.literal("move"), activityId, direction: z.enum(["up", "down"], { error: "invalid" }) }),
  ],
  { error: "invalid" },
);

type Intent = "details" | "add" | "edit" | "remove" | "move" | "form";

type ActionResult =
  | { ok: false; intent: Intent; activityId?: string; errors: FieldErrors; values: Record<string, string> }
  | { ok: true; intent: "details" }
  | { ok: true; intent: "edit"; activityId: string }
  | { ok: true; intent: "remove"; type: ActivityType }
  | { ok: true; intent: "move"; activityId: string; direction: "up" | "down"; moved: boolean; type: ActivityType };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  const workshopId = workshopIdFrom(params);
  const formData = await request.formData();
  const refuse = (intent: Intent, errors: FieldErrors, id?: string) =>
    data<ActionResult>({ ok: false, intent, activityId: id, errors, values: submittedValues(formData) }, { status: 400 });

  const parsed = intentSchema.safeParse({
    intent: formData.get("intent"),
    activityId: formData.get("activityId") ?? undefined,
    direction: formData.get("direction") ?? undefined,
  });
  if (!parsed.success) return refuse("form", { form: "invalid" });
  const input = parsed.data;

  switch (input.intent) {
    case "details": {
      const languages = await districtLanguages(user.districtId);
      const details = parseForm(workshopDetailsSchema(languages), formData, ["languages"]);
      if (!details.ok) return refuse("details", details.errors);
      const result = await updateWorkshop(user, workshopId, details.data);
      if (!result.ok) return refuse("details", result.errors);
      agendaChanged(workshopId);
      return data<ActionResult>({ ok: true, intent: "details" });
    }
    case "add": {
      const result = await addActivity(user, workshopId, formData);
      if (!result.ok) return refuse("add", result.errors);
      agendaChanged(workshopId);
      const type = formData.get("type");
      return redirect(`${workshopPaths(workshopId).page}?added=${typeof type === "string" ? encodeURIComponent(type) : ""}#agenda`);
    }
    case "edit": {
      const result = await updateActivity(user, workshopId, input.activityId, formData);
      if (!result.ok) return refuse("edit", result.errors, input.activityId);
      agendaChanged(workshopId);
      return data<ActionResult>({ ok: true, intent: "edit", activityId: input.activityId });
    }
    case "remove": {
      const result = await removeActivity(user, workshopId, input.activityId);
      if (!result.ok) return refuse("remove", result.errors, input.activityId);
      agendaChanged(workshopId);
      return data<ActionResult>({ ok: true, intent: "remove", type: result.type });
    }
    case "move": {
      const result = await moveActivity(user, workshopId, input.activityId, input.direction);
      if (!result.ok) return refuse("move", result.errors, input.activityId);
      if (result.moved) agendaChanged(workshopId);
      return data<ActionResult>({ ok: true, intent: "move", activityId: input.activityId, direction: input.direction, moved: result.moved, type: result.type });
    }
  }
}

function promptOf(activity: Pick<AgendaActivity, "config">, locale: Locale): string {
  const prompt = activity.config.prompt;
  return prompt !== null && typeof prompt === "object" ? pickTranslation(prompt as LocalizedText, locale) : "";
}

export default function WorkshopPage() {
  const { workshop, canManage, canEdit, districtLanguages: languages, joinLink, adding, added, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatDateTime } = useLocale();
  const busy = navigation.state === "submitting";
  const paths = workshopPaths(workshop.id);
  const activities = workshop.activities;
  const failed = actionData && !actionData.ok ? actionData : null;

  // A moved activity changes place: keep the keyboard on the button that moved it. After a removal, on the agenda's heading.
  useEffect(() => {
    if (!actionData?.ok) return;
    if (actionData.intent === "move") {
      const same = document.getElementById(`move-${actionData.direction}-${actionData.activityId}`);
      const other = document.getElementById(`move-${actionData.direction === "up" ? "down" : "up"}-${actionData.activityId}`);
      (same instanceof HTMLButtonElement && !same.disabled ? same : other)?.focus();
    } else if (actionData.intent === "remove") {
      document.getElementById("agenda-heading")?.focus();
    }
  }, [actionData]);

  const agendaStatus = statusMessage();
  function statusMessage(): string | null {
    if (actionData?.ok) {
      switch (actionData.intent) {
        case "edit": {
          const index = activities.findIndex((activity) => activity.id === actionData.activityId);
          return index >= 0 ? t("workshops.agenda.saved", { number: index + 1 }) : null;
        }
        case "remove":
          return t("workshops.agenda.removed", { type: t(`workshops.types.${actionData.type}`) });
        case "move": {
          if (!actionData.moved) return null;
          const index = activities.findIndex((activity) => activity.id === actionData.activityId);
          return t("workshops.agenda.moved", { type: t(`workshops.types.${actionData.type}`), number: index + 1 });
        }
        default:
          return null;
      }
    }
    return added && !actionData ? t("workshops.agenda.added", { type: t(`workshops.types.${added}`) }) : null;
  }
  const agendaError =
    failed && (failed.intent === "remove" || failed.intent === "move" || failed.intent === "form") ? failed.errors.form ?? "invalid" : null;

  return (
    <>
      <p>
        <Link to="/workshops">{t("workshops.page.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{workshop.title}</h1>
        <span className={workshop.status === "live" ? "badge" : "badge badge--muted"}>{t(`workshops.status.${workshop.status}`)}</span>
      </div>
      {created ? (
        <div className="alert alert--success" role="status">
          {t("workshops.page.created")}
        </div>
      ) : null}
      {workshop.status === "ended" ? <p className="alert alert--info">{t("workshops.page.endedNotice")}</p> : null}
      {canManage ? null : <p className="alert alert--info">{t("workshops.page.readOnly")}</p>}

      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading" className="visually-hidden">
          {t("workshops.page.joinCode")}
        </h2>
        <dl className="facts">
          <dt>{t("workshops.page.joinCode")}</dt>
          <dd>
            <span className="join-code join-code--large">{workshop.joinCode}</span>
          </dd>
          <dt>{t("workshops.list.date")}</dt>
          <dd>{workshop.scheduledAt ? formatDateTime(workshop.scheduledAt) : t("workshops.list.notScheduled")}</dd>
          <dt>{t("workshops.page.languages")}</dt>
          <dd>{workshop.languages.map((code) => t(`common.languageNames.${code}`)).join(", ")}</dd>
          <dt>{t("workshops.list.participants")}</dt>
          <dd>{t("workshops.page.participants", { count: workshop.participantCount })}</dd>
          <dt>{t("workshops.page.coHosts")}</dt>
          <dd>
            {workshop.coHosts.length > 0 ? (
              <ul className="inline-list">
                {workshop.coHosts.map((champion) => (
                  <li key={champion.id}>
                    <Link to={`/champions/${champion.id}`}>{champion.name}</Link>
                    {champion.role ? <span className="muted"> ({champion.role})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{canManage ? t("workshops.page.noCoHostsHint") : t("workshops.page.noCoHosts")}</span>
            )}
          </dd>
        </dl>
        {workshop.status === "ended" ? null : <CopyField label={t("workshops.page.joinLink")} value={joinLink} />}
        {canManage && workshop.status !== "ended" ? (
          <div className="row">
            <Link className="button" to={paths.run}>
              {t("workshops.page.run")}
            </Link>
            <Link className="button button--secondary" to={paths.present}>
              {t("workshops.page.present")}
            </Link>
          </div>
        ) : null}
        {workshop.status !== "draft" ? (
          <div className="row">
            <Link className="button button--secondary" to={paths.results}>
              {t("results.links.results")}
            </Link>
            {canManage ? (
              <Link className="button button--secondary" to={paths.themes}>
                {t("results.links.themes")}
              </Link>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("workshops.page.detailsHeading")}</h2>
        <p className="prewrap">{workshop.description || <span className="muted">{t("workshops.page.noDescription")}</span>}</p>
        {actionData?.ok && actionData.intent === "details" ? (
          <div className="alert alert--success" role="status">
            {t("workshops.page.detailsSaved")}
          </div>
        ) : null}
        {canEdit ? (
          <details open={failed?.intent === "details" ? true : undefined}>
            <summary>{t("workshops.page.editDetails")}</summary>
            {failed?.intent === "details" ? (
              <div className="alert alert--error" role="alert">
                {failed.errors.form ? t(`workshops.errors.${failed.errors.form}` as MessageKey) : t("workshops.errors.fixBelow")}
              </div>
            ) : null}
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="details" />
              <WorkshopDetailsFields
                districtLanguages={languages}
                values={workshop}
                errors={failed?.intent === "details" ? failed.errors : {}}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("workshops.page.saveDetails")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section className="card" aria-labelledby="agenda-heading" id="agenda">
        <h2 id="agenda-heading" tabIndex={-1}>
          {t("workshops.agenda.heading")}
        </h2>
        {canEdit ? <p className="muted">{t("workshops.agenda.lead")}</p> : null}
        <div role="status">{agendaStatus ? <p className="alert alert--success">{agendaStatus}</p> : null}</div>
        {agendaError ? (
          <div className="alert alert--error" role="alert">
            {t(`workshops.errors.${agendaError}` as MessageKey)}
          </div>
        ) : null}
        {activities.length === 0 ? (
          <p>{canEdit ? t("workshops.agenda.empty") : t("workshops.list.empty")}</p>
        ) : (
          <ol className="agenda">
            {activities.map((activity, index) => (
              <AgendaItem
                key={activity.id}
                activity={activity}
                index={index}
                count={activities.length}
                languages={workshop.languages}
                canEdit={canEdit}
                busy={busy}
                sources={sourceChoices(activities, index, locale)}
                sourcePrompt={sourcePromptOf(activities, activity, locale)}
                failed={failed?.intent === "edit" && failed.activityId === activity.id ? failed : null}
              />
            ))}
          </ol>
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="add-activity-heading" id="add-activity">
          <h2 id="add-activity-heading">{t("workshops.agenda.addHeading")}</h2>
          <p className="muted">{t("workshops.agenda.addLead")}</p>
          <ul className="type-picker">
            {ACTIVITY_TYPES.map((type) => (
              <li key={type}>
                <Link
                  to={`?add=${type}#add-activity`}
                  className={adding === type ? "type-picker__choice type-picker__choice--current" : "type-picker__choice"}
                  aria-current={adding === type ? "true" : undefined}
                  preventScrollReset
                >
                  <strong>{t(`workshops.types.${type}`)}</strong>
                  <span className="hint">{t(`workshops.typeHints.${type}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
          {adding ? (
            <AddActivityForm
              key={adding}
              type={adding}
              languages={workshop.languages}
              sources={sourceChoices(activities, activities.length, locale)}
              failed={failed?.intent === "add" ? failed : null}
              busy={busy}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function sourceChoices(activities: readonly AgendaActivity[], index: number, locale: Locale): SourceChoice[] {
  return brainstormsBefore(activities, index).map((activity) => ({
    id: activity.id,
    label: `${activities.indexOf(activity) + 1}. ${promptOf(activity, locale)}`,
  }));
}

function sourcePromptOf(activities: readonly AgendaActivity[], activity: AgendaActivity, locale: Locale): string | null {
  const sourceId = sourceActivityIdOf(activity.type, activity.config);
  const source = activities.find((candidate) => candidate.id === sourceId);
  return source ? promptOf(source, locale) : null;
}

type Failure = { errors: FieldErrors; values: Record<string, string> };

function AgendaItem({
  activity,
  index,
  count,
  languages,
  canEdit,
  busy,
  sources,
  sourcePrompt,
  failed,
}: {
  activity: AgendaActivity;
  index: number;
  count: number;
  languages: readonly Locale[];
  canEdit: boolean;
  busy: boolean;
  sources: SourceChoice[];
  sourcePrompt: string | null;
  failed: Failure | null;
}) {
  const { t, locale } = useLocale();
  const number = index + 1;
  const prompt = activity.config.prompt as LocalizedText | undefined;
  const missing = languages.filter((code) => !prompt?.[code]);
  const headingId = `activity-${activity.id}-heading`;
  const values = failed?.values ?? configFormValues(activity.config);

  return (
    <li className="agenda__item" id={`activity-${activity.id}`} aria-labelledby={headingId}>
      <div className="agenda__head">
        <h3 id={headingId} className="agenda__title">
          <span className="agenda__number">{t("workshops.agenda.position", { number })}</span>{" "}
          <span className="badge">{t(`workshops.types.${activity.type}`)}</span>
        </h3>
        {activity.state !== "pending" ? <span className="badge badge--muted">{t(`workshops.states.${activity.state}`)}</span> : null}
        {activity.submissionCount > 0 ? (
          <span className="muted">{t("workshops.agenda.submissions", { count: activity.submissionCount })}</span>
        ) : null}
      </div>
      <p className="agenda__prompt prewrap" lang={prompt?.[locale] ? undefined : languages.find((code) => prompt?.[code])}>
        {promptOf(activity, locale)}
      </p>
      {activity.type === "rate" && sourcePrompt ? <p className="muted">{t("workshops.agenda.rates", { prompt: sourcePrompt })}</p> : null}
      {missing.map((code) => (
        <p key={code} className="alert alert--info">
          {t("workshops.agenda.missingPrompt", { language: t(`common.languageNames.${code}`) })}
        </p>
      ))}
      {canEdit ? (
        <div className="agenda__actions">
          <div className="row">
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="activityId" value={activity.id} />
              <input type="hidden" name="direction" value="up" />
              <button type="submit" id={`move-up-${activity.id}`} className="button button--secondary" disabled={index === 0 || busy}>
                <span aria-hidden="true">↑</span>
                <span className="visually-hidden">{t("workshops.agenda.moveUp", { number })}</span>
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="activityId" value={activity.id} />
              <input type="hidden" name="direction" value="down" />
              <button type="submit" id={`move-down-${activity.id}`} className="button button--secondary" disabled={index === count - 1 || busy}>
                <span aria-hidden="true">↓</span>
                <span className="visually-hidden">{t("workshops.agenda.moveDown", { number })}</span>
              </button>
            </Form>
            {activity.submissionCount === 0 && activity.state !== "open" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="activityId" value={activity.id} />
                <button type="submit" className="link-button" disabled={busy}>
                  {t("workshops.agenda.remove")}
                  <span className="visually-hidden"> {t("workshops.agenda.position", { number })}</span>
                </button>
              </Form>
            ) : null}
          </div>
          <details open={failed ? true : undefined}>
            <summary>
              {t("workshops.agenda.edit")}
              <span className="visually-hidden"> {t("workshops.agenda.position", { number })}</span>
            </summary>
            {failed ? (
              <div className="alert alert--error" role="alert">
                {failed.errors.form ? t(`workshops.errors.${failed.errors.form}` as MessageKey) : t("workshops.errors.fixBelow")}
              </div>
            ) : null}
            {activity.submissionCount > 0 ? <p className="alert alert--info">{t("workshops.agenda.settingsLockedNote")}</p> : null}
            <Form method="post" noValidate className="stack" aria-label={t("workshops.agenda.editHeading", { number })}>
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="activityId" value={activity.id} />
              <ActivityFields
                type={activity.type}
                languages={languages}
                values={values}
                errors={failed?.errors ?? {}}
                sources={sources}
                idPrefix={`edit-${activity.id}`}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("workshops.agenda.save")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}

function AddActivityForm({
  type,
  languages,
  sources,
  failed,
  busy,
}: {
  type: ActivityType;
  languages: readonly Locale[];
  sources: SourceChoice[];
  failed: Failure | null;
  busy: boolean;
}) {
  const { t } = useLocale();
  const typeName = t(`workshops.types.${type}`);
  const formError = failed?.errors.form;
  return (
    <div className="add-activity">
      <h3 id="add-activity-form-heading">{t("workshops.agenda.addFormHeading", { type: typeName })}</h3>
      {failed ? (
        <div className="alert alert--error" role="alert">
          {formError ? activityErrorMessage(t, "form", formError) : t("workshops.errors.fixBelow")}
        </div>
      ) : null}
      <Form method="post" noValidate className="stack" aria-labelledby="add-activity-form-heading">
        <input type="hidden" name="intent" value="add" />
        <ActivityFields type={type} languages={languages} values={failed?.values ?? {}} errors={failed?.errors ?? {}} sources={sources} idPrefix="add" />
        <div className="row">
          <button type="submit" className="button" disabled={busy}>
            {t("workshops.agenda.add")}
          </button>
          <Link to="?#add-activity" preventScrollReset>
            {t("workshops.agenda.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
