// Step 6, first half: the engagement took place (not before its planned start).
import type { VoucherContext } from '../context';
import { MarkDeliveredInput, type Actor, type Result, type Voucher } from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';

import { runVoucherCommand } from './run';

/** The consultants assigned to the engagement, or a partner admin, mark it delivered. */
export function markDelivered(
  voucher: Voucher,
  input: MarkDeliveredInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const consultants = voucher.reservation?.consultants ?? [];
  const role = { ...PARTNER_ADMIN, users: consultants };
  const spec = { command: 'markDelivered', schema: MarkDeliveredInput, role } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (_i, today) => {
    const start = voucher.reservation?.plannedStart;
    if (start && today < start) return [refusal('delivery.notStarted', { plannedStart: start, today })];
    return {};
  });
}
