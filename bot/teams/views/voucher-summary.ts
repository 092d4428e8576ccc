// What every voucher card starts from: its ids and ETag, the organisation's day, and the voucher's facts.
import type { VoucherSummary } from '../../../cards';
import { findEngagement, type Voucher, type VoucherState } from '../../program';
import type { Stored } from '../../store';
import { offeringName, type ViewEnv } from './view-env';

/** States in which the Partner Center expiry still matters, so the summary shows it. */
const EXPIRY_SHOWN: readonly VoucherState[] = ['Assigned', 'Reserved', 'Delivered', 'ReportSubmitted'];

export interface VoucherCardBase {
  voucherId: string;
  etag: string;
  today: string;
  voucher: VoucherSummary;
}

/** `today`: the organisation's date; `expiresOn`: the voucher's last valid day (voucherExpiryDate). */
export function voucherCardBase(
  env: ViewEnv,
  stored: Stored<Voucher>,
  today: string,
  expiresOn: string | undefined,
): VoucherCardBase {
  return {
    voucherId: stored.doc.id,
    etag: stored.etag,
    today,
    voucher: voucherSummary(env, stored.doc, expiresOn),
  };
}

function voucherSummary(env: ViewEnv, v: Voucher, expiresOn: string | undefined): VoucherSummary {
  const engagement = v.reservation
    ? findEngagement(env.rules, v.reservation.engagementId)?.engagement.name
    : undefined;
  return {
    voucherNumber: v.voucherNumber,
    customerName: v.customer.name,
    offeringName: offeringName(env.rules, v.offeringId),
    ...(engagement ? { engagementName: engagement } : {}),
    days: v.days,
    state: v.state,
    ...(expiresOn && EXPIRY_SHOWN.includes(v.state) ? { expiresOn } : {}),
  };
}
