// A voucher step asked for too early (a button, a command, free text): the card of the step that comes first,
// with why on top — never a bare "What's next".
import { stepOrderMessage } from '../../i18n';
import {
  journeyPosition,
  stepOutOfOrder,
  type JourneyStep,
  type StepOrder,
  type Voucher,
} from '../../program';
import type { Stored } from '../../store';
import { voucherCard, type VoucherStep } from './voucher';
import type { Card, ViewEnv } from './view-env';

/** The card that offers each first step (marking delivered is a button of the voucher's own card). */
const CARD_OF: Record<StepOrder['first'], VoucherStep> = {
  reserve: 'reserve',
  deliver: 'detail',
  report: 'report',
  redeem: 'redeem',
  payment: 'payment',
  outcome: 'outcome',
};

/** The card for `wanted` asked on a voucher still waiting for an earlier step, or undefined when it is not. */
export function outOfOrderCard(env: ViewEnv, stored: Stored<Voucher>, wanted: JourneyStep): Card | undefined {
  const order = stepOutOfOrder(wanted, stored.doc.state);
  if (!order) return undefined;
  const v = stored.doc;
  const text = stepOrderMessage(env.scope.locale, order, `${v.voucherNumber} (${v.customer.name})`);
  return voucherCard(env, stored, CARD_OF[order.first], { notice: { tone: 'warning', text } });
}

/** With no voucher waiting for `wanted`: the one closest to it (newest first on a tie) and what it waits for. */
export function closestOutOfOrderCard(
  env: ViewEnv,
  vouchers: readonly Stored<Voucher>[],
  wanted: JourneyStep,
): Card | undefined {
  let best: Stored<Voucher> | undefined;
  for (const s of vouchers) {
    if (!stepOutOfOrder(wanted, s.doc.state)) continue;
    if (!best || journeyPosition(s.doc.state) > journeyPosition(best.doc.state)) best = s;
  }
  return best ? outOfOrderCard(env, best, wanted) : undefined;
}
