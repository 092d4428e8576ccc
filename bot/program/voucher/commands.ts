// The voucher commands by name, for the verb router: `voucher.<command>` → the command (input validated inside).
import type { VoucherContext } from '../context';
import type { Actor, Result, Voucher } from '../model';
import type { StateCommand } from '../transitions';
import { markDelivered } from './deliver';
import { expireVoucher, setVoucherExpiry } from './expiry';
import { recordPaymentApproval, recordPaymentDenial, recordPaymentReceived, requestPayment } from './payment';
import { redeemVoucher } from './redeem';
import { submitCompletionReport } from './report';
import { cancelReservation, reserveVoucher } from './reserve';

type CommandFn = (voucher: Voucher, input: never, actor: Actor, ctx: VoucherContext) => Result<Voucher>;

export const VOUCHER_COMMAND_HANDLERS: Readonly<Record<StateCommand, CommandFn>> = {
  reserve: reserveVoucher,
  cancelReservation,
  markDelivered,
  submitReport: submitCompletionReport,
  redeem: redeemVoucher,
  requestPayment,
  recordApproval: recordPaymentApproval,
  recordPayment: recordPaymentReceived,
  recordDenial: recordPaymentDenial,
  expire: expireVoucher,
  setExpiry: setVoucherExpiry,
};

export function applyVoucherCommand(
  voucher: Voucher,
  command: StateCommand,
  input: unknown,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const handler = VOUCHER_COMMAND_HANDLERS[command] as (
    v: Voucher,
    i: unknown,
    a: Actor,
    c: VoucherContext,
  ) => Result<Voucher>;
  return handler(voucher, input, actor, ctx);
}
