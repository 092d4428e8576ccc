// The voucher state machine (PRODUCT.md §4) as data: which command may run in which state, and where it
// leads. Anything not in this table is refused with `transition.notAllowed` (or a more specific rule).
import type { RuleId, VoucherCommandName, VoucherState } from './model';
import { PRE_REDEMPTION_STATES } from './voucher-states';

export type StateCommand = Exclude<VoucherCommandName, 'intake'>;

export interface Transition {
  from: readonly VoucherState[];
  /** Target state; `same` for commands that record something without moving the voucher. */
  to: VoucherState | 'same';
  /** Refusal used instead of `transition.notAllowed` when the command comes too early (§4 guards). */
  tooEarly?: { states: readonly VoucherState[]; rule: RuleId };
}

export const TRANSITIONS: Readonly<Record<StateCommand, Transition>> = {
  reserve: { from: ['Assigned'], to: 'Reserved' },
  cancelReservation: { from: ['Reserved'], to: 'Assigned' },
  markDelivered: { from: ['Reserved'], to: 'Delivered' },
  submitReport: { from: ['Delivered'], to: 'ReportSubmitted' },
  redeem: {
    from: ['ReportSubmitted'],
    to: 'Redeemed',
    tooEarly: { states: ['Assigned', 'Reserved', 'Delivered'], rule: 'redemption.reportNotSubmitted' },
  },
  requestPayment: {
    from: ['Redeemed'],
    to: 'PaymentRequested',
    tooEarly: { states: PRE_REDEMPTION_STATES, rule: 'payment.notRedeemed' },
  },
  recordApproval: { from: ['PaymentRequested'], to: 'same' },
  recordPayment: { from: ['PaymentRequested'], to: 'Paid' },
  recordDenial: { from: ['PaymentRequested'], to: 'Denied' },
  expire: { from: PRE_REDEMPTION_STATES, to: 'Expired' },
  // From Expired too: a corrected Partner Center expiry that is not past restores the state it expired from.
  setExpiry: { from: [...PRE_REDEMPTION_STATES, 'Expired'], to: 'same' },
};

/** States in which a voucher can still expire (not yet redeemed, not closed). */
export const EXPIRABLE_STATES: readonly VoucherState[] = TRANSITIONS.expire.from;

/** The state a command leads to from `from`, or undefined when it is not allowed there. */
export function targetState(command: StateCommand, from: VoucherState): VoucherState | undefined {
  const t = TRANSITIONS[command];
  if (!t.from.includes(from)) return undefined;
  return t.to === 'same' ? from : t.to;
}

/** Commands that may run on a voucher in `state` (for cards: which buttons to show). */
export function allowedCommands(state: VoucherState): StateCommand[] {
  return (Object.keys(TRANSITIONS) as StateCommand[]).filter((c) => TRANSITIONS[c].from.includes(state));
}
