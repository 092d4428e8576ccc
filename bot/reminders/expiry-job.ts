// Voucher expiry as a job of its own: it runs on its own timer when the reminder scan is off, and the scan runs
// it for each tenant before asking what is due (so reminders see expired vouchers as expired).
import type { Logger } from '../logger';
import type { Organization, Rules, Voucher } from '../program';
import { StoreUnavailable, type Stored } from '../store';
import { expireOverdueVouchers, type ExpiryResult, type ExpiryStore } from './expiry';
import { RepeatingRun, type TenantJob } from './timed-job';

export interface ExpiryJobDeps {
  organizations: {
    listTenantIds(): Promise<string[]>;
    get(tenantId: string): Promise<Stored<Organization> | undefined>;
  };
  vouchers: ExpiryStore & { list(tenantId: string): Promise<Stored<Voucher>[]> };
  rules: Rules;
  /** The time zone deciding "today" for an organisation with none of its own. */
  defaultTimeZone: string;
  /** How often start() runs every tenant. */
  intervalSeconds: number;
  now: () => Date;
  logger?: Logger;
}

export interface ExpiryRunSummary {
  tenants: number;
  expired: number;
  conflicts: number;
  errors: number;
}

export class ExpiryJob implements TenantJob {
  readonly name = 'voucher-expiry';
  /** Totals since start: vouchers expired, and writes that lost an ETag race (left for the next run). */
  readonly stats = { expired: 0, conflicts: 0 };
  private readonly repeating: RepeatingRun<ExpiryRunSummary>;

  constructor(private readonly deps: ExpiryJobDeps) {
    this.repeating = new RepeatingRun(() => this.runAll(), deps.intervalSeconds);
  }

  /** Runs every tenant now and then every `intervalSeconds`. */
  start(): void {
    this.repeating.start();
  }

  /** No more runs; waits for the one in progress. */
  stop(): Promise<void> {
    return this.repeating.stop();
  }

  /** Every tenant, one after the other; a tenant that fails is logged and the run goes on. */
  async runAll(now = this.deps.now()): Promise<ExpiryRunSummary> {
    const summary: ExpiryRunSummary = { tenants: 0, expired: 0, conflicts: 0, errors: 0 };
    let tenantIds: string[];
    try {
      tenantIds = await this.deps.organizations.listTenantIds();
    } catch (err) {
      this.deps.logger?.error({ err }, 'voucher expiry could not list tenants');
      return { ...summary, errors: 1 };
    }
    for (const tenantId of tenantIds) {
      try {
        const result = await this.runTenant(tenantId, now);
        if (!result) continue;
        summary.tenants++;
        summary.expired += result.expired;
        summary.conflicts += result.conflicts;
      } catch (err) {
        summary.errors++;
        // A database that does not answer: the other tenants wait for the next run (expiry is idempotent).
        if (err instanceof StoreUnavailable) {
          this.deps.logger?.warn({ err, tenantId }, 'voucher expiry deferred: database busy');
          break;
        }
        this.deps.logger?.error({ err, tenantId }, 'voucher expiry failed for a tenant');
      }
    }
    return summary;
  }

  /** One tenant's overdue vouchers; undefined when the tenant has no organisation. */
  async runTenant(tenantId: string, now = this.deps.now()): Promise<ExpiryResult | undefined> {
    const org = await this.deps.organizations.get(tenantId);
    return org ? this.expireTenant(org.doc, now) : undefined;
  }

  /** One tenant's overdue vouchers, its organisation already read; returns its vouchers as they now are. */
  async expireTenant(org: Organization, now: Date): Promise<ExpiryResult> {
    const listed = await this.deps.vouchers.list(org.tenantId);
    const result = await expireOverdueVouchers(this.deps.vouchers, org, listed, {
      rules: this.deps.rules,
      now,
      defaultTimeZone: this.deps.defaultTimeZone,
      logger: this.deps.logger,
    });
    this.stats.expired += result.expired;
    this.stats.conflicts += result.conflicts;
    return result;
  }
}
