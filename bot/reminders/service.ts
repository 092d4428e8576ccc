// The reminders as the app runs them: the ledger, the sender, the due index and its scan, the reminder and
// voucher expiry work per tenant over the real repositories. The bot's card actions (snooze, done, the test
// reminder) and the tenant lifecycle's index calls go through this object too.
import { dueReminders, dueSchedule, type Rules } from '../program';
import type { Logger } from '../logger';
import { ReadPolicy, type OrganizationRepository, type Store, type VoucherRepository } from '../store';
import type { BusinessHours } from './business-hours';
import { DueIndex } from './due-index';
import { dueOnWrite } from './due-on-write';
import { DueScan, DUE_LEASE_MS, type DueScanSummary } from './due-scan';
import { nextDueTime } from './due-time';
import { ExpiryJob } from './expiry-job';
import type { ActionResult, Ledger, LedgerEntry } from './ledger';
import type { ReferenceStore } from './references';
import { ReminderScheduler } from './scheduler';
import type { ProactiveAdapter } from './proactive-post';
import type { RenderFn } from './send-attempt';
import { ReminderSender } from './sender';

export interface ReminderServiceOptions {
  store: Pick<Store, 'repos' | 'repository' | 'containers' | 'writes'>;
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
  /**
   * The tenants inactive now (the app was removed from their last conversation): the start-up backfill gives
   * them an inactive index entry. After that the lifecycle's calls keep the index's `active` flag.
   */
  inactiveTenants?: () => Promise<ReadonlySet<string>>;
  /** REMINDERS_ENABLED: without it the due scan still expires vouchers, and sends nothing. */
  remindersEnabled?: boolean;
  /** The due scan's lease on a tenant, and how many tenants it works at once. */
  dueLeaseMs?: number;
  dueConcurrency?: number;
  /** Identifies this instance in the due scan's leases. */
  owner?: string;
}

/**
 * The longest a tenant goes without being looked at: the net under an index update lost after its write (a
 * crash between the two). A week keeps its cost at ~5 tenants per 5-minute scan per 10,000 tenants.
 */
