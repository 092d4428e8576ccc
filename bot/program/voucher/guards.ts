// Voucher guards used by several steps, and the one spelling of a voucher number.
import type { VoucherContext } from '../context';
import { isVoucherExpired, voucherExpiryDate } from '../deadlines';
import type { IsoDate, Refusal, Rules, Voucher } from '../model';
import { refusal } from '../result';
import { isActive } from '../voucher-states';

/** An example the refusal of a malformed voucher number can show. */
export const VOUCHER_NUMBER_EXAMPLE = 'A1B2-C3D4-E5F6';

/** The one spelling everything compares and stores: trimmed, upper case (Partner Center and VLSC do not
 *  distinguish "abc-1" from "ABC-1"). */
export function voucherNumberKey(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Trimmed and upper-cased; letters, digits and dashes per the rules' pattern (PRODUCT.md §9). */
export function normalizeVoucherNumber(raw: string, pattern: string): string | undefined {
  const trimmed = raw.trim();
  return new RegExp(pattern).test(trimmed) ? voucherNumberKey(trimmed) : undefined;
}

/** `voucher.alreadyActive` when another active voucher of the tenant has this number. */
export function numberNotActiveElsewhere(
  ctx: VoucherContext,
  voucherNumber: string,
  exceptId?: string,
): Refusal[] {
  const key = voucherNumberKey(voucherNumber);
  const other = (ctx.vouchers ?? []).find(
    (o) => o.id !== exceptId && voucherNumberKey(o.voucherNumber) === key && isActive(o),
  );
  return other
    ? [refusal('voucher.alreadyActive', { voucherNumber, voucherId: other.id, state: other.state })]
    : [];
}

/** `voucher.expired` when the voucher is past its last valid day on `day`. */
export function notExpiredOn(voucher: Voucher, rules: Rules, day: IsoDate): Refusal[] {
  if (!isVoucherExpired(voucher, rules, day)) return [];
  return [refusal('voucher.expired', { expiresOn: voucherExpiryDate(voucher, rules) ?? null, today: day })];
}
