import { useEffect, useRef, useState } from "react";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { TextareaField } from "~/components/TextareaField";
import type { Locale, MessageKey, Translate } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import type { FieldErrors } from "~/utils/forms";
import { CHOICE_LABEL_MAX, PROMPT_MAX, SCALE_LABEL_MAX, type ActivityType } from "~/workshops/activity-types";
import { ACTIVITY_LIMITS, choiceRowCount, type CHOICE_LISTS } from "~/workshops/agenda-form";

type ChoiceList = (typeof CHOICE_LISTS)[number];

const NUMBER_LIMITS: Record<string, { min: number; max: number }> = {
  maxIdeasPerParticipant: ACTIVITY_LIMITS.maxIdeasPerParticipant,
  ratingsPerParticipant: ACTIVITY_LIMITS.ratingsPerParticipant,
  max: ACTIVITY_LIMITS.scaleMax,
  maxWords: ACTIVITY_LIMITS.maxWords,
};
const CHOICE_LIMITS: Record<ChoiceList, { min: number; max: number }> = {
  options: ACTIVITY_LIMITS.pollOptions,
  items: ACTIVITY_LIMITS.rankingItems,
};

function textLimit(field: string): number {
  if (field.startsWith("prompt")) return PROMPT_MAX;
  if (field.startsWith("minLabel") || field.startsWith("maxLabel")) return SCALE_LABEL_MAX;
  return CHOICE_LABEL_MAX;
}

/** The message for a problem activityConfigSchema (or the agenda rules) found with `field`. */
export function activityErrorMessage(t: Translate, field: string, key: string): string {
  if ((key === "tooFew" || key === "tooMany") && (field === "options" || field === "items")) {
    const limits = CHOICE_LIMITS[field];
    return t(key === "tooFew" ? "workshops.errors.tooFewChoices" : "workshops.errors.tooManyChoices", limits);
  }
  if (key === "tooLong") return t("workshops.errors.tooLongMax", { max: textLimit(field) });
  const limits = NUMBER_LIMITS[field] ?? { min: 0, max: 0 };
  return t(`workshops.errors.${key}` as MessageKey, limits);
}

export type SourceChoice = { id: string; label: string };

type ActivityFieldsProps = {
  type: ActivityType;
  languages: readonly Locale[];
  /** Field values by dotted name: the stored config, or what was just submitted. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** Brainstorms earlier in the agenda, for a rate activity. */
  sources: readonly SourceChoice[];
  /** Makes ids unique when several activity forms are on one page. */
  idPrefix: string;
};

