// The organisation's vouchers, one page at a time, filterable by state. Paging carries only the page
// number; the state filter travels as an input so the server re-queries rather than trusting a list.
import { NOT_SET } from './common';
import { formatDate, stateLabel, t, type Locale } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/voucher-list.json';
import type { AdaptiveCard, CardElement, CardOptions } from './types';

export interface VoucherListItemView {
  voucherId: string;
  voucherNumber: string;
  customerName: string;
  offeringId: string;
  days: number;
  state: string;
  expiresOn?: string;
}

export interface VoucherListCardData {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  items: VoucherListItemView[];
  /** The voucher states to offer in the filter (the domain's list). */
  states: string[];
  stateFilter?: string;
}

const CLOSED = new Set(['Paid', 'Denied', 'Expired']);

// One row per voucher, built here rather than repeated by the template engine.
function voucherRow(item: VoucherListItemView, locale: Locale, open: string): CardElement {
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: item.voucherNumber, weight: 'bolder', wrap: true },
          {
            type: 'TextBlock',
            text: t(locale, 'list.item', {
              customer: item.customerName,
              offering: item.offeringId,
              days: t(locale, 'common.days', { count: item.days }),
            }),
            wrap: true,
            size: 'small',
            spacing: 'none',
          },
          {
            type: 'TextBlock',
            text:
              item.expiresOn && !CLOSED.has(item.state)
                ? t(locale, 'list.itemState', {
                    state: stateLabel(locale, item.state),
                    date: formatDate(locale, item.expiresOn),
                  })
                : stateLabel(locale, item.state),
            wrap: true,
            size: 'small',
            spacing: 'none',
            color:
              item.state === 'Expired' || item.state === 'Denied'
                ? 'attention'
                : item.state === 'Paid'
                  ? 'good'
                  : 'default',
          },
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'center',
        items: [
          {
            type: 'ActionSet',
            actions: [
              {
                type: 'Action.Execute',
                title: open,
                verb: 'voucher.show',
                data: { voucherId: item.voucherId },
                associatedInputs: 'none',
              },
            ],
          },
        ],
      },
    ],
  };
}

export function buildVoucherListCard(
  data: VoucherListCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const pages = Math.max(1, Math.ceil(data.total / Math.max(1, data.pageSize)));
  const page = Math.min(Math.max(1, Math.trunc(data.page)), pages);
  const open = t(locale, 'common.open');
  const view = {
    l: labels(locale, {
      title: 'list.title',
      empty: 'list.empty',
      filter: 'list.filter',
      previous: 'list.previous',
      next: 'list.next',
      apply: 'list.apply',
      newVoucher: 'welcome.newVoucher',
    }),
    summary: `${t(locale, 'list.count', { count: data.total })} · ${t(locale, 'list.page', { page, pages })}`,
    page,
    pages,
    empty: data.items.length === 0,
    rows: data.items.map((item) => voucherRow(item, locale, open)),
    stateFilter: data.stateFilter ?? NOT_SET,
    stateChoices: [
      { title: t(locale, 'list.allStates'), value: NOT_SET },
      ...data.states.map((s) => ({ title: stateLabel(locale, s), value: s })),
    ],
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'voucher.list', data: { page } },
  });
}
