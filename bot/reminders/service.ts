// The reminders as the app runs them: the ledger, the sender and the scheduler over the real repositories.
// The scan covers every tenant (one cross-partition listing of organisations, then each tenant's vouchers in
// its own partition), expires overdue vouchers on the way, and asks the domain what is due. The bot's card
// actions (snooze, done, the test reminder) go through this same object, so a snoozed reminder is queued on
// the sender that will deliver it.
import { dueReminders, type DueReminder, type Organization, type Rules, type Voucher } from '../program';
import type { Logger } from '../logger';
import type { OrganizationRepository, Store, VoucherRepository } from '../store';
import type { BusinessHours } from './business-hours';
import { expireOverdueVouchers } from './expiry';
import type { ActionResult, Ledger } from './ledger';
import type { ReferenceStore } from './references';
import { ReminderScheduler, type ScanSummary } from './scheduler';
import { ReminderSender, type ProactiveAdapter, type RenderFn } from './sender';

export interface ReminderServiceOptions {
  store: Pick<Store, 'repos'>;
  /** The delivery ledger, built once by the composition root. */
  ledger: Ledger;
  adapter: ProactiveAdapter;
  /** The bot's app id; empty in anonymous local mode. */
  botAppId: string;
  references: ReferenceStore;
  rules: Rules;
  render: RenderFn;
  scanSeconds: number;
  defaultTimeZone: string;
  businessHours: BusinessHours;
  now?: () => Date;
  logger?: Logger;
  /** Fraction of each tenant's send budget this instance may use (1 / instances). */
  tenantShare?: number;
}

export type TestReminderResult = { ok: true; entryId: string } | { ok: false; reason: 'noChat' | 'stopped' };

export interface ReminderStats {
  scans: number;
  expired: number;
  expiryConflicts: number;
}

export class ReminderService {
  readonly ledger: Ledger;
  readonly sender: ReminderSender;
  readonly scheduler: ReminderScheduler<Organization, Voucher, Rules, DueReminder>;
  readonly stats: ReminderStats = { scans: 0, expired: 0, expiryConflicts: 0 };
  private readonly organizations: OrganizationRepository;
  private readonly vouchers: VoucherRepository;
  private readonly now: () => Date;
  private started = false;
  private stopped = false;
  /** Tenant scans started outside the interval (payment news); stop() waits for them. */
  private readonly tenantScans = new Set<Promise<unknown>>();

  constructor(private readonly o: ReminderServiceOptions) {
    this.now = o.now ?? (() => new Date());
    const nowMs = (): number => this.now().getTime();
    this.organizations = o.store.repos.organizations;
    this.vouchers = o.store.repos.vouchers;
    this.ledger = o.ledger;
    this.sender = new ReminderSender({
      adapter: o.adapter,
      botAppId: o.botAppId,
      ledger: this.ledger,
      references: o.references,
      render: o.render,
      businessHours: o.businessHours,
      logger: o.logger,
      now: nowMs,
      ...(o.tenantShare ? { tenantShare: o.tenantShare } : {}),
    });
    const defaultTimeZone = o.defaultTimeZone;
    this.scheduler = new ReminderScheduler<Organization, Voucher, Rules, DueReminder>({
      loadOrganizations: () => this.loadOrganizations(),
      loadOrganization: async (tenantId) => (await this.organizations.get(tenantId))?.doc,
      loadVouchers: (tenantId, org) => this.loadVouchers(tenantId, org),
      dueReminders: (org, vouchers, rules, now) =>
        dueReminders(org, vouchers, rules, now, { defaultTimeZone }),
      rules: o.rules,
      ledger: this.ledger,
      references: o.references,
      sender: this.sender,
      scanSeconds: o.scanSeconds,
      defaultTimeZone,
      businessHours: o.businessHours,
      now: nowMs,
      logger: o.logger,
    });
  }

  get running(): boolean {
    return this.started && !this.stopped;
  }

  /** Scans now and every scanSeconds. */
  start(): void {
    if (this.stopped || this.started) return;
    this.started = true;
    this.scheduler.start();
  }

  /** Stops scanning, waits for the scan in progress and drains the sender (sends in flight are recorded). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.allSettled([...this.tenantScans]);
    await this.scheduler.stop({ stopSender: true });
  }

  /** One scan of every tenant (tests drive this with a fixed clock). */
  async scanOnce(): Promise<ScanSummary> {
    this.stats.scans++;
    return this.scheduler.scanOnce();
  }

  /** Scans one tenant at once, when running (a recorded payment outcome is news to send now). */
  async scanTenant(tenantId: string): Promise<ScanSummary | undefined> {
    if (!this.running) return undefined;
    const scan = this.scheduler.scanTenant(tenantId);
    this.tenantScans.add(scan);
    try {
      return await scan;
    } finally {
      this.tenantScans.delete(scan);
    }
  }

  snooze(tenantId: string, entryId: string, forMs: number, by: string): Promise<ActionResult> {
    return this.scheduler.snooze(tenantId, entryId, forMs, by);
  }

  markDone(tenantId: string, entryId: string, by: string): Promise<ActionResult> {
    return this.scheduler.markDone(tenantId, entryId, by);
  }

  /**
   * The test reminder someone asked for: a ledger entry of its own (so its snooze and done buttons work),
   * delivered at once to their personal chat, outside business hours too.
   */
  async sendTest(
    tenantId: string,
    userId: string,
    sample: Record<string, unknown>,
    timeZone: string,
    locale?: string,
  ): Promise<TestReminderResult> {
    if (this.stopped) return { ok: false, reason: 'stopped' };
    const ref = await this.o.references.get(tenantId, { kind: 'user', userId });
    if (!ref || !ref.doc.active || !this.o.references.isAllowed(ref.doc.serviceUrl))
      return { ok: false, reason: 'noChat' };
    const now = this.now();
    const res = await this.ledger.enqueue({
      tenantId,
      reminderKey: `test:${userId}:${now.toISOString()}:0`,
      target: { kind: 'user', userId },
      payload: { ...sample, test: true, anyHour: true },
      timeZone,
      ...(locale ? { locale } : {}),
      notBefore: now,
    });
    this.sender.submit(tenantId, res.id, now.getTime(), res.entry);
    return { ok: true, entryId: res.id };
  }

  private async loadOrganizations(): Promise<Organization[]> {
    const ids = await this.organizations.listTenantIds();
    const out: Organization[] = [];
    for (let i = 0; i < ids.length; i += 16) {
      const batch = await Promise.all(ids.slice(i, i + 16).map((id) => this.organizations.get(id)));
      for (const stored of batch) if (stored) out.push(stored.doc);
    }
    return out;
  }

  private async loadVouchers(tenantId: string, org: Organization): Promise<Voucher[]> {
    const listed = await this.vouchers.list(tenantId);
    const result = await expireOverdueVouchers(this.vouchers, org, listed, {
      rules: this.o.rules,
      now: this.now(),
      defaultTimeZone: this.o.defaultTimeZone,
      logger: this.o.logger,
    });
    this.stats.expired += result.expired;
    this.stats.expiryConflicts += result.conflicts;
    return result.vouchers.map((s) => s.doc);
  }
}
