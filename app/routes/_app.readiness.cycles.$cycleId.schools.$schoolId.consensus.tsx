import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { LevelBadge } from "~/components/readiness/LevelBadge";
import { SpreadList } from "~/components/readiness/SpreadList";
import { TeamHeader } from "~/components/readiness/TeamHeader";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { consensusView, recordConsensus, teamMembers, teamOfRequest, teamSummary, type ConsensusIndicator } from "~/readiness/assessment.server";
import { FRAMEWORK_LANGUAGE } from "~/readiness/builtin-frameworks";
import { consensusFieldsSchema, NOTE_MAX } from "~/readiness/forms";
import { LEVEL_NAMES, LEVELS } from "~/readiness/levels";
import { sortByDisagreement } from "~/readiness/spread";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle<typeof loader>("titles.readiness.consensus", { values: (data) => ({ school: data.team.schoolName }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  const view = await consensusView(user, context);
  const byFramework = new URL(request.url).searchParams.get("order") === "framework";
  const indicators = byFramework || view.spreadHidden ? view.indicators : sortByDisagreement(view.indicators.map((indicator) => ({ ...indicator, spread: indicator.spread! })));
  return {
    team: teamSummary(context),
    access: context.access,
    byFramework,
    submittedCount: view.submittedCount,
    memberCount: view.memberCount,
    spreadHidden: view.spreadHidden,
    indicators: indicators as ConsensusIndicator[],
    // Who records the consensus, for the members who cannot: a team without a lead has to ask for one.
    leads: context.access.isLead ? [] : (await teamMembers(context.school.id)).filter((member) => member.isLead).map((member) => member.name),
  };
}

type ActionResult = { ok: true; indicatorId: string } | { ok: false; indicatorId: string | null; errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  if (!context.access.isLead) throw new Response("Only the team lead or a district leader records the consensus.", { status: 403 });
  const formData = await request.formData();
  const indicatorField = formData.get("indicatorId");
  const indicatorId = typeof indicatorField === "string" ? indicatorField : null;
  const parsed = parseForm(consensusFieldsSchema, formData);
  if (!parsed.ok) return data<ActionResult>({ ok: false, indicatorId, errors: parsed.errors }, { status: 400 });
  const result = await recordConsensus(user, context, parsed.data);
  if (!result.ok) return data<ActionResult>({ ok: false, indicatorId, errors: result.errors }, { status: result.status });
  return data<ActionResult>({ ok: true, indicatorId: parsed.data.indicatorId });
}

export default function ConsensusPage() {
  const { team, access, byFramework, submittedCount, memberCount, spreadHidden, indicators, leads } = useLoaderData<typeof loader>();
  const { t, locale } = useLocale();
  const formatList = (names: readonly string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
  return (
    <>
      <TeamHeader team={team} section={t("readiness.team.consensus")} />
      <section className="card" aria-labelledby="consensus-heading">
        <h3 id="consensus-heading">{t("readiness.consensus.heading")}</h3>
        <p className="muted">{access.isLead ? t("readiness.consensus.leadLead") : t("readiness.consensus.leadMember")}</p>
        {access.isLead ? null : leads.length > 0 ? (
          <p>{t("readiness.consensus.leadIs", { names: formatList(leads), count: leads.length })}</p>
        ) : (
          <p className="alert alert--info">{t("readiness.consensus.noLead")}</p>
        )}
        <p>{t("readiness.consensus.submitted", { submitted: submittedCount, members: memberCount, count: memberCount })}</p>
        {spreadHidden ? (
          <p className="alert alert--info">{t("readiness.consensus.spreadHidden")}</p>
        ) : (
          <nav className="row order-switch no-print" aria-label={t("readiness.consensus.order")}>
            <span>{t("readiness.consensus.order")}:</span>
            <Link to="?" aria-current={byFramework ? undefined : "true"} className={byFramework ? undefined : "active"} preventScrollReset>
              {t("readiness.consensus.byDifference")}
            </Link>
            <Link to="?order=framework" aria-current={byFramework ? "true" : undefined} className={byFramework ? "active" : undefined} preventScrollReset>
              {t("readiness.consensus.byFramework")}
            </Link>
          </nav>
        )}
      </section>
      {indicators.map((indicator) => (
        <ConsensusCard key={indicator.id} indicator={indicator} canRecord={access.canRecordConsensus} />
      ))}
    </>
  );
}

function ConsensusCard({ indicator, canRecord }: { indicator: ConsensusIndicator; canRecord: boolean }) {
  const fetcher = useFetcher<typeof action>();
  const { t, formatDate } = useLocale();
  const headingId = `consensus-${indicator.id}`;
  const answer = fetcher.data && fetcher.data.indicatorId === indicator.id ? fetcher.data : undefined;
  const errors = answer && !answer.ok ? answer.errors : {};
  const spread = indicator.spread;
  return (
    <article className="card consensus-card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span className="indicator-code">{indicator.code}</span> <span lang={FRAMEWORK_LANGUAGE}>{indicator.title}</span>
      </h4>
      <p className="muted" lang={FRAMEWORK_LANGUAGE}>
        {indicator.statement}
      </p>
      {spread ? (
        <>
          <p className={`agreement agreement--${spread.agreement}`}>
            <strong>{t(`readiness.consensus.agreement.${spread.agreement}`, { range: spread.range })}</strong>
          </p>
          <SpreadList spread={spread} title={indicator.title} />
        </>
      ) : null}
      {indicator.ratings ? (
        <div className="individual-ratings">
          <h5>{t("readiness.consensus.individual")}</h5>
          <p className="hint">{t("readiness.consensus.individualHint")}</p>
          {indicator.ratings.length === 0 ? (
            <p className="muted">{t("readiness.consensus.noIndividual")}</p>
          ) : (
            <ul className="plain-list stack">
              {indicator.ratings.map((rating, index) => (
                <li key={`${rating.memberName}-${index}`}>
                  <strong>{rating.memberName}</strong> <LevelBadge level={rating.level} />
                  {rating.note ? <p className="rating-note">{rating.note}</p> : null}
                  {rating.links.length ? (
                    <ul className="link-list">
                      {rating.links.map((link) => (
                        <li key={link}>
                          <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className="consensus-current" aria-live="polite">
        {indicator.consensus ? (
          <>
            <p>
              {t("readiness.consensus.recorded")}{" "}
              <LevelBadge level={indicator.consensus.level} />
            </p>
            {indicator.consensus.rationale ? <p className="rating-note">{indicator.consensus.rationale}</p> : null}
            {indicator.consensus.decidedBy ? (
              <p className="hint">{t("readiness.consensus.recordedBy", { name: indicator.consensus.decidedBy, date: formatDate(indicator.consensus.updatedAt) })}</p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("readiness.consensus.none")}</p>
        )}
        {answer?.ok ? <p className="save-status save-status--saved">{t("readiness.consensus.saved")}</p> : null}
        {answer && !answer.ok && errors.form ? (
          <p className="field-error" role="alert">
            {t(`readiness.errors.${errors.form}` as MessageKey)}
          </p>
        ) : null}
      </div>
      {canRecord ? (
        <fetcher.Form method="post" className="consensus-form no-print" noValidate>
          <input type="hidden" name="indicatorId" value={indicator.id} />
          <fieldset aria-describedby={errors.level ? `level-error-${indicator.id}` : undefined}>
            <legend>{t("readiness.consensus.form", { title: indicator.title })}</legend>
            <div className="level-choice">
              {LEVELS.map((level) => (
                <label key={level} className={`level-chip level-option--${level}`}>
                  <input type="radio" name="level" value={level} defaultChecked={indicator.consensus?.level === level} />
                  {t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}
                </label>
              ))}
            </div>
            {errors.level ? (
              <p className="field-error" id={`level-error-${indicator.id}`}>
                {t(`readiness.errors.${errors.level}` as MessageKey)}
              </p>
            ) : null}
            <TextareaField
              name="rationale"
              label={t("readiness.consensus.rationale")}
              hint={t("readiness.consensus.rationaleHint")}
              defaultValue={indicator.consensus?.rationale ?? ""}
              maxLength={NOTE_MAX}
              rows={2}
              error={errors.rationale ? t(`readiness.errors.${errors.rationale}` as MessageKey) : undefined}
            />
            <button type="submit" className="button button--secondary" disabled={fetcher.state !== "idle"}>
              {t("readiness.consensus.save")}
              <span className="visually-hidden"> {indicator.title}</span>
            </button>
          </fieldset>
        </fetcher.Form>
      ) : null}
    </article>
  );
}
