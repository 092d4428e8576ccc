// Named groups of voucher states, all derived from the one list (`VoucherState`, in lifecycle order).
import { VoucherState, type Voucher } from './model';

export const VOUCHER_STATES: readonly VoucherState[] = VoucherState.options;

/** States in which nothing more happens to a voucher (an Expired one may only have its expiry corrected). */
export const CLOSED_STATES: readonly VoucherState[] = ['Paid', 'Denied', 'Expired'];

/** States in which a voucher number is in use: a second voucher with the same number is refused. */
export const ACTIVE_VOUCHER_STATES: readonly VoucherState[] = VOUCHER_STATES.filter(
  (s) => !CLOSED_STATES.includes(s),
);

/** States before redemption (a voucher can still expire in these). */
export const PRE_REDEMPTION_STATES: readonly VoucherState[] = VOUCHER_STATES.slice(
  0,
  VOUCHER_STATES.indexOf('Redeemed'),
);

/** States whose engagement days count towards the 15-day rule: reserved and not dropped (cancelled or expired). */
export const STATES_COUNTED_FOR_CUSTOMER_LIMIT: readonly VoucherState[] = VOUCHER_STATES.filter(
  (s) => s !== 'Assigned' && s !== 'Expired',
);

export function isActive(voucher: Voucher): boolean {
  return ACTIVE_VOUCHER_STATES.includes(voucher.state);
}
