// The reminder scan: every `scanSeconds` it loads each organisation and its vouchers, asks the domain which
// reminders are due, enqueues one ledger entry per reminder and recipient (the personal chat of each person
// who must act, plus the program channel when asked), drops open entries whose cause was resolved, and hands
// what is due to the sender. Delivery waits for business hours in the recipient's time zone, except that a
// reminder before its due date is never pushed past that date by them (see sendTimeBy): the domain stops
// listing it after its due date, so waiting for Monday would lose Saturday's "expires tomorrow". Several
// instances may scan the same database at once: enqueueing is create-only and sending claims by ETag, so
// nothing is sent twice.
import type { Logger } from '../logger';
import { nextSendTime, sendTimeBy, type BusinessHours } from './business-hours';
import { ledgerId, type ActionResult, type DeliveryTarget, type Ledger } from './ledger';
import type { ReferenceStore } from './references';
import type { ReminderSender } from './sender';

/** The parts of the domain's DueReminder (bot/program) the scheduler relies on. */
export interface SchedulerReminder {
  /** Deterministic: the same cause, due date and offset always give the same key. */
  key: string;
  /** User ids (Entra object ids) of the people who must act. */
  recipients: readonly string[];
  toProgramChannel: boolean;
  /** First local calendar day (`YYYY-MM-DD`) it may be sent. */
  sendableOn: string;
  /** The day it is about (`YYYY-MM-DD`); a reminder sendable before it must go out by then. */
  dueDate?: string;
}

/** The parts of the domain's Organization the scheduler relies on. */
export interface SchedulerOrganization {
  tenantId: string;
  timeZone?: string;
  programChannel?: { channelId: string; teamId?: string };
  people?: readonly { userId: string; settings?: { locale?: string; timeZone?: string } }[];
}

export type DueRemindersFn<O, V, Ru, R> = (org: O, vouchers: V[], rules: Ru, now: Date) => readonly R[];

export interface SchedulerOptions<O extends SchedulerOrganization, V, Ru, R extends SchedulerReminder> {
  loadOrganizations: () => Promise<readonly O[]>;
  /** One tenant's organisation (for scanTenant); default: looked up in loadOrganizations(). */
  loadOrganization?: (tenantId: string) => Promise<O | undefined>;
  /** The tenant's vouchers; the loader may also bring them up to date first (the app expires overdue ones). */
  loadVouchers: (tenantId: string, org: O) => Promise<V[]>;
  dueReminders: DueRemindersFn<O, V, Ru, R>;
  /** The program rules, or a function returning the current ones. */
  rules: Ru | (() => Ru);
  ledger: Ledger;
  references: ReferenceStore;
  sender: ReminderSender;
  scanSeconds: number;
  defaultTimeZone: string;
  businessHours: BusinessHours;
  now?: () => number;
  logger?: Logger;
  /** What is stored for the renderer (default: the reminder itself). */
  toPayload?: (reminder: R) => Record<string, unknown>;
}

const OPEN_STATES = new Set<string>(['pending', 'snoozed', 'claimed']);

export interface ScanSummary {
  tenants: number;
  due: number;
  enqueued: number;
  dropped: number;
  submitted: number;
  errors: number;
}

export class ReminderScheduler<O extends SchedulerOrganization, V, Ru, R extends SchedulerReminder> {
  private timer: ReturnType<typeof setInterval> | undefined;
  private scanning: Promise<ScanSummary> | undefined;
  private readonly now: () => number;

  constructor(private readonly o: SchedulerOptions<O, V, Ru, R>) {
    this.now = o.now ?? (() => Date.now());
  }

