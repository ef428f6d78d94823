import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { TextareaField } from "~/components/TextareaField";
import { AFFILIATION_MAX, CHAMPION_KINDS, CHAMPION_NAME_MAX, CHAMPION_ROLE_MAX, NOTES_MAX, REACH_MAX, TAGS_MAX, TAG_MAX } from "~/champions/champion";
import { CHAMPION_FIELD_MAX } from "~/champions/champion-form";
import { CHAMPION_LANGUAGES, orderedLanguages } from "~/champions/languages";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import type { FieldErrors } from "~/utils/forms";

export type ChampionOptions = {
  districtLanguages: readonly string[];
  groups: readonly { id: string; key: string | null; name: string }[];
  schools: readonly { id: string; name: string }[];
};

export type ChampionDefaults = {
  kind: string;
  name: string;
  role: string | null;
  stakeholderGroupId: string | null;
  schoolId: string | null;
  affiliation: string | null;
  languages: readonly string[];
  reach: string | null;
  audienceSize: number | null;
  influence: number | null;
  support: number | null;
  tags: readonly string[];
  notes?: string | null;
};

const RATINGS = ["1", "2", "3", "4", "5"];

/** Translates a field's error key, with the limit its message names. */
export function useChampionErrors(errors: FieldErrors) {
  const { t } = useLocale();
  return (field: string) => {
    const key = errors[field];
    if (!key) return undefined;
    const max = field === "tags" ? (key === "tooManyTags" ? TAGS_MAX : TAG_MAX) : (CHAMPION_FIELD_MAX[field] ?? 0);
    return t(`champions.errors.${key}` as MessageKey, { max });
  };
}

/** Who a champion is, shared by the add and edit forms. Notes are shown only where `withNotes` (leaders and facilitators). */
export function ChampionFieldset({
  errors,
  defaults,
  options,
  withNotes,
}: {
  errors: FieldErrors;
  defaults?: ChampionDefaults;
  options: ChampionOptions;
  withNotes: boolean;
}) {
  const { t, locale } = useLocale();
  const errorFor = useChampionErrors(errors);
  // The district's own languages first: they are the ones the coverage view checks.
  const languages = [...orderedLanguages(options.districtLanguages), ...CHAMPION_LANGUAGES.filter((code) => !options.districtLanguages.includes(code))];
  const chosen = new Set(defaults?.languages ?? []);
  return (
    <>
      <fieldset>
        <legend>{t("champions.fields.kind")}</legend>
        <div className="row">
          {CHAMPION_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="radio" name="kind" value={kind} defaultChecked={(defaults?.kind ?? "person") === kind} />
              {t(`champions.kinds.${kind}`)}
            </label>
          ))}
        </div>
        {errorFor("kind") ? <p className="field-error">{errorFor("kind")}</p> : null}
      </fieldset>
      <Field type="text" label={t("champions.fields.name")} name="name" defaultValue={defaults?.name} maxLength={CHAMPION_NAME_MAX} required autoComplete="off" error={errorFor("name")} />
      <Field
        type="text"
        label={t("champions.fields.role")}
        hint={t("champions.fields.roleHint")}
        name="role"
        defaultValue={defaults?.role ?? ""}
        maxLength={CHAMPION_ROLE_MAX}
        autoComplete="off"
        error={errorFor("role")}
      />
      <div className="champions-pair">
        <SelectField
          label={t("champions.fields.group")}
          name="stakeholderGroupId"
          defaultValue={defaults?.stakeholderGroupId ?? ""}
          options={[{ value: "", label: t("champions.fields.noGroup") }, ...options.groups.map((group) => ({ value: group.id, label: stakeholderGroupLabel(group, locale) }))]}
          error={errorFor("stakeholderGroupId")}
        />
        <SelectField
          label={t("champions.fields.school")}
          name="schoolId"
          defaultValue={defaults?.schoolId ?? ""}
          options={[{ value: "", label: t("champions.fields.noSchool") }, ...options.schools.map((school) => ({ value: school.id, label: school.name }))]}
          error={errorFor("schoolId")}
        />
      </div>
      <Field
        type="text"
        label={t("champions.fields.affiliation")}
        hint={t("champions.fields.affiliationHint")}
        name="affiliation"
        defaultValue={defaults?.affiliation ?? ""}
        maxLength={AFFILIATION_MAX}
        autoComplete="off"
        error={errorFor("affiliation")}
      />
      <fieldset>
        <legend>{t("champions.fields.languages")}</legend>
        <div className="champions-checks">
          {languages.map((code) => (
            <label key={code} className="checkbox">
              <input type="checkbox" name="languages" value={code} defaultChecked={chosen.has(code)} />
              {t(`champions.languages.${code}`)}
            </label>
          ))}
        </div>
        {errorFor("languages") ? <p className="field-error">{errorFor("languages")}</p> : null}
      </fieldset>
      <TextareaField
        label={t("champions.fields.reach")}
        hint={t("champions.fields.reachHint")}
        name="reach"
        rows={2}
        defaultValue={defaults?.reach ?? ""}
        maxLength={REACH_MAX}
        error={errorFor("reach")}
      />
      <Field
        type="text"
        inputMode="numeric"
        label={t("champions.fields.audienceSize")}
        hint={t("champions.fields.audienceSizeHint")}
        name="audienceSize"
        defaultValue={defaults?.audienceSize ?? ""}
        autoComplete="off"
        error={errorFor("audienceSize")}
      />
      <div className="champions-pair">
        <SelectField
          label={t("champions.fields.influence")}
          hint={t("champions.fields.influenceHint")}
          name="influence"
          defaultValue={defaults?.influence ? String(defaults.influence) : ""}
          options={[{ value: "", label: t("champions.fields.notRated") }, ...RATINGS.map((value) => ({ value, label: value }))]}
          error={errorFor("influence")}
        />
        <SelectField
          label={t("champions.fields.support")}
          hint={t("champions.fields.supportHint")}
          name="support"
          defaultValue={defaults?.support ? String(defaults.support) : ""}
          options={[{ value: "", label: t("champions.fields.notRated") }, ...RATINGS.map((value) => ({ value, label: value }))]}
          error={errorFor("support")}
        />
      </div>
      <Field
        type="text"
        label={t("champions.fields.tags")}
        hint={t("champions.fields.tagsHint")}
        name="tags"
        defaultValue={defaults?.tags.join(", ") ?? ""}
        autoComplete="off"
        error={errorFor("tags")}
      />
      {withNotes ? (
        <TextareaField
          label={t("champions.fields.notes")}
          hint={t("champions.fields.notesHint")}
          name="notes"
          rows={3}
          defaultValue={defaults?.notes ?? ""}
          maxLength={NOTES_MAX}
          error={errorFor("notes")}
        />
      ) : null}
    </>
  );
}