/** The prompts and settings of one activity, named after their place in its config. */
export function ActivityFields({ type, languages, values, errors, sources, idPrefix }: ActivityFieldsProps) {
  const { t } = useLocale();
  const error = (field: string) => (errors[field] ? activityErrorMessage(t, field, errors[field]) : undefined);
  const languageName = (code: Locale) => t(`common.languageNames.${code}`);
  const id = (field: string) => `${idPrefix}-${field.replace(/\./g, "-")}`;

  return (
    <>
      <input type="hidden" name="type" value={type} />
      {languages.map((code) => (
        <TextareaField
          key={code}
          id={id(`prompt.${code}`)}
          label={t("workshops.activity.prompt", { language: languageName(code) })}
          hint={t("workshops.activity.promptHint")}
          name={`prompt.${code}`}
          lang={code}
          rows={2}
          maxLength={PROMPT_MAX}
          defaultValue={values[`prompt.${code}`] ?? ""}
          required
          error={error(`prompt.${code}`)}
        />
      ))}

      {type === "brainstorm" ? (
        <NumberField
          id={id("maxIdeasPerParticipant")}
          name="maxIdeasPerParticipant"
          label={t("workshops.activity.maxIdeas")}
          hint={t("workshops.activity.maxIdeasHint", ACTIVITY_LIMITS.maxIdeasPerParticipant)}
          limits={ACTIVITY_LIMITS.maxIdeasPerParticipant}
          value={values.maxIdeasPerParticipant}
          error={error("maxIdeasPerParticipant")}
        />
      ) : null}

      {type === "rate" ? (
        <>
          {sources.length === 0 ? <p className="alert alert--info">{t("workshops.activity.sourceNone")}</p> : null}
          <SelectField
            id={id("sourceActivityId")}
            label={t("workshops.activity.source")}
            hint={t("workshops.activity.sourceHint")}
            name="sourceActivityId"
            defaultValue={values.sourceActivityId ?? (sources.length === 1 ? sources[0]?.id : "")}
            options={[{ value: "", label: t("workshops.activity.sourceChoose") }, ...sources.map((source) => ({ value: source.id, label: source.label }))]}
            required
            error={error("sourceActivityId")}
          />
          <NumberField
            id={id("ratingsPerParticipant")}
            name="ratingsPerParticipant"
            label={t("workshops.activity.ratingsPerParticipant")}
            hint={t("workshops.activity.ratingsPerParticipantHint", ACTIVITY_LIMITS.ratingsPerParticipant)}
            limits={ACTIVITY_LIMITS.ratingsPerParticipant}
            value={values.ratingsPerParticipant}
            error={error("ratingsPerParticipant")}
          />
        </>
      ) : null}

      {type === "poll" ? (
        <>
          <ChoiceListFields list="options" languages={languages} values={values} errors={errors} idPrefix={idPrefix} />
          <label className="checkbox">
            <input type="checkbox" name="multiple" defaultChecked={values.multiple === "on"} />
            {t("workshops.activity.multiple")}
          </label>
        </>
      ) : null}

      {type === "scale" ? (
        <>
          <SelectField
            id={id("max")}
            label={t("workshops.activity.scaleMax")}
            hint={t("workshops.activity.scaleMaxHint", ACTIVITY_LIMITS.scaleMax)}
            name="max"
            defaultValue={values.max ?? String(ACTIVITY_LIMITS.scaleMax.fallback)}
            options={range(ACTIVITY_LIMITS.scaleMax.min, ACTIVITY_LIMITS.scaleMax.max).map((value) => ({ value: String(value), label: String(value) }))}
            error={error("max")}
          />
          <p className="hint">{t("workshops.activity.endLabelsHint")}</p>
          {(["minLabel", "maxLabel"] as const).flatMap((end) =>
            languages.map((code) => (
              <Field
                key={`${end}-${code}`}
                id={id(`${end}.${code}`)}
                label={t(`workshops.activity.${end}`, { language: languageName(code) })}
                name={`${end}.${code}`}
                type="text"
                lang={code}
                maxLength={SCALE_LABEL_MAX}
                defaultValue={values[`${end}.${code}`] ?? ""}
                error={error(`${end}.${code}`)}
              />
            )),
          )}
        </>
      ) : null}

      {type === "wordcloud" ? (
        <SelectField
          id={id("maxWords")}
          label={t("workshops.activity.maxWords")}
          hint={t("workshops.activity.maxWordsHint", ACTIVITY_LIMITS.maxWords)}
          name="maxWords"
          defaultValue={values.maxWords ?? String(ACTIVITY_LIMITS.maxWords.fallback)}
          options={range(ACTIVITY_LIMITS.maxWords.min, ACTIVITY_LIMITS.maxWords.max).map((value) => ({ value: String(value), label: String(value) }))}
          error={error("maxWords")}
        />
      ) : null}

      {type === "ranking" ? <ChoiceListFields list="items" languages={languages} values={values} errors={errors} idPrefix={idPrefix} /> : null}
    </>
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function NumberField({
  id,
  name,
  label,
  hint,
  limits,
  value,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  limits: { min: number; max: number; fallback: number };
  value: string | undefined;
  error: string | undefined;
}) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      name={name}
      type="number"
      inputMode="numeric"
      min={limits.min}
      max={limits.max}
      step={1}
      defaultValue={value ?? String(limits.fallback)}
      error={error}
    />
  );
}

