import { isChampionLanguage } from "~/champions/languages";
import type { Translate } from "~/i18n/i18n";

/** A language's name in the reader's language; a code the list does not know is shown as it is. */
export function languageName(t: Translate, code: string): string {
  return isChampionLanguage(code) ? t(`champions.languages.${code}`) : code;
}

export function languageList(t: Translate, codes: readonly string[]): string {
  return codes.map((code) => languageName(t, code)).join(", ");
}
