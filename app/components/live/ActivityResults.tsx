import { useLocale } from "~/i18n/useLocale";
import { inEveryLanguage, mergedCounts, newestFirst, translated, visibleIdeas, wordSize, type LiveActivity } from "~/workshops/live-view";
import type { ActivityResults, IdeaView } from "../../../server/socket/events";
import { ResultBars, Translations } from "./ResultBars";

/** Where results are shown: a phone, the facilitator's console, or the projector. */
export type ResultsVariant = "participant" | "console" | "presenter";

/** How many ideas the projector and the console's preview show at once: the newest, with the spotlighted one first. */
const WALL_PREVIEW_SIZE = 30;

/**
 * `languages`: the workshop's languages, for the projector, which shows each
 * option and item in all of them as it does the prompt; other screens show the reader's.
 */
type Props = { activity: LiveActivity; results: ActivityResults | undefined; variant: ResultsVariant; languages?: readonly string[] };

/** The results of one activity, drawn the same way on every screen. */
export function ActivityResultsView({ activity, results, variant, languages = [] }: Props) {
  const { t } = useLocale();
  if (!results || results.activityId !== activity.id || results.type !== activity.type) {
    return <p className="muted">{t("live.results.loading")}</p>;
  }
  return (
    <div className={`live-results live-results--${variant}`}>
      <Figures activity={activity} results={results} variant={variant} languages={languages} />
    </div>
  );
}

function Figures({ activity, results, variant, languages }: { activity: LiveActivity; results: ActivityResults; variant: ResultsVariant; languages: readonly string[] }) {
  const { t, locale, formatNumber } = useLocale();
  /** The label in the page's language (or the first it is written in), and in the workshop's other languages. */
  const labelled = (text: Parameters<typeof translated>[0]) => {
    const main = translated(text, locale);
    const others = inEveryLanguage(text, locale, languages).filter((entry) => entry.text !== main.text);
    return { ...main, translations: others };
  };
  switch (results.type) {
    case "brainstorm":
      return (
        <>
          <p className="results-count">{t("live.results.ideaCount", { count: results.ideaCount })}</p>
          <IdeaWall ideas={results.ideas} spotlightIdeaId={activity.spotlightIdeaId} variant={variant} />
        </>
      );
    case "rate":
      return <RatingLeaders leaders={results.leaders} ratingCount={results.ratingCount} />;
    case "poll": {
      if (activity.type !== "poll") return null;
      const byId = new Map(results.options.map((option) => [option.id, option]));
      return (
        <>
          <p className="results-count">{t("live.results.respondents", { count: results.respondents })}</p>
          <ResultBars
            caption={t("live.results.pollCaption")}
            labelHeading={t("live.results.option")}
            countHeading={t("live.results.votes")}
            rows={activity.config.options.map((option) => {
              const label = labelled(option.label);
              return {
                id: option.id,
                label: label.text,
                lang: label.lang,
                translations: label.translations,
                count: byId.get(option.id)?.count ?? 0,
                share: byId.get(option.id)?.share ?? 0,
              };
            })}
          />
        </>
      );
    }
    case "scale": {
      if (activity.type !== "scale") return null;
      const minLabel = labelled(activity.config.minLabel);
      const maxLabel = labelled(activity.config.maxLabel);
      const endLabel = (value: number) => {
        const end = value === activity.config.min ? minLabel : value === activity.config.max ? maxLabel : null;
        return end?.text ? end : null;
      };
      return (
        <>
          <p className="results-count">
            {t("live.results.respondents", { count: results.respondents })}
            {results.mean !== null ? ` · ${t("live.results.mean", { mean: formatNumber(results.mean, { maximumFractionDigits: 1 }) })}` : ""}
          </p>
          <ResultBars
            caption={t("live.results.scaleCaption")}
            labelHeading={t("live.results.value")}
            countHeading={t("live.results.answers")}
            rows={results.distribution.map((row) => {
              const end = endLabel(row.value);
              return {
                id: String(row.value),
                label: end ? `${formatNumber(row.value)} – ${end.text}` : formatNumber(row.value),
                lang: end?.lang,
                translations: end?.translations,
                count: row.count,
                share: results.respondents === 0 ? 0 : row.count / results.respondents,
              };
            })}
          />
        </>
      );
    }
    case "wordcloud":
      return (
        <>
          <p className="results-count">{t("live.results.respondents", { count: results.respondents })}</p>
          <WordCloud words={results.words} />
        </>
      );
    case "ranking": {
      if (activity.type !== "ranking") return null;
      const labels = new Map(activity.config.items.map((item) => [item.id, labelled(item.label)]));
      return (
        <>
          <p className="results-count">{t("live.results.respondents", { count: results.respondents })}</p>
          <RankingResults
            items={[...results.items]
              .sort((a, b) => b.points - a.points)
              .map((item) => ({ ...item, label: labels.get(item.id) ?? { text: item.id, lang: undefined, translations: [] } }))}
          />
        </>
      );
    }
    case "nomination":
      return (
        <p className="results-count">
          {t("live.results.nominations", { count: results.count })} {t("live.results.nominationsPrivate")}
        </p>
      );
  }
}

