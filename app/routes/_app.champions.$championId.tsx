import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { audienceLabel } from "~/audiences/audiences";
import { requireRole, requireUser } from "~/auth/session.server";
import { canManageChampions, canSeeContactDetails, championPaths } from "~/champions/champion";
import { CHAMPION_ARRAY_FIELDS, championFieldsSchema, contactFieldsSchema, stageMoveSchema, todayField } from "~/champions/champion-form";
import {
  championAssignments,
  championOptions,
  duplicateKeys,
  getChampion,
  getChampionContact,
  isPlausibleId,
  moveChampionStage,
  removeChampion,
  setCoHostedWorkshops,
  setCriteriaMet,
  setMessengerAudiences,
  stageHistory,
  updateChampion,
  updateChampionContact,
  withdrawConsent,
} from "~/champions/champions.server";
import { criterionLabel } from "~/champions/criteria";
import { listCriteria } from "~/champions/criteria.server";
import { findPossibleDuplicates } from "~/champions/duplicates";
import { quadrantOf } from "~/champions/matrix";
import { nominationsOf } from "~/champions/nominations.server";
import { nextStage, stagesToMoveTo } from "~/champions/pipeline";
import { criteriaScore } from "~/champions/score";
import { ChampionFieldset, useChampionErrors } from "~/components/champions/ChampionFieldset";
import { ContactFieldset } from "~/components/champions/ContactFieldset";
import { ErrorSummary } from "~/components/ErrorSummary";
import { languageList } from "~/components/champions/labels";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { TextareaField } from "~/components/TextareaField";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.champions.champion", { values: (data) => ({ name: data.champion.name }) });

const MANAGERS = ["leader", "facilitator"] as const;

function championIdOf(params: LoaderFunctionArgs["params"]): string {
  invariantResponse(isPlausibleId(params.championId), "Not found");
  return params.championId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const championId = championIdOf(params);
  const champion = await getChampion(user.districtId, championId);
  const canManage = canManageChampions(user.role);
  const withContact = canSeeContactDetails(user.role);
  const [contact, history, criteria, assignments, options, nominations, keys] = await Promise.all([
    // Contact details, consent, notes and the nominators' words are read only for the roles allowed to see them.
    withContact ? getChampionContact(user.districtId, champion.id) : null,
    stageHistory(user.districtId, champion.id, { withNotes: withContact }),
    listCriteria(user.districtId),
    championAssignments(user.districtId, champion.id),
    championOptions(user.districtId),
    withContact ? nominationsOf(user.districtId, champion.id) : [],
    canManage ? duplicateKeys(user.districtId) : null,
  ]);
  const self = keys?.find((person) => person.id === champion.id);
  const names = new Map(keys?.map((person) => [person.id, person.name]));
  const duplicates =
    keys && self
      ? findPossibleDuplicates(
          self,
          keys.filter((person) => person.id !== champion.id),
        ).map((match) => ({ id: match.id, name: names.get(match.id) ?? "", reasons: match.reasons }))
      : [];
  const metIds = champion.criteriaMet.map((check) => check.criterionId);
  const url = new URL(request.url);
  return {
    champion,
    contact,
    history,
    criteria,
    metIds,
    score: criteriaScore(
      criteria.map((criterion) => criterion.id),
      metIds,
    ),
    quadrant: quadrantOf(champion.influence, champion.support),
    assignments,
    options,
    nominations,
    duplicates,
    canManage,
    today: todayField(),
    added: url.searchParams.get("added") === "1",
  };
}

const intentSchema = z.object({
  intent: z.enum(["details", "contact", "withdrawConsent", "stage", "criteria", "audiences", "workshops", "remove"]),
});
type Intent = z.infer<typeof intentSchema>["intent"];

type ActionResult = { intent: Intent; ok: true } | { intent: Intent | null; ok: false; errors: FieldErrors };

function refused(intent: Intent | null, errors: FieldErrors) {
  return data<ActionResult>({ intent, ok: false, errors }, { status: 400 });
}

