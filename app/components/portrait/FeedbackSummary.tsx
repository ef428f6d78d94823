import { useLocale } from "~/i18n/useLocale";
import type { CompetencyFeedbackSummary } from "~/portrait/feedback";

/** The community's feedback on one competency: responses, average rating, how ratings spread, and the comments. */
export function FeedbackSummary({ summary, headingLevel = 4 }: { summary: CompetencyFeedbackSummary | undefined; headingLevel?: 3 | 4 | 5 }) {
  const { t, formatNumber, formatDateTime } = useLocale();
  const Heading = `h${headingLevel}` as const;
  if (!summary || summary.count === 0) return <p className="muted">{t("portraitReview.review.noFeedback")}</p>;
  return (
    <div className="feedback-summary">
      <p>
        <strong className="feedback-summary__average">{t("portraitReview.review.average", { average: formatNumber(summary.average ?? 0, { maximumFractionDigits: 1 }) })}</strong>{" "}
        <span className="muted">{t("portraitReview.review.responses", { count: summary.count })}</span>
      </p>
      <ul className="participation-bars feedback-distribution">
        {[...summary.distribution].reverse().map((row) => (
          <li key={row.rating}>
            <span className="participation-bars__label">
              <span>{t(`portraitReview.ratings.${row.rating as 1 | 2 | 3 | 4 | 5}`)}</span>
              <span className="participation-bars__value">{formatNumber(row.count)}</span>
            </span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${summary.count === 0 ? 0 : Math.round((row.count / summary.count) * 1000) / 10}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <Heading className="feedback-summary__comments-heading">{t("portraitReview.review.comments", { count: summary.comments.length })}</Heading>
      {summary.comments.length === 0 ? (
        <p className="muted">{t("portraitReview.review.noComments")}</p>
      ) : (
        <ul className="feedback-comments">
          {summary.comments.map((comment, index) => (
            <li key={`${comment.createdAt}-${index}`}>
              <p className="feedback-comments__text">{comment.comment}</p>
              <p className="muted feedback-comments__meta">
                {t("portraitReview.review.commentMeta", { rating: comment.rating, date: formatDateTime(comment.createdAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
