import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { createAutosaver, type AutosaveAnswer, type Autosaver, type SaveState } from "~/readiness/autosave";
import { FRAMEWORK_LANGUAGE } from "~/readiness/builtin-frameworks";
import { LINKS_MAX, NOTE_MAX, ratingField } from "~/readiness/forms";
import { LEVEL_NAMES, LEVELS, type Descriptors, type Level } from "~/readiness/levels";

export type RatingIndicator = Descriptors & { id: string; code: string; title: string; statement: string; dimensionKey: string };
export type RatingDimension = { key: string; name: string; description: string };
export type SavedRating = { level: Level | null; note: string; links: string[] };

/**
 * Every indicator of a cycle with its four levels, evidence note and links.
 * Each change is sent on its own as soon as it is made (typing: after a pause
 * or on leaving the field); the buttons post the whole form, so nothing typed
 * is lost even when an autosave failed or scripts are off.
 */
export function RatingForm({
  autosaveUrl,
  dimensions,
  indicators,
  saved,
  errors,
  rated,
  total,
  busy,
}: {
  autosaveUrl: string;
  dimensions: readonly RatingDimension[];
  indicators: readonly RatingIndicator[];
  saved: Record<string, SavedRating>;
  errors: Record<string, string>;
  rated: number;
  total: number;
  busy: boolean;
}) {
  const { t } = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const saverRef = useRef<Autosaver | null>(null);
  const [states, setStates] = useState<Record<string, { state: SaveState; error?: string }>>({});
  // The autosave's count is newer than the page's until the page reloads its data (then `rated` changes).
  const [autosaved, setAutosaved] = useState<{ rated: number; total: number; base: number } | null>(null);
  const progress = autosaved && autosaved.base === rated ? autosaved : { rated, total };
  const ratedRef = useRef(rated);
  useEffect(() => {
    ratedRef.current = rated;
  }, [rated]);

  useEffect(() => {
    const form = formRef.current;
    const fieldsOf = (indicatorId: string): FormData => {
      const body = new FormData();
      const checked = form?.querySelector<HTMLInputElement>(`input[name="${ratingField.level(indicatorId)}"]:checked`);
      body.set(ratingField.level(indicatorId), checked?.value ?? "");
      for (const name of [ratingField.note(indicatorId), ratingField.links(indicatorId)]) {
        const field = form?.elements.namedItem(name);
        body.set(name, field instanceof HTMLTextAreaElement ? field.value : "");
      }
      return body;
    };
    const saver = createAutosaver({
      send: async (indicatorId) => {
        const response = await fetch(autosaveUrl, { method: "POST", body: fieldsOf(indicatorId), headers: { Accept: "application/json" } });
        return (await response.json().catch(() => ({ ok: false }))) as AutosaveAnswer;
      },
      onState: (indicatorId, state, error) => setStates((current) => ({ ...current, [indicatorId]: { state, error } })),
      onProgress: (counted) => setAutosaved({ ...counted, base: ratedRef.current }),
    });
    saverRef.current = saver;
    // Answers that could not be sent go again when the connection comes back.
    const retry = () => saver.retryOffline();
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("online", retry);
      saver.dispose();
      saverRef.current = null;
    };
  }, [autosaveUrl]);

  const indicatorOf = (target: EventTarget | null): string | null => {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return null;
    return target.closest<HTMLElement>("[data-indicator]")?.dataset.indicator ?? null;
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const indicatorId = indicatorOf(event.target);
    if (indicatorId) void saverRef.current?.save(indicatorId);
  };

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const indicatorId = indicatorOf(event.target);
    if (indicatorId && event.target instanceof HTMLTextAreaElement) saverRef.current?.typed(indicatorId);
  };

  const unsaved = Object.values(states).some((entry) => entry.state !== "saved");
  const failed = Object.values(states).some((entry) => entry.state === "error" || entry.state === "offline");
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  // A full save or submit sends everything on the page: the autosave states start over.
  const onSubmit = () => setStates({});

  const statusText = (state: { state: SaveState; error?: string } | undefined) => {
    if (!state) return "";
    if (state.state === "dirty") return "";
    if (state.state === "saving") return t("readiness.rate.saving");
    if (state.state === "saved") return t("readiness.rate.saved");
    if (state.state === "offline") return t("readiness.rate.offline");
    return t("readiness.rate.notSaved", { error: t(`readiness.errors.${state.error ?? "invalid"}` as MessageKey, { count: 1 }) });
  };

  return (
    <Form method="post" noValidate ref={formRef} onChange={onChange} onInput={onInput} onSubmit={onSubmit} className="rating-form">
      <p className="rating-progress" aria-live="polite">
        <strong>{t("readiness.rate.progress", { rated: progress.rated, total: progress.total, count: progress.total })}</strong>
      </p>
      <progress max={progress.total} value={progress.rated} aria-hidden="true" />
      {dimensions.map((dimension) => (
        <section key={dimension.key} className="rating-dimension" aria-labelledby={`dimension-${dimension.key}`}>
          <h4 id={`dimension-${dimension.key}`} lang={FRAMEWORK_LANGUAGE}>
            {dimension.name}
          </h4>
          {dimension.description ? (
            <p className="muted" lang={FRAMEWORK_LANGUAGE}>
              {dimension.description}
            </p>
          ) : null}
          {indicators
            .filter((indicator) => indicator.dimensionKey === dimension.key)
            .map((indicator) => {
              const current = saved[indicator.id];
              const error = errors[indicator.id];
              const state = states[indicator.id];
              return (
                <fieldset key={indicator.id} className="indicator-rating" data-indicator={indicator.id} id={`indicator-${indicator.id}`}>
                  <legend>
                    <span className="indicator-code">{indicator.code}</span> <span lang={FRAMEWORK_LANGUAGE}>{indicator.title}</span>
                  </legend>
                  <p className="statement" lang={FRAMEWORK_LANGUAGE}>
                    {indicator.statement}
                  </p>
                  <fieldset className="level-options" aria-describedby={error ? `level-error-${indicator.id}` : undefined}>
                    <legend className="visually-hidden">{t("readiness.rate.levelLegend", { title: indicator.title })}</legend>
                    {LEVELS.map((level) => (
                      <label key={level} className={`level-option level-option--${level}`} htmlFor={`level-${indicator.id}-${level}`}>
                        <input
                          type="radio"
                          id={`level-${indicator.id}-${level}`}
                          name={ratingField.level(indicator.id)}
                          value={level}
                          defaultChecked={current?.level === level}
                        />
                        <strong className="level-option__name">{t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}</strong>
                        <span className="level-option__descriptor" lang={FRAMEWORK_LANGUAGE}>
                          {indicator[LEVEL_NAMES[level]]}
                        </span>
                      </label>
                    ))}
                  </fieldset>
                  {error ? (
                    <p className="field-error" id={`level-error-${indicator.id}`}>
                      {t(`readiness.errors.${error}` as MessageKey)}
                    </p>
                  ) : null}
                  <TextareaField
                    name={ratingField.note(indicator.id)}
                    label={t("readiness.rate.note")}
                    hint={t("readiness.rate.noteHint")}
                    defaultValue={current?.note ?? ""}
                    maxLength={NOTE_MAX}
                    rows={3}
                  />
                  <TextareaField
                    name={ratingField.links(indicator.id)}
                    label={t("readiness.rate.links")}
                    hint={t("readiness.rate.linksHint", { max: LINKS_MAX })}
                    defaultValue={current?.links.join("\n") ?? ""}
                    rows={2}
                    inputMode="url"
                    spellCheck={false}
                  />
                  <p className={`save-status save-status--${state?.state ?? "idle"}`} aria-live="polite">
                    {statusText(state)}
                  </p>
                </fieldset>
              );
            })}
        </section>
      ))}
      {failed ? <p className="alert alert--info">{t("readiness.rate.unsavedWarning")}</p> : null}
      <div className="row rating-actions">
        <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy}>
          {t("readiness.rate.save")}
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={busy} aria-describedby="submit-hint">
          {t("readiness.rate.submit")}
        </button>
      </div>
      <p className="hint" id="submit-hint">
        {t("readiness.rate.submitHint")}
      </p>
    </Form>
  );
}
