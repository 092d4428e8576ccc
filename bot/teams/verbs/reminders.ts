// The buttons of a proactive reminder (snooze it for a few days, mark it done) and the "send me a test
// reminder" action of the reminders list. A reminder is looked up in the caller's tenant, and a reminder
// sent to one person can only be handled by that person; one posted to a channel by someone with a role its
// action needs (or a Global admin / MPN partner admin). In the app these go through the running reminder
// service (the same ledger and sender the scan uses); without one (the bot tested alone) through the ledger.
import { z } from 'zod';
import { refusalNotice, type Notice } from '../../../cards';
import { checkRole, localDate, Role, type Voucher } from '../../program';
import {
  nextSendTime,
  type Ledger,
  type LedgerEntry,
  type BusinessHours,
  type ReminderService,
} from '../../reminders';
import type { Stored, VoucherRepository } from '../../store';
import { reminderCard, reminderListCard, testReminderSample } from '../reminders-view';
import type { Card, ViewEnv } from '../views';
import { say } from '../say';
import { formatDate, t } from '../../i18n';
import { inputErrors, notFound } from './replies';
import type { VerbData, VerbEnv, VerbHandler, VerbReply } from './verb';
import { tenantVouchers } from './show';

const ReminderRef = z.object({ reminderId: z.string().min(1).max(512) });
const SnoozeInputs = z.object({ snoozeDays: z.coerce.number().int().min(1).max(30) });
/** The roles of the action a reminder asks for, as the domain stored it in the ledger payload. */
const ReminderAction = z.object({ roles: z.array(Role) });

/** What the verbs need of the running reminders (ReminderService). */
export type ReminderActions = Pick<ReminderService, 'snooze' | 'markDone' | 'sendTest'>;

export interface ReminderVerbDeps {
  /** The delivery ledger the running reminders use. */
  ledger: Ledger;
  /** The store's voucher repository (current versions), for the reminder card. */
  vouchers: VoucherRepository;
  /** When snoozed reminders may be delivered again (without `service`). */
  businessHours?: BusinessHours;
  /** The running reminders; without them snooze and done go to the ledger and no test reminder is sent. */
  service?: ReminderActions;
}

export interface ReminderVerbs {
  snooze: VerbHandler;
  done: VerbHandler;
  test: VerbHandler;
  /** The "reminders" card (free text "reminders"). */
  list(env: ViewEnv, vouchers: readonly Voucher[]): Promise<Card>;
}

export function reminderVerbs(deps: ReminderVerbDeps): ReminderVerbs {
  return {
    snooze: (env, data) => snooze(deps, env, data),
    done: (env, data) => markDone(deps, env, data),
    test: (env) => sendTest(deps, env),
    list: (env, vouchers) => reminderListCard(env, deps.ledger, vouchers),
  };
}

type Command = 'reminder.snooze' | 'reminder.done';

/**
 * The reminder the card names, if the caller may act on it: a reminder sent to one person only by that
 * person; one posted to a channel (seen by everyone there) only by someone with a role its action needs, or
 * a Global admin or MPN partner admin. Otherwise the answer to give.
 */
async function actionable(
  deps: ReminderVerbDeps,
  env: VerbEnv,
  data: VerbData,
  command: Command,
): Promise<{ entry: Stored<LedgerEntry> } | { reply: VerbReply }> {
  const { scope } = env;
  const ref = ReminderRef.safeParse(data);
  const entry = ref.success ? await deps.ledger.read(scope.tenantId, ref.data.reminderId) : undefined;
  const target = entry?.doc.target;
  if (!entry || !target || (target.kind === 'user' && target.userId !== scope.userId))
    return { reply: notFound(env) };
  if (target.kind !== 'channel') return { entry };
  const action = ReminderAction.safeParse(entry.doc.payload.action);
  const roles = new Set<Role>(['mpnPartnerAdmin', ...(action.success ? action.data.roles : [])]);
  const denied = checkRole(scope.org.doc, scope.actor, { command, roles: [...roles] });
  if (!denied) return { entry };
  const notice = refusalNotice(scope.locale, [denied], scope.timeZone);
  return { reply: { card: await reminderAnswer(deps, env, entry, notice), changed: false } };
}

