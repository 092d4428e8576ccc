// Calendar arithmetic on `YYYY-MM-DD` strings and the local "today" of an instant in a time zone.
// Calendar dates are handled as UTC midnights so that DST never shifts a day.
import type { IsoDate } from './model';

const DAY_MS = 86_400_000;

// Next actions and reminders do this arithmetic for every voucher on every "what's next": string slicing and
// Date.UTC cost a fraction of split/map and toISOString.
function toUtc(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day (Feb 29 + 12 → Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target.getTime());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last answer per time zone: a turn asks for the same instant many times (once per voucher and card). */
const lastLocalDate = new Map<string, { ms: number; date: IsoDate }>();

/** The calendar date `now` falls on in `timeZone` (IANA). An unknown zone falls back to UTC. */
export function localDate(now: Date, timeZone = 'UTC'): IsoDate {
  const ms = now.getTime();
  const last = lastLocalDate.get(timeZone);
  if (last && last.ms === ms) return last.date;
  let f: Intl.DateTimeFormat;
  try {
    f = formatterFor(timeZone);
  } catch {
    f = formatterFor('UTC');
  }
  const parts = f.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (lastLocalDate.size > 500) lastLocalDate.clear();
  lastLocalDate.set(timeZone, { ms, date });
  return date;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
