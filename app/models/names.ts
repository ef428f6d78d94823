/** Trims and collapses runs of spaces, so "Lincoln  Elementary " is stored as "Lincoln Elementary". */
export function tidyName(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * The form of a name used to decide whether two names are the same: names
 * differing only in case, spacing or Unicode composition are one name.
 */
export function nameKey(value: string): string {
  return tidyName(value).toLocaleLowerCase("en");
}

/**
 * A default record's name in each language the app speaks (a default
 * stakeholder group, a default audience); null for a name the district wrote.
 * A default record is shown in the reader's language for as long as it keeps
 * its English name.
 */
export type DefaultNames = Readonly<{ en: string; es: string }> | null;

/** The name to show: a default record still carrying its English name in the reader's language, any other as written. */
export function translatedName(name: string, defaults: DefaultNames, locale: "en" | "es"): string {
  return defaults && defaults.en === name ? defaults[locale] : name;
}

/** Every name a record reads as, in any language. */
function shownNames(name: string, defaults: DefaultNames): string[] {
  return defaults && defaults.en === name ? Object.values(defaults) : [name];
}

/** True when another record already reads as this name, in any letter case or language: two must never read the same. */
export function isNameTaken(name: string, records: readonly { id: string; name: string; defaults: DefaultNames }[], exceptId?: string): boolean {
  const wanted = nameKey(name);
  return records.some((record) => record.id !== exceptId && shownNames(record.name, record.defaults).some((shown) => nameKey(shown) === wanted));
}

/**
 * The name to store when a record is renamed to `submitted`: a default
 * record given its own name in either language keeps its English name, so it
 * goes on being shown in each reader's language.
 */
export function canonicalName(defaults: DefaultNames, submitted: string): string {
  return defaults && Object.values(defaults).some((shown) => nameKey(shown) === nameKey(submitted)) ? defaults.en : submitted;
}
