import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { championPaths } from "~/champions/champion";
import { ActivityResultsView } from "~/components/live/ActivityResults";
import { ParticipationBars } from "~/components/live/ParticipationBars";
import { TableRegion } from "~/components/TableRegion";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/workshops.css";
import { canManageWorkshops, workshopIdSchema, workshopPaths } from "~/workshops/agenda";
import { DEFAULT_CONSENSUS_OPTIONS } from "~/workshops/group-consensus";
import { translated, type LiveActivity } from "~/workshops/live-view";
import { activityOutcomes, parseGroupFilter, workshopConsensus, type ActivityOutcome, type IdeaResult } from "~/workshops/results";
import { EXPORT_KINDS, exportPath, type ExportKind } from "~/workshops/results-csv";
import { loadWorkshopResults } from "~/workshops/results.server";
import { invariantResponse } from "~/utils/http.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle<typeof loader>("titles.workshops.results", { values: (data) => ({ workshop: data.workshop.title }) });

/** Ideas listed per brainstorm on the page; the ideas download has them all. */
const IDEA_ROWS_SHOWN = 200;
/** Ideas shown under "highest rated" for a rate activity. */
const TOP_RATED_SHOWN = 10;

/** Results of a workshop for every staff member of the district (school members read them too), optionally for one stakeholder group. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = workshopIdSchema.safeParse(params.workshopId);
  invariantResponse(workshopId.success, "Not found");
  const locale = await getLocale(request);
  const rows = await loadWorkshopResults(user.districtId, workshopId.data, locale);
  const filter = parseGroupFilter(new URL(request.url).searchParams.get("group"), rows.groups.map((group) => group.id));
  const groupId = filter.ok ? filter.groupId : null;
  const outcomes = activityOutcomes(rows, groupId, locale);
  const consensus = workshopConsensus(rows.ideas, rows.ratings);
  const ideaText = new Map(rows.ideas.map((idea) => [idea.id, idea.text]));
  const describe = (entry: (typeof consensus.commonGround)[number]) => ({ ...entry, text: ideaText.get(entry.ideaId) ?? "" });
  return {
    workshop: rows.workshop,
    canManage: canManageWorkshops(user.role),
    activities: rows.activities,
    outcomes: outcomes.map((outcome) =>
      outcome.type === "brainstorm" ? { ...outcome, hiddenRows: Math.max(0, outcome.ideas.length - IDEA_ROWS_SHOWN), ideas: outcome.ideas.slice(0, IDEA_ROWS_SHOWN) } : outcome,
    ),
    ideaText: Object.fromEntries(
      outcomes.flatMap((outcome) => (outcome.type === "rate" ? outcome.ideas.slice(0, TOP_RATED_SHOWN).map((idea) => [idea.ideaId, ideaText.get(idea.ideaId) ?? ""]) : [])),
    ),
    commonGround: consensus.commonGround.map(describe),
    divisive: consensus.divisive.map(describe),
    consensusOptions: DEFAULT_CONSENSUS_OPTIONS,
    themes: Object.fromEntries(rows.themes.map((theme) => [theme.id, theme.name])),
    groups: rows.groups.filter((group) => !group.archived || rows.participation.some((row) => row.stakeholderGroupId === group.id && row.count > 0)),
    groupLabels: Object.fromEntries(rows.groups.map((group) => [group.id, group.label])),
    participation: rows.participation,
    participantCount: rows.participantCount,
    groupId,
    unknownGroup: !filter.ok,
  };
}

export default function WorkshopResults() {
  const data = useLoaderData<typeof loader>();
  const { workshop, groupId, groupLabels } = data;
  const { t } = useLocale();
  const paths = workshopPaths(workshop.id);
  const started = workshop.status !== "draft";
  const groupName = groupId ? (groupLabels[groupId] ?? "") : null;

  return (
    <div className="results-page">
      <p>
        <Link to={paths.page}>{t("results.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{t("results.heading", { title: workshop.title })}</h1>
        <span className={workshop.status === "live" ? "badge" : "badge badge--muted"}>{t(`workshops.status.${workshop.status}`)}</span>
      </div>
      {started ? null : <p className="alert alert--info">{t("results.notStarted")}</p>}

      <div className="card">
        {data.unknownGroup ? (
          <div className="alert alert--error" role="alert">
            {t("results.filter.unknownGroup")}
          </div>
        ) : null}
        <Form method="get" className="results-filter">
          <div className="field">
            <label htmlFor="results-group">{t("results.filter.label")}</label>
            <select id="results-group" name="group" defaultValue={groupId ?? ""} key={groupId ?? ""}>
              <option value="">{t("results.filter.all")}</option>
              {data.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("results.filter.apply")}
          </button>
        </Form>
        <p role="status">{groupName ? t("results.filter.showing", { group: groupName }) : t("results.filter.showingAll")}</p>
      </div>

      <section className="card" aria-labelledby="download-heading">
        <h2 id="download-heading">{t("results.download.heading")}</h2>
        <p className="muted">{t("results.download.lead")}</p>
        <ul className="results-downloads">
          {EXPORT_KINDS.map((kind: ExportKind) => (
            <li key={kind}>
              <a href={exportPath(workshop.id, kind, groupId)} download>
                {t(`results.download.${kind}`)}
                {groupName ? ` (${t("results.download.groupOnly", { group: groupName })})` : ""}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="participation-heading">
        <h2 id="participation-heading">{t("results.participation.heading")}</h2>
        <p className="muted">{t("results.participation.lead")}</p>
        <ParticipationBars rows={data.participation} participantCount={data.participantCount} groupLabels={groupLabels} />
      </section>

      <Consensus />

      <section aria-labelledby="activities-heading" className="results-activities">
        <h2 id="activities-heading">{t("results.activities.heading")}</h2>
        {data.outcomes.map((outcome) => {
          const activity = data.activities.find((candidate) => candidate.id === outcome.activityId);
          return activity ? <ActivityOutcomeCard key={outcome.activityId} activity={activity as LiveActivity} outcome={outcome} /> : null;
        })}
      </section>
    </div>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ConsensusEntry = Loaded["commonGround"][number];

function Consensus() {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber } = useLocale();
  const options = data.consensusOptions;
  return (
    <section className="card" aria-labelledby="consensus-heading">
      <h2 id="consensus-heading" className="visually-hidden">
        {t("results.consensus.commonGround")} · {t("results.consensus.divisive")}
      </h2>
      <p className="muted">{t("results.consensus.note", { min: options.minRatingsPerGroup })}</p>
      <div className="consensus">
        <div>
          <h3 id="common-ground-heading">{t("results.consensus.commonGround")}</h3>
          <p className="muted">{t("results.consensus.commonGroundLead", { threshold: formatNumber(options.highThreshold) })}</p>
          {data.commonGround.length === 0 ? (
            <p>{t("results.consensus.noCommonGround")}</p>
          ) : (
            <ol className="consensus-list" aria-labelledby="common-ground-heading">
              {data.commonGround.map((entry) => (
                <ConsensusItem key={entry.ideaId} entry={entry} summary={t("results.consensus.lowest", { mean: formatNumber(entry.lowestMean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })} />
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 id="divisive-heading">{t("results.consensus.divisive")}</h3>
          <p className="muted">{t("results.consensus.divisiveLead", { gap: formatNumber(options.gapThreshold) })}</p>
          {data.divisive.length === 0 ? (
            <p>{t("results.consensus.noDivisive")}</p>
          ) : (
            <ol className="consensus-list" aria-labelledby="divisive-heading">
              {data.divisive.map((entry) => (
                <ConsensusItem
                  key={entry.ideaId}
                  entry={entry}
                  open
                  summary={t("results.consensus.gap", {
                    gap: formatNumber(entry.gap, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                    low: formatNumber(entry.lowestMean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                    high: formatNumber(entry.highestMean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                  })}
                />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

/** One idea with each group's average: a table whose last column draws the average as a bar (hidden from screen readers, which read the number). */
function ConsensusItem({ entry, summary, open = false }: { entry: ConsensusEntry; summary: string; open?: boolean }) {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber } = useLocale();
  return (
    <li className="consensus-item" id={`idea-${entry.ideaId}`}>
      <p className="consensus-item__text">{entry.text}</p>
      <p className="muted">{summary}</p>
      <details open={open || undefined}>
        <summary>{t("results.consensus.caption")}</summary>
        <GroupMeans groups={entry.groups} labels={data.groupLabels} caption={`${t("results.consensus.caption")}: ${entry.text}`} formatNumber={formatNumber} />
      </details>
    </li>
  );
}

