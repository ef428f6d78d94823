import { useEffect, useId, useRef, useState } from "react";
import { useLocale } from "~/i18n/useLocale";
import { ideaNumbers, newestFirst, visibleIdeas } from "~/workshops/live-view";
import type { IdeaView } from "../../../server/socket/events";

export type ModerationRequest =
  | { ideaId: string; action: "hide" | "restore" | "spotlight" | "unspotlight" }
  | { ideaId: string; action: "merge"; intoIdeaId: string };

const EXCERPT_LENGTH = 80;

function excerpt(text: string): string {
  const characters = [...text];
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH - 1).join("")}…` : text;
}

/**
 * A brainstorm's ideas, newest first, each with what a facilitator may do to
 * it: hide or restore, put it in the spotlight, or merge it into a duplicate.
 */
export function ModerationQueue({
  ideas,
  spotlightIdeaId,
  groupLabels,
  onModerate,
}: {
  ideas: readonly IdeaView[];
  spotlightIdeaId: string | null;
  groupLabels: Record<string, string>;
  onModerate: (request: ModerationRequest) => void;
}) {
  const { t } = useLocale();
  const onWall = visibleIdeas(ideas);
  const textOf = new Map(ideas.map((idea) => [idea.id, idea.text]));
  // Two ideas may read the same: a number in order of arrival tells them apart, in the list and in "Merge into…".
  const numberOf = ideaNumbers(ideas);
  if (ideas.length === 0) return <p className="muted">{t("live.console.moderation.empty")}</p>;
  return (
    <ul className="moderation-list">
      {newestFirst(ideas).map((idea) => (
        <ModerationItem
          key={idea.id}
          idea={idea}
          number={numberOf.get(idea.id) ?? 0}
          numberOf={numberOf}
          spotlight={idea.id === spotlightIdeaId}
          groupLabel={groupLabels[idea.stakeholderGroupId] ?? ""}
          mergedIntoText={idea.mergedIntoId ? (textOf.get(idea.mergedIntoId) ?? "") : null}
          mergeTargets={onWall.filter((other) => other.id !== idea.id)}
          onModerate={onModerate}
        />
      ))}
    </ul>
  );
}

function ModerationItem({
  idea,
  number,
  numberOf,
  spotlight,
  groupLabel,
  mergedIntoText,
  mergeTargets,
  onModerate,
}: {
  idea: IdeaView;
  number: number;
  numberOf: ReadonlyMap<string, number>;
  spotlight: boolean;
  groupLabel: string;
  mergedIntoText: string | null;
  mergeTargets: readonly IdeaView[];
  onModerate: (request: ModerationRequest) => void;
}) {
  const { t, formatDate } = useLocale();
  const id = useId();
  const [merging, setMerging] = useState(false);
  const [into, setInto] = useState("");
  const removed = idea.hidden || idea.mergedIntoId !== null;
  const short = excerpt(idea.text);
  const named = { number, text: short };
  const item = useRef<HTMLLIElement>(null);
  const mergeToggle = useRef<HTMLButtonElement>(null);
  const mergeSelect = useRef<HTMLSelectElement>(null);
  const acted = useRef(false);

  // Hiding, restoring or merging swaps the buttons: the keyboard goes to this idea's first button, not the top of the page.
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    item.current?.querySelector<HTMLButtonElement>(".row button")?.focus();
  }, [removed, spotlight]);

  useEffect(() => {
    if (merging) mergeSelect.current?.focus();
  }, [merging]);

  function moderate(request: ModerationRequest) {
    acted.current = true;
    onModerate(request);
  }

  return (
    <li ref={item} className={["moderation-item", removed ? "is-removed" : "", spotlight ? "is-spotlight" : ""].filter(Boolean).join(" ")}>
      <p className="moderation-item__text">{idea.text}</p>
      <p className="moderation-item__meta">
        {t("live.console.moderation.ideaNumber", { number })} · {groupLabel ? `${groupLabel} · ` : ""}
        {formatDate(idea.createdAt, { timeStyle: "short" })}
        {idea.mergedIntoId ? (
          <span className="badge badge--muted">{t("live.console.moderation.mergedInto", { text: excerpt(mergedIntoText ?? "") })}</span>
        ) : idea.hidden ? (
          <span className="badge badge--muted">{t("live.console.moderation.hidden")}</span>
        ) : null}
        {spotlight ? <span className="badge">{t("live.console.moderation.inSpotlight")}</span> : null}
      </p>
      <div className="row">
        {removed ? (
          <button type="button" className="button button--secondary" aria-label={t("live.console.moderation.restoreLabel", named)} onClick={() => moderate({ ideaId: idea.id, action: "restore" })}>
            {t("live.console.moderation.restore")}
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" aria-label={t("live.console.moderation.hideLabel", named)} onClick={() => moderate({ ideaId: idea.id, action: "hide" })}>
              {t("live.console.moderation.hide")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t(spotlight ? "live.console.moderation.unspotlightLabel" : "live.console.moderation.spotlightLabel", named)}
              onClick={() => moderate({ ideaId: idea.id, action: spotlight ? "unspotlight" : "spotlight" })}
            >
              {spotlight ? t("live.console.moderation.unspotlight") : t("live.console.moderation.spotlight")}
            </button>
            {mergeTargets.length > 0 ? (
              <button
                type="button"
                className="button button--secondary"
                ref={mergeToggle}
                aria-expanded={merging}
                aria-controls={`${id}-merge`}
                aria-label={t("live.console.moderation.mergeLabel", named)}
                onClick={() => setMerging((value) => !value)}
              >
                {t("live.console.moderation.merge")}
              </button>
            ) : null}
          </>
        )}
      </div>
      {merging && !removed ? (
        <form
          id={`${id}-merge`}
          className="merge-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!into) return;
            moderate({ ideaId: idea.id, action: "merge", intoIdeaId: into });
            setMerging(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-into`}>{t("live.console.moderation.mergeInto")}</label>
            <select ref={mergeSelect} id={`${id}-into`} value={into} onChange={(event) => setInto(event.target.value)} required>
              <option value="">{t("live.console.moderation.chooseIdea")}</option>
              {mergeTargets.map((other) => (
                <option key={other.id} value={other.id}>
                  {t("live.console.moderation.mergeOption", {
                    number: numberOf.get(other.id) ?? 0,
                    time: formatDate(other.createdAt, { timeStyle: "short" }),
                    text: excerpt(other.text),
                  })}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={!into}>
              {t("live.console.moderation.confirmMerge")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMerging(false);
                mergeToggle.current?.focus();
              }}
            >
              {t("live.console.moderation.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
