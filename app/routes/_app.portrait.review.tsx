import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole, requireUser } from "~/auth/session.server";
import { ConfirmCheckbox } from "~/components/ConfirmCheckbox";
import { CopyField } from "~/components/CopyField";
import { FeedbackSummary } from "~/components/portrait/FeedbackSummary";
import { CompetencyText } from "~/components/portrait/RichText";
import { TableRegion } from "~/components/TableRegion";
import { createTranslator, formatDate } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { feedbackOfPublication } from "~/portrait/feedback.server";
import { portraitContentFromJson } from "~/portrait/export";
import { readPortraitContent } from "~/portrait/portrait.server";
import { latestReviewPublication, reviewState, runReviewCommand } from "~/portrait/publication.server";
import { availableReviewCommands, reviewCommandSchema, VERSION_NAME_MAX, type ReviewCommand } from "~/portrait/status";
import styles from "~/styles/portrait-review.css";
import { prisma } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

import { publicUrl } from "~/utils/public-url.server";
export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle("titles.portrait.review");

const MANAGERS = ["leader"] as const;

/** The review status, the public page, and the community's feedback beside each competency of the current draft. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request);
  const district = await prisma.district.findUnique({ where: { id: user.districtId }, select: { slug: true } });
  invariantResponse(district, "Not found");
  const [state, reviewed, draft] = await Promise.all([reviewState(user.districtId), latestReviewPublication(user.districtId), readPortraitContent(user.districtId)]);
  const feedback = reviewed ? await feedbackOfPublication(user.districtId, reviewed.id) : {};
  // Competencies the community saw that the draft no longer has keep their feedback on the page.
  const reviewedVersion = reviewed ? await prisma.portraitVersion.findUnique({ where: { id: reviewed.version.id }, select: { content: true } }) : null;
  const draftIds = new Set(draft.competencies.map((competency) => competency.id));
  const removed = reviewedVersion ? portraitContentFromJson(reviewedVersion.content).competencies.filter((competency) => !draftIds.has(competency.id)) : [];
  const publicPath = `/p/${district.slug}`;
  const today = formatDate(locale, new Date());
  const t = createTranslator(locale);
  return {
    status: state.status,
    publication: state.publication,
    reviewed,
    publicPath,
    publicUrl: publicUrl(request, publicPath),
    canManage: (MANAGERS as readonly string[]).includes(user.role),
    commands: availableReviewCommands(state),
    defaultNames: { publish: t("portraitReview.review.defaultPublishName", { date: today }), adopt: t("portraitReview.review.defaultAdoptName", { date: today }) },
    draft: draft.competencies,
    removed: removed.map((competency) => ({ id: competency.id, title: competency.title })),
    feedback,
  };
}

type ActionResult = { ok: true; command: ReviewCommand } | { ok: false; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const formData = await request.formData();
  const parsed = parseForm(reviewCommandSchema, formData);
  if (!parsed.ok) {
    const { intent, versionName, confirm } = parsed.errors;
    // The intent parsed when only the confirmation is missing: the message names what did not happen.
    const error = intent ?? versionName ?? (confirm ? (formData.get("intent") === "adopt" ? "confirmAdopt" : "confirmPublish") : "unknownCommand");
    return data<ActionResult>({ ok: false, error }, { status: 400 });
  }
  const { intent, versionName } = parsed.data;
  const locale = await getLocale(request);
  const t = createTranslator(locale);
  const today = formatDate(locale, new Date());
  const fallback = intent === "adopt" ? t("portraitReview.review.defaultAdoptName", { date: today }) : t("portraitReview.review.defaultPublishName", { date: today });
  const result = await runReviewCommand(user, intent, { versionName: versionName || fallback });
  if (!result.ok) return data<ActionResult>({ ok: false, error: result.error }, { status: 409 });
  return data<ActionResult>({ ok: true, command: intent });
}

const KNOWN_ERRORS = [
  "notInReview",
  "feedbackAlreadyClosed",
  "feedbackAlreadyOpen",
  "nothingPublished",
  "emptyPortrait",
  "changedMeanwhile",
  "unknownCommand",
  "nameTooLong",
  "confirmPublish",
  "confirmAdopt",
] as const;

export default function ReviewPage() {
  const { status, publication, reviewed, publicPath, publicUrl, canManage, commands, defaultNames, draft, removed, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, formatDateTime, formatNumber } = useLocale();
  const busy = navigation.state !== "idle";
  const bandLabels = { elementary: t("portraitReview.bands.elementary"), middle: t("portraitReview.bands.middle"), high: t("portraitReview.bands.high") };
  const untitled = t("portraitReview.untitled");
  const failed = actionData && !actionData.ok ? actionData.error : null;
  const rows = [...draft.map((competency) => ({ id: competency.id, title: competency.title, removed: false })), ...removed.map((competency) => ({ ...competency, removed: true }))];

  return (
    <div className="portrait-review stack">
      <section className="card" aria-labelledby="review-heading">
        <h1 id="review-heading">{t("portraitReview.review.title")}</h1>
        <p>
          {t("portraitReview.review.statusLabel")} <span className={`badge status-badge status-badge--${status}`}>{t(`portraitReview.status.${status}`)}</span>
        </p>
        {actionData ? (
          actionData.ok ? (
            <div className="alert alert--success" role="status">
              {t(`portraitReview.review.done.${actionData.command}`)}
            </div>
          ) : (
            <div className="alert alert--error" role="alert">
              {t(`portraitReview.review.errors.${(KNOWN_ERRORS as readonly string[]).includes(actionData.error) ? (actionData.error as (typeof KNOWN_ERRORS)[number]) : "unknownCommand"}`)}
            </div>
          )
        ) : null}
        {publication ? (
          <div className="stack">
            <p>
              {t(publication.stage === "adopted" ? "portraitReview.review.adoptedVersion" : "portraitReview.review.publishedVersion", {
                name: publication.version.name,
                date: formatDateTime(publication.publishedAt),
              })}{" "}
              {publication.stage === "review" ? t(publication.feedbackOpen ? "portraitReview.review.feedbackOpen" : "portraitReview.review.feedbackClosed") : null}
            </p>
            <CopyField label={t("portraitReview.review.publicLink")} value={publicUrl} />
            <p>
              <a href={publicPath}>{t("portraitReview.review.openPublic")}</a>
            </p>
          </div>
        ) : (
          <p className="muted">{t("portraitReview.review.notPublished")}</p>
        )}
        {canManage ? (
          <div className="review-commands">
            {commands.includes("publish") ? (
              <Form method="post" className="review-command" key={`publish-${publication?.id ?? "none"}`}>
                <input type="hidden" name="intent" value="publish" />
                <div className="field">
                  <label htmlFor="publish-name">{t("portraitReview.review.publishName")}</label>
                  <p className="hint" id="publish-name-hint">
                    {t(status === "in_review" ? "portraitReview.review.republishHint" : "portraitReview.review.publishHint")}
                  </p>
                  <input id="publish-name" name="versionName" type="text" defaultValue={defaultNames.publish} maxLength={VERSION_NAME_MAX} aria-describedby="publish-name-hint" />
                </div>
                <ConfirmCheckbox
                  name="confirm"
                  label={t(status === "in_review" ? "portraitReview.review.confirm.republish" : "portraitReview.review.confirm.publish")}
                  error={failed === "confirmPublish" ? t("portraitReview.review.errors.confirmPublish") : undefined}
                />
                <button type="submit" className="button" disabled={busy}>
                  {t(status === "in_review" ? "portraitReview.review.commands.republish" : "portraitReview.review.commands.publish")}
                </button>
              </Form>
            ) : null}
            {commands.includes("adopt") ? (
              <Form method="post" className="review-command" key={`adopt-${publication?.id ?? "none"}`}>
                <input type="hidden" name="intent" value="adopt" />
                <div className="field">
                  <label htmlFor="adopt-name">{t("portraitReview.review.adoptName")}</label>
                  <p className="hint" id="adopt-name-hint">
                    {t("portraitReview.review.adoptHint")}
                  </p>
                  <input id="adopt-name" name="versionName" type="text" defaultValue={defaultNames.adopt} maxLength={VERSION_NAME_MAX} aria-describedby="adopt-name-hint" />
                </div>
                <ConfirmCheckbox
                  name="confirm"
                  label={t("portraitReview.review.confirm.adopt")}
                  error={failed === "confirmAdopt" ? t("portraitReview.review.errors.confirmAdopt") : undefined}
                />
                <button type="submit" className="button" disabled={busy}>
                  {t("portraitReview.review.commands.adopt")}
                </button>
              </Form>
            ) : null}
            {commands.includes("closeFeedback") || commands.includes("reopenFeedback") ? (
              <Form method="post" className="review-command">
                <input type="hidden" name="intent" value={commands.includes("closeFeedback") ? "closeFeedback" : "reopenFeedback"} />
                <button type="submit" className="button button--secondary" disabled={busy}>
                  {t(commands.includes("closeFeedback") ? "portraitReview.review.commands.closeFeedback" : "portraitReview.review.commands.reopenFeedback")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : (
          <p className="muted">{t("portraitReview.review.leadersOnly")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="beside-heading">
        <h2 id="beside-heading">{t("portraitReview.review.besideTitle")}</h2>
        <p className="muted">
          {reviewed
            ? t("portraitReview.review.besideLead", { name: reviewed.version.name, date: formatDateTime(reviewed.publishedAt) })
            : t("portraitReview.review.besideNothing")}
        </p>
        {draft.length === 0 ? <p>{t("portraitReview.review.noCompetencies")}</p> : null}
        {draft.map((competency) => (
          <article key={competency.id} className="review-pair" aria-labelledby={`draft-${competency.id}`}>
            <div className="review-pair__draft">
              <h3 id={`draft-${competency.id}`}>{competency.title || untitled}</h3>
              <p className="eyebrow">{t("portraitReview.review.draftText")}</p>
              <CompetencyText competency={competency} bandLabels={bandLabels} bandHeading="h4" emptyLabel={t("portraitReview.review.emptyBand")} />
            </div>
            <div className="review-pair__feedback">
              <p className="eyebrow">{t("portraitReview.review.communityFeedback")}</p>
              <FeedbackSummary summary={feedback[competency.id]} headingLevel={4} />
            </div>
          </article>
        ))}
        {removed.map((competency) => (
          <article key={competency.id} className="review-pair" aria-labelledby={`removed-${competency.id}`}>
            <div className="review-pair__draft">
              <h3 id={`removed-${competency.id}`}>{competency.title || untitled}</h3>
              <p className="muted">{t("portraitReview.review.removedFromDraft")}</p>
            </div>
            <div className="review-pair__feedback">
              <p className="eyebrow">{t("portraitReview.review.communityFeedback")}</p>
              <FeedbackSummary summary={feedback[competency.id]} headingLevel={4} />
            </div>
          </article>
        ))}
      </section>

      {rows.length > 0 ? (
        <section className="card" aria-labelledby="table-heading">
          <h2 id="table-heading">{t("portraitReview.review.tableTitle")}</h2>
          <TableRegion label={t("portraitReview.review.tableTitle")} inSection>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portraitReview.review.table.competency")}</th>
                  <th scope="col">{t("portraitReview.review.table.responses")}</th>
                  <th scope="col">{t("portraitReview.review.table.average")}</th>
                  <th scope="col">{t("portraitReview.review.table.comments")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const summary = feedback[row.id];
                  return (
                    <tr key={row.id}>
                      <th scope="row">
                        {row.title || untitled}
                        {row.removed ? <span className="muted"> ({t("portraitReview.review.table.removed")})</span> : null}
                      </th>
                      <td>{formatNumber(summary?.count ?? 0)}</td>
                      <td>{summary?.average == null ? "—" : formatNumber(summary.average, { maximumFractionDigits: 1 })}</td>
                      <td>{formatNumber(summary?.comments.length ?? 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ) : null}
    </div>
  );
}