function done(intent: Intent) {
  return data<ActionResult>({ intent, ok: true });
}

const idList = z.array(z.string().max(64));

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const championId = championIdOf(params);
  const formData = await request.formData();
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) return refused(null, { form: "invalid" });
  const intent = parsedIntent.data.intent;

  switch (intent) {
    case "details": {
      const parsed = parseForm(championFieldsSchema, formData, CHAMPION_ARRAY_FIELDS);
      if (!parsed.ok) return refused(intent, parsed.errors);
      const result = await updateChampion(user, championId, parsed.data);
      return result.ok ? done(intent) : refused(intent, result.errors);
    }
    case "contact": {
      const parsed = parseForm(contactFieldsSchema, formData);
      if (!parsed.ok) return refused(intent, parsed.errors);
      await updateChampionContact(user, championId, parsed.data);
      return done(intent);
    }
    case "withdrawConsent":
      await withdrawConsent(user, championId);
      return done(intent);
    case "stage": {
      const parsed = parseForm(stageMoveSchema, formData);
      if (!parsed.ok) return refused(intent, parsed.errors);
      const result = await moveChampionStage(user, championId, parsed.data);
      return result.ok ? done(intent) : refused(intent, result.errors);
    }
    case "criteria":
    case "audiences":
    case "workshops": {
      const ids = idList.safeParse(formData.getAll("ids"));
      if (!ids.success) return refused(intent, { form: "invalid" });
      const command = { criteria: setCriteriaMet, audiences: setMessengerAudiences, workshops: setCoHostedWorkshops }[intent];
      const result = await command(user, championId, ids.data);
      return result.ok ? done(intent) : refused(intent, result.errors);
    }
    case "remove":
      await removeChampion(user, championId);
      return redirect(`${championPaths.directory}?removed=1`);
  }
}

