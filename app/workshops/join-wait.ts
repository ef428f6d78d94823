import type { Translate } from "~/i18n/i18n";

/**
 * "Wait 40 seconds and try again" or, for a wait of a minute or more, the
 * minutes it takes rounded up: nobody counts down 540 seconds.
 */
export function waitMessage(t: Translate, seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 60) return t("workshops.errors.waitSeconds", { count: wait });
  return t("workshops.errors.waitMinutes", { count: Math.ceil(wait / 60) });
}
