import { useEffect, useId, useRef, useState } from "react";
import { useLocale } from "~/i18n/useLocale";
import { ratingGoal } from "~/workshops/rating-order";
import type { ActivityFormProps } from "./forms";
import { SubmitStatus } from "./SubmissionFeedback";

const RATING_VALUES = [1, 2, 3, 4, 5] as const;

function ideaIdOf(payload: unknown): string | null {
  if (payload === null || typeof payload !== "object") return null;
  const ideaId = (payload as { ideaId?: unknown }).ideaId;
  return typeof ideaId === "string" ? ideaId : null;
}

/**
 * One idea at a time, in the fair order the server chooses, rated with five
 * large buttons or skipped. Focus moves to the next idea so a screen reader
 * reads it at once.
 */
export function RateForm({ activity, room, own, open }: ActivityFormProps<"rate">) {
  const { t, formatNumber } = useLocale();
  const id = useId();
  // Each request for ideas is numbered; an answer belongs to the request it answers.
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<{ request: number; ideas: { id: string; text: string }[]; ratable: number | null } | null>(null);
  const [handled, setHandled] = useState<string[]>([]);
  const [lastClientId, setLastClientId] = useState<string | null>(null);
  const ideaRef = useRef<HTMLQuoteElement>(null);
  const noteRef = useRef<HTMLDivElement>(null);
  const acted = useRef(false);
  const connected = room.status === "connected";
  const { nextIdeasToRate } = room;

  useEffect(() => {
    if (!open || !connected) return;
    let cancelled = false;
    void nextIdeasToRate(activity.id).then((next) => {
      // No answer in time counts as nothing new; "Look for more ideas" asks again.
      if (!cancelled) {
        setAnswer((previous) => ({ request, ideas: next?.ideas ?? previous?.ideas ?? [], ratable: next?.ratable ?? previous?.ratable ?? null }));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [open, connected, activity.id, request, nextIdeasToRate]);

  const queue = answer?.ideas ?? null;
  const loading = answer?.request !== request;

  const waiting = new Set(own.pending.map((item) => ideaIdOf(item.payload)));
  const current = queue?.find((idea) => !handled.includes(idea.id) && !waiting.has(idea.id)) ?? null;
  const target = activity.config.ratingsPerParticipant;
  const rated = own.savedClientIds.size + own.pending.length;
  // Until the server has said how many ideas are open to this participant, the activity's number stands.
  const goal = answer?.ratable == null ? target : Math.max(ratingGoal(target, answer.ratable), Math.min(rated, target));

  // After a rating the keyboard moves to the next idea, or to the note that there is none.
  useEffect(() => {
    if (!acted.current) return;
    if (current) ideaRef.current?.focus();
    else noteRef.current?.focus();
  }, [current]);

  function advance(ideaId: string) {
    acted.current = true;
    const next = [...handled, ideaId];
    setHandled(next);
    // The last idea of this batch: ask for the next ones while the participant reads.
    if (!queue?.some((idea) => !next.includes(idea.id))) setRequest((value) => value + 1);
  }

  function rate(ideaId: string, value: number) {
    setLastClientId(room.submit(activity.id, { ideaId, value }));
    advance(ideaId);
  }

  function lookAgain() {
    setHandled([]);
    setRequest((value) => value + 1);
  }

  return (
    <div className="stack">
      <p className="progress-note">{t("live.rate.progress", { rated: formatNumber(Math.min(rated, goal)), count: goal })}</p>
      {open && current ? (
        <div className="rate-card">
          <p className="eyebrow" id={`${id}-label`}>
            {t("live.rate.ideaLabel")}
          </p>
          <blockquote className="idea-card" ref={ideaRef} tabIndex={-1} aria-labelledby={`${id}-label`}>
            <p>{current.text}</p>
          </blockquote>
          <div role="group" aria-labelledby={`${id}-question`} className="rating-buttons">
            <p id={`${id}-question`} className="label">
              {t("live.rate.question")}
            </p>
            {RATING_VALUES.map((value) => (
              <button key={value} type="button" className="button button--secondary rating-button" onClick={() => rate(current.id, value)}>
                <span className="rating-button__value">{formatNumber(value)}</span>
                <span>{t(`live.rate.values.${value}`)}</span>
              </button>
            ))}
          </div>
          <button type="button" className="link-button skip-button" onClick={() => advance(current.id)}>
            {t("live.rate.skip")}
          </button>
        </div>
      ) : null}
      {open && !current ? (
        <div className="calm-note" ref={noteRef} tabIndex={-1}>
          {loading ? (
            <p>{t("live.rate.loading")}</p>
          ) : rated >= target ? (
            <p>{t("live.rate.done", { count: rated })}</p>
          ) : (
            <>
              <p>{t("live.rate.noMore")}</p>
              <button type="button" className="button button--secondary" onClick={lookAgain}>
                {t("live.rate.lookAgain")}
              </button>
            </>
          )}
        </div>
      ) : null}
      <SubmitStatus clientId={lastClientId} own={own} kind="rating" />
    </div>
  );
}
