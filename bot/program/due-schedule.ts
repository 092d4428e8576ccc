// When a tenant next has due work (PRODUCT.md §5, §11): the first local day on which a voucher expires or a
// reminder series reaches its next offset. The due index keeps this per tenant so a scan reads only due tenants.
import { timeZoneOf } from './context';
import { addDays, localDateReader } from './dates';
import { voucherExpiryDate } from './deadlines';
import type { IsoDate, Organization, Rules, Voucher } from './model';
import { allSeries } from './reminder-series';
import { dueReminders } from './reminders';
import { EXPIRABLE_STATES } from './transitions';

export interface DueScheduleOptions {
  /** Time zone deciding the organisation's "today" when it has none of its own. */
  defaultTimeZone?: string;
  /** Reminders count as due work (false when the reminder scan is off: only expiry is). */
  reminders: boolean;
}

export interface DueSchedule {
  /** Something is due at `now` already: an overdue voucher, or (with reminders) a reminder current today. */
  dueNow: boolean;
  /** The start of the first later local day with new due work; undefined when nothing is ever due. */
  nextAt: Date | undefined;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The first instant (to the minute) whose local date is `day`, found by bisection (DST and :30 zones too). */
export function startOfLocalDay(day: IsoDate, dateOf: (instant: Date) => IsoDate): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Local midnight lies between UTC+14 and UTC-12: one bound is before the day, the other inside it.
  let lo = midnightUtc - 15 * HOUR_MS;
  let hi = midnightUtc + 13 * HOUR_MS;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (dateOf(new Date(mid)) >= day) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The tenant's due work at `now` over the documents given (all of its vouchers for an exact answer; one just
 * written for a bound). Pure: the same documents and `now` give the same schedule.
 */
export function dueSchedule(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  now: Date,
  options: DueScheduleOptions,
): DueSchedule {
  const dateOf = localDateReader(timeZoneOf(org, undefined, options.defaultTimeZone));
  const today = dateOf(now);
  let dueNow = false;
  let next: IsoDate | undefined;
  const consider = (day: IsoDate): void => {
    if (day <= today) return;
    if (next === undefined || day < next) next = day;
  };
  for (const v of vouchers) {
    if (!EXPIRABLE_STATES.includes(v.state)) continue;
    const expiry = voucherExpiryDate(v, rules);
    if (!expiry) continue;
    // Expired on the day after its last valid day.
    const expiresOn = addDays(expiry, 1);
    if (expiresOn <= today) dueNow = true;
    else consider(expiresOn);
  }
  if (options.reminders) {
    for (const s of allSeries(org, vouchers, rules, dateOf))
      for (const o of s.offsets) consider(addDays(s.dueDate, o));
    if (!dueNow)
      dueNow =
        dueReminders(org, vouchers, rules, now, { defaultTimeZone: options.defaultTimeZone }).length > 0;
  }
  return { dueNow, nextAt: next === undefined ? undefined : startOfLocalDay(next, dateOf) };
}
