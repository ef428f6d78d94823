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