type Row = { key: number; id: string };

const CHOICE_LABELS = {
  options: {
    row: "workshops.activity.optionLabel",
    remove: "workshops.activity.removeOption",
    add: "workshops.activity.addOption",
    legend: "workshops.activity.options",
    hint: "workshops.activity.optionsHint",
  },
  items: {
    row: "workshops.activity.itemLabel",
    remove: "workshops.activity.removeItem",
    add: "workshops.activity.addItem",
    legend: "workshops.activity.items",
    hint: "workshops.activity.itemsHint",
  },
} as const satisfies Record<ChoiceList, Record<string, MessageKey>>;

/**
 * The options of a poll or the items of a ranking: one row per choice, one
 * field per language. Rows are added and removed with buttons; the fields are
 * named by their current place, so the form always sends rows 0, 1, 2…
 */
function ChoiceListFields({
  list,
  languages,
  values,
  errors,
  idPrefix,
}: {
  list: ChoiceList;
  languages: readonly Locale[];
  values: Record<string, string>;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const { t } = useLocale();
  const limits = CHOICE_LIMITS[list];
  const [rows, setRows] = useState<Row[]>(() =>
    Array.from({ length: Math.max(choiceRowCount(values, list), limits.min) }, (_, index) => ({ key: index, id: values[`${list}.${index}.id`] ?? "" })),
  );
  const nextKey = useRef(rows.length);
  // Where the keyboard goes after adding or removing a row: the new row's first field, or the add button.
  const focusAfterChange = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterChange.current) return;
    document.getElementById(focusAfterChange.current)?.focus();
    focusAfterChange.current = null;
  }, [rows]);

  const labels = CHOICE_LABELS[list];

  const fieldId = (index: number, code: Locale) => `${idPrefix}-${list}-${index}-${code}`;
  const addButtonId = `${idPrefix}-${list}-add`;
  const listError = errors[list] ? activityErrorMessage(t, list, errors[list]) : undefined;
  const hintId = `${idPrefix}-${list}-hint`;
  const errorId = `${idPrefix}-${list}-error`;

  function addRow() {
    focusAfterChange.current = fieldId(rows.length, languages[0] ?? "en");
    setRows((current) => [...current, { key: nextKey.current++, id: "" }]);
  }

  function removeRow(index: number) {
    focusAfterChange.current = addButtonId;
    setRows((current) => current.filter((_, position) => position !== index));
  }

  return (
    <fieldset className="choice-list" aria-describedby={[hintId, listError ? errorId : null].filter(Boolean).join(" ")}>
      <legend>{t(labels.legend)}</legend>
      <p className="hint" id={hintId}>
        {t(labels.hint, limits)}
      </p>
      {listError ? (
        <p className="field-error" id={errorId}>
          {listError}
        </p>
      ) : null}
      <ol className="choice-list__rows">
        {rows.map((row, index) => (
          <li key={row.key} className="choice-list__row">
            <input type="hidden" name={`${list}.${index}.id`} value={row.id} />
            {languages.map((code) => {
              const name = `${list}.${index}.label.${code}`;
              const message = errors[name] ? activityErrorMessage(t, name, errors[name]) : undefined;
              return (
                <Field
                  key={code}
                  id={fieldId(index, code)}
                  label={t(labels.row, { number: index + 1, language: t(`common.languageNames.${code}`) })}
                  name={name}
                  type="text"
                  lang={code}
                  maxLength={CHOICE_LABEL_MAX}
                  defaultValue={values[`${list}.${row.key}.label.${code}`] ?? ""}
                  error={message}
                />
              );
            })}
            <button type="button" className="link-button" onClick={() => removeRow(index)}>
              {t(labels.remove, { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      {rows.length < limits.max ? (
        <button type="button" id={addButtonId} className="button button--secondary" onClick={addRow}>
          {t(labels.add)}
        </button>
      ) : null}
    </fieldset>
  );
}
