// Keeps the due index following every change: after each write of an organisation or a voucher, the tenant's
// next due time is brought down to what the written document alone makes due (never up: the scan that works
// the tenant recomputes it exactly from all its documents).
import { dueSchedule, type Organization, type Rules } from '../program';
import type { Logger } from '../logger';
import type { Stored, WriteObserver, WrittenDocument } from '../store';
import type { DueIndex } from './due-index';

export interface DueOnWriteDeps {
  index: DueIndex;
  /** The tenant's organisation (a copy a few seconds old will do: it only gives the time zone and roles). */
  organization: (tenantId: string) => Promise<Stored<Organization> | undefined>;
  rules: Rules;
  defaultTimeZone: string;
  /** Whether reminders count as due work (REMINDERS_ENABLED). */
  reminders: boolean;
  /** A tenant with nothing due is looked at again after this long at the latest. */
  maxIdleMs: number;
  now: () => Date;
  logger?: Logger;
}

/** When the written document makes its tenant due: now, a later day's start, or at the latest `maxIdleMs`. */
export async function dueAfterWrite(deps: DueOnWriteDeps, written: WrittenDocument): Promise<Date> {
  const now = deps.now();
  const org =
    written.container === 'organizations' ? written.doc : (await deps.organization(written.tenantId))?.doc;
  // Without an organisation there is nothing to read the day from: let the scan look now.
  if (!org) return now;
  const vouchers = written.container === 'vouchers' ? [written.doc] : [];
  const schedule = dueSchedule(org, vouchers, deps.rules, now, {
    reminders: deps.reminders,
    defaultTimeZone: deps.defaultTimeZone,
  });
  if (schedule.dueNow) return now;
  const latest = now.getTime() + deps.maxIdleMs;
  return new Date(Math.min(schedule.nextAt?.getTime() ?? latest, latest));
}

/** The observer the reminders add to Store.writes. A failure is logged; the scan's safety net catches up. */
export function dueOnWrite(deps: DueOnWriteDeps): WriteObserver {
  return async (written) => {
    try {
      await deps.index.lower(written.tenantId, await dueAfterWrite(deps, written));
    } catch (err) {
      deps.logger?.error({ err, tenantId: written.tenantId }, 'due index not updated after a write');
    }
  };
}
