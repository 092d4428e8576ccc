// Step 8, after the request: approved, paid or denied (with Microsoft's reason). `refresh` gives each reader
// their view: admins the form to record the next outcome, everyone else the read-only status.
import { formatDate, formatMoney, t, type Locale } from '../bot/i18n';
import { summaryFacts } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/payment-outcome.json';
import type { AdaptiveCard, CardOptions, VoucherSummary } from './types';

export interface PaymentView {
  savbReference: string;
  amount: number;
  currency: string;
  requestedOn: string;
  approvedOn?: string;
  paidOn?: string;
  paidAmount?: number;
  deniedOn?: string;
  denialReason?: string;
}

export interface PaymentOutcomeCardData {
  voucherId: string;
  etag: string;
  today: string;
  voucher: VoucherSummary;
  payment: PaymentView;
  /** MPN partner admin or Global admin (the form is hidden anyway once the payment is final). */
  canRecord: boolean;
}

export function buildPaymentOutcomeCard(
  data: PaymentOutcomeCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const p = data.payment;
  let status = t(locale, 'outcome.status.requested');
  let statusStyle = 'emphasis';
  if (p.deniedOn) {
    status = t(locale, 'outcome.status.denied', { date: formatDate(locale, p.deniedOn) });
    statusStyle = 'attention';
  } else if (p.paidOn) {
    status = t(locale, 'outcome.status.paid', {
      date: formatDate(locale, p.paidOn),
      amount: formatMoney(locale, p.paidAmount ?? p.amount, p.currency),
    });
    statusStyle = 'good';
  } else if (p.approvedOn) {
    status = t(locale, 'outcome.status.approved', { date: formatDate(locale, p.approvedOn) });
    statusStyle = 'accent';
  }
  const view = {
    l: labels(locale, {
      title: 'outcome.title',
      record: 'outcome.record',
      outcome: 'outcome.outcome',
      approved: 'outcome.approved',
      paid: 'outcome.paid',
      denied: 'outcome.denied',
      date: 'outcome.date',
      paidAmount: 'outcome.paidAmount',
      reason: 'outcome.reason',
      submit: 'outcome.submit',
      requiredError: 'common.requiredError',
      dateError: 'common.dateError',
      view: 'reminder.view',
      savb: 'link.savb',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    today: data.today,
    facts: summaryFacts(locale, data.voucher),
    requested: t(locale, 'outcome.requested', {
      date: formatDate(locale, p.requestedOn),
      amount: formatMoney(locale, p.amount, p.currency),
      reference: p.savbReference,
    }),
    status,
    statusStyle,
    reason: p.deniedOn && p.denialReason ? t(locale, 'outcome.reasonShown', { reason: p.denialReason }) : '',
    canRecord: data.canRecord && !p.paidOn && !p.deniedOn,
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'payment.recordOutcome', data: { voucherId: data.voucherId, step: 'open' } },
  });
}
