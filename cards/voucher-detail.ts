// One voucher: its facts, where it stands, the actions its state allows, and its audit trail.
// Posted in shared places, so `refresh` (default voucher.show) gives each person their own buttons.
import {
  auditActionLabel,
  formatCountry,
  formatDate,
  formatDateTime,
  formatList,
  formatMoney,
  isNextActionId,
  nextActionMessage,
  stateLabel,
  t,
  type Locale,
} from '../bot/i18n';
import { summaryFacts, type Fact } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/voucher-detail.json';
import type { AdaptiveCard, CardElement, CardOptions, VoucherSummary } from './types';
import type { ActionData, CardVerb } from './verbs';

export const VOUCHER_ACTIONS = [
  'reserve',
  'cancelReservation',
  'markDelivered',
  'submitReport',
  'redeem',
  'requestPayment',
  'recordOutcome',
  /** Not a button: a date input on this card with its own submit (the Partner Center expiry). */
  'setExpiry',
] as const;
export type VoucherAction = (typeof VOUCHER_ACTIONS)[number];

export interface TimelineEntryView {
  at: string;
  byName?: string;
  by: string;
  /** The command name recorded in the audit trail, e.g. voucher.reserve. */
  action: string;
  from?: string;
  to?: string;
  reason?: string;
}

export interface VoucherDetailCardData {
  voucherId: string;
  etag: string;
  voucher: VoucherSummary & {
    stateSince: string;
    assignedOn: string;
    voucherAdminEmail: string;
    deliveryCountry?: string;
    partnerLocationName?: string;
    plannedStart?: string;
    plannedEnd?: string;
    consultantNames?: string[];
    reportSubmittedOn?: string;
    redeemedOn?: string;
    payment?: { amount: number; currency: string; requestedOn: string };
  };
  nextAction?: { id: string; params?: Record<string, unknown> };
  /** What this reader may do now (the server decides by state and role). */
  actions: VoucherAction[];
  /** The expiry now in force (the setExpiry input starts from it). */
  expiresOn?: string;
  /** Newest first or oldest first: the card shows the newest first either way. */
  timeline: TimelineEntryView[];
  /** The voucher's shareable link (cards/links.ts voucherLink), when the app has a public host name. */
  link?: string;
}

/** The card must stay well under 28 KB even for a voucher with a long history. */
export const MAX_TIMELINE_ENTRIES = 15;

type ButtonAction = Exclude<VoucherAction, 'setExpiry'>;

/** The verb each action runs; the tab opens a dialog with that verb's card. */
export const VOUCHER_ACTION_VERBS: Readonly<Record<VoucherAction, CardVerb>> = {
  reserve: 'voucher.reserve',
  cancelReservation: 'voucher.cancelReservation',
  markDelivered: 'voucher.markDelivered',
  submitReport: 'report.submit',
  redeem: 'voucher.redeem',
  requestPayment: 'payment.request',
  recordOutcome: 'payment.recordOutcome',
  setExpiry: 'voucher.setExpiry',
};

// The only one applied straight from the detail card: it has no inputs, so the ETag guards it.
const DIRECT: ReadonlySet<VoucherAction> = new Set(['markDelivered']);

const ACTION_TITLE = {
  reserve: 'detail.reserve',
  cancelReservation: 'detail.cancelReservation',
  markDelivered: 'detail.markDelivered',
  submitReport: 'detail.submitReport',
  redeem: 'detail.redeem',
  requestPayment: 'detail.requestPayment',
  recordOutcome: 'detail.recordOutcome',
} as const;

type VoucherView = VoucherDetailCardData['voucher'];

/** The summary facts, then what the voucher's steps have recorded so far. */
function detailFacts(locale: Locale, v: VoucherView): Fact[] {
  const facts: Fact[] = summaryFacts(locale, v);
  const add = (key: Parameters<typeof t>[1], value: string | undefined) => {
    if (value) facts.push({ title: t(locale, key), value });
  };
  add('voucher.assigned', formatDate(locale, v.assignedOn));
  add('voucher.admin', v.voucherAdminEmail);
  add('voucher.country', v.deliveryCountry ? formatCountry(locale, v.deliveryCountry) : undefined);
  add('voucher.location', v.partnerLocationName);
  if (v.plannedStart && v.plannedEnd) {
    add(
      'voucher.planned',
      t(locale, 'voucher.period', {
        start: formatDate(locale, v.plannedStart),
        end: formatDate(locale, v.plannedEnd),
      }),
    );
  }
  add(
    'voucher.consultants',
    v.consultantNames && v.consultantNames.length > 0 ? formatList(locale, v.consultantNames) : undefined,
  );
  add('voucher.reportSubmitted', v.reportSubmittedOn ? formatDate(locale, v.reportSubmittedOn) : undefined);
  add('voucher.redeemed', v.redeemedOn ? formatDate(locale, v.redeemedOn) : undefined);
  if (v.payment) {
    add(
      'voucher.payment',
      `${formatMoney(locale, v.payment.amount, v.payment.currency)} · ${formatDate(locale, v.payment.requestedOn)}`,
    );
  }
  return facts;
}

