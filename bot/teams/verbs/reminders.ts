// The buttons of a proactive reminder (snooze it for a few days, mark it done) and the "send me a test
// reminder" action of the reminders list. A reminder is looked up in the caller's tenant, and a reminder
// sent to one person can only be handled by that person. In the app these go through the running reminder
// service (the same ledger and sender the scan uses); without one (tests of the bot alone) through a ledger
// of their own.
import { z } from 'zod';
import { refusalNotice, savedNotice } from '../../../cards';
import { checkRole, type Voucher } from '../../program';
import { Ledger } from '../../reminders/ledger';
import { nextSendTime, type BusinessHours } from '../../reminders/business-hours';
import type { ReminderService } from '../../reminders/service';
import type { Store } from '../../store';
import { reminderListCard, testReminderSample } from '../reminders-view';
import { noticeCard, type Card, type ViewEnv } from '../views';
import { say } from '../say';
import { t } from '../../i18n';
import { inputErrors, notFound, type VerbHandler } from './kit';
import { tenantVouchers } from './show';

const ReminderRef = z.object({ reminderId: z.string().min(1).max(512) });
const SnoozeInputs = z.object({ snoozeDays: z.coerce.number().int().min(1).max(30) });

/** What the verbs need of the running reminders (ReminderService). */
export type ReminderActions = Pick<ReminderService, 'ledger' | 'snooze' | 'markDone' | 'sendTest'>;

export interface ReminderVerbs {
  snooze: VerbHandler;
  done: VerbHandler;
  test: VerbHandler;
  /** The "reminders" card (free text "reminders"). */
  list(env: ViewEnv, vouchers: readonly Voucher[]): Promise<Card>;
}

export function reminderVerbs(
  store: Pick<Store, 'containers'>,
  hours: BusinessHours = { start: 9, end: 17 },
  service?: ReminderActions,
): ReminderVerbs {
  const ledger = service?.ledger ?? new Ledger(store);

  const mine = async (tenantId: string, userId: string, id: string) => {
    const entry = await ledger.read(tenantId, id);
    if (!entry) return undefined;
    const target = entry.doc.target;
    return target.kind === 'user' && target.userId !== userId ? undefined : entry;
  };

  const answer = (locale: Parameters<typeof savedNotice>[0], ok: boolean) =>
    noticeCard(locale, ok ? savedNotice(locale) : { tone: 'warning', text: say(locale, 'notice.notFound') });

  return {
    snooze: async (env, data) => {
      const ref = ReminderRef.safeParse(data);
      if (!ref.success) return notFound(env);
      const entry = await mine(env.scope.tenantId, env.scope.userId, ref.data.reminderId);
      if (!entry) return notFound(env);
      const input = SnoozeInputs.safeParse(data);
      if (!input.success) {
        const extras = inputErrors(env, input.error, data);
        return { card: noticeCard(env.scope.locale, { ...(extras.notice ?? { tone: 'error', text: '' }), details: Object.values(extras.errors ?? {}) }), changed: false };
      }
      const forMs = input.data.snoozeDays * 86_400_000;
      const result = service
        ? await service.snooze(env.scope.tenantId, entry.doc.id, forMs, env.scope.userId)
        : await ledger.snooze(env.scope.tenantId, entry.doc.id, nextSendTime(new Date(env.now.getTime() + forMs), env.scope.timeZone, hours), env.scope.userId);
      return { card: answer(env.scope.locale, result.ok), changed: result.ok };
    },
    done: async (env, data) => {
      const ref = ReminderRef.safeParse(data);
      if (!ref.success) return notFound(env);
      const entry = await mine(env.scope.tenantId, env.scope.userId, ref.data.reminderId);
      if (!entry) return notFound(env);
      const result = service
        ? await service.markDone(env.scope.tenantId, entry.doc.id, env.scope.userId)
        : await ledger.markDone(env.scope.tenantId, entry.doc.id, env.scope.userId);
      return { card: answer(env.scope.locale, result.ok || result.reason === 'final'), changed: result.ok };
    },
    test: async (env) => {
      const { scope } = env;
      const vouchers = (await tenantVouchers(env)).map((s) => s.doc);
      const list = (notice: Parameters<typeof noticeCard>[1]) => reminderListCard(env, ledger, vouchers, { notice });
      const denied = checkRole(scope.org.doc, scope.actor, { command: 'reminder.test', roles: ['mpnPartnerAdmin'] });
      if (denied) return { card: await list(refusalNotice(scope.locale, [denied], scope.timeZone)), changed: false };
      if (!service) return { card: await list({ tone: 'warning', text: t(scope.locale, 'reminderList.testUnavailable') }), changed: false };
      const sent = await service.sendTest(scope.tenantId, scope.userId, testReminderSample(env, vouchers), scope.timeZone, scope.locale);
      const notice = sent.ok
        ? ({ tone: 'success', text: t(scope.locale, 'reminderList.testSent') } as const)
        : ({ tone: 'warning', text: t(scope.locale, sent.reason === 'noChat' ? 'reminderList.testNoChat' : 'reminderList.testUnavailable') } as const);
      return { card: await list(notice), changed: false };
    },
    list: (env, vouchers) => reminderListCard(env, ledger, vouchers),
  };
}
