/**
 * A workshop's date and time is typed in a `datetime-local` field: a wall-clock
 * time without a zone ("2026-03-04T18:30"). The page sends the browser's IANA
 * time zone along with it, and the server turns the pair into an instant.
 * Without scripts the zone stays "UTC" both ways, so a value always round-trips.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

function parseLocal(value: string): WallClock | null {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  // Date.UTC rolls 31 April over into May: a day the month does not have is refused.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute };
}

export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function wallClockIn(instant: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

function asUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 60_000) * 60_000;
  return asUtc(wallClockIn(floored, timeZone)) - floored;
}

/**
 * The instant at which clocks in `timeZone` show `local`, or null when `local`
 * is not a valid wall-clock time or the zone is unknown. A time skipped by a
 * daylight-saving change is read with the offset from before the change.
 */
export function localTimeToInstant(local: string, timeZone: string): Date | null {
  const clock = parseLocal(local);
  if (!clock || !isTimeZone(timeZone)) return null;
  const guess = asUtc(clock);
  const before = offsetAt(guess, timeZone);
  const first = guess - before;
  const after = offsetAt(first, timeZone);
  if (after === before) return new Date(first);
  const second = guess - after;
  if (offsetAt(second, timeZone) === after) return new Date(second);
  // Clocks jumped over this time (spring forward): the smaller offset is the one from before the jump.
  return new Date(guess - Math.min(before, after));
}

/** The `datetime-local` value showing `instant` on clocks in `timeZone`. */
export function instantToLocalTime(instant: Date | string, timeZone: string): string {
  const clock = wallClockIn(new Date(instant).getTime(), isTimeZone(timeZone) ? timeZone : "UTC");
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}
