// The reminder scan: per tenant, one ledger entry per due reminder and recipient, open entries whose cause was
// resolved dropped, and what is due handed to the sender. Enqueueing is create-only and sending claims by ETag.
import type { Logger } from '../logger';
import type { DueReminder, Organization } from '../program';
import { StoreUnavailable, type Stored } from '../store';
import { nextSendTime, sendTimeBy, type BusinessHours } from './business-hours';
import { ledgerId, type ActionResult, type DeliveryTarget, type Ledger, type LedgerEntry } from './ledger';
import type { ReferenceStore } from './references';
import type { ReminderSender } from './sender';
import { RepeatingRun, type TenantJob } from './timed-job';

export interface ReminderSchedulerDeps {
  /** Every tenant's organisation (a full scan). */
  listOrganizations: () => Promise<readonly Organization[]>;
  /** One tenant's organisation (a scan of that tenant). */
  getOrganization: (tenantId: string) => Promise<Organization | undefined>;
  /** What the domain says is due for the organisation at `now`, over its vouchers as they are then. */
  dueReminders: (org: Organization, now: Date) => Promise<readonly DueReminder[]>;
  ledger: Ledger;
  references: ReferenceStore;
  sender: ReminderSender;
  businessHours: BusinessHours;
  /** The time zone of an organisation (and its people) with none of their own. */
  defaultTimeZone: string;
  scanSeconds: number;
  now?: () => number;
  logger?: Logger;
}

export interface ScanSummary {
  tenants: number;
  due: number;
  enqueued: number;
  dropped: number;
  submitted: number;
  errors: number;
}

/** Where a recipient is in time and which language they chose (absent: their Teams locale at send time). */
export interface RecipientTimeZoneAndLocale {
  timeZone: string;
  locale?: string;
}

const OPEN_STATES = new Set<string>(['pending', 'snoozed', 'claimed']);

const emptySummary = (): ScanSummary => ({
  tenants: 0,
  due: 0,
  enqueued: 0,
  dropped: 0,
  submitted: 0,
  errors: 0,
});

