// The buttons of a proactive reminder (snooze it for a few days, mark it done) and the "send me a test
// reminder" action of the reminders list. A reminder is looked up in the caller's tenant, and a reminder
// sent to one person can only be handled by that person; one posted to a channel by someone with a role its
// action needs (or a Global admin / MPN partner admin). In the app these go through the running reminder
// service (the same ledger and sender the scan uses); without one (the bot tested alone) through the ledger.
import { z } from 'zod';
import { refusalNotice, type Notice } from '../../../cards';
import { checkRole, localDate, Role, type Voucher } from '../../program';
import type { Ledger, LedgerEntry } from '../../reminders/ledger';
import { nextSendTime, type BusinessHours } from '../../reminders/business-hours';
import type { ReminderService } from '../../reminders/service';
import type { Stored, VoucherRepository } from '../../store';
import { reminderCard, reminderListCard, testReminderSample } from '../reminders-view';
import { noticeCard, type Card, type ViewEnv } from '../views';
import { say } from '../say';
import { formatDate, t } from '../../i18n';
import { inputErrors, notFound } from './replies';
import type { VerbEnv, VerbHandler } from './verb';
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
  const { ledger, service } = deps;
  const hours = deps.businessHours ?? { start: 9, end: 17 };

  const mine = async (tenantId: string, userId: string, id: string) => {
    const entry = await ledger.read(tenantId, id);
    if (!entry) return undefined;
    const target = entry.doc.target;
    return target.kind === 'user' && target.userId !== userId ? undefined : entry;
  };

  /**
   * A reminder posted to a channel is seen by everyone there; only someone who may do what it asks (a role
   * its action needs), or a Global admin or MPN partner admin, may snooze it or mark it done.
   */
  const channelRefusal = (
    env: VerbEnv,
    entry: Stored<LedgerEntry>,
    command: 'reminder.snooze' | 'reminder.done',
  ) => {
    if (entry.doc.target.kind !== 'channel') return undefined;
    const action = ReminderAction.safeParse(entry.doc.payload.action);
    const roles = new Set<Role>(['mpnPartnerAdmin', ...(action.success ? action.data.roles : [])]);
    return checkRole(env.scope.org.doc, env.scope.actor, { command, roles: [...roles] });
  };

  /** The reminder card the person acted on, again (its action and link still there), with `notice` on top. */
  const reminderAnswer = (
    env: VerbEnv,
    entry: Stored<LedgerEntry>,
    notice: Notice,
    resolved = false,
  ): Promise<Card> => {
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
  };
  const failed = (env: VerbEnv): Notice => ({
    tone: 'warning',
    text: say(env.scope.locale, 'notice.notFound'),
  });

  return {
    snooze: async (env, data) => {
      const ref = ReminderRef.safeParse(data);
      if (!ref.success) return notFound(env);
      const entry = await mine(env.scope.tenantId, env.scope.userId, ref.data.reminderId);
      if (!entry) return notFound(env);
      const denied = channelRefusal(env, entry, 'reminder.snooze');
      if (denied)
        return {
          card: await reminderAnswer(
            env,
            entry,
            refusalNotice(env.scope.locale, [denied], env.scope.timeZone),
          ),
          changed: false,
        };
      const input = SnoozeInputs.safeParse(data);
      if (!input.success) {
        const extras = inputErrors(env, input.error, data);
        const notice: Notice = {
          ...(extras.notice ?? { tone: 'error', text: '' }),
          details: Object.values(extras.errors ?? {}),
        };
        return { card: await reminderAnswer(env, entry, notice), changed: false };
      }
      const forMs = input.data.snoozeDays * 86_400_000;
      const result = service
        ? await service.snooze(env.scope.tenantId, entry.doc.id, forMs, env.scope.userId)
        : await ledger.snooze(
            env.scope.tenantId,
            entry.doc.id,
            nextSendTime(new Date(env.now.getTime() + forMs), env.scope.timeZone, hours),
            env.scope.userId,
          );
      if (!result.ok) return { card: await reminderAnswer(env, entry, failed(env)), changed: false };
      const until = result.entry.doc.snoozedUntil ?? result.entry.doc.notBefore;
      const date = formatDate(env.scope.locale, localDate(new Date(until), env.scope.timeZone));
      const notice: Notice = {
        tone: 'success',
        text: t(env.scope.locale, 'reminder.snoozedNotice', { date }),
      };
      return { card: await reminderAnswer(env, result.entry, notice), changed: true };
    },
    done: async (env, data) => {
      const ref = ReminderRef.safeParse(data);
      if (!ref.success) return notFound(env);
      const entry = await mine(env.scope.tenantId, env.scope.userId, ref.data.reminderId);
      if (!entry) return notFound(env);
      const denied = channelRefusal(env, entry, 'reminder.done');
      if (denied)
        return {
          card: await reminderAnswer(
            env,
            entry,
            refusalNotice(env.scope.locale, [denied], env.scope.timeZone),
          ),
          changed: false,
        };
      const result = service
        ? await service.markDone(env.scope.tenantId, entry.doc.id, env.scope.userId)
        : await ledger.markDone(env.scope.tenantId, entry.doc.id, env.scope.userId);
      if (!result.ok && result.reason !== 'final')
        return { card: await reminderAnswer(env, entry, failed(env)), changed: false };
      const notice: Notice = { tone: 'success', text: t(env.scope.locale, 'reminder.doneNotice') };
      return {
        card: await reminderAnswer(env, result.ok ? result.entry : entry, notice, true),
        changed: result.ok,
      };
    },
    test: async (env) => {
      const { scope } = env;
      const vouchers = (await tenantVouchers(env)).map((s) => s.doc);
      const list = (notice: Parameters<typeof noticeCard>[1]) =>
        reminderListCard(env, ledger, vouchers, { notice });
      const denied = checkRole(scope.org.doc, scope.actor, {
        command: 'reminder.test',
        roles: ['mpnPartnerAdmin'],
      });
      if (denied)
        return { card: await list(refusalNotice(scope.locale, [denied], scope.timeZone)), changed: false };
      if (!service)
        return {
          card: await list({ tone: 'warning', text: t(scope.locale, 'reminderList.testUnavailable') }),
          changed: false,
        };
      const sent = await service.sendTest(
        scope.tenantId,
        scope.userId,
        testReminderSample(env, vouchers),
        scope.timeZone,
        scope.locale,
      );
      const notice = sent.ok
        ? ({ tone: 'success', text: t(scope.locale, 'reminderList.testSent') } as const)
        : ({
            tone: 'warning',
            text: t(
              scope.locale,
              sent.reason === 'noChat' ? 'reminderList.testNoChat' : 'reminderList.testUnavailable',
            ),
          } as const);
      return { card: await list(notice), changed: false };
    },
    list: (env, vouchers) => reminderListCard(env, ledger, vouchers),
  };
}
