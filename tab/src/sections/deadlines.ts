// Deadlines: overdue and the next days, each a link to its voucher when it belongs to one.
import type { DeadlineView, OverviewView } from '../../../bot/api/view-model';
import { h } from '../dom';
import type { Translator } from '../i18n';
import { cardSection } from './card-section';

export type OpenDetail = (voucherId: string, opener?: HTMLElement) => void;

/** What is due, in words ("Reserve voucher X"); also used by the voucher list and the detail. */
export function deadlineText(tr: Translator, d: DeadlineView): string {
  return tr.deadline(d.kind, { voucher: d.voucherNumber ?? '', offering: d.offering ?? '' });
}

function deadlineItem(tr: Translator, d: DeadlineView, openDetail: OpenDetail): HTMLElement {
  const when = h(
    'span',
    { class: `when ${d.daysLeft < 0 ? 'bad' : d.daysLeft <= 7 ? 'warn' : ''}` },
    tr.relativeDays(d.daysLeft),
  );
  const voucherId = d.voucherId;
  const what = voucherId
    ? h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: (ev: Event) => openDetail(voucherId, ev.currentTarget as HTMLElement),
        },
        deadlineText(tr, d),
      )
    : h('span', {}, deadlineText(tr, d));
  return h(
    'li',
    { 'data-kind': d.kind },
    what,
    h(
      'span',
      { class: 'meta' },
      d.customer ? `${d.customer} · ` : '',
      h('time', { datetime: d.due }, tr.date(d.due)),
      ' · ',
      when,
    ),
  );
}

interface DeadlineGroup {
  id: string;
  title: string;
  items: DeadlineView[];
  total: number;
  empty: string;
}

function deadlineGroup(tr: Translator, g: DeadlineGroup, openDetail: OpenDetail): HTMLElement {
  return h(
    'div',
    { class: 'dl-group', id: g.id },
    h('h3', {}, g.title, ' ', h('span', { class: 'count' }, `(${tr.number(g.total)})`)),
    g.items.length === 0
      ? h('p', { class: 'empty' }, g.empty)
      : h(
          'ul',
          { class: 'deadlines' },
          g.items.map((d) => deadlineItem(tr, d, openDetail)),
        ),
    g.total > g.items.length
      ? h('p', { class: 'muted small' }, tr.t('moreDeadlines', { count: g.total - g.items.length }))
      : null,
  );
}

export function renderDeadlines(
  tr: Translator,
  deadlines: OverviewView['deadlines'],
  openDetail: OpenDetail,
): HTMLElement {
  const { t } = tr;
  const { overdue, upcoming, overdueTotal, upcomingTotal, windowDays } = deadlines;
  return cardSection(
    'deadlines',
    t('deadlinesHeading'),
    h(
      'div',
      { class: 'dl-grid' },
      deadlineGroup(
        tr,
        {
          id: 'overdue',
          title: t('overdueHeading'),
          items: overdue,
          total: overdueTotal,
          empty: t('noOverdue'),
        },
        openDetail,
      ),
      deadlineGroup(
        tr,
        {
          id: 'upcoming',
          title: t('upcomingHeading', { days: windowDays }),
          items: upcoming,
          total: upcomingTotal,
          empty: t('noUpcoming', { days: windowDays }),
        },
        openDetail,
      ),
    ),
  );
}
