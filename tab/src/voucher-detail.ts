// The voucher detail dialog: facts, the next step, the viewer's actions (each opens the chat's card in a dialog),
// open deadlines and the timeline; closing returns focus to its opener.
import type { VoucherActionCode, VoucherDetailView, VoucherStateCode } from '../../bot/api/view-model';
import { ApiError } from './api-client';
import { h, uid } from './dom';
import type { Translator } from './i18n';
import { deadlineText } from './sections/deadlines';
import type { TabContext } from './tab-context';
import { voucherLinkBlock } from './voucher-link';

type Fact = [HTMLElement, HTMLElement] | null;

function fact(label: string, value: string | Node | undefined | null): Fact {
  return value === undefined || value === null || value === ''
    ? null
    : [h('dt', {}, label), h('dd', {}, value)];
}

function plannedText(tr: Translator, r: VoucherDetailView['reservation']): string | undefined {
  if (!r?.plannedStart) return undefined;
  return `${tr.date(r.plannedStart)} – ${tr.date(r.plannedEnd)}${r.country ? ` · ${r.country}` : ''}`;
}

function facts(tr: Translator, d: VoucherDetailView): HTMLElement {
  const { t, date } = tr;
  return h(
    'dl',
    { class: 'facts' },
    fact(t('detailState'), h('span', { class: `chip state-${d.state}` }, tr.state(d.state))),
    fact(t('detailCustomer'), d.customer),
    fact(t('detailOffering'), d.offering),
    fact(t('detailEngagement'), d.engagement),
    fact(t('detailDays'), t('daysCount', { count: d.days })),
    fact(t('detailExpires'), d.expiresOn ? date(d.expiresOn) : undefined),
    fact(t('detailAdmin'), d.voucherAdminEmail),
    fact(t('detailPlanned'), plannedText(tr, d.reservation)),
    fact(
      t('detailReport'),
      d.report
        ? t('detailReportValue', {
            date: date(d.report.submittedOn),
            days: d.report.daysDelivered ?? 0,
            count: d.report.deliverables,
          })
        : undefined,
    ),
    fact(t('detailRedeemed'), d.redeemedOn ? date(d.redeemedOn) : undefined),
    fact(
      t('detailPayment'),
      d.payment
        ? `${tr.money(d.payment.amount, d.payment.currency)} · ${tr.lookup(`pay_${d.payment.status}`)}`
        : undefined,
    ),
    fact(t('colConsultants'), d.consultants.map((c) => c.name).join(', ')),
    fact(t('detailLink'), d.link ? voucherLinkBlock(tr, d.link) : undefined),
  );
}

function openDeadlines(tr: Translator, d: VoucherDetailView): HTMLElement[] {
  if (d.deadlines.length === 0) return [];
  return [
    h('h3', {}, tr.t('detailDeadlines')),
    h(
      'ul',
      { class: 'deadlines' },
      d.deadlines.map((x) =>
        h('li', {}, deadlineText(tr, x), ' · ', tr.date(x.due), ' · ', tr.relativeDays(x.daysLeft)),
      ),
    ),
  ];
}

/** The action's words, plus the state it led to when that says something the words do not. */
function timelineWhat(
  tr: Translator,
  action: string,
  from?: VoucherStateCode,
  to?: VoucherStateCode,
): (string | HTMLElement)[] {
  const words = tr.lookup(`act_${action}`, {}, action);
  if (!to || from === to || tr.state(to) === words) return [words];
  return [words, h('span', { class: `chip state-${to}` }, tr.state(to))];
}

function timeline(tr: Translator, d: VoucherDetailView): HTMLElement {
  const { t } = tr;
  if (d.timeline.length === 0) return h('p', { class: 'empty' }, t('timelineEmpty'));
  return h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    d.timeline.map((e) =>
      h(
        'li',
        { 'data-action': e.action },
        h('time', { datetime: e.at }, tr.dateTime(e.at)),
        h('span', { class: 'what' }, ...timelineWhat(tr, e.action, e.from, e.to)),
        e.by ? h('span', { class: 'muted small' }, t('byWhom', { name: e.by })) : null,
        e.reason ? h('span', { class: 'reason' }, t('reason', { reason: e.reason })) : null,
      ),
    ),
  );
}

type RunAction = (action: VoucherActionCode, opener: HTMLElement) => void;

/** The next step in the bot's words, and a button per action the viewer may take now. */
function nextAndActions(tr: Translator, d: VoucherDetailView, run: RunAction): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (d.nextAction)
    out.push(
      h(
        'div',
        { class: 'next-step', id: 'next-step' },
        h('h3', {}, tr.t('detailNext')),
        h('p', {}, d.nextAction),
      ),
    );
  if (d.actions.length > 0)
    out.push(
      h(
        'div',
        {
          class: 'voucher-actions',
          id: 'voucher-actions',
          role: 'group',
          'aria-label': tr.t('detailActions'),
        },
        d.actions.map((action) => {
          const button: HTMLButtonElement = h(
            'button',
            { type: 'button', 'data-action': action, onclick: () => run(action, button) },
            tr.t(`action_${action}`),
          );
          return button;
        }),
      ),
    );
  return out;
}

function renderDetail(
  tr: Translator,
  d: VoucherDetailView,
  close: () => void,
  run: RunAction,
): HTMLDialogElement {
  const titleId = uid('detail-title');
  return h(
    'dialog',
    { class: 'detail', 'aria-labelledby': titleId, id: 'voucher-detail' },
    h(
      'div',
      { class: 'detail-head' },
      h('h2', { id: titleId }, tr.t('detailTitle', { voucher: d.voucherNumber })),
      h('button', { type: 'button', class: 'close', onclick: close }, tr.t('close')),
    ),
    facts(tr, d),
    ...nextAndActions(tr, d, run),
    ...openDeadlines(tr, d),
    h('h3', {}, tr.t('timelineHeading')),
    timeline(tr, d),
  );
}

export class VoucherDetailDialog {
  private dialog?: HTMLDialogElement;

  constructor(private readonly ctx: Pick<TabContext, 'tr' | 'client' | 'showError' | 'runAction'>) {}

  /** Loads the voucher and shows it; a voucher that is gone (404) opens nothing. */
  async open(voucherId: string, opener?: HTMLElement): Promise<void> {
    let detail: VoucherDetailView;
    try {
      detail = await this.ctx.client.voucher(voucherId, this.ctx.tr.locale);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return;
      this.ctx.showError(err);
      return;
    }
    this.dialog?.remove();
    const run: RunAction = (action, button) =>
      this.ctx.runAction({ voucherId, voucherNumber: detail.voucherNumber, action }, button);
    const dialog = renderDetail(this.ctx.tr, detail, () => this.dialog?.close(), run);
    this.dialog = dialog;
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus();
    });
    dialog.showModal();
  }
}
