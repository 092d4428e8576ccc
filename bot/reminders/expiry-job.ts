// Voucher expiry of one tenant, part of each due tenant's work (ReminderService.workTenant), with reminders on
// or off; run before asking what is due, so reminders see expired vouchers as expired.
import type { Logger } from '../logger';
import type { Organization, Rules, Voucher } from '../program';
import type { Stored } from '../store';
import { expireOverdueVouchers, type ExpiryResult, type ExpiryStore } from './expiry';

export interface ExpiryJobDeps {
  vouchers: ExpiryStore & { list(tenantId: string): Promise<Stored<Voucher>[]> };
  rules: Rules;
  /** The time zone deciding "today" for an organisation with none of its own. */
  defaultTimeZone: string;
  logger?: Logger;
}

export class ExpiryJob {
  /** Totals since start: vouchers expired, and writes that lost an ETag race (left for the tenant's next look). */
  readonly stats = { expired: 0, conflicts: 0 };

  constructor(private readonly deps: ExpiryJobDeps) {}

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
