// Step 7: the partner redeemed the voucher in Partner Center after the completion report.
import { actorId, type VoucherContext } from '../context';
import { notBefore, notInFuture } from '../date-guards';
import { RedeemInput, type Actor, type Result, type Voucher } from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';
import { notExpiredOn } from './guards';
import { runVoucherCommand } from './run';

export function redeemVoucher(
  voucher: Voucher,
  input: RedeemInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'redeem', schema: RedeemInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const redeemedOn = i.redeemedOn ?? today;
    const problems = [
      ...notInFuture('redeemedOn', redeemedOn, today),
      ...notBefore('date.beforeReport', 'redeemedOn', redeemedOn, voucher.completionReport?.submittedOn),
      ...notExpiredOn(voucher, ctx.rules, redeemedOn),
    ];
    const closed = ctx.rules.cutoffs.redemptionClosedFrom;
    if (closed && redeemedOn >= closed)
      problems.push(refusal('redemption.closed', { closedFrom: closed, redeemedOn }));
    if (problems.length > 0) return problems;
    return { patch: { redemption: { redeemedOn, redeemedBy: actorId(actor) } }, details: { redeemedOn } };
  });
}
