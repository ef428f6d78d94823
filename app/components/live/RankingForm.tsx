import { useState, type FormEvent } from "react";
import { useLocale } from "~/i18n/useLocale";
import { moveItem, translated } from "~/workshops/live-view";
import type { ActivityFormProps } from "./forms";
import { AnswerStatus, focusAfterRender, hasAnswered } from "./SubmissionFeedback";

/**
 * A list put in order with Move up / Move down buttons: usable by keyboard and
 * screen reader, and every move is announced with the item's new place. The
 * buttons at the ends stay focusable (aria-disabled) so focus never drops.
 */
export function RankingForm({ activity, room, own, open }: ActivityFormProps<"ranking">) {
  const { t, locale, formatNumber } = useLocale();
  const [order, setOrder] = useState<string[]>(() => activity.config.items.map((item) => item.id));
  const [announcement, setAnnouncement] = useState("");
  const labels = new Map(activity.config.items.map((item) => [item.id, translated(item.label, locale)]));

  function move(index: number, direction: "up" | "down") {
    const next = moveItem(order, index, direction);
    if (next.every((itemId, i) => itemId === order[i])) return;
    const itemId = order[index] ?? "";
    setOrder(next);
    setAnnouncement(
      t("live.ranking.moved", {
        item: labels.get(itemId)?.text ?? "",
        position: formatNumber(next.indexOf(itemId) + 1),
        total: formatNumber(next.length),
      }),
    );
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    room.submit(activity.id, { order });
    focusAfterRender(`answer-status-${activity.id}`);
  }

  const answered = hasAnswered(own);
  return (
    <div className="stack">
      {open && !answered ? (
        <form onSubmit={send} noValidate className="live-form">
          <p className="hint" id={`ranking-hint-${activity.id}`}>
            {t("live.ranking.hint")}
          </p>
          <ol className="rank-list" aria-describedby={`ranking-hint-${activity.id}`}>
            {order.map((itemId, index) => {
              const label = labels.get(itemId) ?? { text: itemId, lang: undefined };
              const first = index === 0;
              const last = index === order.length - 1;
              return (
                <li key={itemId} className="rank-list__item">
                  <span className="rank-list__place" aria-hidden="true">
                    {formatNumber(index + 1)}
                  </span>
                  <span className="rank-list__label" lang={label.lang}>
                    {label.text}
                  </span>
                  <span className="rank-list__actions">
                    <button
                      type="button"
                      className="button button--secondary button--icon"
                      aria-label={t("live.ranking.moveUp", { item: label.text })}
                      aria-disabled={first ? true : undefined}
                      onClick={() => move(index, "up")}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--icon"
                      aria-label={t("live.ranking.moveDown", { item: label.text })}
                      aria-disabled={last ? true : undefined}
                      onClick={() => move(index, "down")}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          <button type="submit" className="button button--wide">
            {t("live.ranking.submit")}
          </button>
        </form>
      ) : null}
      <AnswerStatus own={own} id={`answer-status-${activity.id}`} />
    </div>
  );
}
