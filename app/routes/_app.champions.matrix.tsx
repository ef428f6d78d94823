import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { championPaths, RATING_MAX, RATING_MIN } from "~/champions/champion";
import { championOptions, listChampions } from "~/champions/champions.server";
import { allTags, filterChampions, filterFromSearchParams, isFiltered } from "~/champions/filters";
import { placeOnMatrix, QUADRANTS, quadrantOf } from "~/champions/matrix";
import { ChampionFilterForm } from "~/components/champions/ChampionFilterForm";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";

export const meta = pageTitle("titles.champions.matrix");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = filterFromSearchParams(new URL(request.url).searchParams);
  const [champions, options] = await Promise.all([listChampions(user.districtId), championOptions(user.districtId)]);
  const people = filterChampions(champions, filter).map((champion) => ({
    id: champion.id,
    name: champion.name,
    influence: champion.influence,
    support: champion.support,
    stage: champion.stage,
  }));
  return { filter, filtered: isFiltered(filter), ...placeOnMatrix(people), options, tags: allTags(champions) };
}

const SCALE = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => RATING_MIN + index);
/** "María Elena Torres" → "MT": what fits in a cell of the chart on a phone. */
function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return [words[0], words.length > 1 ? words.at(-1) : undefined].map((word) => word?.charAt(0).toLocaleUpperCase() ?? "").join("");
}

/** How many names fit in one cell of the chart before it says "+N". */
const NAMES_PER_CELL = 3;

export default function Matrix() {
  const { filter, quadrants, unrated, options, tags } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useLocale();
  const placed = QUADRANTS.flatMap((quadrant) => quadrants[quadrant]);
  return (
    <section className="card" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t("champions.matrix.heading")}</h2>
      <p className="muted">{t("champions.matrix.lead")}</p>
      <ChampionFilterForm filter={filter} options={options} tags={tags} clearTo={championPaths.matrix} />

      {/* The chart repeats the lists below for sighted readers; it holds nothing focusable. */}
      <div className="champions-matrix" aria-hidden="true">
        <div className="champions-matrix__y">{t("champions.matrix.influence")}</div>
        <div className="champions-matrix__grid">
          {[...SCALE].reverse().map((influence) => (
            <div key={influence} className="champions-matrix__row">
              <span className="champions-matrix__tick">{influence}</span>
              {SCALE.map((support) => {
                const here = placed.filter((person) => person.influence === influence && person.support === support);
                return (
                  <div key={support} className={`champions-matrix__cell champions-matrix__cell--${quadrantOf(influence, support)}`}>
                    {here.slice(0, NAMES_PER_CELL).map((person) => (
                      <span key={person.id} className="champions-matrix__name">
                        <span className="champions-matrix__full">{person.name}</span>
                        <span className="champions-matrix__initials">{initials(person.name)}</span>
                      </span>
                    ))}
                    {here.length > NAMES_PER_CELL ? <span className="champions-matrix__more">+{formatNumber(here.length - NAMES_PER_CELL)}</span> : null}
                  </div>
                );
              })}
            </div>
          ))}
          <div className="champions-matrix__row champions-matrix__row--ticks">
            <span className="champions-matrix__tick" />
            {SCALE.map((support) => (
              <span key={support} className="champions-matrix__tick">
                {support}
              </span>
            ))}
          </div>
        </div>
        <div className="champions-matrix__x">{t("champions.matrix.support")}</div>
        <div className="champions-matrix__legend">
          {QUADRANTS.map((quadrant) => (
            <span key={quadrant} className={`champions-matrix__key champions-matrix__cell--${quadrant}`}>
              {t(`champions.quadrants.${quadrant}`)}
            </span>
          ))}
        </div>
      </div>
      <p className="hint">{t("champions.matrix.chartNote")}</p>

      <h3>{t("champions.matrix.listHeading")}</h3>
      <div className="champions-quadrants">
        {QUADRANTS.map((quadrant) => (
          <section key={quadrant} className={`champions-quadrant champions-matrix__cell--${quadrant}`} aria-labelledby={`quadrant-${quadrant}`}>
            <h4 id={`quadrant-${quadrant}`}>
              {t(`champions.quadrants.${quadrant}`)} <span className="muted">({t("champions.matrix.count", { count: quadrants[quadrant].length })})</span>
            </h4>
            <p className="hint">{t(`champions.quadrantHints.${quadrant}`)}</p>
            {quadrants[quadrant].length === 0 ? (
              <p className="muted">{t("champions.matrix.empty")}</p>
            ) : (
              <ul>
                {quadrants[quadrant].map((person) => (
                  <li key={person.id}>
                    <Link to={championPaths.person(person.id)}>{person.name}</Link>{" "}
                    <span className="muted">
                      — {t("champions.matrix.ratings", { influence: person.influence ?? 0, support: person.support ?? 0 })}, {t(`champions.stages.${person.stage}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      {unrated.length > 0 ? (
        <section aria-labelledby="unrated-heading">
          <h3 id="unrated-heading">
            {t("champions.matrix.unrated")} <span className="muted">({t("champions.matrix.count", { count: unrated.length })})</span>
          </h3>
          <p className="hint">{t("champions.matrix.unratedLead")}</p>
          <ul>
            {unrated.map((person) => (
              <li key={person.id}>
                <Link to={championPaths.person(person.id)}>{person.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
