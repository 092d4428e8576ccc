// Small view helpers several builders share: voucher facts, due dates, choice lists.
import {
  compareText,
  daysBetween,
  formatCountry,
  formatDate,
  formatRelativeDays,
  stateLabel,
  t,
  type Locale,
} from '../bot/i18n';
import type { Choice, VoucherSummary } from './types';

export interface Fact {
  title: string;
  value: string;
}

export function summaryFacts(locale: Locale, v: VoucherSummary): Fact[] {
  const facts: Fact[] = [
    { title: t(locale, 'voucher.number'), value: v.voucherNumber },
    { title: t(locale, 'voucher.customer'), value: v.customerName },
    { title: t(locale, 'voucher.offering'), value: v.offeringName },
  ];
  if (v.engagementName) facts.push({ title: t(locale, 'voucher.engagement'), value: v.engagementName });
  facts.push({ title: t(locale, 'voucher.days'), value: t(locale, 'common.days', { count: v.days }) });
  facts.push({ title: t(locale, 'voucher.state'), value: stateLabel(locale, v.state) });
  if (v.expiresOn)
    facts.push({ title: t(locale, 'voucher.expires'), value: formatDate(locale, v.expiresOn) });
  return facts;
}

/** "Sep 1, 2024 (in 30 days)". */
export function dateWithRelative(
  locale: Locale,
  date: string,
  today: string,
): { date: string; relative: string } {
  return { date: formatDate(locale, date), relative: formatRelativeDays(locale, daysBetween(today, date)) };
}

// Naming and sorting ~250 countries costs milliseconds and gives the same list every time for a locale and
// a set of codes (the enrolment card offers all of them), so the sorted list is kept; callers get copies.
const sortedCountries = new Map<string, readonly Choice[]>();

export function countryChoices(locale: Locale, codes: readonly string[]): Choice[] {
  const key = `${locale}|${codes.join(',')}`;
  let sorted = sortedCountries.get(key);
  if (!sorted) {
    const byText = compareText(locale);
    sorted = codes
      .map((code) => ({ title: formatCountry(locale, code), value: code }))
      .sort((a, b) => byText(a.title, b.title));
    if (sortedCountries.size >= 100) sortedCountries.clear();
    sortedCountries.set(key, sorted);
  }
  return sorted.map((c) => ({ ...c }));
}

/** The templating engine drops an element whose `$when` is false; empty strings keep optional text out. */
export function orEmpty(value: string | undefined | null): string {
  return value ?? '';
}

/**
 * The value of a dropdown's "nothing" choice ("Not set", "None", "All states", "Did not deliver"). Never '':
 * web renderers (the Agents Playground's among them) show a choice whose value is '' as a blank box.
 */
export const NOT_SET = 'none';
