// What a person may do with a voucher now: its state's step, if their roles allow it. One rule for every
// surface — the bot's detail card and the tab's voucher detail show the same buttons.
import type { Organization, Voucher } from './model';
import { rolesOf } from './roles';
import { TRANSITIONS } from './transitions';

export const VOUCHER_ACTION_IDS = [
  'reserve',
  'cancelReservation',
  'markDelivered',
  'submitReport',
  'redeem',
  'requestPayment',
  'recordOutcome',
  /** The exact expiry Partner Center shows; offered while the expiry can still matter. */
  'setExpiry',
] as const;
export type VoucherActionId = (typeof VOUCHER_ACTION_IDS)[number];

/** MPN partner admin or Global admin (a Global admin may do everything). */
export function isVoucherAdmin(org: Organization, userId: string): boolean {
  const roles = rolesOf(org, userId);
  return roles.includes('globalAdmin') || roles.includes('mpnPartnerAdmin');
}

/** The state's step: admins always, the reservation's consultants for delivery and the report. */
function stepActions(v: Voucher, admin: boolean, assigned: boolean): VoucherActionId[] {
  switch (v.state) {
    case 'Assigned':
      return admin ? ['reserve'] : [];
    case 'Reserved':
      return [
        ...(admin || assigned ? (['markDelivered'] as const) : []),
        ...(admin ? (['cancelReservation'] as const) : []),
      ];
    case 'Delivered':
      return admin || assigned ? ['submitReport'] : [];
    case 'ReportSubmitted':
      return admin ? ['redeem'] : [];
    case 'Redeemed':
      return admin ? ['requestPayment'] : [];
    case 'PaymentRequested':
      return admin ? ['recordOutcome'] : [];
    default:
      return [];
  }
}

/** The actions `userId` may take on `v` now, in the order the cards and the tab show them. */
export function voucherActionsFor(v: Voucher, org: Organization, userId: string): VoucherActionId[] {
  const admin = isVoucherAdmin(org, userId);
  const assigned = v.reservation?.consultants.includes(userId) === true;
  const actions = stepActions(v, admin, assigned);
  return admin && TRANSITIONS.setExpiry.from.includes(v.state) ? [...actions, 'setExpiry'] : actions;
}
