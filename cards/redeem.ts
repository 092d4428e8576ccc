// Step 7: redeem in Partner Center, then record it here (which starts the payment-request clock).
import { formatDate, t, type Locale } from '../bot/i18n';
import { summaryFacts } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/redeem.json';
import type { AdaptiveCard, CardOptions, VoucherSummary } from './types';

export interface RedeemCardData {
  voucherId: string;
  etag: string;
  today: string;
  voucher: VoucherSummary;
  reportSubmittedOn?: string;
}

export function buildRedeemCard(data: RedeemCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const view = {
    l: labels(locale, {
      title: 'redeem.title',
      intro: 'redeem.intro',
      date: 'redeem.date',
      submit: 'redeem.submit',
      dateError: 'common.dateError',
      vouchersLink: 'link.partnerCenterVouchers',
      back: 'common.back',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    today: data.today,
    facts: summaryFacts(locale, data.voucher),
    reportOn: data.reportSubmittedOn
      ? t(locale, 'redeem.reportOn', { date: formatDate(locale, data.reportSubmittedOn) })
      : '',
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'voucher.redeem', data: { voucherId: data.voucherId, step: 'open' } },
  });
}
