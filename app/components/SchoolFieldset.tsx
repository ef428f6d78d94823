import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { GRADE_BANDS, PRINCIPAL_MAX, SCHOOL_CODE_MAX, SCHOOL_FIELD_MAX, SCHOOL_NAME_MAX } from "~/models/school";
import type { FieldErrors } from "~/utils/forms";

type SchoolDefaults = { name: string; code: string | null; gradeBand: string; principal: string | null };

/** The fields of a school, shared by the add and edit forms; `errors` holds message keys by field. */
export function SchoolFieldset({ errors, defaults }: { errors: FieldErrors; defaults?: SchoolDefaults }) {
  const { t } = useLocale();
  const errorFor = (field: string) =>
    errors[field] ? t(`settings.errors.${errors[field]}` as MessageKey, { max: SCHOOL_FIELD_MAX[field] ?? 0 }) : undefined;
  return (
    <>
      <Field
        type="text"
        label={t("settings.schools.name")}
        name="name"
        defaultValue={defaults?.name}
        maxLength={SCHOOL_NAME_MAX}
        required
        error={errorFor("name")}
      />
      <Field
        type="text"
        label={t("settings.schools.code")}
        hint={t("settings.schools.codeHint")}
        name="code"
        defaultValue={defaults?.code ?? ""}
        maxLength={SCHOOL_CODE_MAX}
        error={errorFor("code")}
      />
      <SelectField
        label={t("settings.schools.gradeBand")}
        name="gradeBand"
        defaultValue={defaults?.gradeBand ?? "elementary"}
        options={GRADE_BANDS.map((band) => ({ value: band, label: t(`settings.gradeBands.${band}`) }))}
        error={errorFor("gradeBand")}
      />
      <Field
        type="text"
        label={t("settings.schools.principal")}
        hint={t("settings.schools.principalHint")}
        name="principal"
        defaultValue={defaults?.principal ?? ""}
        maxLength={PRINCIPAL_MAX}
        autoComplete="off"
        error={errorFor("principal")}
      />
    </>
  );
}
