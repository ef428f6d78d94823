import type { MetaArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { createTranslator, DEFAULT_LOCALE, isLocale, type Locale, type MessageKey, type MessageValues } from "./i18n";

type TitleOptions<Loader> = {
  /** The record's own names the message shows (a workshop's title), from the route's loader data; null when the data has none. */
  values?: (data: NonNullable<MetaArgs<Loader>["data"]>, locale: Locale) => MessageValues | null;
  /** The message when the loader data names no record (a page that answers "not published"). */
  fallback?: MessageKey;
  /** False for a page the district prints or publishes under its own name (the fallback still names the product). */
  product?: boolean;
};

/** The page's language, as the root loader chose it from the gw_lang cookie or the browser. */
function localeOf(matches: MetaArgs["matches"]): Locale {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

function errorKey(error: unknown): MessageKey {
  if (isRouteErrorResponse(error) && error.status === 404) return "common.errors.notFoundTitle";
  if (isRouteErrorResponse(error) && error.status === 403) return "common.errors.forbiddenTitle";
  return "common.errors.genericTitle";
}

/**
 * A route's `meta`: its <title> in the page's language, e.g. "Talleres · Groundwork",
 * which is what a screen reader announces first. A page that failed is titled by its
 * error, as its heading is, since it has no record to name.
 */
export function pageTitle<Loader = unknown>(key: MessageKey, options: TitleOptions<Loader> = {}): MetaFunction<Loader> {
  return ({ data, matches, error }) => {
    const locale = localeOf(matches as MetaArgs["matches"]);
    const t = createTranslator(locale);
    const product = ` · ${t("common.appName")}`;
    if (error) return [{ title: `${t(errorKey(error))}${product}` }];
    const values = options.values ? (data == null ? null : options.values(data, locale)) : undefined;
    const shown = values === null ? (options.fallback ?? "common.appName") : key;
    const title = t(shown, values ?? undefined);
    return [{ title: (options.product === false && shown === key) || shown === "common.appName" ? title : `${title}${product}` }];
  };
}
