import { useId } from "react";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import { CONSENT_METHODS, CONTACT_OTHER_MAX, EMAIL_MAX, PHONE_MAX } from "~/champions/champion";
import { useLocale } from "~/i18n/useLocale";
import type { FieldErrors } from "~/utils/forms";
import { useChampionErrors } from "./ChampionFieldset";

export type ContactDefaults = {
  email: string | null;
  phone: string | null;
  contactOther: string | null;
  consentGiven: boolean;
  consentAt: Date | string | null;
  consentMethod: string | null;
};

function dayOf(date: Date | string | null): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}

/** Contact details with the consent that allows keeping them; the consent comes first, as the rule does. */
export function ContactFieldset({ errors, defaults, today }: { errors: FieldErrors; defaults?: ContactDefaults; today: string }) {
  const { t } = useLocale();
  const errorFor = useChampionErrors(errors);
  const consentError = errorFor("consentGiven");
  const id = useId();
  return (
    <>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            name="consentGiven"
            defaultChecked={defaults?.consentGiven ?? false}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? `${id}-error ${id}-hint` : `${id}-hint`}
          />
          {t("champions.fields.consentGiven")}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t("champions.fields.consentGivenHint")}
        </p>
        {consentError ? (
          <p className="field-error" id={`${id}-error`}>
            {consentError}
          </p>
        ) : null}
      </div>
      <div className="champions-pair">
        <Field type="date" label={t("champions.fields.consentAt")} name="consentAt" defaultValue={dayOf(defaults?.consentAt ?? null)} max={today} error={errorFor("consentAt")} />
        <SelectField
          label={t("champions.fields.consentMethod")}
          name="consentMethod"
          defaultValue={defaults?.consentMethod ?? ""}
          options={[{ value: "", label: t("champions.fields.chooseMethod") }, ...CONSENT_METHODS.map((method) => ({ value: method, label: t(`champions.consentMethods.${method}`) }))]}
          error={errorFor("consentMethod")}
        />
      </div>
      <div className="champions-pair">
        <Field type="email" label={t("champions.fields.email")} name="email" defaultValue={defaults?.email ?? ""} maxLength={EMAIL_MAX} autoComplete="off" error={errorFor("email")} />
        <Field type="tel" label={t("champions.fields.phone")} name="phone" defaultValue={defaults?.phone ?? ""} maxLength={PHONE_MAX} autoComplete="off" error={errorFor("phone")} />
      </div>
      <Field
        type="text"
        label={t("champions.fields.contactOther")}
        hint={t("champions.fields.contactOtherHint")}
        name="contactOther"
        defaultValue={defaults?.contactOther ?? ""}
        maxLength={CONTACT_OTHER_MAX}
        autoComplete="off"
        error={errorFor("contactOther")}
      />
    </>
  );
}
