// Moves the overdue among a tenant's vouchers to Expired through the domain's expireVoucher, each write
// ETag-checked: a voucher changed meanwhile keeps its fresh version and is expired by the next run.
import {
  EXPIRABLE_STATES,
  expireVoucher,
  isVoucherExpired,
  organizationToday,
  type Actor,
  type Organization,
  type Rules,
  type Voucher,
} from '../program';
import type { Logger } from '../logger';
import { ConcurrencyConflict, type Stored } from '../store';

/** Audited as `system:reminders`, the name expiry had when it ran inside the reminder scan. */
export const EXPIRY_ACTOR: Actor = { kind: 'system', process: 'reminders' };

export interface ExpiryStore {
  get(tenantId: string, id: string): Promise<Stored<Voucher> | undefined>;
  save(tenantId: string, voucher: Voucher, etag: string): Promise<Stored<Voucher>>;
}

export interface ExpiryResult {
  /** The tenant's vouchers as they are after the pass. */
  vouchers: Stored<Voucher>[];
  expired: number;
  conflicts: number;
}

/** Expires what is overdue among `vouchers` (the tenant's, as just listed) and returns the list up to date. */
export async function expireOverdueVouchers(
  repo: ExpiryStore,
  org: Organization,
  vouchers: readonly Stored<Voucher>[],
  ctx: { rules: Rules; now: Date; defaultTimeZone: string; logger?: Logger },
): Promise<ExpiryResult> {
  const today = organizationToday(org, ctx.now, ctx.defaultTimeZone);
  const out: Stored<Voucher>[] = [];
  let expired = 0;
  let conflicts = 0;
  for (const stored of vouchers) {
    const v = stored.doc;
    if (!EXPIRABLE_STATES.includes(v.state) || !isVoucherExpired(v, ctx.rules, today)) {
      out.push(stored);
      continue;
    }
    const result = expireVoucher(v, {}, EXPIRY_ACTOR, {
      rules: ctx.rules,
      now: ctx.now,
      defaultTimeZone: ctx.defaultTimeZone,
      org,
    });
    if (!result.ok) {
      // The organisation's "today" and the domain's disagree near midnight: the next run settles it.
      out.push(stored);
      continue;
    }
    try {
      out.push(await repo.save(org.tenantId, result.value, stored.etag));
      expired++;
      ctx.logger?.info({ tenantId: org.tenantId, voucherId: v.id }, 'voucher expired');
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      conflicts++;
      const fresh = await repo.get(org.tenantId, v.id);
      if (fresh) out.push(fresh);
    }
  }
  return { vouchers: out, expired, conflicts };
}
