// Step 5, undone: cancel a reservation with a reason; the voucher returns to Assigned.
import { formatDate, t, type Locale } from '../bot/i18n';
import { summaryFacts } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/cancel-reservation.json';
import type { AdaptiveCard, CardOptions, VoucherSummary } from './types';

export interface CancelReservationCardData {
  voucherId: string;
  etag: string;
  voucher: VoucherSummary;
  plannedStart?: string;
  plannedEnd?: string;
  /** Re-shown after a refusal. */
  reason?: string;
}

export function buildCancelReservationCard(
  data: CancelReservationCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const facts = summaryFacts(locale, data.voucher);
  if (data.plannedStart && data.plannedEnd) {
    facts.push({
      title: t(locale, 'voucher.planned'),
      value: t(locale, 'voucher.period', {
        start: formatDate(locale, data.plannedStart),
        end: formatDate(locale, data.plannedEnd),
      }),
    });
  }
  const view = {
    l: labels(locale, {
      title: 'cancel.title',
      intro: 'cancel.intro',
      reason: 'cancel.reason',
      submit: 'cancel.submit',
      requiredError: 'common.requiredError',
      vouchersLink: 'link.partnerCenterVouchers',
      back: 'common.back',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    facts,
    reason: data.reason ?? '',
    links: LINKS,
  };
  return finish(expand(template, view), { locale, options });
}
