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
  /** While the offering is not registered in SAVB: the one-time registration, offered right here. */
  savbRegistration?: {
    offeringId: string;
    /** The organisation's ETag, which savb.register checks. */
    orgEtag: string;
    /** A Global admin sees the form; anybody else is told who can register. */
    canRegister: boolean;
    globalAdminNames: string[];
  };
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
      savbRegisteredOn: 'payment.savbRegisteredOn',
      savbRegistrationReference: 'payment.savbRegistrationReference',
      savbRegister: 'payment.savbRegister',
    }),
    savbForm: savbFormView(data, locale),
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
    currencies: currencyChoices(data.currencies ?? DEFAULT_CURRENCIES, v.currency),
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

/** The usual currencies, and the one the form starts with when it is not among them. */
function currencyChoices(usual: readonly string[], current: string | undefined) {
  const codes = current && !usual.includes(current) ? [current, ...usual] : usual;
  return codes.map((c) => ({ title: c, value: c }));
}

/** The SAVB registration part: the form for a Global admin, else who can register (none shown once registered). */
function savbFormView(data: PaymentRequestCardData, locale: Locale) {
  const r = data.savbRegistration;
  if (data.savbRegistered || !r) return { show: false, canRegister: false, askAdmin: '' };
  const offering = data.voucher.offeringName;
  const names = r.globalAdminNames.filter((n) => n !== '');
  return {
    show: true,
    canRegister: r.canRegister,
    intro: t(locale, 'payment.savbRegisterIntro', { offering }),
    askAdmin: r.canRegister
      ? ''
      : names.length > 0
        ? t(locale, 'payment.savbAskAdmin', { names: names.join(', ') })
        : t(locale, 'payment.savbAskAdminNobody'),
    offeringId: r.offeringId,
    orgEtag: r.orgEtag,
  };
}
