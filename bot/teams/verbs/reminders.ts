// The two buttons of a proactive reminder: snooze it for a few days, or mark it done. The reminder is looked
// up in the caller's tenant, and a reminder sent to one person can only be handled by that person.
import { z } from 'zod';
import { savedNotice } from '../../../cards';
import { Ledger } from '../../reminders/ledger';
import { nextSendTime, type BusinessHours } from '../../reminders/business-hours';
import type { Store } from '../../store';
import { noticeCard } from '../views';
import { say } from '../say';
import { inputErrors, notFound, type VerbHandler } from './kit';

const ReminderRef = z.object({ reminderId: z.string().min(1).max(512) });
const SnoozeInputs = z.object({ snoozeDays: z.coerce.number().int().min(1).max(30) });

export interface ReminderVerbs {
  snooze: VerbHandler;
  done: VerbHandler;
}

export function reminderVerbs(store: Pick<Store, 'containers'>, hours: BusinessHours = { start: 9, end: 17 }): ReminderVerbs {
  const ledger = new Ledger(store);

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
      const until = nextSendTime(new Date(env.now.getTime() + input.data.snoozeDays * 86_400_000), env.scope.timeZone, hours);
      const result = await ledger.snooze(env.scope.tenantId, entry.doc.id, until, env.scope.userId);
      return { card: answer(env.scope.locale, result.ok), changed: result.ok };
    },
    done: async (env, data) => {
      const ref = ReminderRef.safeParse(data);
      if (!ref.success) return notFound(env);
      const entry = await mine(env.scope.tenantId, env.scope.userId, ref.data.reminderId);
      if (!entry) return notFound(env);
      const result = await ledger.markDone(env.scope.tenantId, entry.doc.id, env.scope.userId);
      return { card: answer(env.scope.locale, result.ok || result.reason === 'final'), changed: result.ok };
    },
  };
}
