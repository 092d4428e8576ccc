// Reminders as people see them: the proactive reminder card in the recipient's language (the sender's
// renderer), the "reminders" list (what is scheduled for the next 30 days and the state of what is open),
// and the sample a "send me a test reminder" delivers.
import { CardFactory, type Activity } from 'botbuilder';
import {
  buildReminderCard,
  buildReminderListCard,
  type Notice,
  type ReminderListItemView,
} from '../../cards';
import { resolveLocale, t, type Locale } from '../i18n';
import {
  addDays,
  dueReminders,
  findPerson,
  localDate,
  organizationToday,
  rolesOf,
  upcomingReminders,
  type DueReminder,
  type ReminderSubject,
  type Rules,
  type Voucher,
} from '../program';
import { blockedKind, type Ledger, type LedgerEntry, type RenderContext, type RenderFn } from '../reminders';
import type { VoucherRepository } from '../store';
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

/** What the reminder card needs besides the reminder itself. */
export interface ReminderCardDeps {
  /** The store's voucher repository (current versions): the card names the voucher's customer. */
  vouchers: VoucherRepository;
  rules: Rules;
  now: () => Date;
}

/**
 * The reminder card in `locale`, with the voucher's customer and the offering's name looked up now. Snooze and
 * done carry the ledger entry id. With `notice` (the answer to snooze or done) that notice replaces the test
 * reminder's; `resolved` drops snooze and done (marked done).
 */
export async function reminderCard(
  deps: ReminderCardDeps,
  payload: Record<string, unknown>,
  locale: Locale,
  ctx: RenderContext,
  extras: { notice?: Notice; resolved?: boolean } = {},
): Promise<Card> {
  const subject = subjectOf(payload);
  const voucher =
    subject?.type === 'voucher' ? await deps.vouchers.get(ctx.tenantId, subject.voucherId) : undefined;
  const offeringId = subject && subject.type !== 'organization' ? subject.offeringId : undefined;
  const today = localDate(deps.now(), ctx.timeZone);
  const notice =
    extras.notice ??
    (payload.test === true ? ({ tone: 'info', text: t(locale, 'reminder.testNotice') } as const) : undefined);
  return buildReminderCard(
    {
      reminderId: ctx.entryId,
      kind: str(payload.kind) ?? 'unknown',
      dueDate: str(payload.dueDate) ?? today,
      today,
      ...(extras.resolved ? { resolved: true } : {}),
      subject: {
        ...(subject?.type === 'voucher'
          ? { voucherId: subject.voucherId, voucherNumber: subject.voucherNumber }
          : {}),
        ...(voucher ? { customerName: voucher.doc.customer.name } : {}),
        ...(offeringId ? { offeringId, offeringName: offeringName(deps.rules, offeringId) } : {}),
      },
    },
    locale,
    notice ? { notice } : undefined,
  );
}

/** The sender's renderer: the reminder card in `locale` (the recipient's choice, else their Teams locale). */
export function reminderRenderer(deps: ReminderCardDeps): RenderFn {
  return async (payload, rawLocale, ctx): Promise<Partial<Activity>> => {
    const locale = resolveLocale(rawLocale);
    const card = await reminderCard(deps, payload, locale, ctx);
    return { type: 'message', locale, attachments: [CardFactory.adaptiveCard(card)] };
  };
}

/** Reminders due now and those coming in the next `days`, one per key, due ones first. */
export function scheduledReminders(
  env: ViewEnv,
  vouchers: readonly Voucher[],
  days = REMINDER_LIST_DAYS,
): DueReminder[] {
  const org = env.scope.org.doc;
  const today = organizationToday(org, env.now, env.defaultTimeZone);
  const due = dueReminders(org, vouchers, env.rules, env.now, { defaultTimeZone: env.defaultTimeZone });
  const seen = new Set(due.map((r) => r.key));
  const coming = upcomingReminders(org, vouchers, env.rules, today, addDays(today, days)).filter(
    (r) => !seen.has(r.key),
  );
  return [...due, ...coming];
}

const STATE_ORDER: LedgerEntry['state'][] = [
  'sent',
  'snoozed',
  'claimed',
  'pending',
  'failed',
  'done',
  'dropped',
];

