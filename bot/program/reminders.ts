// Proactive messages (PRODUCT.md §5): which reminders are due now, to whom, with a deterministic key.
// The scanner sends each key once (delivery ledger), inside the recipient's business hours.
import { timeZoneOf } from './context';
import { addDays, localDateReader } from './dates';
import type {
  DueReminder,
  IsoDate,
  Organization,
  ReminderKind,
  ReminderSubject,
  Rules,
  Voucher,
} from './model';
import { allSeries, type OrganizationDateOf, type Series } from './reminder-series';

/** How long after its send day a reminder whose offset is the last one (and ≥ 0) is still worth sending. */
export const CATCH_UP_DAYS = 7;

export interface ReminderOptions {
  /** Time zone deciding the organisation's "today" when it has none of its own. */
  defaultTimeZone?: string;
}

function subjectId(s: ReminderSubject): string {
  return s.type === 'voucher' ? s.voucherId : s.type === 'offering' ? s.offeringId : 'organization';
}

export function reminderKey(
  kind: ReminderKind,
  subject: ReminderSubject,
  dueDate: IsoDate,
  offset: number,
): string {
  return `${kind}:${subjectId(subject)}:${dueDate}:${offset}`;
}

/** The series' reminder current on `today`: the latest offset reached (a missed earlier one is superseded). The
 *  last offset stays current until the due date (negative offsets) or for CATCH_UP_DAYS (offsets ≥ 0). */
function currentReminder(series: Series, today: IsoDate): DueReminder | undefined {
  const offsets = [...new Set(series.offsets)].sort((a, b) => a - b);
  let picked: number | undefined;
  for (const o of offsets) if (addDays(series.dueDate, o) <= today) picked = o;
  if (picked === undefined) return undefined;
  const last = offsets[offsets.length - 1] as number;
  if (picked === last) {
    const until = last < 0 ? series.dueDate : addDays(addDays(series.dueDate, last), CATCH_UP_DAYS);
    if (today > until) return undefined;
  }
  if (series.recipients.length === 0 && !series.toProgramChannel) return undefined;
  return {
    key: reminderKey(series.kind, series.subject, series.dueDate, picked),
    kind: series.kind,
    subject: series.subject,
    dueDate: series.dueDate,
    offsetDays: picked,
    sendableOn: addDays(series.dueDate, picked),
    recipients: series.recipients,
    toProgramChannel: series.toProgramChannel,
    action: series.action,
  };
}

/** Reads instants in the organisation's time zone; its Intl formatter is built on first use only. */
function organizationDateOf(org: Organization, defaultTimeZone: string | undefined): OrganizationDateOf {
  let read: OrganizationDateOf | undefined;
  return (instant) => (read ??= localDateReader(timeZoneOf(org, undefined, defaultTimeZone)))(instant);
}

/**
 * Reminders to send now. Same inputs → same reminders and keys; a reminder whose cause is resolved (voucher
 * reserved, enrolment renewed, payment requested, …) is simply not produced. Sorted by key.
 */
export function dueReminders(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  now: Date,
  options: ReminderOptions = {},
): DueReminder[] {
  const dateOf = organizationDateOf(org, options.defaultTimeZone);
  const today = dateOf(now);
  return allSeries(org, vouchers, rules, dateOf)
    .map((s) => currentReminder(s, today))
    .filter((r): r is DueReminder => r !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every future send day of every unresolved series (for the tab's "next 30 days" and for tests). */
export function upcomingReminders(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  from: IsoDate,
  to: IsoDate,
  options: ReminderOptions = {},
): DueReminder[] {
  const out: DueReminder[] = [];
  for (const s of allSeries(org, vouchers, rules, organizationDateOf(org, options.defaultTimeZone))) {
    for (const o of s.offsets) {
      const day = addDays(s.dueDate, o);
      if (day < from || day > to) continue;
      const r = currentReminder(s, day);
      if (r && r.offsetDays === o) out.push(r);
    }
  }
  return out.sort((a, b) =>
    a.sendableOn < b.sendableOn ? -1 : a.sendableOn > b.sendableOn ? 1 : a.key < b.key ? -1 : 1,
  );
}
