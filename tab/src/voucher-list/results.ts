// The voucher list's results: the count, the table (one row per voucher, opening its detail) and the pager.
import type { VoucherListView, VoucherRowView } from '../../../bot/api/view-model';
import { clear, h } from '../dom';
import type { Translator } from '../i18n';
import { deadlineText, type OpenDetail } from '../sections/deadlines';

export interface ResultsActions {
  clearFilters(): void;
  goto(page: number): void;
  openDetail: OpenDetail;
}

export function resultCountText(tr: Translator, count: number): string {
  return count === 1 ? tr.t('resultCountOne') : tr.t('resultCount', { count });
}

function nextDeadlineCell(tr: Translator, r: VoucherRowView): HTMLElement | string {
  const next = r.nextDeadline;
  if (!next) return '—';
  return h(
    'span',
    { class: next.daysLeft < 0 ? 'bad' : '' },
    deadlineText(tr, next),
    ' · ',
    tr.date(next.due),
  );
}

function voucherRow(tr: Translator, r: VoucherRowView, openDetail: OpenDetail): HTMLElement {
  const { t } = tr;
  return h(
    'tr',
    { 'data-id': r.id, 'data-state': r.state },
    h(
      'th',
      { scope: 'row', 'data-label': t('colVoucher') },
      h(
        'button',
        {
          type: 'button',
          class: 'link mono',
          'aria-label': t('openDetail', { voucher: r.voucherNumber }),
          onclick: (ev: Event) => openDetail(r.id, ev.currentTarget as HTMLElement),
        },
        r.voucherNumber,
      ),
    ),
    h('td', { 'data-label': t('colCustomer') }, r.customer),
    h('td', { 'data-label': t('colOffering') }, r.offering),
    h(
      'td',
      { 'data-label': t('colState') },
      h('span', { class: `chip state-${r.state}` }, tr.state(r.state)),
    ),
    h('td', { 'data-label': t('colDaysInState'), class: 'num' }, tr.number(r.daysInState)),
    h('td', { 'data-label': t('colNext') }, nextDeadlineCell(tr, r)),
    h('td', { 'data-label': t('colConsultants') }, r.consultants.map((c) => c.name).join(', ') || '—'),
  );
}

function voucherTable(tr: Translator, list: VoucherListView, openDetail: OpenDetail): HTMLElement {
  const { t } = tr;
  const columns = [
    t('colVoucher'),
    t('colCustomer'),
    t('colOffering'),
    t('colState'),
    t('colDaysInState'),
    t('colNext'),
    t('colConsultants'),
  ];
  return h(
    'table',
    { class: 'vouchers', id: 'voucher-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      list.items.map((r) => voucherRow(tr, r, openDetail)),
    ),
  );
}

function pager(
  tr: Translator,
  list: VoucherListView,
  pages: number,
  goto: (page: number) => void,
): HTMLElement {
  const { t } = tr;
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('pageOf', { page: list.page, pages }) },
    h(
      'button',
      { type: 'button', disabled: list.page <= 1, onclick: () => goto(list.page - 1) },
      t('prevPage'),
    ),
    h('span', {}, t('pageOf', { page: list.page, pages })),
    h(
      'button',
      { type: 'button', disabled: list.page >= pages, onclick: () => goto(list.page + 1) },
      t('nextPage'),
    ),
  );
}

/** Replaces the content of `el` with the count and either the table and pager or the "no matches" state. */
export function renderResults(
  el: HTMLElement,
  tr: Translator,
  list: VoucherListView,
  actions: ResultsActions,
): void {
  clear(el);
  el.append(h('p', { class: 'result-count', id: 'result-count' }, resultCountText(tr, list.total)));
  if (list.total === 0) {
    el.append(
      h(
        'div',
        { class: 'empty', id: 'no-matches' },
        h('p', {}, tr.t('noMatches')),
        h('button', { type: 'button', onclick: () => actions.clearFilters() }, tr.t('clearFilters')),
      ),
    );
    return;
  }
  el.append(h('div', { class: 'scroll' }, voucherTable(tr, list, actions.openDetail)));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages > 1) el.append(pager(tr, list, pages, actions.goto));
}
