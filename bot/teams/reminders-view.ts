// Reminders as people see them: the proactive reminder card in the recipient's language (the sender's
// renderer), the "reminders" list (what is scheduled for the next 30 days and the state of what is open),
// and the sample a "send me a test reminder" delivers.
import { CardFactory, type Activity } from 'botbuilder';
import { buildReminderCard, buildReminderListCard, type ReminderListItemView, type ReminderListState } from '../../cards';
import { resolveLocale, t } from '../i18n';
import {
  addDays,
  dueReminders,
  localDate,
  organizationToday,
  rolesOf,
  upcomingReminders,
  type DueReminder,
  type ReminderSubject,
  type Rules,
  type Voucher,
} from '../program';
import type { Ledger, LedgerEntry } from '../reminders/ledger';
import type { RenderFn } from '../reminders/sender';
import { VoucherRepository, type Store } from '../store';
import { offeringName, type Card, type Extras, type ViewEnv } from './views';

/** The window of the "reminders" list. */
export const REMINDER_LIST_DAYS = 30;

function subjectOf(payload: Record<string, unknown>): ReminderSubject | undefined {
  const s = payload.subject as ReminderSubject | undefined;
  return s && typeof s === 'object' && typeof s.type === 'string' ? s : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The sender's renderer: the reminder card in `locale` (the recipient's choice, else their Teams locale),
 * with the voucher's customer and the offering's name looked up at send time. Snooze and done carry the
 * ledger entry id.
 */
export function reminderRenderer(deps: { store: Pick<Store, 'containers'>; rules: Rules; now: () => Date }): RenderFn {
  const vouchers = new VoucherRepository(deps.store.containers.vouchers);
  return async (payload, rawLocale, ctx): Promise<Partial<Activity>> => {
    const locale = resolveLocale(rawLocale);
    const subject = subjectOf(payload);
    const voucher = subject?.type === 'voucher' ? await vouchers.get(ctx.tenantId, subject.voucherId) : undefined;
    const offeringId = subject && subject.type !== 'organization' ? subject.offeringId : undefined;
    const today = localDate(deps.now(), ctx.timeZone);
    const card = buildReminderCard(
      {
        reminderId: ctx.entryId,
        kind: str(payload.kind) ?? 'unknown',
        dueDate: str(payload.dueDate) ?? today,
        today,
        subject: {
          ...(subject?.type === 'voucher' ? { voucherId: subject.voucherId, voucherNumber: subject.voucherNumber } : {}),
          ...(voucher ? { customerName: voucher.doc.customer.name } : {}),
          ...(offeringId ? { offeringId, offeringName: offeringName(deps.rules, offeringId) } : {}),
        },
      },
      locale,
      payload.test === true ? { notice: { tone: 'info', text: t(locale, 'reminder.testNotice') } } : undefined,
    );
    return { type: 'message', locale, attachments: [CardFactory.adaptiveCard(card)] };
  };
}

/** Reminders due now and those coming in the next `days`, one per key, due ones first. */
export function scheduledReminders(env: ViewEnv, vouchers: readonly Voucher[], days = REMINDER_LIST_DAYS): DueReminder[] {
  const org = env.scope.org.doc;
  const today = organizationToday(org, env.now, env.defaultTimeZone);
  const due = dueReminders(org, vouchers, env.rules, env.now, { defaultTimeZone: env.defaultTimeZone });
  const seen = new Set(due.map((r) => r.key));
  const coming = upcomingReminders(org, vouchers, env.rules, today, addDays(today, days)).filter((r) => !seen.has(r.key));
  return [...due, ...coming];
}

const STATE_ORDER: LedgerEntry['state'][] = ['sent', 'snoozed', 'claimed', 'pending', 'failed', 'done', 'dropped'];

/** One key's state for the list: the reader's own delivery if they are a recipient, else the furthest one. */
function stateOf(entries: readonly LedgerEntry[], userId: string, dueNow: boolean): { state: ReminderListState; snoozedUntil?: string } {
  if (entries.length === 0) return { state: dueNow ? 'pending' : 'scheduled' };
  const mine = entries.find((e) => e.target.kind === 'user' && e.target.userId === userId);
  const pick = mine ?? [...entries].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state))[0]!;
  switch (pick.state) {
    case 'pending':
    case 'claimed':
      return { state: 'pending' };
    case 'snoozed':
      return { state: 'snoozed', ...(pick.snoozedUntil ? { snoozedUntil: localDate(new Date(pick.snoozedUntil), pick.timeZone) } : {}) };
    case 'sent':
      return { state: 'sent' };
    case 'failed':
      return { state: 'failed' };
    default:
      return { state: 'done' };
  }
}

/** The "reminders" card. */
export async function reminderListCard(env: ViewEnv, ledger: Ledger, vouchers: readonly Voucher[], extras: Extras = {}): Promise<Card> {
  const { scope } = env;
  const today = organizationToday(scope.org.doc, env.now, env.defaultTimeZone);
  const reminders = scheduledReminders(env, vouchers);
  const entries = await ledger.listByKeys(scope.tenantId, reminders.map((r) => r.key));
  const byKey = new Map<string, LedgerEntry[]>();
  for (const e of entries) byKey.set(e.doc.reminderKey, [...(byKey.get(e.doc.reminderKey) ?? []), e.doc]);
  const byId = new Map(vouchers.map((v) => [v.id, v]));
  const items: ReminderListItemView[] = reminders.map((r) => {
    const s = r.subject;
    const voucher = s.type === 'voucher' ? byId.get(s.voucherId) : undefined;
    return {
      kind: r.kind,
      sendOn: r.sendableOn,
      dueDate: r.dueDate,
      ...stateOf(byKey.get(r.key) ?? [], scope.userId, r.sendableOn <= today),
      subject: {
        ...(s.type === 'voucher' ? { voucherNumber: s.voucherNumber } : {}),
        ...(voucher ? { customerName: voucher.customer.name } : {}),
        ...(s.type !== 'organization' ? { offeringName: offeringName(env.rules, s.offeringId) } : {}),
      },
    };
  });
  const roles = rolesOf(scope.org.doc, scope.userId);
  return buildReminderListCard(
    { days: REMINDER_LIST_DAYS, items, canTest: roles.includes('globalAdmin') || roles.includes('mpnPartnerAdmin') },
    scope.locale,
    { ...(extras.notice ? { notice: extras.notice } : {}), timeZone: scope.timeZone },
  );
}

/** What the test reminder shows: the organisation's nearest reminder, else an enrolment renewal example. */
export function testReminderSample(env: ViewEnv, vouchers: readonly Voucher[]): Record<string, unknown> {
  const [nearest] = scheduledReminders(env, vouchers);
  if (nearest) return JSON.parse(JSON.stringify(nearest)) as Record<string, unknown>;
  const today = organizationToday(env.scope.org.doc, env.now, env.defaultTimeZone);
  const offeringId = env.scope.org.doc.enrollments[0]?.offeringId ?? env.rules.catalogue.offerings[0]?.id ?? '';
  return { kind: 'enrollmentRenewal', subject: { type: 'offering', offeringId }, dueDate: addDays(today, 30), sendableOn: today };
}
