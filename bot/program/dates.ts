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

const DATE_PARTS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

function dateWith(format: Intl.DateTimeFormat, instant: Date): IsoDate {
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const YEAR_1000_MS = Date.UTC(1000, 0, 1);
const YEAR_10000_MS = Date.UTC(10000, 0, 1);

/** The calendar date of an instant in UTC, without Intl (same answer as Intl for years 1000–9999). */
function utcDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (ms >= YEAR_1000_MS && ms < YEAR_10000_MS) return fromUtc(ms);
  return dateWith(new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', ...DATE_PARTS }), instant);
}

/**
 * Reads the calendar date of instants in one IANA time zone (an unknown zone reads as UTC). Building one costs
 * an Intl formatter (~80 µs); keep it while reading many instants of the same zone.
 */
export function localDateReader(timeZone = 'UTC'): (instant: Date) => IsoDate {
  if (timeZone === 'UTC') return utcDate;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, ...DATE_PARTS });
  } catch {
    return utcDate;
  }
  return (instant) => dateWith(format, instant);
}

/** The calendar date `now` falls on in `timeZone` (IANA). An unknown zone falls back to UTC. */
export function localDate(now: Date, timeZone = 'UTC'): IsoDate {
  return localDateReader(timeZone)(now);
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
