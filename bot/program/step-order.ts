// Steps 5–8 of a voucher in their order (PRODUCT.md §2): when a step is asked for too early, which step comes
// first — so the bot can say why it cannot be done yet and offer that step instead.
import type { VoucherState } from './model';

export const JOURNEY_STEPS = ['reserve', 'deliver', 'report', 'redeem', 'payment', 'outcome'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number] | 'cancel';

/** The step a voucher in each state waits for. */
const WAITS_FOR: Partial<Record<VoucherState, (typeof JOURNEY_STEPS)[number]>> = {
  Assigned: 'reserve',
  Reserved: 'deliver',
  Delivered: 'report',
  ReportSubmitted: 'redeem',
  Redeemed: 'payment',
  PaymentRequested: 'outcome',
};

/** Cancelling a reservation needs one, so it stands where delivery does. */
const position = (step: JourneyStep): number => JOURNEY_STEPS.indexOf(step === 'cancel' ? 'deliver' : step);

export interface StepOrder {
  wanted: JourneyStep;
  /** The step the voucher is waiting for, which has to be done before `wanted`. */
  first: (typeof JOURNEY_STEPS)[number];
}

/** Defined when `wanted` is asked for a voucher still waiting for an earlier step; a closed voucher (Paid,
 *  Denied, Expired) or a step already behind it is not "out of order". */
export function stepOutOfOrder(wanted: JourneyStep, state: VoucherState): StepOrder | undefined {
  const first = WAITS_FOR[state];
  if (first === undefined || position(first) >= position(wanted)) return undefined;
  return { wanted, first };
}

/** How far along a voucher is (for choosing the one closest to a step); closed vouchers rank last. */
export function journeyPosition(state: VoucherState): number {
  const step = WAITS_FOR[state];
  return step === undefined ? -1 : position(step);
}
