// nextActionMessage: a domain NextAction { id, params } as one sentence for "what's next?".
import type { NextActionId } from '../program';
import { NEXT_ACTION_KEYS } from './dynamic-keys';
import type { Locale } from './locale';
import { blankUnfilled, localizeParams } from './params';
import { t } from './translate';

/** The parameters bot/program/next.ts sends with each action; messages may use only these (checked by test). */
export const NEXT_ACTION_PARAMS: Record<NextActionId, readonly string[]> = {
  'role.claimGlobalAdmin': [],
  'role.assignPartnerAdmin': [],
  'eligibility.completeTraining': [],
  'eligibility.recordCompetency': ['offerings'],
  'eligibility.renewCompetency': ['competencies'],
  'enrollment.enroll': ['offeringId', 'lapsed', 'offerings'],
  'enrollment.renew': ['offeringId', 'daysLeft'],
  'businessProfile.update': ['lastUpdatedOn'],
  'savb.register': ['voucherId', 'voucherNumber', 'offeringId'],
  'voucher.intake': ['offerings'],
  'voucher.reserve': ['voucherId', 'voucherNumber', 'offeringId'],
  'voucher.awaitEngagementStart': [
    'voucherId',
    'voucherNumber',
    'offeringId',
    'plannedStart',
    'plannedEnd',
    'consultants',
  ],
  'voucher.markDelivered': ['voucherId', 'voucherNumber', 'offeringId', 'consultants'],
  'report.submit': ['voucherId', 'voucherNumber', 'offeringId', 'consultants'],
  'voucher.redeem': ['voucherId', 'voucherNumber', 'offeringId'],
  'payment.request': ['voucherId', 'voucherNumber', 'offeringId'],
  'payment.awaitApproval': ['voucherId', 'voucherNumber', 'offeringId'],
  'payment.awaitPayment': ['voucherId', 'voucherNumber', 'offeringId'],
  'payment.followUp': ['voucherId', 'voucherNumber', 'offeringId'],
  'voucher.closedPaid': ['voucherId', 'voucherNumber', 'offeringId', 'paidOn', 'amount', 'currency'],
  'voucher.closedDenied': ['voucherId', 'voucherNumber', 'offeringId', 'reason'],
  'voucher.closedExpired': ['voucherId', 'voucherNumber', 'offeringId', 'expiresOn', 'pendingExpiry'],
};

export interface NextActionLike {
  id: NextActionId;
  params?: Record<string, unknown>;
}

export function nextActionMessage(locale: Locale, action: NextActionLike, timeZone?: string): string {
  return blankUnfilled(
    t(locale, NEXT_ACTION_KEYS[action.id], localizeParams(locale, action.params, timeZone)),
  );
}

/** For callers holding a plain string id (cards' view models): true when it is one we have words for. */
export function isNextActionId(id: string): id is NextActionId {
  return Object.prototype.hasOwnProperty.call(NEXT_ACTION_KEYS, id);
}
