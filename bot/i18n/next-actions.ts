// nextActionMessage: a domain NextAction { id, params } as one sentence for "what's next?".
import type { NextActionId } from '../program';
import { NEXT_ACTION_KEYS } from './dynamic-keys';
import type { Locale } from './locale';
import { blankUnfilled, localizeParams } from './params';
import { t } from './translate';

/** The parameters each next-action message expects (contract with bot/program, checked by test). */
export const NEXT_ACTION_PARAMS: Record<NextActionId, readonly string[]> = {
  'role.claimGlobalAdmin': [],
  'role.assignPartnerAdmin': [],
  'eligibility.completeTraining': [],
  'eligibility.recordCompetency': [],
  'eligibility.renewCompetency': ['competency', 'validUntil'],
  'enrollment.enroll': [],
  'enrollment.renew': ['offeringId'],
  'businessProfile.update': [],
  'savb.register': ['offeringId'],
  'voucher.intake': [],
  'voucher.reserve': ['voucherNumber'],
  'voucher.awaitEngagementStart': ['voucherNumber', 'plannedStart'],
  'voucher.markDelivered': ['voucherNumber'],
  'report.submit': ['voucherNumber'],
  'voucher.redeem': ['voucherNumber'],
  'payment.request': ['voucherNumber'],
  'payment.awaitApproval': ['voucherNumber'],
  'payment.awaitPayment': ['voucherNumber'],
  'payment.followUp': ['voucherNumber'],
  'voucher.closedPaid': ['voucherNumber'],
  'voucher.closedDenied': ['voucherNumber'],
  'voucher.closedExpired': ['voucherNumber'],
};

export interface NextActionLike {
  id: NextActionId;
  params?: Record<string, unknown>;
}

export function nextActionMessage(locale: Locale, action: NextActionLike, timeZone?: string): string {
  return blankUnfilled(t(locale, NEXT_ACTION_KEYS[action.id], localizeParams(locale, action.params, timeZone)));
}
