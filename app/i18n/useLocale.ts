import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import {
  createTranslator,
  DEFAULT_LOCALE,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  type Locale,
} from "./i18n";

/** The page's language with its translator and formatters, from the root loader. */
export function useLocale() {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return useMemo(
    () => ({
      locale,
      t: createTranslator(locale),
      formatDate: (date: Date | string, options?: Intl.DateTimeFormatOptions) => formatDate(locale, date, options),
      formatDateTime: (date: Date | string) => formatDateTime(locale, date),
      formatNumber: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
      formatPercent: (share: number) => formatPercent(locale, share),
    }),
    [locale],
  );
}

export function useT() {
  return useLocale().t;
}
