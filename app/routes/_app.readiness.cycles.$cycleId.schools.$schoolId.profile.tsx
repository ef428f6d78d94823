import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ChangeText, IndicatorBars } from "~/components/readiness/IndicatorBars";
import { LevelBadge } from "~/components/readiness/LevelBadge";
import { RadarChart } from "~/components/readiness/RadarChart";
import { TeamHeader } from "~/components/readiness/TeamHeader";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { schoolProfile, teamOfRequest, teamSummary } from "~/readiness/assessment.server";
import { FRAMEWORK_LANGUAGE } from "~/readiness/builtin-frameworks";

export const meta = pageTitle<typeof loader>("titles.readiness.profile", { values: (data) => ({ school: data.team.schoolName, cycle: data.team.cycleName }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  return { team: teamSummary(context), profile: await schoolProfile(context) };
}

export default function ProfilePage() {
  const { team, profile } = useLoaderData<typeof loader>();
  const { t, formatNumber, formatDate } = useLocale();
  const agreed = profile.indicators.filter((indicator) => indicator.level !== null).length;
  const previousName = profile.previous?.cycleName ?? null;
  const highlight = (list: typeof profile.strengths, empty: string) =>
    list.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="plain-list stack">
        {list.map((indicator) => (
          <li key={indicator.id}>
            <strong>
              {indicator.code} <span lang={FRAMEWORK_LANGUAGE}>{indicator.title}</span>
            </strong>{" "}
            <LevelBadge level={indicator.level} />
            {indicator.rationale ? <p className="rating-note">{indicator.rationale}</p> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="school-profile">
      <TeamHeader team={team} section={t("readiness.team.profile")} />
      <p className="print-only print-title">{t("readiness.profile.printTitle", { school: team.schoolName, cycle: team.cycleName })}</p>
      <section className="card" aria-labelledby="profile-heading">
        <div className="row profile-heading">
          <h3 id="profile-heading">{t("readiness.profile.heading")}</h3>
          <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
            {t("readiness.profile.print")}
          </button>
        </div>
        <p className="label">{t("readiness.profile.overall")}</p>
        <p className="figure">
          {profile.average === null ? t("readiness.profile.noAverage") : formatNumber(profile.average, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}
        </p>
        <p className="muted">{t("readiness.profile.agreed", { agreed, total: profile.indicators.length, count: profile.indicators.length })}</p>
      </section>

      <div className="profile-grid">
        <section className="card" aria-labelledby="radar-heading">
          <h3 id="radar-heading">{t("readiness.profile.radarHeading")}</h3>
          <RadarChart
            dimensions={profile.dimensions.map(({ key, name, average, before }) => ({ key, name, average, before }))}
            cycleName={team.cycleName}
            previousName={previousName}
          />
        </section>
        <section className="card" aria-labelledby="highlights-heading">
          <h3 id="highlights-heading" className="visually-hidden">
            {t("readiness.profile.strengths")} · {t("readiness.profile.growthAreas")}
          </h3>
          <h4>{t("readiness.profile.strengths")}</h4>
          {highlight(profile.strengths, t("readiness.profile.strengthsEmpty"))}
          <h4>{t("readiness.profile.growthAreas")}</h4>
          {highlight(profile.growthAreas, t("readiness.profile.growthEmpty"))}
          <h4>{previousName ? t("readiness.profile.changeHeading", { cycle: previousName }) : t("readiness.profile.changeHeadingNone")}</h4>
          {profile.previous ? (
            <>
              <p>
                {t("readiness.profile.changeSummary", {
                  improved: profile.previous.change.improved,
                  declined: profile.previous.change.declined,
                  unchanged: profile.previous.change.unchanged,
                })}
              </p>
              <ul className="plain-list stack">
                {profile.indicators
                  .filter((indicator) => indicator.change !== null && indicator.change !== 0)
                  .map((indicator) => (
                    <li key={indicator.id}>
                      {indicator.code} <span lang={FRAMEWORK_LANGUAGE}>{indicator.title}</span>: <ChangeText change={indicator.change} />
                    </li>
                  ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t("readiness.profile.noPrevious")}</p>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="bars-heading">
        <h3 id="bars-heading">{t("readiness.profile.barsHeading")}</h3>
        <IndicatorBars
          indicators={profile.indicators.map(({ id, code, title, level, before, change, rationale }) => ({ id, code, title, level, before, change, rationale }))}
          cycleName={team.cycleName}
          previousName={previousName}
        />
      </section>

      <section className="card" aria-labelledby="profile-actions-heading">
        <h3 id="profile-actions-heading">{t("readiness.profile.actionsHeading")}</h3>
        {profile.actionItems.length === 0 ? (
          <p className="muted">{t("readiness.profile.actionsEmpty")}</p>
        ) : (
          <ul className="plain-list stack">
            {profile.actionItems.map((item) => (
              <li key={item.id}>
                <strong>{item.what}</strong> · {item.owner}
                {item.dueDate ? ` · ${formatDate(item.dueDate, { dateStyle: "medium", timeZone: "UTC" })}` : null} ·{" "}
                {t(`readiness.actionStatus.${item.status}`)}
                {item.indicatorTitle ? <span className="muted"> ({item.indicatorTitle})</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="no-print">
          <Link to={`/readiness/cycles/${team.cycleId}/schools/${team.schoolId}/actions`}>{t("readiness.profile.manageActions")}</Link>
        </p>
      </section>
    </div>
  );
}
