import en from "./locales/en/index";
import es from "./locales/es/index";
import type { Messages } from "./locales/types";

export const SUPPORTED_LOCALES = ["en", "es"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const catalogues: Record<Locale, Messages> = { en, es };

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : K | `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Any message key, e.g. "common.nav.dashboard"; a branch with one/other children is a plural. */
export type MessageKey = Paths<Messages>;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.find((p) => p.trim().startsWith("q="));
      const q = qParam ? Number(qParam.trim().slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? fallback;
}

function lookup(messages: Messages, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function interpolate(template: string, values: MessageValues | undefined, locale: Locale): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) return match;
    return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function createTranslator(locale: Locale): Translate {
  const messages = catalogues[locale];
  const plurals = new Intl.PluralRules(locale);
  return (key, values) => {
    let message = lookup(messages, key);
    if (message !== null && typeof message === "object" && typeof values?.count === "number") {
      const forms = message as Record<string, unknown>;
      message = forms[plurals.select(values.count)] ?? forms.other;
    }
    // A missing message shows its key rather than breaking the page; a unit test keeps the catalogues complete.
    return typeof message === "string" ? interpolate(message, values, locale) : key;
  };
}

export function formatDate(locale: Locale, date: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return new Intl.DateTimeFormat(locale, options).format(typeof date === "string" ? new Date(date) : date);
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  return formatDate(locale, date, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** Every leaf key of a catalogue, for completeness checks. */
export function leafKeys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") return [prefix];
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

export { catalogues };