type ListState = Pick<ReminderListItemView, 'state' | 'snoozedUntil' | 'blocked'>;
type BlockedReason = NonNullable<ReminderListItemView['blocked']>['reason'];

function blockedReason(e: LedgerEntry): BlockedReason {
  const kind = blockedKind(e.blocked?.reason ?? '');
  return kind === 'noChat' && e.target.kind === 'channel' ? 'noChannelChat' : kind;
}

/**
 * One key's state for the list. A delivery still open that the sender could not make (nobody to send it to:
 * a person who never opened a chat with the bot, a removed app, a refused address) comes first, naming the
 * recipients and what to do: that is what an admin must act on. Otherwise the reader's own delivery if they
 * are a recipient, else the furthest one.
 */
function stateOf(entries: readonly LedgerEntry[], env: ViewEnv, dueNow: boolean): ListState {
  if (entries.length === 0) return { state: dueNow ? 'pending' : 'scheduled' };
  const { scope } = env;
  const stuck = entries.filter(
    (e) => e.blocked && (e.state === 'pending' || e.state === 'snoozed' || e.state === 'claimed'),
  );
  if (stuck.length > 0) {
    const reason = blockedReason(stuck[0]!);
    const to = stuck
      .filter((e) => blockedReason(e) === reason)
      .map((e) =>
        e.target.kind === 'user'
          ? (findPerson(scope.org.doc, e.target.userId)?.name ?? e.target.userId)
          : t(scope.locale, 'reminderList.programChannel'),
      );
    return { state: 'blocked', blocked: { to: [...new Set(to)], reason } };
  }
  const mine = entries.find((e) => e.target.kind === 'user' && e.target.userId === scope.userId);
  const pick =
    mine ?? [...entries].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state))[0]!;
  switch (pick.state) {
    case 'pending':
    case 'claimed':
      return { state: 'pending' };
    case 'snoozed':
      return {
        state: 'snoozed',
        ...(pick.snoozedUntil ? { snoozedUntil: localDate(new Date(pick.snoozedUntil), pick.timeZone) } : {}),
      };
    case 'sent':
      return { state: 'sent' };
    case 'failed':
      return { state: 'failed' };
    default:
      return { state: 'done' };
  }
}

/** The "reminders" card. */
export async function reminderListCard(
  env: ViewEnv,
  ledger: Ledger,
  vouchers: readonly Voucher[],
  extras: Extras = {},
): Promise<Card> {
  const { scope } = env;
  const today = organizationToday(scope.org.doc, env.now, env.defaultTimeZone);
  const reminders = scheduledReminders(env, vouchers);
  const entries = await ledger.listByKeys(
    scope.tenantId,
    reminders.map((r) => r.key),
  );
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
      ...stateOf(byKey.get(r.key) ?? [], env, r.sendableOn <= today),
      subject: {
        ...(s.type === 'voucher' ? { voucherNumber: s.voucherNumber } : {}),
        ...(voucher ? { customerName: voucher.customer.name } : {}),
        ...(s.type !== 'organization' ? { offeringName: offeringName(env.rules, s.offeringId) } : {}),
      },
    };
  });
  const roles = rolesOf(scope.org.doc, scope.userId);
  return buildReminderListCard(
    {
      days: REMINDER_LIST_DAYS,
      items,
      canTest: roles.includes('globalAdmin') || roles.includes('mpnPartnerAdmin'),
    },
    scope.locale,
    { ...(extras.notice ? { notice: extras.notice } : {}), timeZone: scope.timeZone },
  );
}

/** What the test reminder shows: the organisation's nearest reminder, else an enrolment renewal example. */
export function testReminderSample(env: ViewEnv, vouchers: readonly Voucher[]): Record<string, unknown> {
  const [nearest] = scheduledReminders(env, vouchers);
  if (nearest) return JSON.parse(JSON.stringify(nearest)) as Record<string, unknown>;
  const today = organizationToday(env.scope.org.doc, env.now, env.defaultTimeZone);
  const offeringId =
    env.scope.org.doc.enrollments[0]?.offeringId ?? env.rules.catalogue.offerings[0]?.id ?? '';
  return {
    kind: 'enrollmentRenewal',
    subject: { type: 'offering', offeringId },
    dueDate: addDays(today, 30),
    sendableOn: today,
  };
}