function actionButtons(data: VoucherDetailCardData, locale: Locale): CardElement[] {
  return data.actions
    .filter((a): a is ButtonAction => a !== 'setExpiry')
    .map((action) => {
      const verb = VOUCHER_ACTION_VERBS[action];
      const actionData: ActionData = DIRECT.has(action)
        ? { voucherId: data.voucherId, etag: data.etag, step: 'submit' }
        : { voucherId: data.voucherId, step: 'open' };
      return {
        type: 'Action.Execute',
        title: t(locale, ACTION_TITLE[action]),
        verb,
        data: actionData,
        associatedInputs: 'none',
      };
    });
}

// A date and its own submit: the ETag guards it, the typed date is the only input it sends.
function expiryForm(data: VoucherDetailCardData, locale: Locale): CardElement[] {
  if (!data.actions.includes('setExpiry')) return [];
  return [
    {
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'Input.Date',
          id: 'expiresOn',
          label: t(locale, 'detail.expiryLabel'),
          isRequired: true,
          errorMessage: t(locale, 'common.dateError'),
          ...(data.expiresOn ? { value: data.expiresOn } : {}),
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Execute',
              title: t(locale, 'detail.setExpiry'),
              verb: 'voucher.setExpiry',
              data: { voucherId: data.voucherId, etag: data.etag, step: 'submit' } satisfies ActionData,
              associatedInputs: 'auto',
            },
          ],
        },
      ],
    },
  ];
}

// One container per entry, built here rather than repeated by the template engine.
function timelineEntry(e: TimelineEntryView, locale: Locale, tz: string | undefined): CardElement {
  let what = auditActionLabel(locale, e.action);
  if (e.from && e.to && e.from !== e.to)
    what += ` (${t(locale, 'detail.transition', { from: stateLabel(locale, e.from), to: stateLabel(locale, e.to) })})`;
  return {
    type: 'Container',
    spacing: 'small',
    items: [
      { type: 'TextBlock', text: what, wrap: true, weight: 'bolder', size: 'small' },
      {
        type: 'TextBlock',
        text: t(locale, 'detail.timelineEntry', {
          date: formatDateTime(locale, e.at, tz),
          who: e.byName || e.by,
        }),
        wrap: true,
        isSubtle: true,
        size: 'small',
        spacing: 'none',
      },
      ...(e.reason
        ? [
            {
              type: 'TextBlock',
              text: t(locale, 'detail.reason', { reason: e.reason }),
              wrap: true,
              size: 'small',
              spacing: 'none',
            },
          ]
        : []),
    ],
  };
}

export function buildVoucherDetailCard(
  data: VoucherDetailCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const v = data.voucher;
  const tz = options?.timeZone;
  const newestFirst = [...data.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const shown = newestFirst.slice(0, MAX_TIMELINE_ENTRIES);
  const hidden = newestFirst.length - shown.length;

  const next =
    data.nextAction && isNextActionId(data.nextAction.id)
      ? t(locale, 'detail.next', {
          text: nextActionMessage(locale, { id: data.nextAction.id, params: data.nextAction.params }, tz),
        })
      : '';

  const view = {
    l: labels(locale, {
      timeline: 'detail.timeline',
      vouchers: 'welcome.vouchers',
      vouchersLink: 'link.partnerCenterVouchers',
    }),
    title: t(locale, 'detail.title', { voucherNumber: v.voucherNumber }),
    stateSince: t(locale, 'detail.stateSince', {
      state: stateLabel(locale, v.state),
      date: formatDate(locale, v.stateSince, tz),
    }),
    facts: detailFacts(locale, v),
    next,
    buttons: actionButtons(data, locale),
    expiryForm: expiryForm(data, locale),
    timelineEntries: shown.map((e) => timelineEntry(e, locale, tz)),
    older: hidden > 0 ? t(locale, 'common.moreEntries', { count: hidden }) : '',
    links: LINKS,
  };
  const card = expand(template, view);
  if (data.link)
    card.actions = [
      ...(card.actions ?? []),
      { type: 'Action.OpenUrl', title: t(locale, 'link.openInStatusTab'), url: data.link },
    ];
  return finish(card, {
    locale,
    options,
    refreshAction: { verb: 'voucher.show', data: { voucherId: data.voucherId } },
  });
}