export default function ChampionPage() {
  const loaded = useLoaderData<typeof loader>();
  const { champion, contact, history, criteria, metIds, score, quadrant, assignments, options, nominations, duplicates, canManage, today, added } = loaded;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, locale, formatDate, formatNumber } = useLocale();
  const errorsOf = (intent: Intent): FieldErrors => (actionData && !actionData.ok && actionData.intent === intent ? actionData.errors : {});
  const savedFor = (intent: Intent) => actionData?.ok === true && actionData.intent === intent;
  const stageErrors = useChampionErrors(errorsOf("stage"));
  const assignedAudiences = assignments.audiences.filter((audience) => assignments.audienceIds.includes(audience.id));
  const assignedWorkshops = assignments.workshops.filter((workshop) => assignments.workshopIds.includes(workshop.id));
  const formProblem = actionData && !actionData.ok && actionData.errors.form;
  const next = nextStage(champion.stage);

  return (
    <>
      <p>
        <Link to={championPaths.directory}>
          <span aria-hidden="true">← </span>
          {t("champions.person.back")}
        </Link>
      </p>
      {added ? (
        <div className="alert alert--success" role="status">
          {t("champions.add.added", { name: champion.name })}
        </div>
      ) : null}
      {formProblem ? (
        <div className="alert alert--error" role="alert">
          {t("champions.errors.invalid")}
        </div>
      ) : null}

      <section className="card" aria-labelledby="person-heading">
        <h2 id="person-heading">{champion.name}</h2>
        <p className="row">
          <span className="badge badge--muted">{t(`champions.kinds.${champion.kind}`)}</span>
          <span className={`badge champions-stage champions-stage--${champion.stage}`}>
            {t("champions.person.stageSince", { stage: t(`champions.stages.${champion.stage}`), date: formatDate(champion.stageChangedAt) })}
          </span>
        </p>
        <dl className="facts champions-facts">
          {champion.role ? (
            <>
              <dt>{t("champions.fields.role")}</dt>
              <dd>{champion.role}</dd>
            </>
          ) : null}
          <dt>{t("champions.fields.group")}</dt>
          <dd>{champion.stakeholderGroup ? stakeholderGroupLabel(champion.stakeholderGroup, locale) : t("champions.directory.none")}</dd>
          <dt>{t("champions.fields.school")}</dt>
          <dd>{champion.school?.name ?? t("champions.directory.none")}</dd>
          {champion.affiliation ? (
            <>
              <dt>{t("champions.fields.affiliation")}</dt>
              <dd>{champion.affiliation}</dd>
            </>
          ) : null}
          <dt>{t("champions.directory.languages")}</dt>
          <dd>{languageList(t, champion.languages) || t("champions.directory.none")}</dd>
          {champion.reach ? (
            <>
              <dt>{t("champions.fields.reach")}</dt>
              <dd className="prewrap">{champion.reach}</dd>
            </>
          ) : null}
          {champion.audienceSize !== null ? (
            <>
              <dt>{t("champions.fields.audienceSize")}</dt>
              <dd>{formatNumber(champion.audienceSize)}</dd>
            </>
          ) : null}
          <dt>{t("champions.fields.influence")}</dt>
          <dd>{champion.influence ?? t("champions.fields.notRated")}</dd>
          <dt>{t("champions.fields.support")}</dt>
          <dd>{champion.support ?? t("champions.fields.notRated")}</dd>
          <dt>{t("champions.person.quadrant")}</dt>
          <dd>{quadrant ? t(`champions.quadrants.${quadrant}`) : t("champions.person.notPlaced")}</dd>
          <dt>{t("champions.directory.score")}</dt>
          <dd>{t("champions.person.criteria.score", { met: formatNumber(score.met), count: score.total })}</dd>
          {champion.tags.length > 0 ? (
            <>
              <dt>{t("champions.fields.tags")}</dt>
              <dd>{champion.tags.join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("champions.person.source")}</dt>
          <dd>{t(`champions.sources.${champion.source}`)}</dd>
        </dl>
        {canManage ? null : <p className="muted">{t("champions.person.readOnly")}</p>}
      </section>

      {duplicates.length > 0 ? (
        <section className="card champions-warning" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">{t("champions.person.duplicates.heading")}</h2>
          <p>{t("champions.person.duplicates.lead")}</p>
          <ul>
            {duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={championPaths.person(duplicate.id)}>{duplicate.name}</Link> (
                {duplicate.reasons.map((reason) => t(`champions.duplicateReasons.${reason}`)).join(", ")})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canManage ? (
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t("champions.person.details")}</h2>
          {savedFor("details") ? (
            <div className="alert alert--success" role="status">
              {t("champions.person.detailsSaved")}
            </div>
          ) : null}
          {actionData && !actionData.ok && actionData.intent === "details" ? (
            <ErrorSummary formId="champion-details-form" message={t("champions.errors.fixBelow")} result={actionData} />
          ) : null}
          <Form method="post" noValidate className="champions-form" id="champion-details-form" key={String(champion.updatedAt)}>
            <input type="hidden" name="intent" value="details" />
            <ChampionFieldset errors={errorsOf("details")} defaults={{ ...champion, notes: contact?.notes ?? null }} options={options} withNotes />
            <button type="submit" className="button" disabled={busy}>
              {t("champions.person.saveDetails")}
            </button>
          </Form>
        </section>
      ) : null}

      {contact ? (
        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t("champions.person.contact.heading")}</h2>
          <p className="muted">{t("champions.person.contact.lead")}</p>
          {savedFor("contact") ? (
            <div className="alert alert--success" role="status">
              {t("champions.person.contact.saved")}
            </div>
          ) : null}
          {savedFor("withdrawConsent") ? (
            <div className="alert alert--success" role="status">
              {t("champions.person.contact.withdrawn")}
            </div>
          ) : null}
          {actionData && !actionData.ok && actionData.intent === "contact" ? (
            <ErrorSummary formId="champion-contact-form" message={t("champions.errors.fixBelow")} result={actionData} />
          ) : null}
          <p>
            {contact.consentGiven && contact.consentAt && contact.consentMethod
              ? t("champions.person.contact.given", {
                  date: formatDate(contact.consentAt),
                  method: t(`champions.consentMethods.${contact.consentMethod}`).toLocaleLowerCase(locale),
                })
              : t("champions.person.contact.none")}
          </p>
          <Form method="post" noValidate className="champions-form" id="champion-contact-form" key={`${String(champion.updatedAt)}-contact`}>
            <input type="hidden" name="intent" value="contact" />
            <ContactFieldset errors={errorsOf("contact")} defaults={contact} today={today} />
            <button type="submit" className="button" disabled={busy}>
              {t("champions.person.contact.save")}
            </button>
          </Form>
          {contact.consentGiven ? (
            <Form method="post" className="champions-secondary-action">
              <input type="hidden" name="intent" value="withdrawConsent" />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("champions.person.contact.withdraw")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">{t("champions.person.criteria.heading")}</h2>
        <p>
          <strong>{t("champions.person.criteria.score", { met: formatNumber(score.met), count: score.total })}</strong>
        </p>
        {savedFor("criteria") ? (
          <div className="alert alert--success" role="status">
            {t("champions.person.criteria.saved")}
          </div>
        ) : null}
        {criteria.length === 0 ? (
          <p className="muted">{t("champions.person.criteria.none")}</p>
        ) : canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="criteria" />
            <fieldset>
              <legend>{t("champions.person.criteria.lead")}</legend>
              <ul className="plain-list champions-criteria">
                {criteria.map((criterion) => {
                  const label = criterionLabel(criterion, locale);
                  return (
                    <li key={criterion.id}>
                      <label className="checkbox">
                        <input type="checkbox" name="ids" value={criterion.id} defaultChecked={metIds.includes(criterion.id)} />
                        <span>
                          {label.name}
                          {label.description ? <span className="hint">{label.description}</span> : null}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <div className="row">
              <button type="submit" className="button" disabled={busy}>
                {t("champions.person.criteria.save")}
              </button>
              <Link to={championPaths.criteria}>{t("champions.person.criteria.edit")}</Link>
            </div>
          </Form>
        ) : (
          <ul className="champions-criteria">
            {criteria.map((criterion) => (
              <li key={criterion.id}>
                <span aria-hidden="true">{metIds.includes(criterion.id) ? "✓ " : "– "}</span>
                {criterionLabel(criterion, locale).name}
                <span className="visually-hidden">
                  {metIds.includes(criterion.id) ? ` (${t("champions.person.criteria.met")})` : ` (${t("champions.person.criteria.notMet")})`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="pipeline-heading">
        <h2 id="pipeline-heading">{t("champions.person.pipeline.heading")}</h2>
        {savedFor("stage") ? (
          <div className="alert alert--success" role="status">
            {t("champions.person.pipeline.moved", { stage: t(`champions.stages.${champion.stage}`) })}
          </div>
        ) : null}
        {canManage ? (
          <Form method="post" noValidate className="champions-form" key={`${champion.stage}-${history.length}`}>
            <input type="hidden" name="intent" value="stage" />
            <div className="champions-pair">
              <SelectField
                label={t("champions.person.pipeline.moveTo")}
                name="stage"
                defaultValue={next ?? (champion.stage === "active" ? "stepped_back" : "identified")}
                options={stagesToMoveTo(champion.stage).map((stage) => ({ value: stage, label: t(`champions.stages.${stage}`) }))}
                error={stageErrors("stage")}
              />
              <Field type="date" label={t("champions.fields.stageAt")} name="at" defaultValue={today} max={today} required error={stageErrors("at")} />
            </div>
            <TextareaField label={t("champions.fields.stageNote")} name="note" rows={2} maxLength={500} error={stageErrors("note")} />
            <button type="submit" className="button" disabled={busy}>
              {t("champions.person.pipeline.move")}
            </button>
          </Form>
        ) : null}
        <h3 className="champions-history-heading">{t("champions.person.pipeline.history")}</h3>
        <ol className="champions-history" reversed>
          {history.map((event) => (
            <li key={event.id}>
              <strong>{t("champions.person.pipeline.entry", { stage: t(`champions.stages.${event.toStage}`), date: formatDate(event.at) })}</strong>
              {event.fromStage ? <span className="muted"> ({t("champions.person.pipeline.from", { stage: t(`champions.stages.${event.fromStage}`) })})</span> : null}
              {"note" in event && event.note ? <p className="prewrap">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="audiences-heading">
        <h2 id="audiences-heading">{t("champions.person.audiences.heading")}</h2>
        {savedFor("audiences") ? (
          <div className="alert alert--success" role="status">
            {t("champions.person.audiences.saved")}
          </div>
        ) : null}
        {assignments.audiences.length === 0 ? (
          <p className="muted">{t("champions.person.audiences.none")}</p>
        ) : canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="audiences" />
            <fieldset>
              <legend>{t("champions.person.audiences.lead")}</legend>
              <div className="champions-checks">
                {assignments.audiences.map((audience) => (
                  <label key={audience.id} className="checkbox">
                    <input type="checkbox" name="ids" value={audience.id} defaultChecked={assignments.audienceIds.includes(audience.id)} />
                    {audienceLabel(audience, locale)}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button" disabled={busy}>
              {t("champions.person.audiences.save")}
            </button>
          </Form>
        ) : (
          <p>
            {assignedAudiences.length > 0
              ? t("champions.person.audiences.assigned", { audiences: assignedAudiences.map((audience) => audienceLabel(audience, locale)).join(", ") })
              : t("champions.person.audiences.unassigned")}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="workshops-heading">
        <h2 id="workshops-heading">{t("champions.person.workshops.heading")}</h2>
        {savedFor("workshops") ? (
          <div className="alert alert--success" role="status">
            {t("champions.person.workshops.saved")}
          </div>
        ) : null}
        {assignments.workshops.length === 0 ? (
          <p className="muted">{t("champions.person.workshops.none")}</p>
        ) : canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="workshops" />
            <fieldset>
              <legend>{t("champions.person.workshops.lead")}</legend>
              <ul className="plain-list">
                {assignments.workshops.map((workshop) => (
                  <li key={workshop.id}>
                    <label className="checkbox">
                      <input type="checkbox" name="ids" value={workshop.id} defaultChecked={assignments.workshopIds.includes(workshop.id)} />
                      <span>
                        {workshop.title}
                        {workshop.scheduledAt ? <span className="muted"> · {formatDate(workshop.scheduledAt)}</span> : null}
                        {workshop.status === "ended" ? <span className="muted"> · {t("champions.person.workshops.ended")}</span> : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="button" disabled={busy}>
              {t("champions.person.workshops.save")}
            </button>
          </Form>
        ) : (
          <p>
            {assignedWorkshops.length > 0
              ? t("champions.person.workshops.assigned", { workshops: assignedWorkshops.map((workshop) => workshop.title).join(", ") })
              : t("champions.person.workshops.unassigned")}
          </p>
        )}
      </section>

      {nominations.length > 0 ? (
        <section className="card" aria-labelledby="nominations-heading">
          <h2 id="nominations-heading">{t("champions.person.nominations.heading")}</h2>
          <ul>
            {nominations.map((nomination) => (
              <li key={nomination.id}>
                <strong>{t("champions.person.nominations.entry", { workshop: nomination.workshop.title, date: formatDate(nomination.createdAt) })}</strong>
                <p className="prewrap">{nomination.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canManage ? (
        <section className="card" aria-labelledby="remove-heading">
          <details className="champions-remove">
            <summary>
              <h2 id="remove-heading">{t("champions.person.remove.summary")}</h2>
            </summary>
            <p>{t("champions.person.remove.lead", { name: champion.name })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("champions.person.remove.confirm", { name: champion.name })}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}
