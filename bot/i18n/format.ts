// Dates, numbers, money and "in 3 days" in the reader's locale, through Intl only.
// Calendar dates (YYYY-MM-DD) are days, not instants: they are formatted in UTC so no time zone can shift them.
import { localDateReader, type IsoDate } from '../program';
import type { Locale } from './locale';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl formatter costs tens of microseconds (locale data lookup); formatting with a built one
// costs about one. A card formats dozens of dates and numbers, so formatters are made once per
// locale + options and reused. The key space is small: three locales × the few option sets below × the
// time zones people actually use.
// Zones and currency codes can come from what people type or what a client sends, so the cache is
// bounded: past MAX_CACHED entries it starts over rather than grow.
const cache = new Map<string, unknown>();
const MAX_CACHED = 1000;

/** The calendar date of `now` in `timeZone`, with the zone's Intl formatter kept (the domain keeps none). */
export function zonedDate(now: Date, timeZone: string): IsoDate {
  return cached(`date-reader\u0000${timeZone}`, () => localDateReader(timeZone))(now);
}

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

// Formatting with a built formatter still costs microseconds (a date about 4, a country name about 5), and a
// card shows the same few dates, numbers and names turn after turn, so finished strings are kept as well.
// They are kept in nested maps rather than under one joined key: the strings looked up (a locale, a zone, a
// stored date) are mostly the same string objects every time, whose hashes V8 keeps, while a joined key is a
// new string to hash on every call. Bounded like the formatters: past MAX_RESULTS everything starts over.
type Level = Map<unknown, Level | string>;
const MAX_RESULTS = 20_000;
let resultCount = 0;
const memos: Level[] = [];

function memo(): (a: unknown, b: unknown, c: unknown, make: () => string) => string {
  const root: Level = new Map();
  memos.push(root);
  const below = (level: Level, key: unknown): Level => {
    let next = level.get(key) as Level | undefined;
    if (next === undefined) {
      next = new Map();
      level.set(key, next);
    }
    return next;
  };
  return (a, b, c, make) => {
    const last = below(below(root, a), b);
    let value = last.get(c) as string | undefined;
    if (value === undefined) {
      value = make();
      if (++resultCount > MAX_RESULTS) {
        for (const m of memos) m.clear();
        resultCount = 1;
      }
      below(below(root, a), b).set(c, value);
    }
    return value;
  };
}

const dates = memo();
const dateTimes = memo();
const numbers = memo();
const relativeDays = memo();
const regions = memo();
const lists = memo();
const plurals = memo();

/** Maps treat -0 as 0, which Intl does not ("-0"): such values are not remembered. */
function rememberable(value: number): boolean {
  return !Object.is(value, -0);
}

/** Intl throws on an unknown zone; a typo in someone's settings must not break every card they get. */
function safeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  return cached(`zone|${timeZone}`, () => {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      return timeZone;
    } catch {
      return 'UTC';
    }
  });
}

function toDate(iso: string): { date: Date; dateOnly: boolean } | undefined {
  const dateOnly = DATE_ONLY.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly };
}

/** "5 Mar 2024" / "5 de mar. de 2024" / "5 mar 2024". Unparseable input is shown as given rather than hidden. */
export function formatDate(locale: Locale, isoDate: string, timeZone?: string): string {
  return dates(locale, timeZone, isoDate, () => formatDateNow(locale, isoDate, timeZone));
}

function formatDateNow(locale: Locale, isoDate: string, timeZone: string | undefined): string {
  const parsed = toDate(isoDate);
  if (!parsed) return isoDate;
  const zone = parsed.dateOnly ? 'UTC' : safeZone(timeZone);
  return cached(
    `date|${locale}|${zone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }),
  ).format(parsed.date);
}

/** Date and time of an instant (audit trail), in the reader's time zone. */
export function formatDateTime(locale: Locale, isoInstant: string, timeZone?: string): string {
  return dateTimes(locale, timeZone, isoInstant, () => formatDateTimeNow(locale, isoInstant, timeZone));
}

function formatDateTimeNow(locale: Locale, isoInstant: string, timeZone: string | undefined): string {
  const parsed = toDate(isoInstant);
  if (!parsed) return isoInstant;
  if (parsed.dateOnly) return formatDate(locale, isoInstant);
  const zone = safeZone(timeZone);
  return cached(
    `datetime|${locale}|${zone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
  ).format(parsed.date);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return options || !rememberable(value)
    ? formatNumberNow(locale, value, options)
    : numbers(locale, undefined, value, () => formatNumberNow(locale, value));
}

function formatNumberNow(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  const format = options
    ? cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
    : cached(`number|${locale}`, () => new Intl.NumberFormat(locale));
  return format.format(value);
}

/** Amounts are whatever the partner recorded from SAVB, in whatever currency SAVB used. */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  try {
    return cached(
      `money|${locale}|${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
    ).format(amount);
  } catch {
    // An invalid currency code is the user's typo: show the number and the code rather than throw.
    return `${formatNumber(locale, amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** "today", "tomorrow", "in 30 days", "3 days ago" — negative is the past. */
export function formatRelativeDays(locale: Locale, days: number): string {
  const whole = Math.trunc(days);
  return rememberable(whole)
    ? relativeDays(locale, undefined, whole, () => formatRelativeDaysNow(locale, whole))
    : formatRelativeDaysNow(locale, whole);
}

function formatRelativeDaysNow(locale: Locale, days: number): string {
  return cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
    Math.trunc(days),
    'day',
  );
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD or instants; instants count by their UTC day). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(...ymd(from));
  const b = Date.UTC(...ymd(to));
  return Math.round((b - a) / 86_400_000);
}

function ymd(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y ?? 1970, (m ?? 1) - 1, d ?? 1];
}

/** "Brazil" / "Brasil" for a country code; the code itself if Intl does not know it. */
export function formatCountry(locale: Locale, code: string): string {
  return regions(locale, undefined, code, () => formatCountryNow(locale, code));
}

function formatCountryNow(locale: Locale, code: string): string {
  try {
    return (
      cached(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** "A, B and C" / "A, B e C" / "A, B y C"; with 'disjunction', "A, B or C". */
export function formatList(
  locale: Locale,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return lists(locale, type, JSON.stringify(items), () => formatListNow(locale, items, type));
}

function formatListNow(
  locale: Locale,
  items: readonly string[],
  type: 'conjunction' | 'disjunction',
): string {
  return cached(`list|${locale}|${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(
    items,
  );
}

/** A comparison of texts the way the reader's language sorts them (names, countries): `sort(compareText(l))`. */
export function compareText(locale: Locale): (a: string, b: string) => number {
  // Intl.Collator's `compare` is bound to its collator, so it can be handed to sort() as is.
  return cached(`collator|${locale}`, () => new Intl.Collator(locale)).compare;
}

/** The plural category ("one", "other", …) of a count in the locale. */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return rememberable(count)
    ? (plurals(locale, undefined, count, () => pluralCategoryNow(locale, count)) as Intl.LDMLPluralRule)
    : pluralCategoryNow(locale, count);
}

function pluralCategoryNow(locale: Locale, count: number): Intl.LDMLPluralRule {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
}
