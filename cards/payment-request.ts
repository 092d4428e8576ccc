// Step 8: record the payment request made in SAVB (reference, amount, currency, date), with the window's
// deadline and a warning when the offering's one-time SAVB registration is missing.
import { t, type Locale } from '../bot/i18n';
import { dateWithRelative, summaryFacts } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/payment-request.json';
import type { AdaptiveCard, CardOptions, VoucherSummary } from './types';

/** Currencies SAVB pays in most often; the builder accepts others. */
export const DEFAULT_CURRENCIES = [
  'USD',
  'EUR',
  'BRL',
  'GBP',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'CAD',
  'AUD',
  'JPY',
  'INR',
] as const;

export interface PaymentRequestCardData {
  voucherId: string;
  etag: string;
  today: string;
  voucher: VoucherSummary;
  /** Last day of the payment-request window, if the rules set one. */
  windowEndsOn?: string;
  savbRegistered: boolean;
  currencies?: string[];
  values?: { savbReference?: string; amount?: number; currency?: string; requestedOn?: string };
}

export function buildPaymentRequestCard(
  data: PaymentRequestCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const v = data.values ?? {};
  let windowColor = 'default';
  if (data.windowEndsOn) {
    const daysLeft = Date.parse(data.windowEndsOn) - Date.parse(data.today);
    windowColor = daysLeft < 0 ? 'attention' : daysLeft <= 14 * 86_400_000 ? 'warning' : 'default';
  }
  const view = {
    l: labels(locale, {
      title: 'payment.title',
      intro: 'payment.intro',
      reference: 'payment.reference',
      amount: 'payment.amount',
      amountError: 'payment.amountError',
      currency: 'payment.currency',
      date: 'payment.date',
      submit: 'payment.submit',
      requiredError: 'common.requiredError',
      dateError: 'common.dateError',
      savb: 'link.savb',
      back: 'common.back',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    today: data.today,
    facts: summaryFacts(locale, data.voucher),
    window: data.windowEndsOn
      ? t(locale, 'payment.window', dateWithRelative(locale, data.windowEndsOn, data.today))
      : '',
    windowColor,
    savbMissing: data.savbRegistered
      ? ''
      : t(locale, 'payment.savbMissing', { offering: data.voucher.offeringName }),
    currencies: (data.currencies ?? DEFAULT_CURRENCIES).map((c) => ({ title: c, value: c })),
    values: {
      savbReference: v.savbReference ?? '',
      amount: v.amount ?? 0,
      currency: v.currency ?? 'USD',
      requestedOn: v.requestedOn ?? data.today,
    },
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'payment.request', data: { voucherId: data.voucherId, step: 'open' } },
  });
}