/**
 * The ideas on the wall, newest first, with the spotlighted idea first and
 * set apart. Hidden and merged ideas never reach the wall.
 */
export function IdeaWall({ ideas, spotlightIdeaId, variant }: { ideas: readonly IdeaView[]; spotlightIdeaId: string | null; variant: ResultsVariant }) {
  const { t } = useLocale();
  const merged = mergedCounts(ideas);
  const onWall = newestFirst(visibleIdeas(ideas));
  const spotlight = onWall.find((idea) => idea.id === spotlightIdeaId) ?? null;
  const rest = onWall.filter((idea) => idea !== spotlight);
  // Phones get a wall the server already cut to size; the console moderates every idea in its own list.
  const shown = variant === "participant" ? rest : rest.slice(0, WALL_PREVIEW_SIZE - (spotlight ? 1 : 0));
  if (onWall.length === 0) return <p className="muted">{t("live.results.noIdeas")}</p>;
  return (
    <>
      {spotlight ? (
        <figure className="idea-spotlight">
          <figcaption>{t("live.results.spotlight")}</figcaption>
          <blockquote>
            <p>{spotlight.text}</p>
          </blockquote>
        </figure>
      ) : null}
      <ul className="idea-wall" aria-label={t("live.results.wallLabel")}>
        {shown.map((idea) => (
          <li key={idea.id}>
            <span className="idea-wall__text">{idea.text}</span>
            {merged.get(idea.id) ? <span className="idea-wall__merged">{t("live.results.similar", { count: merged.get(idea.id) ?? 0 })}</span> : null}
          </li>
        ))}
      </ul>
      {shown.length < rest.length ? <p className="muted">{t("live.results.moreIdeas", { count: rest.length - shown.length })}</p> : null}
    </>
  );
}

/** The ideas rated highest so far, with their average and number of ratings in words. */
export function RatingLeaders({ leaders, ratingCount }: { leaders: readonly IdeaView[]; ratingCount: number }) {
  const { t, formatNumber } = useLocale();
  if (leaders.length === 0) return <p className="muted">{t("live.results.noRatings")}</p>;
  return (
    <>
      <p className="results-count">{t("live.results.ratingCount", { count: ratingCount })}</p>
      <ol className="ranked-list">
        {leaders.map((idea) => (
          <li key={idea.id}>
            <span className="ranked-list__text">{idea.text}</span>
            <span className="ranked-list__figures">
              {t("live.results.average", {
                average: formatNumber(idea.averageRating ?? 0, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                count: idea.ratingCount,
              })}
            </span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${((idea.averageRating ?? 0) / 5) * 100}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Words sized by how often they were given; the count is spoken, the size only seen. */
export function WordCloud({ words }: { words: readonly { word: string; count: number }[] }) {
  const { t } = useLocale();
  if (words.length === 0) return <p className="muted">{t("live.results.noWords")}</p>;
  const maxCount = Math.max(...words.map((word) => word.count));
  return (
    <ul className="word-cloud" aria-label={t("live.results.wordCloudLabel")}>
      {words.map((entry) => (
        <li key={entry.word} className={`word-cloud__word word-cloud__word--${wordSize(entry.count, maxCount)}`}>
          {entry.word}
          <span className="visually-hidden">{t("live.results.mentions", { count: entry.count })}</span>
        </li>
      ))}
    </ul>
  );
}

/** A ranking's order by Borda points, with points and average place in words. */
export function RankingResults({
  items,
}: {
  items: readonly {
    id: string;
    points: number;
    meanRank: number | null;
    label: { text: string; lang: string | undefined; translations?: readonly { text: string; lang: string | undefined }[] };
  }[];
}) {
  const { t, formatNumber } = useLocale();
  const maxPoints = Math.max(1, ...items.map((item) => item.points));
  return (
    <ol className="ranked-list">
      {items.map((item) => (
        <li key={item.id}>
          <span className="ranked-list__text">
            <span lang={item.label.lang}>{item.label.text}</span>
            <Translations of={item.label.translations} />
          </span>
          <span className="ranked-list__figures">
            {item.meanRank === null
              ? t("live.results.points", { count: item.points })
              : t("live.results.pointsAndPlace", {
                  count: item.points,
                  place: formatNumber(item.meanRank, { maximumFractionDigits: 1 }),
                })}
          </span>
          <span className="bar" aria-hidden="true">
            <span style={{ width: `${(item.points / maxPoints) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
