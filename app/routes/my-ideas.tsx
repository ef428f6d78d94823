import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicPage } from "~/components/PublicPage";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { ideasOfDevice, type MyDistrict } from "~/portrait/my-ideas.server";
import styles from "~/styles/portrait-review.css";
import { deviceTokenFromRequest } from "~/workshops/participant.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle("titles.myIdeas");

/**
 * "Where did my ideas go?": on the phone (browser) a participant joined from,
 * their own ideas and the competencies of the Portrait that cite them. The
 * device cookie is the only key; nobody else's ideas are ever read.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const deviceToken = await deviceTokenFromRequest(request);
  const districts: MyDistrict[] = deviceToken ? await ideasOfDevice(deviceToken) : [];
  return data({ recognised: deviceToken !== null, districts }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function MyIdeasPage() {
  const { recognised, districts } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <PublicPage title={t("portraitReview.myIdeas.title")}>
      {!recognised ? (
        <div className="stack">
          <p>{t("portraitReview.myIdeas.unknownDevice")}</p>
          <p className="muted">{t("portraitReview.myIdeas.privacy")}</p>
        </div>
      ) : districts.length === 0 ? (
        <div className="stack">
          <p>{t("portraitReview.myIdeas.noIdeas")}</p>
          <p className="muted">{t("portraitReview.myIdeas.privacy")}</p>
        </div>
      ) : (
        <div className="stack my-ideas">
          <p className="muted">{t("portraitReview.myIdeas.lead")}</p>
          {districts.map((district, index) => (
            <DistrictIdeas key={district.name} district={district} index={index} />
          ))}
          <p className="muted">{t("portraitReview.myIdeas.privacy")}</p>
        </div>
      )}
    </PublicPage>
  );
}

function DistrictIdeas({ district, index }: { district: MyDistrict; index: number }) {
  const { t, formatDate } = useLocale();
  const headingId = `district-${index}`;
  return (
    <section aria-labelledby={headingId} className="my-ideas__district">
      <h2 id={headingId}>{district.name}</h2>
      <p className="muted">
        {district.published ? t("portraitReview.myIdeas.fromPublished") : t("portraitReview.myIdeas.fromDraft")}{" "}
        {district.publicPath ? <a href={district.publicPath}>{t("portraitReview.myIdeas.readPortrait")}</a> : null}
      </p>
      {district.workshops.map((workshop) => (
        <section key={workshop.id} aria-labelledby={`workshop-${workshop.id}`} className="my-ideas__workshop">
          <h3 id={`workshop-${workshop.id}`}>
            {workshop.title}
            {workshop.endedAt ? <span className="muted my-ideas__date"> · {formatDate(workshop.endedAt)}</span> : null}
          </h3>
          <ul className="my-ideas__list">
            {workshop.ideas.map((idea) => (
              <li key={idea.id} className="my-idea">
                <p className="my-idea__text" lang={idea.language}>
                  {idea.text}
                </p>
                {idea.hidden ? (
                  <p className="muted">{t("portraitReview.myIdeas.hidden")}</p>
                ) : idea.citations.length === 0 ? (
                  <p className="muted">{t("portraitReview.myIdeas.notCited")}</p>
                ) : (
                  <>
                    <p>{t("portraitReview.myIdeas.citedIn", { count: idea.citations.length })}</p>
                    <ul className="my-idea__citations">
                      {idea.citations.map((citation) => (
                        <li key={citation.competencyId}>
                          <strong>{citation.title || t("portraitReview.untitled")}</strong>{" "}
                          <span className="muted">{t(`portraitReview.myIdeas.via.${citation.via}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