function GroupMeans({
  groups,
  labels,
  caption,
  formatNumber,
}: {
  groups: readonly { groupId: string; count: number; mean: number }[];
  labels: Record<string, string>;
  caption: string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}) {
  const { t } = useLocale();
  return (
    <table className="group-means">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("results.consensus.group")}</th>
          <th scope="col">{t("results.consensus.ratings")}</th>
          <th scope="col">{t("results.consensus.average")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.groupId}>
            <th scope="row">{labels[group.groupId] ?? ""}</th>
            <td>{formatNumber(group.count)}</td>
            <td>
              <span className="group-means__value">{formatNumber(group.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${(group.mean / 5) * 100}%` }} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Outcome = Loaded["outcomes"][number];

function ActivityOutcomeCard({ activity, outcome }: { activity: LiveActivity; outcome: Outcome }) {
  const { t, locale } = useLocale();
  const number = activity.position + 1;
  const prompt = translated(activity.config.prompt, locale);
  const headingId = `activity-${activity.id}-heading`;
  return (
    <section className="card results-activity" aria-labelledby={headingId} id={`activity-${activity.id}`}>
      <h3 id={headingId}>
        <span className="agenda__number">{t("results.activities.number", { number })}</span> <span className="badge">{t(`workshops.types.${activity.type}`)}</span>
      </h3>
      <p className="prewrap" lang={prompt.lang}>
        {prompt.text}
      </p>
      <OutcomeFigures activity={activity} outcome={outcome} />
    </section>
  );
}

function OutcomeFigures({ activity, outcome }: { activity: LiveActivity; outcome: Outcome }) {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber } = useLocale();
  switch (outcome.type) {
    case "brainstorm":
      return (
        <>
          <p className="results-count">{t("results.activities.ideaCount", { count: outcome.ideas.length + outcome.hiddenRows })}</p>
          {data.canManage ? (
            <p>
              <Link to={workshopPaths(data.workshop.id).themes}>{t("results.activities.manageThemes")}</Link>
            </p>
          ) : null}
          {outcome.ideas.length === 0 ? <p className="muted">{t("results.activities.noIdeas")}</p> : <IdeasTable activityNumber={activity.position + 1} ideas={outcome.ideas} />}
          {outcome.hiddenRows > 0 ? <p className="muted">{t("results.activities.moreIdeas", { count: outcome.hiddenRows })}</p> : null}
        </>
      );
    case "rate": {
      const source = data.activities.find((candidate) => candidate.id === outcome.sourceActivityId);
      const top = outcome.ideas.slice(0, TOP_RATED_SHOWN);
      return (
        <>
          {source ? <p className="muted">{t("results.activities.rates", { number: source.position + 1 })}</p> : null}
          <p className="results-count">{t("results.activities.ratingCount", { count: outcome.ratingCount })}</p>
          {top.length === 0 ? (
            <p className="muted">{t("results.activities.noRatings")}</p>
          ) : (
            <>
              <h4>{t("results.activities.topRated")}</h4>
              <ol className="ranked-list">
                {top.map((idea) => (
                  <li key={idea.ideaId}>
                    <span className="ranked-list__text">{data.ideaText[idea.ideaId] ?? ""}</span>
                    <span className="ranked-list__figures">
                      {t("results.activities.averageOf", {
                        average: formatNumber(idea.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                        count: idea.count,
                      })}
                    </span>
                    <span className="bar" aria-hidden="true">
                      <span style={{ width: `${(idea.mean / 5) * 100}%` }} />
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      );
    }
    case "wordcloud":
      return (
        <>
          <ActivityResultsView activity={activity} results={outcome} variant="console" />
          {outcome.words.length > 0 ? (
            <details>
              <summary>{t("results.activities.showWords")}</summary>
              <table className="word-table">
                <caption className="visually-hidden">{t("results.activities.wordsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.activities.word")}</th>
                    <th scope="col">{t("results.activities.mentions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.words.map((word) => (
                    <tr key={word.word}>
                      <th scope="row">{word.word}</th>
                      <td>{formatNumber(word.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
        </>
      );
    case "nomination":
      return (
        <>
          <p className="results-count">{t("results.activities.nominations", { count: outcome.count })}</p>
          <p className="muted">{t("results.activities.nominationsNote")}</p>
          {data.canManage ? (
            <p>
              <Link to={championPaths.nominations}>{t("results.activities.reviewNominations")}</Link>
            </p>
          ) : null}
        </>
      );
    default:
      return <ActivityResultsView activity={activity} results={outcome as Exclude<ActivityOutcome, { type: "brainstorm" | "rate" }>} variant="console" />;
  }
}

function IdeasTable({ activityNumber, ideas }: { activityNumber: number; ideas: readonly IdeaResult[] }) {
  const data = useLoaderData<typeof loader>();
  const { t, formatNumber } = useLocale();
  const caption = t("results.activities.ideasCaption", { number: activityNumber });
  return (
    <TableRegion label={caption}>
      <table className="ideas-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.activities.idea")}</th>
            <th scope="col">{t("results.activities.author")}</th>
            <th scope="col">{t("results.activities.theme")}</th>
            <th scope="col">{t("results.activities.ratings")}</th>
            <th scope="col">{t("results.activities.average")}</th>
          </tr>
        </thead>
        <tbody>
          {ideas.map((idea) => (
            <tr key={idea.id} id={`idea-row-${idea.id}`}>
              <th scope="row" className="ideas-table__text">
                <span lang={idea.language}>{idea.text}</span>
                {idea.mergedCount > 0 ? <span className="muted"> · {t("results.activities.merged", { count: idea.mergedCount })}</span> : null}
              </th>
              <td>{data.groupLabels[idea.stakeholderGroupId] ?? ""}</td>
              <td>{idea.themeId ? (data.themes[idea.themeId] ?? "") : <span className="muted">{t("results.activities.noTheme")}</span>}</td>
              <td>{formatNumber(idea.ratingCount)}</td>
              <td>
                {idea.mean === null ? (
                  <span className="muted">{t("results.activities.notRated")}</span>
                ) : (
                  <>
                    <span className="group-means__value">{formatNumber(idea.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
                    <span className="bar" aria-hidden="true">
                      <span style={{ width: `${(idea.mean / 5) * 100}%` }} />
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