export const MAX_IDLE_MS = 7 * 86_400_000;

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
  /** Voucher expiry of one tenant: part of each due tenant's work, with reminders on or off. */
  readonly expiry: ExpiryJob;
  /** The due index: one document per tenant; deactivate/reactivate/forget are for the tenant lifecycle. */
  readonly dueIndex: DueIndex;
  readonly dueScan: DueScan;
  private readonly remindersOn: boolean;
  private readonly recheckMs: number;
  private readonly unobserve: () => void;
  private readonly organizations: OrganizationRepository;
  private readonly vouchers: VoucherRepository;
  private readonly now: () => Date;
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
      vouchers: this.vouchers,
      rules: deps.rules,
      defaultTimeZone,
      logger: deps.logger,
    });
    this.remindersOn = deps.remindersEnabled ?? true;
    this.dueIndex = new DueIndex(deps.store, { now: nowMs, logger: deps.logger });
    this.recheckMs = deps.dueLeaseMs ?? DUE_LEASE_MS;
    this.dueScan = new DueScan({
      index: this.dueIndex,
      work: (tenantId, now) => this.workTenant(tenantId, now),
      intervalSeconds: deps.scanSeconds,
      leaseMs: this.recheckMs,
      ...(deps.dueConcurrency ? { concurrency: deps.dueConcurrency } : {}),
      ...(deps.owner ? { owner: deps.owner } : {}),
      now: nowMs,
      logger: deps.logger,
    });
    // Every write of an organisation or a voucher, through any repository of this store, lowers the index.
    const cached = deps.store.repos.reading(ReadPolicy.maxAge(5000)).organizations;
    this.unobserve = deps.store.writes.add(
      dueOnWrite({
        index: this.dueIndex,
        organization: (tenantId) => cached.get(tenantId),
        rules: deps.rules,
        defaultTimeZone,
        reminders: this.remindersOn,
        maxIdleMs: MAX_IDLE_MS,
        now: this.now,
        logger: deps.logger,
      }),
    );
    this.scheduler = new ReminderScheduler({
      ledger: this.ledger,
      references: deps.references,
      sender: this.sender,
      businessHours: deps.businessHours,
      defaultTimeZone,
      now: nowMs,
    });
  }

  /** Since start: due scan cycles (on the interval or asked for), vouchers expired, expiry writes that lost a race. */
  get stats(): ReminderStats {
    const { expired, conflicts } = this.expiry.stats;
    return { scans: this.dueScan.cycles, expired, expiryConflicts: conflicts };
  }

  get running(): boolean {
    return this.started && !this.stopped;
  }

  /** The due scan now and every scanSeconds: expiry always, reminders when enabled. */
  start(): void {
    if (this.stopped || this.started) return;
    this.started = true;
    this.dueScan.start();
  }

  /** Stops the scan, waits for the work in progress and drains the sender (sends in flight are recorded). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unobserve();
    await Promise.allSettled([...this.tenantScans]);
    await this.dueScan.stop();
    await this.sender.stop();
  }

  /** One cycle of the due scan (tests and benches drive this with a fixed clock). */
  scanOnce(): Promise<DueScanSummary> {
    return this.dueScan.scanOnce();
  }

  /** Works one tenant at once, when running (a recorded payment outcome is news to send now). */
  async scanTenant(tenantId: string): Promise<boolean> {
    if (!this.running) return false;
    const scan = this.dueScan.runTenant(tenantId);
    this.tenantScans.add(scan);
    try {
      return await scan;
    } finally {
      this.tenantScans.delete(scan);
    }
  }

  /**
   * One due tenant's work: its overdue vouchers expire; with reminders on, what is due goes to the ledger and
   * the sender. Returns when the tenant is next due ('gone': it has no organisation).
   */
  async workTenant(tenantId: string, now: Date): Promise<Date | 'gone'> {
    const org = (await this.organizations.get(tenantId))?.doc;
    if (!org) return 'gone';
    const expiry = await this.expiry.expireTenant(org, now);
    const vouchers = expiry.vouchers.map((v) => v.doc);
    const options = { defaultTimeZone: this.deps.defaultTimeZone };
    let open: LedgerEntry[] = [];
    if (this.remindersOn) {
      const due = dueReminders(org, vouchers, this.deps.rules, now, options);
      open = await this.scheduler.deliverDue(org, due, now);
    }
    return nextDueTime({
      now,
      schedule: dueSchedule(org, vouchers, this.deps.rules, now, { ...options, reminders: this.remindersOn }),
      open,
      expiryConflicts: expiry.conflicts,
      recheckMs: this.recheckMs,
      maxIdleMs: MAX_IDLE_MS,
    });
  }

  /** Tenant lifecycle: the app was uninstalled from the tenant's last conversation — no scans, no reminders. */
  deactivateTenant(tenantId: string): Promise<void> {
    return this.dueIndex.deactivate(tenantId);
  }

  /** Tenant lifecycle: reinstalled — worked at the next scan, its due time recomputed from its data. */
  reactivateTenant(tenantId: string): Promise<void> {
    return this.dueIndex.reactivate(tenantId);
  }

  /** Tenant lifecycle: its data was deleted — its index entry goes too. */
  forgetTenant(tenantId: string): Promise<void> {
    return this.dueIndex.forget(tenantId);
  }

  /**
   * Start-up migration: every tenant with an organisation and no index entry gets one, due now (inactive for a
   * tenant inactive now). Once per start: one query of the organisations' ids, one of the index, one of the
   * inactive tenants.
   */
  async backfillDueIndex(): Promise<number> {
    const [tenantIds, inactive] = await Promise.all([
      this.organizations.listTenantIds(),
      this.deps.inactiveTenants?.() ?? new Set<string>(),
    ]);
    return this.dueIndex.backfill(tenantIds, inactive);
  }

  /** Snoozed: the tenant is due again when the snooze ends (another instance may be the one to send it). */
  async snooze(tenantId: string, entryId: string, forMs: number, by: string): Promise<ActionResult> {
    const res = await this.scheduler.snooze(tenantId, entryId, forMs, by);
    if (res.ok) {
      const until = res.entry.doc.snoozedUntil;
      await this.dueIndex.lower(tenantId, until ? new Date(until) : this.now());
    }
    return res;
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
}
