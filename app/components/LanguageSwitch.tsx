import { Form, useLocation } from "@remix-run/react";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";

/** A plain form so it works before scripts load; each language is named in itself. */
export function LanguageSwitch() {
  const { locale, t } = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t("common.switchLanguage")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {SUPPORTED_LOCALES.filter((code) => code !== locale).map((code) => (
        <button key={code} type="submit" name="locale" value={code} lang={code} className="link-button">
          {t(`common.languageNames.${code}`)}
        </button>
      ))}
    </Form>
  );
}
