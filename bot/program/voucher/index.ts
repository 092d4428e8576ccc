// The voucher aggregate's commands (PRODUCT.md §2 steps 4–8, §4), one file per step. Each is
// (voucher, input, actor, context) → the new voucher with one audit entry, or every refusal that applies.
export { markDelivered } from './deliver';
export { expireVoucher, setVoucherExpiry, stateBeforeExpiry } from './expiry';
export { normalizeVoucherNumber, VOUCHER_NUMBER_EXAMPLE, voucherNumberKey } from './guards';
export { intakeVoucher } from './intake';
export { recordPaymentApproval, recordPaymentDenial, recordPaymentReceived, requestPayment } from './payment';
export { redeemVoucher } from './redeem';
export { submitCompletionReport } from './report';
export { cancelReservation, reserveVoucher } from './reserve';
export { customerKey } from './reserve-guards';
