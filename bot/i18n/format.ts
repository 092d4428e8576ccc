// Dates, numbers, money and "in 3 days" in the reader's locale, through Intl only.
// Calendar dates (YYYY-MM-DD) are days, not instants: they are formatted in UTC so no time zone can shift them.
import type { Locale } from './locale';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Intl throws on an unknown zone; a typo in someone's settings must not break every card they get. */
function safeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function toDate(iso: string): { date: Date; dateOnly: boolean } | undefined {
  const dateOnly = DATE_ONLY.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly };
}

/** "5 Mar 2024" / "5 de mar. de 2024" / "5 mar 2024". Unparseable input is shown as given rather than hidden. */
export function formatDate(locale: Locale, isoDate: string, timeZone?: string): string {
  const parsed = toDate(isoDate);
  if (!parsed) return isoDate;
  const zone = parsed.dateOnly ? 'UTC' : safeZone(timeZone);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(parsed.date);
}

/** Date and time of an instant (audit trail), in the reader's time zone. */
export function formatDateTime(locale: Locale, isoInstant: string, timeZone?: string): string {
  const parsed = toDate(isoInstant);
  if (!parsed) return isoInstant;
  if (parsed.dateOnly) return formatDate(locale, isoInstant);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) }).format(
    parsed.date,
  );
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** Amounts are whatever the partner recorded from SAVB, in whatever currency SAVB used. */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An invalid currency code is the user's typo: show the number and the code rather than throw.
    return `${formatNumber(locale, amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** "today", "tomorrow", "in 30 days", "3 days ago" — negative is the past. */
export function formatRelativeDays(locale: Locale, days: number): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.trunc(days), 'day');
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
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "A, B and C" / "A, B e C" / "A, B y C". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
