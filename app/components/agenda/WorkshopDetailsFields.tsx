import { useState, useSyncExternalStore } from "react";
import { Field } from "~/components/Field";
import { TextareaField } from "~/components/TextareaField";
import type { Locale, MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import type { FieldErrors } from "~/utils/forms";
import { instantToLocalTime } from "~/workshops/schedule";
import { WORKSHOP_DESCRIPTION_MAX, WORKSHOP_TITLE_MAX } from "~/workshops/workshop-form";

export type WorkshopDetailsValues = {
  title: string;
  description: string;
  scheduledAt: Date | string | null;
  languages: readonly string[];
};

// The browser's time zone does not change while a page is open.
const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const LIMITS: Record<string, number> = { title: WORKSHOP_TITLE_MAX, description: WORKSHOP_DESCRIPTION_MAX };

/** The fields of a workshop's details, shared by the new-workshop page and the workshop page. */
export function WorkshopDetailsFields({
  districtLanguages,
  values,
  errors,
}: {
  districtLanguages: readonly Locale[];
  values?: WorkshopDetailsValues;
  errors: FieldErrors;
}) {
  const { t } = useLocale();
  const error = (field: string) => {
    const key = errors[field];
    if (!key) return undefined;
    const message = key === "tooLong" && field in LIMITS ? "tooLongMax" : key;
    return t(`workshops.errors.${message}` as MessageKey, { max: LIMITS[field] ?? 0 });
  };

  // The server reads the date and time in the zone sent with it. The page is rendered in UTC; once it runs, the browser's zone takes over.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const [typed, setTyped] = useState<string | null>(null);
  const scheduledAt = typed ?? (values?.scheduledAt ? instantToLocalTime(values.scheduledAt, timeZone) : "");

  const languagesError = error("languages");
  return (
    <>
      <Field
        label={t("workshops.form.title")}
        hint={t("workshops.form.titleHint")}
        name="title"
        type="text"
        defaultValue={values?.title ?? ""}
        maxLength={WORKSHOP_TITLE_MAX}
        required
        error={error("title")}
      />
      <TextareaField
        label={t("workshops.form.description")}
        hint={t("workshops.form.descriptionHint")}
        name="description"
        defaultValue={values?.description ?? ""}
        maxLength={WORKSHOP_DESCRIPTION_MAX}
        rows={4}
        error={error("description")}
      />
      <Field
        label={t("workshops.form.scheduledAt")}
        hint={t("workshops.form.scheduledAtHint")}
        name="scheduledAt"
        type="datetime-local"
        value={scheduledAt}
        onChange={(event) => setTyped(event.target.value)}
        error={error("scheduledAt")}
      />
      <input type="hidden" name="timeZone" value={timeZone} />
      <fieldset aria-describedby={["languages-hint", languagesError ? "languages-error" : null].filter(Boolean).join(" ")}>
        <legend>{t("workshops.form.languages")}</legend>
        <p className="hint" id="languages-hint">
          {t("workshops.form.languagesHint")}
        </p>
        {districtLanguages.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" name="languages" value={code} defaultChecked={values ? values.languages.includes(code) : true} />
            <span lang={code}>{t(`common.languageNames.${code}`)}</span>
          </label>
        ))}
        {languagesError ? (
          <p className="field-error" id="languages-error">
            {languagesError}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
