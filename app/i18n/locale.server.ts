import { createCookie } from "@remix-run/node";
import { createTranslator, isLocale, negotiateLocale, type Locale } from "./i18n";

/** The language chosen with the switch: kept for a year, readable by no script. */
export const localeCookie = createCookie("gw_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 60 * 60 });

/** The chosen language if there is one, otherwise the browser's (Accept-Language). */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers.get("Accept-Language"));
}

export async function getTranslator(request: Request) {
  const locale = await getLocale(request);
  return { locale, t: createTranslator(locale) };
}
