import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { LanguageSwitch } from "~/components/LanguageSwitch";
import { CompetencyText, RichText } from "~/components/portrait/RichText";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { FEEDBACK_COMMENT_MAX, feedbackFormSchema, RATING_VALUES } from "~/portrait/feedback";
import { submitFeedback } from "~/portrait/feedback.server";
import { publicPortrait } from "~/portrait/publication.server";
import { acceptsFeedback } from "~/portrait/status";
import styles from "~/styles/portrait-review.css";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle<typeof loader>("titles.portrait.district", {
  values: (data) => (data.state === "published" ? { district: data.district.name } : null),
  fallback: "portraitReview.publicPage.noneTitle",
  product: false,
});

const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/);
const publicationIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

/**
 * The district's published Portrait for the community: the newest published
 * or adopted version, never the live draft, with a feedback form on each
 * competency while it is in review.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  const shown = slug.success ? await publicPortrait(slug.data) : null;
  if (!shown) return data({ state: "none" as const }, { status: 404 });
  const { district, publication, portrait, status } = shown;
  return {
    state: "published" as const,
    // The district writes its Portrait in its default language, whatever the reader chose for the page.
    district: { name: district.name, language: district.defaultLanguage },
    publication: { id: publication.id, stage: publication.stage, publishedAt: publication.publishedAt.toISOString(), versionName: publication.version.name },
    acceptingFeedback: acceptsFeedback({ status, feedbackOpen: publication.feedbackOpen, stage: publication.stage }),
    portrait,
  };
}

export type FeedbackActionResult =
  | { ok: true; competencyId: string }
  | { ok: false; competencyId: string | null; error: string; errors: FieldErrors; retryAfterSeconds: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const refuse = (status: number, error: string, competencyId: string | null, errors: FieldErrors = {}, retryAfterSeconds = 0) =>
    data<FeedbackActionResult>({ ok: false, competencyId, error, errors, retryAfterSeconds }, { status, headers: retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined });
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) return refuse(404, "notFound", null);
  const form = await request.formData();
  const competencyField = form.get("competencyId");
  const competencyId = typeof competencyField === "string" && competencyField.length <= 64 ? competencyField : null;
  const publicationId = publicationIdSchema.safeParse(form.get("publicationId"));
  if (!publicationId.success) return refuse(409, "outdated", competencyId);
  const parsed = parseForm(feedbackFormSchema, form);
  if (!parsed.ok) {
    if (parsed.errors.competencyId) return refuse(404, "unknownCompetency", competencyId);
    return refuse(400, "fixBelow", competencyId, parsed.errors);
  }
  const result = await submitFeedback({
    slug: slug.data,
    publicationId: publicationId.data,
    address: clientAddress(context),
    language: await getLocale(request),
    form: parsed.data,
  });
  if (result.ok) return data<FeedbackActionResult>({ ok: true, competencyId: parsed.data.competencyId });
  const status = { notFound: 404, unknownCompetency: 404, closed: 409, outdated: 409, rateLimited: 429 }[result.error];
  return refuse(status, result.error, competencyId, {}, result.retryAfterSeconds ?? 0);
}

export default function PublicPortraitPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header no-print">
        <div className="app-header__inner">
          <a className="brand" href="/">
            {t("common.appName")}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <div className="page public-portrait">
        <main id="main" tabIndex={-1}>
          {loaded.state === "none" ? (
            <section className="card">
              <h1>{t("portraitReview.publicPage.noneTitle")}</h1>
              <p>{t("portraitReview.publicPage.none")}</p>
            </section>
          ) : (
            <Published loaded={loaded} />
          )}
        </main>
      </div>
    </>
  );
}

type PublishedData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { state: "published" }>;

function Published({ loaded }: { loaded: PublishedData }) {
  const { t, formatDate } = useLocale();
  const { district, publication, portrait, acceptingFeedback } = loaded;
  const bandLabels = { elementary: t("portraitReview.bands.elementary"), middle: t("portraitReview.bands.middle"), high: t("portraitReview.bands.high") };
  return (
    <>
      <section className="card" aria-labelledby="public-title">
        <p className="eyebrow">{district.name}</p>
        <h1 id="public-title">{t("portraitReview.portraitTitle")}</h1>
        <p>
          <span className="badge">{t(publication.stage === "adopted" ? "portraitReview.publicPage.adoptedBadge" : "portraitReview.publicPage.reviewBadge")}</span>{" "}
          <span className="muted">
            {t(publication.stage === "adopted" ? "portraitReview.publicPage.adoptedOn" : "portraitReview.publicPage.publishedOn", { date: formatDate(publication.publishedAt) })}
          </span>
        </p>
        <p>
          {acceptingFeedback
            ? t("portraitReview.publicPage.invite")
            : publication.stage === "adopted"
              ? t("portraitReview.publicPage.adoptedLead")
              : t("portraitReview.publicPage.closed")}
        </p>
      </section>
      <section className="card" aria-labelledby="public-vision">
        <h2 id="public-vision">{t("portraitReview.vision")}</h2>
        <RichText content={portrait.vision} headingLevel={3} lang={district.language} />
      </section>
      {portrait.competencies.map((competency, index) => (
        <section key={competency.id} className="card public-competency" aria-labelledby={`public-competency-${index}`}>
          <h2 id={`public-competency-${index}`} lang={competency.title ? district.language : undefined}>
            {competency.title || t("portraitReview.untitled")}
          </h2>
          <CompetencyText competency={competency} bandLabels={bandLabels} bandHeading="h3" lang={district.language} />
          {acceptingFeedback ? <FeedbackForm publicationId={publication.id} competencyId={competency.id} title={competency.title || t("portraitReview.untitled")} index={index} /> : null}
        </section>
      ))}
    </>
  );
}

function FeedbackForm({ publicationId, competencyId, title, index }: { publicationId: string; competencyId: string; title: string; index: number }) {
  const { t } = useLocale();
  const fetcher = useFetcher<typeof action>();
  const posted = useActionData<typeof action>();
  // Without scripts the form posts the page itself; with them, each competency's form answers on its own.
  const result = fetcher.data ?? (posted && posted.competencyId === competencyId ? posted : undefined);
  const form = useRef<HTMLFormElement>(null);
  // A sent form is cleared so that the next person on a shared device starts afresh.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);

  const errors = result && !result.ok ? result.errors : {};
  const prefix = `feedback-${index}`;
  const ratingError = errors.rating ? t(`portraitReview.publicPage.errors.${errors.rating === "ratingRequired" ? "ratingRequired" : "ratingRange"}`) : undefined;
  const commentError = errors.comment ? t("portraitReview.publicPage.errors.commentTooLong", { max: FEEDBACK_COMMENT_MAX }) : undefined;
  const message = result ? (result.ok ? t("portraitReview.publicPage.thanks") : refusalMessage(result, t)) : "";

  return (
    <fetcher.Form method="post" className="feedback-form" ref={form} aria-labelledby={`${prefix}-heading public-competency-${index}`} noValidate>
      <h3 id={`${prefix}-heading`}>{t("portraitReview.publicPage.feedbackHeading")}</h3>
      <input type="hidden" name="publicationId" value={publicationId} />
      <input type="hidden" name="competencyId" value={competencyId} />
      <fieldset className="feedback-form__rating" aria-describedby={ratingError ? `${prefix}-rating-error` : undefined}>
        <legend>{t("portraitReview.publicPage.ratingLegend", { title })}</legend>
        <div className="feedback-form__choices">
          {RATING_VALUES.map((value) => (
            <label key={value} className="choice-option">
              <input type="radio" name="rating" value={value} required />
              <span>{t(`portraitReview.ratings.${value}`)}</span>
            </label>
          ))}
        </div>
        {ratingError ? (
          <p className="field-error" id={`${prefix}-rating-error`}>
            {ratingError}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-comment`}>{t("portraitReview.publicPage.comment")}</label>
        <p className="hint" id={`${prefix}-comment-hint`}>
          {t("portraitReview.publicPage.commentHint", { max: FEEDBACK_COMMENT_MAX })}
        </p>
        <textarea
          id={`${prefix}-comment`}
          name="comment"
          rows={3}
          maxLength={FEEDBACK_COMMENT_MAX}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={[`${prefix}-comment-hint`, commentError ? `${prefix}-comment-error` : null].filter(Boolean).join(" ")}
        />
        {commentError ? (
          <p className="field-error" id={`${prefix}-comment-error`}>
            {commentError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
        {t("portraitReview.publicPage.send")}
        <span className="visually-hidden">: {title}</span>
      </button>
      <p className={result && !result.ok ? "feedback-form__status feedback-form__status--error" : "feedback-form__status"} role="status">
        {message}
      </p>
    </fetcher.Form>
  );
}

function refusalMessage(result: Extract<FeedbackActionResult, { ok: false }>, t: ReturnType<typeof useLocale>["t"]): string {
  switch (result.error) {
    case "rateLimited":
      return t("portraitReview.publicPage.errors.rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) });
    case "closed":
      return t("portraitReview.publicPage.errors.closed");
    case "outdated":
      return t("portraitReview.publicPage.errors.outdated");
    case "unknownCompetency":
    case "notFound":
      return t("portraitReview.publicPage.errors.notFound");
    default:
      return t("portraitReview.publicPage.errors.fixBelow");
  }
}