/** The reminder card the person acted on, again (its action and link still there), with `notice` on top. */
function reminderAnswer(
  deps: ReminderVerbDeps,
  env: VerbEnv,
  entry: Stored<LedgerEntry>,
  notice: Notice,
  resolved = false,
): Promise<Card> {
  const { scope } = env;
  const ctx = {
    entryId: entry.doc.id,
    tenantId: scope.tenantId,
    target: entry.doc.target,
    timeZone: scope.timeZone,
  };
  return reminderCard(
    { vouchers: deps.vouchers, rules: env.rules, now: () => env.now },
    entry.doc.payload,
    scope.locale,
    ctx,
    { notice, ...(resolved ? { resolved } : {}) },
  );
}

const failed = (env: VerbEnv): Notice => ({
  tone: 'warning',
  text: say(env.scope.locale, 'notice.notFound'),
});

async function snooze(deps: ReminderVerbDeps, env: VerbEnv, data: VerbData): Promise<VerbReply> {
  const found = await actionable(deps, env, data, 'reminder.snooze');
  if ('reply' in found) return found.reply;
  const { entry } = found;
  const { scope } = env;
  const input = SnoozeInputs.safeParse(data);
  if (!input.success) {
    const extras = inputErrors(env, input.error, data);
    const notice: Notice = {
      ...(extras.notice ?? { tone: 'error', text: '' }),
      details: Object.values(extras.errors ?? {}),
    };
    return { card: await reminderAnswer(deps, env, entry, notice), changed: false };
  }
  const forMs = input.data.snoozeDays * 86_400_000;
  const hours = deps.businessHours ?? { start: 9, end: 17 };
  const result = deps.service
    ? await deps.service.snooze(scope.tenantId, entry.doc.id, forMs, scope.userId)
    : await deps.ledger.snooze(
        scope.tenantId,
        entry.doc.id,
        nextSendTime(new Date(env.now.getTime() + forMs), scope.timeZone, hours),
        scope.userId,
      );
  if (!result.ok) return { card: await reminderAnswer(deps, env, entry, failed(env)), changed: false };
  const until = result.entry.doc.snoozedUntil ?? result.entry.doc.notBefore;
  const date = formatDate(scope.locale, localDate(new Date(until), scope.timeZone));
  const notice: Notice = { tone: 'success', text: t(scope.locale, 'reminder.snoozedNotice', { date }) };
  return { card: await reminderAnswer(deps, env, result.entry, notice), changed: true };
}

async function markDone(deps: ReminderVerbDeps, env: VerbEnv, data: VerbData): Promise<VerbReply> {
  const found = await actionable(deps, env, data, 'reminder.done');
  if ('reply' in found) return found.reply;
  const { entry } = found;
  const { scope } = env;
  const result = deps.service
    ? await deps.service.markDone(scope.tenantId, entry.doc.id, scope.userId)
    : await deps.ledger.markDone(scope.tenantId, entry.doc.id, scope.userId);
  if (!result.ok && result.reason !== 'final')
    return { card: await reminderAnswer(deps, env, entry, failed(env)), changed: false };
  const notice: Notice = { tone: 'success', text: t(scope.locale, 'reminder.doneNotice') };
  return {
    card: await reminderAnswer(deps, env, result.ok ? result.entry : entry, notice, true),
    changed: result.ok,
  };
}

/** "Send me a test reminder" (Global admin, MPN partner admin): delivered at once by the running reminders. */
async function sendTest(deps: ReminderVerbDeps, env: VerbEnv): Promise<VerbReply> {
  const { scope } = env;
  const vouchers = (await tenantVouchers(env)).map((s) => s.doc);
  const list = async (notice: Notice): Promise<VerbReply> => ({
    card: await reminderListCard(env, deps.ledger, vouchers, { notice }),
    changed: false,
  });
  const denied = checkRole(scope.org.doc, scope.actor, {
    command: 'reminder.test',
    roles: ['mpnPartnerAdmin'],
  });
  if (denied) return list(refusalNotice(scope.locale, [denied], scope.timeZone));
  if (!deps.service) return list({ tone: 'warning', text: t(scope.locale, 'reminderList.testUnavailable') });
  const sent = await deps.service.sendTest(
    scope.tenantId,
    scope.userId,
    testReminderSample(env, vouchers),
    scope.timeZone,
    scope.locale,
  );
  if (sent.ok) return list({ tone: 'success', text: t(scope.locale, 'reminderList.testSent') });
  const why = sent.reason === 'noChat' ? 'reminderList.testNoChat' : 'reminderList.testUnavailable';
  return list({ tone: 'warning', text: t(scope.locale, why) });
}
