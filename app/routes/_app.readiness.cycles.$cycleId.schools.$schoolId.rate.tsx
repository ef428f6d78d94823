import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { LevelBadge } from "~/components/readiness/LevelBadge";
import { RatingForm } from "~/components/readiness/RatingForm";
import { TeamHeader } from "~/components/readiness/TeamHeader";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { memberRatings, saveRatings, teamOfRequest, teamSummary } from "~/readiness/assessment.server";
import { FRAMEWORK_LANGUAGE } from "~/readiness/builtin-frameworks";
import { cycleFramework } from "~/readiness/cycle.server";
import { ratingEntriesFromForm } from "~/readiness/forms";

export const meta = pageTitle<typeof loader>("titles.readiness.rate", { values: (data) => ({ school: data.team.schoolName }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  const { dimensions, indicators } = await cycleFramework(context.cycle.versionId);
  const mine = context.access.isMember ? await memberRatings(context, user.id) : { submittedAt: null, ratings: {} };
  return {
    team: teamSummary(context),
    isMember: context.access.isMember,
    dimensions,
    indicators: indicators.map(({ id, code, title, statement, dimensionKey, notYet, emerging, developing, established }) => ({
      id,
      code,
      title,
      statement,
      dimensionKey,
      notYet,
      emerging,
      developing,
      established,
    })),
    submittedAt: mine.submittedAt,
    ratings: mine.ratings,
    rated: indicators.filter((indicator) => mine.ratings[indicator.id]?.level != null).length,
  };
}

type ActionResult =
  | { ok: true; submitted: boolean }
  | { ok: false; errors: Record<string, string>; missing?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  if (!context.access.isMember) throw new Response("Only members of this school's team rate its readiness.", { status: 403 });
  const formData = await request.formData();
  const submit = formData.get("intent") === "submit";
  const parsed = ratingEntriesFromForm(formData);
  if (!parsed.ok) return data<ActionResult>({ ok: false, errors: parsed.errors }, { status: 400 });
  const result = await saveRatings(user, context, parsed.entries, { submit });
  if (!result.ok) return data<ActionResult>({ ok: false, errors: result.errors, missing: result.missing }, { status: result.status });
  return data<ActionResult>({ ok: true, submitted: result.submitted });
}

export default function RatePage() {
  const { team, isMember, dimensions, indicators, submittedAt, ratings, rated } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime } = useLocale();
  const autosaveUrl = `/readiness/cycles/${team.cycleId}/schools/${team.schoolId}/autosave`;
  const formError = actionData && !actionData.ok ? actionData.errors.form : undefined;

  return (
    <>
      <TeamHeader team={team} section={t("readiness.team.rate")} />
      <section className="card" aria-labelledby="rate-heading">
        <h3 id="rate-heading">{t("readiness.rate.heading")}</h3>
        {!isMember ? (
          <p>{t("readiness.rate.notMember")}</p>
        ) : (
          <>
            {actionData?.ok ? (
              <div className="alert alert--success" role="status">
                {actionData.submitted ? t("readiness.rate.submittedNow") : t("readiness.rate.savedAll")}
              </div>
            ) : null}
            {actionData && !actionData.ok ? (
              <div className="alert alert--error" role="alert">
                {formError
                  ? t(`readiness.errors.${formError}` as MessageKey, { count: actionData.missing ?? 0 })
                  : t("readiness.errors.fixBelow")}
              </div>
            ) : null}
            {submittedAt ? (
              <>
                {actionData?.ok ? null : <p className="alert alert--info">{t("readiness.rate.submittedOn", { date: formatDateTime(submittedAt) })}</p>}
                <SubmittedRatings dimensions={dimensions} indicators={indicators} ratings={ratings} />
              </>
            ) : !team.open ? (
              <>
                <p className="alert alert--info">{t("readiness.rate.closed")}</p>
                <SubmittedRatings dimensions={dimensions} indicators={indicators} ratings={ratings} />
              </>
            ) : (
              <>
                <p className="muted">{t("readiness.rate.lead")}</p>
                <RatingForm
                  autosaveUrl={autosaveUrl}
                  dimensions={dimensions}
                  indicators={indicators}
                  saved={ratings}
                  errors={actionData && !actionData.ok ? actionData.errors : {}}
                  rated={rated}
                  total={indicators.length}
                  busy={navigation.state === "submitting"}
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}

function SubmittedRatings({
  dimensions,
  indicators,
  ratings,
}: {
  dimensions: { key: string; name: string }[];
  indicators: { id: string; code: string; title: string; dimensionKey: string }[];
  ratings: Record<string, { level: 1 | 2 | 3 | 4 | null; note: string; links: string[] }>;
}) {
  const { t } = useLocale();
  return (
    <div className="stack">
      {dimensions.map((dimension) => (
        <section key={dimension.key} aria-labelledby={`mine-${dimension.key}`}>
          <h4 id={`mine-${dimension.key}`} lang={FRAMEWORK_LANGUAGE}>
            {dimension.name}
          </h4>
          <ul className="plain-list stack">
            {indicators
              .filter((indicator) => indicator.dimensionKey === dimension.key)
              .map((indicator) => {
                const rating = ratings[indicator.id];
                return (
                  <li key={indicator.id} className="submitted-rating">
                    <strong>
                      {indicator.code} <span lang={FRAMEWORK_LANGUAGE}>{indicator.title}</span>
                    </strong>{" "}
                    {rating?.level ? <LevelBadge level={rating.level} /> : <span className="muted">{t("readiness.rate.noLevel")}</span>}
                    {rating?.note ? <p>{t("readiness.rate.evidence", { note: rating.note })}</p> : null}
                    {rating?.links.length ? (
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
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