  /** Scans now and then every `scanSeconds`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.scanOnce(), this.o.scanSeconds * 1000);
    this.timer.unref?.();
    void this.scanOnce();
  }

  /** Stops scanning, waits for a scan in progress, then stops the sender (recording sends in flight). */
  async stop(options: { stopSender?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.scanning?.catch(() => undefined);
    if (options.stopSender ?? true) await this.o.sender.stop();
  }

  /** One scan over every organisation. A scan already running is not doubled: its result is shared. */
  scanOnce(): Promise<ScanSummary> {
    if (!this.scanning) {
      this.scanning = this.scan().finally(() => {
        this.scanning = undefined;
      });
    }
    return this.scanning;
  }

  private async scan(): Promise<ScanSummary> {
    const summary: ScanSummary = { tenants: 0, due: 0, enqueued: 0, dropped: 0, submitted: 0, errors: 0 };
    let orgs: readonly O[];
    try {
      orgs = await this.o.loadOrganizations();
    } catch (err) {
      this.o.logger?.error({ err }, 'reminder scan could not load organisations');
      summary.errors++;
      return summary;
    }
    for (const org of orgs) {
      summary.tenants++;
      try {
        await this.scanOrganization(org, summary);
      } catch (err) {
        summary.errors++;
        this.o.logger?.error({ err, tenantId: org.tenantId }, 'reminder scan failed for a tenant');
      }
    }
    this.o.logger?.debug({ ...summary }, 'reminder scan done');
    return summary;
  }

  /**
   * Scans one tenant now, outside the interval (news such as a recorded payment goes out at once). Runs
   * beside a full scan safely: enqueueing is create-only and sending claims by ETag.
   */
  async scanTenant(tenantId: string): Promise<ScanSummary> {
    const summary: ScanSummary = { tenants: 0, due: 0, enqueued: 0, dropped: 0, submitted: 0, errors: 0 };
    try {
      const org = this.o.loadOrganization
        ? await this.o.loadOrganization(tenantId)
        : (await this.o.loadOrganizations()).find((o) => o.tenantId === tenantId);
      if (!org) return summary;
      summary.tenants++;
      await this.scanOrganization(org, summary);
    } catch (err) {
      summary.errors++;
      this.o.logger?.error({ err, tenantId }, 'reminder scan failed for a tenant');
    }
    return summary;
  }

  private async scanOrganization(org: O, summary: ScanSummary): Promise<void> {
    const { ledger, sender } = this.o;
    const tenantId = org.tenantId;
    const now = new Date(this.now());
    const vouchers = await this.o.loadVouchers(tenantId, org);
    const rules = typeof this.o.rules === 'function' ? (this.o.rules as () => Ru)() : this.o.rules;
    const due = this.o.dueReminders(org, vouchers, rules, now);
    const dueKeys = new Set<string>();
    // One ledger query per scan of a tenant: the entries of what is due (most were enqueued by an earlier
    // scan, so no read and refused create per reminder and recipient) and every open entry.
    const listed = await ledger.listForScan(
      tenantId,
      due.map((r) => r.key),
    );
    const known = new Set(listed.map((e) => e.doc.id));
    let open = listed.filter((e) => OPEN_STATES.has(e.doc.state));
    let raced = false;
    const whereabouts = new Map<string, Promise<{ timeZone: string; locale?: string }>>();

    for (const reminder of due) {
      summary.due++;
      dueKeys.add(reminder.key);
      let payload: Record<string, unknown> | undefined;
      for (const target of this.targets(org, reminder)) {
        if (known.has(ledgerId(reminder.key, target))) continue;
        payload ??= this.o.toPayload
          ? this.o.toPayload(reminder)
          : (JSON.parse(JSON.stringify(reminder)) as Record<string, unknown>);
        const who = target.kind === 'user' ? `u:${target.userId}` : `c:${target.channelId}`;
        if (!whereabouts.has(who)) whereabouts.set(who, this.whereabouts(org, target));
        const { timeZone, locale } = await (whereabouts.get(who) as Promise<{
          timeZone: string;
          locale?: string;
        }>);
        const sendBy =
          reminder.dueDate && reminder.sendableOn < reminder.dueDate ? reminder.dueDate : undefined;
        const notBefore = sendTimeBy(now, timeZone, this.o.businessHours, sendBy, reminder.sendableOn);
        const res = await ledger.enqueue({
          tenantId,
          reminderKey: reminder.key,
          target,
          payload,
          timeZone,
          locale,
          notBefore,
          ...(sendBy ? { sendBy } : {}),
        });
        if (res.created) summary.enqueued++;
        else raced = true;
        if (res.entry && OPEN_STATES.has(res.entry.doc.state)) open.push(res.entry);
      }
    }
    // Another instance enqueued some of these at the same moment: look again, so both share the sending.
    if (raced) open = await ledger.listOpen(tenantId);

    // A cause resolved since it was enqueued: the domain no longer lists it. Claimed entries are in flight;
    // a test reminder someone asked for has no cause in the domain and lives until it is delivered.
    const dropped = new Set<string>();
    for (const entry of open) {
      if (
        dueKeys.has(entry.doc.reminderKey) ||
        entry.doc.state === 'claimed' ||
        entry.doc.payload.test === true
      )
        continue;
      if (await ledger.drop(entry, 'resolved')) {
        summary.dropped++;
        dropped.add(entry.doc.id);
      }
    }

    const nowMs = now.getTime();
    const ready = open
      .filter((e) => !dropped.has(e.doc.id) && ledger.isClaimable(e.doc, nowMs))
      .sort((a, b) => (a.doc.notBefore < b.doc.notBefore ? -1 : a.doc.notBefore > b.doc.notBefore ? 1 : 0));
    for (const entry of ready) {
      sender.submit(tenantId, entry.doc.id, undefined, entry);
      summary.submitted++;
    }
  }

  private targets(org: O, reminder: R): DeliveryTarget[] {
    const out: DeliveryTarget[] = [...new Set(reminder.recipients)].map((userId) => ({
      kind: 'user',
      userId,
    }));
    if (reminder.toProgramChannel && org.programChannel)
      out.push({ kind: 'channel', channelId: org.programChannel.channelId });
    return out;
  }

  /** Time zone and explicit language for a recipient: their own setting, then Teams', then the organisation's, then the default. */
  private async whereabouts(org: O, target: DeliveryTarget): Promise<{ timeZone: string; locale?: string }> {
    const fallback = org.timeZone ?? this.o.defaultTimeZone;
    if (target.kind === 'channel') return { timeZone: fallback };
    const person = org.people?.find((p) => p.userId === target.userId);
    if (person?.settings?.timeZone)
      return { timeZone: person.settings.timeZone, locale: person.settings.locale };
    const ref = await this.o.references.get(org.tenantId, { kind: 'user', userId: target.userId });
    return { timeZone: ref?.doc.timeZone ?? fallback, locale: person?.settings?.locale };
  }

  /** The card action reminder.snooze: deliver again after `forMs`, at the next business-hours moment. */
  async snooze(tenantId: string, entryId: string, forMs: number, by: string): Promise<ActionResult> {
    const current = await this.o.ledger.read(tenantId, entryId);
    if (!current) return { ok: false, reason: 'notFound' };
    const until = nextSendTime(new Date(this.now() + forMs), current.doc.timeZone, this.o.businessHours);
    const res = await this.o.ledger.snooze(tenantId, entryId, until, by);
    if (res.ok) this.o.sender.submit(tenantId, entryId, until.getTime());
    return res;
  }

  /** The card action reminder.done. */
  async markDone(tenantId: string, entryId: string, by: string): Promise<ActionResult> {
    return this.o.ledger.markDone(tenantId, entryId, by);
  }

  /** The ledger id of a reminder for a recipient (what a card action carries). */
  static entryId(reminderKey: string, target: DeliveryTarget): string {
    return ledgerId(reminderKey, target);
  }
}
