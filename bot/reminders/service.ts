// The reminders as the app runs them: the ledger, the sender, the reminder scan and the voucher expiry job over
// the real repositories. The bot's card actions (snooze, done, the test reminder) go through this object too.
import { dueReminders, type DueReminder, type Organization, type Rules } from '../program';
import type { Logger } from '../logger';
import type { OrganizationRepository, Store, VoucherRepository } from '../store';
import type { BusinessHours } from './business-hours';
import { ExpiryJob } from './expiry-job';
import type { ActionResult, Ledger } from './ledger';
import type { ReferenceStore } from './references';
import { ReminderScheduler, type ScanSummary } from './scheduler';
import type { ProactiveAdapter } from './proactive-post';
import type { RenderFn } from './send-attempt';
import { ReminderSender } from './sender';

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
  /** Tenants whose due work is skipped (inactive: the app was removed from their last conversation). */
  inactiveTenants?: () => Promise<ReadonlySet<string>>;
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
  readonly scheduler: ReminderScheduler;
  /** Voucher expiry: run by each reminder scan, or started alone (app.ts) when reminders are off. */
  readonly expiry: ExpiryJob;
  private readonly organizations: OrganizationRepository;
  private readonly vouchers: VoucherRepository;
  private readonly now: () => Date;
  private scans = 0;
  private started = false;
  private stopped = false;
  /** Tenant scans started outside the interval (payment news); stop() waits for them. */
  private readonly tenantScans = new Set<Promise<unknown>>();

  constructor(private readonly deps: ReminderServiceOptions) {
    this.now = deps.now ?? (() => new Date());
    const nowMs = (): number => this.now().getTime();
    this.organizations = deps.store.repos.organizations;
    this.vouchers = deps.store.repos.vouchers;
    this.ledger = deps.ledger;
    this.sender = new ReminderSender({
      adapter: deps.adapter,
      botAppId: deps.botAppId,
      ledger: this.ledger,
      references: deps.references,
      render: deps.render,
      businessHours: deps.businessHours,
      logger: deps.logger,
      now: nowMs,
      ...(deps.tenantShare ? { tenantShare: deps.tenantShare } : {}),
    });
    const defaultTimeZone = deps.defaultTimeZone;
    this.expiry = new ExpiryJob({
      organizations: {
        listTenantIds: () => this.activeTenantIds(),
        get: (tenantId) => this.organizations.get(tenantId),
      },
      vouchers: this.vouchers,
      rules: deps.rules,
      defaultTimeZone,
      intervalSeconds: deps.scanSeconds,
      now: this.now,
      logger: deps.logger,
    });
    this.scheduler = new ReminderScheduler({
      listOrganizations: () => this.loadOrganizations(),
      getOrganization: async (tenantId) =>
        (await this.inactive()).has(tenantId) ? undefined : (await this.organizations.get(tenantId))?.doc,
      dueReminders: (org, now) => this.dueAfterExpiry(org, now),
      ledger: this.ledger,
      references: deps.references,
      sender: this.sender,
      businessHours: deps.businessHours,
      defaultTimeZone,
      scanSeconds: deps.scanSeconds,
      now: nowMs,
      logger: deps.logger,
    });
  }

  get stats(): ReminderStats {
    const { expired, conflicts } = this.expiry.stats;
    return { scans: this.scans, expired, expiryConflicts: conflicts };
  }

  get running(): boolean {
    return this.started && !this.stopped;
  }

  /** Scans now and every scanSeconds; each tenant's scan runs the expiry job for it first. */
  start(): void {
    if (this.stopped || this.started) return;
    this.started = true;
    this.scheduler.start();
  }

  /** Stops both jobs, waits for the runs in progress and drains the sender (sends in flight are recorded). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.allSettled([...this.tenantScans]);
    await this.expiry.stop();
    await this.scheduler.stop({ stopSender: true });
  }

  /** One scan of every tenant (tests drive this with a fixed clock). */
  async scanOnce(): Promise<ScanSummary> {
    this.scans++;
    return this.scheduler.scanOnce();
  }

  /** Scans one tenant at once, when running (a recorded payment outcome is news to send now). */
  async scanTenant(tenantId: string): Promise<ScanSummary | undefined> {
    if (!this.running) return undefined;
    const scan = this.scheduler.runTenant(tenantId);
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
    const ref = await this.deps.references.get(tenantId, { kind: 'user', userId });
    if (!ref || !ref.doc.active || !this.deps.references.isAllowed(ref.doc.serviceUrl))
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

  private async inactive(): Promise<ReadonlySet<string>> {
    return (await this.deps.inactiveTenants?.()) ?? new Set<string>();
  }

  /** Every tenant with an organisation, except the inactive ones (no reminders, no expiry runs). */
  private async activeTenantIds(): Promise<string[]> {
    const [ids, inactive] = await Promise.all([this.organizations.listTenantIds(), this.inactive()]);
    return ids.filter((id) => !inactive.has(id));
  }

  private async loadOrganizations(): Promise<Organization[]> {
    const ids = await this.activeTenantIds();
    const out: Organization[] = [];
    for (let i = 0; i < ids.length; i += 16) {
      const batch = await Promise.all(ids.slice(i, i + 16).map((id) => this.organizations.get(id)));
      for (const stored of batch) if (stored) out.push(stored.doc);
    }
    return out;
  }

  /** Expiry before reminders, over one listing of the tenant's vouchers: the scan sees expired ones as expired. */
  private async dueAfterExpiry(org: Organization, now: Date): Promise<DueReminder[]> {
    const { vouchers } = await this.expiry.expireTenant(org, now);
    return dueReminders(
      org,
      vouchers.map((v) => v.doc),
      this.deps.rules,
      now,
      { defaultTimeZone: this.deps.defaultTimeZone },
    );
  }
}