export class ReminderScheduler implements TenantJob {
  readonly name = 'reminders';
  private readonly repeating: RepeatingRun<ScanSummary>;
  private readonly now: () => number;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.repeating = new RepeatingRun(() => this.scanAll(), deps.scanSeconds);
  }

  /** Scans now and then every `scanSeconds`. */
  start(): void {
    this.repeating.start();
  }

  /** Stops scanning, waits for a scan in progress, then stops the sender (recording sends in flight). */
  async stop(options: { stopSender?: boolean } = {}): Promise<void> {
    await this.repeating.stop();
    if (options.stopSender ?? true) await this.deps.sender.stop();
  }

  /** One scan over every organisation. A scan already running is not doubled: its result is shared. */
  scanOnce(): Promise<ScanSummary> {
    return this.repeating.once();
  }

  /**
   * Scans one tenant outside the interval (news such as a recorded payment goes out at once). Runs beside a
   * full scan safely: enqueueing is create-only and sending claims by ETag.
   */
  async runTenant(tenantId: string, now = new Date(this.now())): Promise<ScanSummary> {
    const summary = emptySummary();
    try {
      const org = await this.deps.getOrganization(tenantId);
      if (!org) return summary;
      summary.tenants++;
      await this.scanOrganization(org, now, summary);
    } catch (err) {
      summary.errors++;
      this.deps.logger?.error({ err, tenantId }, 'reminder scan failed for a tenant');
    }
    return summary;
  }

  /** The card action reminder.snooze: deliver again after `forMs`, at the next business-hours moment. */
  async snooze(tenantId: string, entryId: string, forMs: number, by: string): Promise<ActionResult> {
    const { ledger, sender, businessHours } = this.deps;
    const current = await ledger.read(tenantId, entryId);
    if (!current) return { ok: false, reason: 'notFound' };
    const until = nextSendTime(new Date(this.now() + forMs), current.doc.timeZone, businessHours);
    const res = await ledger.snooze(tenantId, entryId, until, by);
    if (res.ok) sender.submit(tenantId, entryId, until.getTime());
    return res;
  }

  /** The card action reminder.done. */
  async markDone(tenantId: string, entryId: string, by: string): Promise<ActionResult> {
    return this.deps.ledger.markDone(tenantId, entryId, by);
  }

  private async scanAll(): Promise<ScanSummary> {
    const summary = emptySummary();
    let orgs: readonly Organization[];
    try {
      orgs = await this.deps.listOrganizations();
    } catch (err) {
      this.deps.logger?.error({ err }, 'reminder scan could not load organisations');
      summary.errors++;
      return summary;
    }
    for (const org of orgs) {
      summary.tenants++;
      try {
        await this.scanOrganization(org, new Date(this.now()), summary);
      } catch (err) {
        summary.errors++;
        // A database that does not answer: the rest waits for the next interval instead of each tenant
        // costing a full time budget (the ledger keeps what is pending; nothing is lost).
        if (err instanceof StoreUnavailable) {
          this.deps.logger?.warn({ err, tenantId: org.tenantId }, 'reminder scan deferred: database busy');
          break;
        }
        this.deps.logger?.error({ err, tenantId: org.tenantId }, 'reminder scan failed for a tenant');
      }
    }
    this.deps.logger?.debug({ ...summary }, 'reminder scan done');
    return summary;
  }

  private async scanOrganization(org: Organization, now: Date, summary: ScanSummary): Promise<void> {
    await this.deliverDue(org, await this.deps.dueReminders(org, now), now, summary);
  }

  /**
   * One tenant's due reminders (the domain's, at `now`) into the ledger and to the sender; returns the
   * tenant's entries still open afterwards (the due scan reads their times for the tenant's next due time).
   */
  async deliverDue(
    org: Organization,
    due: readonly DueReminder[],
    now: Date,
    summary: ScanSummary = emptySummary(),
  ): Promise<LedgerEntry[]> {
    const { ledger } = this.deps;
    // One ledger query per tenant: the entries of what is due (most were enqueued by an earlier scan, so no
    // read and refused create per reminder and recipient) and every open entry.
    const listed = await ledger.listForScan(
      org.tenantId,
      due.map((r) => r.key),
    );
    const { open, raced } = await this.enqueue(org, due, listed, now, summary);
    // Another instance enqueued some of these at the same moment: look again, so both share the sending.
    const current = raced ? await ledger.listOpen(org.tenantId) : open;
    const dropped = await this.dropResolved(current, new Set(due.map((r) => r.key)), summary);
    const ready = current
      .filter((e) => !dropped.has(e.doc.id) && ledger.isClaimable(e.doc, now.getTime()))
      .sort((a, b) => (a.doc.notBefore < b.doc.notBefore ? -1 : a.doc.notBefore > b.doc.notBefore ? 1 : 0));
    for (const entry of ready) {
      this.deps.sender.submit(org.tenantId, entry.doc.id, undefined, entry);
      summary.submitted++;
    }
    return current.filter((e) => !dropped.has(e.doc.id)).map((e) => e.doc);
  }

  /** Creates the entries not in the ledger yet; returns the open entries, and whether a create was refused. */
  private async enqueue(
    org: Organization,
    due: readonly DueReminder[],
    listed: Stored<LedgerEntry>[],
    now: Date,
    summary: ScanSummary,
  ): Promise<{ open: Stored<LedgerEntry>[]; raced: boolean }> {
    const known = new Set(listed.map((e) => e.doc.id));
    const open = listed.filter((e) => OPEN_STATES.has(e.doc.state));
    const recipients = new Map<string, Promise<RecipientTimeZoneAndLocale>>();
    let raced = false;
    for (const reminder of due) {
      summary.due++;
      let payload: Record<string, unknown> | undefined;
      for (const target of this.targets(org, reminder)) {
        if (known.has(ledgerId(reminder.key, target))) continue;
        payload ??= JSON.parse(JSON.stringify(reminder)) as Record<string, unknown>;
        const who = target.kind === 'user' ? `u:${target.userId}` : `c:${target.channelId}`;
        if (!recipients.has(who)) recipients.set(who, this.timeZoneAndLocaleOf(org, target));
        const { timeZone, locale } = await (recipients.get(who) as Promise<RecipientTimeZoneAndLocale>);
        // A reminder before its due date must go out by then, business hours or not (see sendTimeBy).
        const sendBy = reminder.sendableOn < reminder.dueDate ? reminder.dueDate : undefined;
        const hours = this.deps.businessHours;
        const res = await this.deps.ledger.enqueue({
          tenantId: org.tenantId,
          reminderKey: reminder.key,
          target,
          payload,
          timeZone,
          locale,
          notBefore: sendTimeBy(now, timeZone, hours, sendBy, reminder.sendableOn),
          ...(sendBy ? { sendBy } : {}),
        });
        if (res.created) summary.enqueued++;
        else raced = true;
        if (res.entry && OPEN_STATES.has(res.entry.doc.state)) open.push(res.entry);
      }
    }
    return { open, raced };
  }

  /**
   * Drops open entries whose cause the domain no longer lists. Claimed entries are in flight; a test reminder
   * has no cause in the domain and lives until it is delivered.
   */
  private async dropResolved(
    open: Stored<LedgerEntry>[],
    dueKeys: Set<string>,
    summary: ScanSummary,
  ): Promise<Set<string>> {
    const dropped = new Set<string>();
    for (const entry of open) {
      const d = entry.doc;
      if (dueKeys.has(d.reminderKey) || d.state === 'claimed' || d.payload.test === true) continue;
      if (await this.deps.ledger.drop(entry, 'resolved')) {
        summary.dropped++;
        dropped.add(d.id);
      }
    }
    return dropped;
  }

  private targets(org: Organization, reminder: DueReminder): DeliveryTarget[] {
    const out: DeliveryTarget[] = [...new Set(reminder.recipients)].map((userId) => ({
      kind: 'user',
      userId,
    }));
    if (reminder.toProgramChannel && org.programChannel)
      out.push({ kind: 'channel', channelId: org.programChannel.channelId });
    return out;
  }

  /** The person's own settings, then Teams' time zone, then the organisation's, then the default. */
  private async timeZoneAndLocaleOf(
    org: Organization,
    target: DeliveryTarget,
  ): Promise<RecipientTimeZoneAndLocale> {
    const fallback = org.timeZone ?? this.deps.defaultTimeZone;
    if (target.kind === 'channel') return { timeZone: fallback };
    const person = org.people.find((p) => p.userId === target.userId);
    if (person?.settings.timeZone)
      return { timeZone: person.settings.timeZone, locale: person.settings.locale };
    const ref = await this.deps.references.get(org.tenantId, { kind: 'user', userId: target.userId });
    return { timeZone: ref?.doc.timeZone ?? fallback, locale: person?.settings.locale };
  }
}
