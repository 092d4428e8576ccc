// A proactive reminder (PRODUCT.md §5): what is due and when, the button that resolves it, a link where the
// work happens outside Teams, and snooze / mark done. Payment received/denied are news, not tasks.
import { formatDate, reminderMessage, t, type Locale } from '../bot/i18n';
import { dateWithRelative } from './common';
import { LINKS, type LinkId } from './links';
import { expand, finish, labels } from './render';
import template from './templates/reminder.json';
import type { AdaptiveCard, CardOptions } from './types';
import type { ActionData, CardVerb } from './verbs';

export interface ReminderCardData {
  /** The delivery-ledger key of this reminder. */
  reminderId: string;
  /** A ReminderKind of the program. */
  kind: string;
  dueDate: string;
  today: string;
  /** Marked done by the reader: the card keeps its action and link, without snooze and done. */
  resolved?: boolean;
  subject: {
    voucherId?: string;
    voucherNumber?: string;
    customerName?: string;
    offeringId?: string;
    offeringName?: string;
  };
}

interface KindSpec {
  verb: CardVerb;
  voucher?: true;
  open?: true;
  link?: LinkId;
  /** News rather than a task: no snooze, no done. */
  news?: true;
}

const KINDS: Record<string, KindSpec> = {
  enrollmentRenewal: { verb: 'nav.enrollment', link: 'partnerCenterEnrollment' },
  businessProfileStale: { verb: 'nav.profile', link: 'partnerCenterProfile' },
  voucherReserve: { verb: 'voucher.reserve', voucher: true, open: true, link: 'partnerCenterVouchers' },
  voucherExpiry: { verb: 'voucher.show', voucher: true, link: 'partnerCenterVouchers' },
  reportDue: { verb: 'report.submit', voucher: true, open: true },
  redeemAfterReport: { verb: 'voucher.redeem', voucher: true, open: true, link: 'partnerCenterVouchers' },
  savbRegistration: { verb: 'nav.enrollment', link: 'savb' },
  paymentRequestWindow: { verb: 'payment.request', voucher: true, open: true, link: 'savb' },
  paymentFollowUp: { verb: 'payment.recordOutcome', voucher: true, open: true, link: 'savb' },
  paymentReceived: { verb: 'voucher.show', voucher: true, news: true },
  paymentDenied: { verb: 'voucher.show', voucher: true, news: true },
};

export const REMINDER_CARD_KINDS = Object.keys(KINDS);

const LINK_TITLE = {
  partnerCenterEnrollment: 'link.partnerCenterEnrollment',
  partnerCenterProfile: 'link.partnerCenterProfile',
  partnerCenterVouchers: 'link.partnerCenterVouchers',
  savb: 'link.savb',
} as const;

export function buildReminderCard(
  data: ReminderCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const spec = KINDS[data.kind] ?? { verb: 'nav.whatsNext' };
  const s = data.subject;
  const words = reminderMessage(locale, data.kind, {
    voucherNumber: s.voucherNumber ?? '',
    customer: s.customerName ?? '',
    offering: s.offeringName ?? s.offeringId ?? '',
  }) ?? { title: t(locale, 'welcome.title'), body: '' };
  const actionData: ActionData = {};
  if (spec.voucher && s.voucherId) actionData.voucherId = s.voucherId;
  if (spec.open) actionData.step = 'open';
  const overdue = data.dueDate < data.today;
  let due = '';
  if (!spec.news) {
    due = overdue
      ? t(locale, 'common.overdue', { date: formatDate(locale, data.dueDate) })
      : t(locale, 'common.dueRelative', dateWithRelative(locale, data.dueDate, data.today));
  }
  const link = spec.link;
  const view = {
    l: labels(locale, {
      snooze: 'reminder.snooze',
      snoozeFor: 'reminder.snoozeFor',
      done: 'reminder.done',
      requiredError: 'common.requiredError',
    }),
    reminderId: data.reminderId,
    title: words.title,
    body: words.body,
    due,
    color: spec.news
      ? data.kind === 'paymentDenied'
        ? 'attention'
        : 'good'
      : overdue
        ? 'attention'
        : 'default',
    primary: {
      title: t(locale, spec.voucher && !spec.open ? 'reminder.view' : 'reminder.act'),
      verb: spec.verb,
      data: actionData,
    },
    url: link ? LINKS[link] : '',
    urlTitle: link && link in LINK_TITLE ? t(locale, LINK_TITLE[link as keyof typeof LINK_TITLE]) : '',
    canSnooze: !spec.news && data.resolved !== true,
    snoozeChoices: [1, 3, 7].map((n) => ({
      title: t(locale, 'common.days', { count: n }),
      value: String(n),
    })),
  };
  return finish(expand(template, view), { locale, options });
}
