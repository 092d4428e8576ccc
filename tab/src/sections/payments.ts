// Payments: counts per status as tiles, and the amounts per currency as a table.
import type { PaymentsView } from '../../../bot/api/view-model';
import { h } from '../dom';
import type { Translator } from '../i18n';
import { cardSection } from './card-section';

const PAYMENT_STATUSES = ['requested', 'approved', 'paid', 'outstanding', 'denied'] as const;

function countTiles(tr: Translator, p: PaymentsView): HTMLElement {
  return h(
    'ul',
    { class: 'tiles' },
    PAYMENT_STATUSES.map((k) =>
      h(
        'li',
        { class: `tile pay-${k}` },
        h('span', { class: 'tile-value' }, tr.number(p.counts[k])),
        h('span', { class: 'tile-label' }, tr.lookup(`pay_${k}`)),
      ),
    ),
  );
}

function totalsTable(tr: Translator, p: PaymentsView): HTMLElement {
  return h(
    'table',
    { class: 'totals', id: 'payment-totals' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tr.t('payCurrency')),
        PAYMENT_STATUSES.map((k) => h('th', { scope: 'col' }, tr.lookup(`pay_${k}`))),
      ),
    ),
    h(
      'tbody',
      {},
      p.totals.map((row) =>
        h(
          'tr',
          { 'data-currency': row.currency },
          h('th', { scope: 'row' }, row.currency),
          PAYMENT_STATUSES.map((k) =>
            h('td', { 'data-label': tr.lookup(`pay_${k}`) }, tr.money(row[k], row.currency)),
          ),
        ),
      ),
    ),
  );
}

export function renderPayments(tr: Translator, payments: PaymentsView): HTMLElement {
  const { t } = tr;
  if (payments.counts.requested === 0)
    return cardSection('payments', t('paymentsHeading'), h('p', { class: 'empty' }, t('paymentsEmpty')));
  return cardSection(
    'payments',
    t('paymentsHeading'),
    countTiles(tr, payments),
    h('div', { class: 'scroll' }, totalsTable(tr, payments)),
  );
}
