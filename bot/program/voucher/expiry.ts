// Expiry: a voucher past its last valid day becomes Expired; the exact Partner Center expiry can correct it.
import type { VoucherContext } from '../context';
import { isVoucherExpired, voucherExpiryDate } from '../deadlines';
import {
  MarkDeliveredInput,
  SetExpiryInput,
  type Actor,
  type Refusal,
  type Result,
  type Voucher,
  type VoucherState,
} from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';
import { EXPIRABLE_STATES } from '../transitions';
import { numberNotActiveElsewhere } from './guards';
import { runVoucherCommand, type VoucherChange } from './run';

/** Moves a voucher past its last valid day to Expired (the app does this as the system actor). */
export function expireVoucher(
  voucher: Voucher,
  input: unknown,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  // The input is empty, shaped like markDelivered's.
  const spec = {
    command: 'expire',
    schema: MarkDeliveredInput,
    role: { ...PARTNER_ADMIN, system: true },
  } as const;
  return runVoucherCommand(spec, voucher, input ?? {}, actor, ctx, (_i, today) => {
    const expiresOn = voucherExpiryDate(voucher, ctx.rules);
    if (!isVoucherExpired(voucher, ctx.rules, today))
      return [refusal('expiry.notReached', { expiresOn: expiresOn ?? null, today })];
    return { details: { expiresOn: expiresOn ?? null } };
  });
}

/**
 * The state an Expired voucher expired from: the `from` of its last expiry in the audit trail, else what its
 * records imply (a report → ReportSubmitted, a reservation → Reserved, else Assigned).
 */
export function stateBeforeExpiry(voucher: Voucher): VoucherState {
  const last = [...voucher.audit].reverse().find((e) => e.action === 'voucher.expire');
  const from = EXPIRABLE_STATES.find((s) => s === last?.from);
  if (from) return from;
  if (voucher.completionReport) return 'ReportSubmitted';
  if (voucher.reservation) return 'Reserved';
  return 'Assigned';
}

/**
 * Records the exact expiry Partner Center shows; it then wins over the computed one. On an Expired voucher a
 * corrected expiry that is not past returns it to the state it expired from (PRODUCT.md §4).
 */
export function setVoucherExpiry(
  voucher: Voucher,
  input: SetExpiryInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'setExpiry', schema: SetExpiryInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const problems: Refusal[] = [];
    if (i.expiresOn < voucher.assignedOn) {
      problems.push(
        refusal('voucher.expiryBeforeAssignment', { expiresOn: i.expiresOn, assignedOn: voucher.assignedOn }),
      );
    }
    const change: VoucherChange = {
      patch: { expiresOn: i.expiresOn },
      details: { expiresOn: i.expiresOn, previous: voucher.expiresOn ?? null },
    };
    if (voucher.state === 'Expired') {
      if (i.expiresOn < today) problems.push(refusal('voucher.expired', { expiresOn: i.expiresOn, today }));
      problems.push(...numberNotActiveElsewhere(ctx, voucher.voucherNumber, voucher.id));
      change.to = stateBeforeExpiry(voucher);
    }
    return problems.length > 0 ? problems : change;
  });
}
