// "reminders": what the app will remind the organisation of in the coming days and what is still open
// (waiting to be sent, sent, snoozed), with a button for admins to get a sample reminder right away.
import { formatDate, reminderMessage, t, type Locale } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/reminder-list.json';
import type { AdaptiveCard, CardOptions } from './types';

export const REMINDER_LIST_STATES = [
  'scheduled',
  'pending',
  'sent',
  'snoozed',
  'done',
  'failed',
  'blocked',
] as const;
export type ReminderListState = (typeof REMINDER_LIST_STATES)[number];

/** Why a reminder could not be delivered: each has its own advice. */
export type BlockedReason = 'noChat' | 'noChannelChat' | 'inactive' | 'refused' | 'unreachable';

const BLOCKED_KEYS = {
  noChat: 'reminderList.blocked.noChat',
  noChannelChat: 'reminderList.blocked.noChannelChat',
  inactive: 'reminderList.blocked.inactive',
  refused: 'reminderList.blocked.refused',
  unreachable: 'reminderList.blocked.unreachable',
} as const;

export interface ReminderListItemView {
  /** A ReminderKind of the program. */
  kind: string;
  /** Local calendar day it is (or was) sent. */
  sendOn: string;
  dueDate: string;
  state: ReminderListState;
  /** Calendar day a snoozed reminder comes back. */
  snoozedUntil?: string;
  /** State `blocked`: to whom it could not be delivered (names, or "the program channel") and why. */
  blocked?: { to: string[]; reason: BlockedReason };
  subject: { voucherNumber?: string; customerName?: string; offeringName?: string };
}

export interface ReminderListCardData {
  /** The window shown, in days from today. */
  days: number;
  items: ReminderListItemView[];
  /** Global admin or MPN partner admin: may ask for a test reminder. */
  canTest: boolean;
}

/** At most this many rows; the rest are counted (keeps the card far below 28 KB). */
export const MAX_REMINDER_ROWS = 20;

const STATE_KEYS = {
  scheduled: 'reminderList.state.scheduled',
  pending: 'reminderList.state.pending',
  sent: 'reminderList.state.sent',
  snoozed: 'reminderList.state.snoozed',
  done: 'reminderList.state.done',
  failed: 'reminderList.state.failed',
  blocked: 'reminderList.state.blocked',
} as const;

const STATE_COLORS: Record<ReminderListState, string> = {
  scheduled: 'default',
  pending: 'accent',
  sent: 'good',
  snoozed: 'warning',
  done: 'good',
  failed: 'attention',
  blocked: 'attention',
};

function subjectLine(s: ReminderListItemView['subject']): string {
  const voucher = [s.voucherNumber, s.customerName].filter((x): x is string => Boolean(x)).join(' – ');
  return voucher || s.offeringName || '';
}

export function buildReminderListCard(
  data: ReminderListCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const shown = data.items.slice(0, MAX_REMINDER_ROWS);
  const hidden = data.items.length - shown.length;
  const view = {
    l: labels(locale, { title: 'reminderList.title', test: 'reminderList.test', next: 'welcome.title' }),
    intro: t(locale, 'reminderList.intro', { days: data.days }),
    empty: t(locale, 'reminderList.empty', { days: data.days }),
    more: hidden > 0 ? t(locale, 'reminderList.more', { count: hidden }) : '',
    canTest: data.canTest,
    items: shown.map((i) => {
      const s = i.subject;
      const words = reminderMessage(locale, i.kind, {
        voucherNumber: s.voucherNumber ?? '',
        customer: s.customerName ?? '',
        offering: s.offeringName ?? '',
      });
      return {
        title: words?.title ?? i.kind,
        subject: subjectLine(s),
        when: t(locale, 'reminderList.when', {
          sendOn: formatDate(locale, i.sendOn),
          due: formatDate(locale, i.dueDate),
        }),
        state: t(locale, STATE_KEYS[i.state], {
          date: i.snoozedUntil ? formatDate(locale, i.snoozedUntil) : '',
          names: i.blocked?.to.join(', ') ?? '',
          reason: i.blocked ? t(locale, BLOCKED_KEYS[i.blocked.reason]) : '',
        }),
        stateColor: STATE_COLORS[i.state],
      };
    }),
  };
  return finish(expand(template, view), { locale, options });
}
