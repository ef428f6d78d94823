import { useLocale } from "~/i18n/useLocale";
import { readability, readabilityLanguage } from "~/messages/readability";

/** The reading grade of a message, recomputed as it is typed, with a plain-language hint. */
export function ReadabilityMeter({ text, language, id }: { text: string; language: string | null | undefined; id?: string }) {
  const { t, formatNumber } = useLocale();
  const formulaLanguage = readabilityLanguage(language);
  const result = readability(text, formulaLanguage);
  return (
    <div className="readability" id={id}>
      <strong>{t("messages.readability.label")}: </strong>
      {result ? (
        <>
          <span className={`readability__grade readability__grade--${result.band}`}>
            {t("messages.readability.grade", { grade: formatNumber(result.grade, { maximumFractionDigits: 1 }) })}
          </span>
          {" — "}
          {t(`messages.readability.band.${result.band}`)}
          <span className="muted readability__formula">
            {" "}
            ({t(`messages.readability.formula.${result.formula}`, { ease: result.ease === null ? "" : formatNumber(result.ease, { maximumFractionDigits: 0 }) })})
          </span>
        </>
      ) : (
        <span className="muted">{t("messages.readability.empty")}</span>
      )}
    </div>
  );
}
