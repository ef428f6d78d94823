/** A month of the communications calendar: the items of each day that has any, in date order. */
export type MonthDay<T> = { date: string; items: T[] };

export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** `YYYY-MM` of a query value, or the month of `today` when it is missing or malformed. */
export function parseMonth(value: string | null, today: Date): string {
  if (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    const year = Number(value.slice(0, 4));
    if (year >= 2000 && year <= 2100) return value;
  }
  return monthKey(today);
}

export function shiftMonth(month: string, by: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return monthKey(date);
}

export function monthRange(month: string): { start: Date; end: Date } {
  const start = new Date(`${month}-01T00:00:00Z`);
  return { start, end: new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`) };
}

/** Groups items of one month by day, keeping only days that have something planned. */
export function monthDays<T extends { date: string }>(month: string, items: readonly T[]): MonthDay<T>[] {
  const byDay = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!item.date.startsWith(`${month}-`)) continue;
    const day = item.date.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return [...byDay].map(([date, dayItems]) => ({ date, items: dayItems }));
}
