import { useEffect, useState } from "react";
import { useLocale } from "~/i18n/useLocale";
import { countdownAnnouncement, formatCountdown, secondsLeft } from "~/workshops/live-view";

const TICK_MS = 250;

/**
 * The facilitator's countdown on the server's clock. Screen readers hear it
 * only when one minute is left and when time is up, never every second.
 */
export function Countdown({ endsAt, clockOffset, className }: { endsAt: string | null; clockOffset: number; className?: string }) {
  const { t } = useLocale();
  const [left, setLeft] = useState<{ endsAt: string; seconds: number } | null>(null);
  const [announcement, setAnnouncement] = useState<"oneMinute" | "timeUp" | null>(null);

  useEffect(() => {
    if (!endsAt) return;
    let previous: number | null = null;
    const timer = setInterval(() => {
      const seconds = secondsLeft(endsAt, Date.now(), clockOffset);
      const said = countdownAnnouncement(previous, seconds);
      if (previous === null || said) setAnnouncement(said);
      previous = seconds;
      setLeft({ endsAt, seconds });
      if (seconds === 0) clearInterval(timer);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [endsAt, clockOffset]);

  if (!endsAt) return null;
  const seconds = left?.endsAt === endsAt ? left.seconds : null;
  return (
    <div className={["countdown", className].filter(Boolean).join(" ")}>
      <p className="countdown__label">{t("live.timer.label")}</p>
      <p className="countdown__time" role="timer" aria-live="off" data-over={seconds === 0 ? "true" : undefined}>
        {seconds === null ? "–:––" : seconds === 0 ? t("live.timer.timeUp") : formatCountdown(seconds)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement ? t(`live.timer.${announcement}`) : ""}
      </p>
    </div>
  );
}
