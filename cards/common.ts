// Small view helpers several builders share: voucher facts, due dates, choice lists.
import { compareText, daysBetween, formatCountry, formatDate, formatRelativeDays, stateLabel, t, type Locale } from '../bot/i18n';
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
  if (v.expiresOn) facts.push({ title: t(locale, 'voucher.expires'), value: formatDate(locale, v.expiresOn) });
  return facts;
}

/** "Sep 1, 2024 (in 30 days)". */
export function dateWithRelative(locale: Locale, date: string, today: string): { date: string; relative: string } {
  return { date: formatDate(locale, date), relative: formatRelativeDays(locale, daysBetween(today, date)) };
}

export function countryChoices(locale: Locale, codes: readonly string[]): Choice[] {
  return codes
    .map((code) => ({ title: formatCountry(locale, code), value: code }))
    .sort((a, b) => compareText(locale, a.title, b.title));
}

/** The templating engine drops an element whose `$when` is false; empty strings keep optional text out. */
export function orEmpty(value: string | undefined | null): string {
  return value ?? '';
}
