// What every command needs besides its input: the rules, the injected clock, the organisation, and (for
// guards that look across vouchers) the tenant's other vouchers.
import { localDate } from './dates';
import type { Actor, AuditEntry, AuditValue, IsoDate, Organization, Rules, Voucher } from './model';
import type { z } from 'zod';

export interface OrgContext {
  rules: Rules;
  /** The injected clock. */
  now: Date;
  /** Time zone used when neither the person nor the organisation has one (config reminders.defaultTimeZone). */
  defaultTimeZone?: string;
  /** The tenant's vouchers, for guards that look across them (15-day rule, active voucher number, SAVB). */
  vouchers?: readonly Voucher[];
  /** Reads an instant's calendar date in a zone. Default `localDate`, which builds an Intl formatter per call
   *  (~50–100 µs outside UTC); a caller that keeps formatters per zone may pass its own. */
  localDate?: (instant: Date, timeZone: string) => IsoDate;
}

export interface VoucherContext extends OrgContext {
  org: Organization;
}

export function actorId(actor: Actor): string {
  return actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
}

/** The IANA time zone that decides a person's "today": their setting, else the organisation's, else the default. */
export function timeZoneOf(org: Organization, userId: string | undefined, defaultTimeZone = 'UTC'): string {
  const person = userId ? org.people.find((p) => p.userId === userId) : undefined;
  return person?.settings.timeZone ?? org.timeZone ?? defaultTimeZone;
}

/** The actor's calendar date now: a user's in their own time zone, the app's in the organisation's. */
export function actorToday(org: Organization, actor: Actor, ctx: OrgContext): IsoDate {
  const userId = actor.kind === 'user' ? actor.userId : undefined;
  return (ctx.localDate ?? localDate)(ctx.now, timeZoneOf(org, userId, ctx.defaultTimeZone));
}

/** The organisation's calendar date now (reminders, overviews). */
export function organizationToday(org: Organization, now: Date, defaultTimeZone = 'UTC'): IsoDate {
  return localDate(now, org.timeZone ?? defaultTimeZone);
}

/** A detail value of an audit entry; a list is stored comma-joined. */
export type AuditDetail = z.infer<typeof AuditValue> | readonly string[] | undefined;

/** What an audit entry says besides who and when: from → to, why, and details. */
export interface AuditNote {
  from?: string;
  to?: string;
  reason?: string;
  details?: Record<string, AuditDetail>;
}

export function auditEntry(actor: Actor, now: Date, action: string, note: AuditNote = {}): AuditEntry {
  const entry: AuditEntry = { at: now.toISOString(), by: actorId(actor), action };
  if (actor.kind === 'user' && actor.name) entry.byName = actor.name;
  if (note.from !== undefined) entry.from = note.from;
  if (note.to !== undefined) entry.to = note.to;
  if (note.reason !== undefined && note.reason !== '') entry.reason = note.reason;
  if (note.details) {
    const details: Record<string, z.infer<typeof AuditValue>> = {};
    for (const [k, v] of Object.entries(note.details)) {
      if (v === undefined) continue;
      details[k] = Array.isArray(v) ? v.join(',') : (v as z.infer<typeof AuditValue>);
    }
    if (Object.keys(details).length > 0) entry.details = details;
  }
  return entry;
}
