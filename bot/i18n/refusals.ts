// refusalMessage: a domain refusal { rule, params } in the reader's words.
import type { RuleId } from '../program';
import { REFUSAL_KEYS } from './dynamic-keys';
import type { Locale } from './locale';
import { blankUnfilled, localizeParams } from './params';
import { t } from './translate';

/**
 * The parameters each message expects from the domain. This is the contract with bot/program: a test checks
 * every message's {placeholders} against it, so a guard only needs to send these names.
 */
export const REFUSAL_PARAMS: Record<RuleId, readonly string[]> = {
  'input.invalid': ['field', 'issue'],
  'date.inFuture': ['field', 'value', 'today'],
  'role.required': ['command', 'requiredRoles', 'holders', 'holderNames'],
  'transition.notAllowed': ['state'],
  'bootstrap.globalAdminExists': ['holders', 'holderNames'],
  'person.unknown': [],
  'role.lastGlobalAdmin': [],
  'settings.timeZoneInvalid': ['timeZone'],
  'settings.localeUnsupported': ['locale'],
  'person.notConsultant': ['userId', 'name'],
  'competency.unknown': ['competency'],
  'assessment.unknown': [],
  'enrollment.offeringUnknown': ['offeringId'],
  'enrollment.agreementAfterEnrollment': ['agreementSignedOn', 'enrolledOn'],
  'enrollment.notFound': ['offeringId'],
  'enrollment.alreadyEnrolled': ['offeringId'],
  'savb.alreadyRegistered': ['offeringId', 'registeredOn'],
  'savb.noRedemptionYet': ['offeringId'],
  'voucher.numberInvalid': [],
  'voucher.alreadyActive': ['voucherNumber', 'state'],
  'voucher.offeringUnknown': ['offeringId'],
  'voucher.assignmentClosed': ['date'],
  'voucher.expiryBeforeAssignment': ['expiresOn', 'assignedOn'],
  'voucher.expired': ['expiresOn'],
  'reservation.notEnrolled': ['offeringId'],
  'reservation.enrollmentLapsed': ['offeringId', 'lapsedOn'],
  'reservation.engagementUnknown': ['engagementId', 'offeringId'],
  'reservation.competencyMissing': ['competencies'],
  'reservation.locationUnknown': [],
  'reservation.countryNotApproved': ['offeringId', 'country'],
  'reservation.startNotInFuture': ['plannedStart'],
  'reservation.endBeforeStart': ['plannedStart', 'plannedEnd'],
  'reservation.serviceLevelNotAllowed': ['days', 'allowed'],
  'reservation.exceedsEngagementMaximum': ['days', 'maximum'],
  'reservation.exceedsCustomerLimit': ['customer', 'total', 'maximum'],
  'reservation.offsiteDaysExceeded': ['maximum'],
  'reservation.consultantRequired': [],
  'reservation.consultantUnknown': [],
  'reservation.reasonRequired': [],
  'delivery.notStarted': ['plannedStart'],
  'report.engagementNotEnded': ['plannedEnd'],
  'report.endBeforeStart': [],
  'report.deliverableRequired': [],
  'report.consultantRequired': [],
  'report.consultantNotQualified': ['consultant', 'competencies'],
  'report.daysExceedVoucher': ['daysDelivered', 'days'],
  'redemption.reportNotSubmitted': [],
  'redemption.closed': ['date'],
  'payment.notRedeemed': [],
  'payment.savbRegistrationMissing': ['offeringId', 'holders', 'holderNames'],
  'payment.windowClosed': ['deadline'],
  'payment.alreadyApproved': [],
  'payment.reasonRequired': [],
  'expiry.notReached': ['expiresOn'],
};

/** Structural, so cards and tests can pass plain objects; the domain's Refusal fits. */
export interface RefusalLike {
  rule: RuleId;
  params?: Record<string, unknown>;
}

export function refusalMessage(locale: Locale, refusal: RefusalLike, timeZone?: string): string {
  const key = REFUSAL_KEYS[refusal.rule];
  return blankUnfilled(t(locale, key, localizeParams(locale, refusal.params, timeZone)));
}
