// refusalMessage: a domain refusal { rule, params } in the reader's words.
import type { RuleId } from '../program';
import { REFUSAL_KEYS } from './dynamic-keys';
import type { Locale } from './locale';
import { blankUnfilled, localizeParams } from './params';
import { t } from './translate';

/**
 * The parameters bot/program sends with each refusal (read from its guards). A test checks that every
 * message's {placeholders} are among them, so a renamed parameter in a guard shows up as a failing test.
 */
export const REFUSAL_PARAMS: Record<RuleId, readonly string[]> = {
  'input.invalid': ['field', 'issue'],
  'date.inFuture': ['field', 'value', 'today'],
  'date.beforeReport': ['field', 'value', 'reportOn'],
  'date.beforeRedemption': ['field', 'value', 'redeemedOn'],
  'date.beforeRequest': ['field', 'value', 'requestedOn'],
  'role.required': ['command', 'requiredRoles', 'holders', 'holderNames'],
  'transition.notAllowed': ['command', 'from', 'to'],
  'bootstrap.globalAdminExists': ['holders', 'holderNames'],
  'person.unknown': ['userId'],
  'role.lastGlobalAdmin': ['userId'],
  'settings.timeZoneInvalid': ['timeZone'],
  'settings.localeUnsupported': ['locale', 'supported'],
  'person.notConsultant': ['userId', 'name'],
  'competency.unknown': ['name', 'known'],
  'assessment.unknown': ['userId', 'assessmentId'],
  'enrollment.offeringUnknown': ['offeringId', 'known'],
  'enrollment.agreementAfterEnrollment': ['agreementSignedOn', 'enrolledOn'],
  'enrollment.notFound': ['offeringId'],
  'enrollment.alreadyEnrolled': ['offeringId', 'enrolledOn'],
  'enrollment.renewalNotOpen': ['offeringId', 'opensOn', 'dueOn'],
  'savb.alreadyRegistered': ['offeringId', 'registeredOn'],
  'savb.noRedemptionYet': ['offeringId'],
  'voucher.numberInvalid': ['value', 'example'],
  'voucher.alreadyActive': ['voucherNumber', 'voucherId', 'state'],
  'voucher.offeringUnknown': ['offeringId', 'known'],
  'voucher.assignmentClosed': ['cutoff', 'assignedOn'],
  'voucher.expiryBeforeAssignment': ['expiresOn', 'assignedOn'],
  'voucher.expired': ['expiresOn', 'today'],
  'reservation.notEnrolled': ['offeringId'],
  'reservation.enrollmentLapsed': ['offeringId', 'enrolledOn'],
  'reservation.engagementUnknown': ['engagementId', 'offeringId', 'known'],
  'reservation.competencyMissing': ['engagementId', 'anyOf', 'minimumLevels'],
  'reservation.locationUnknown': ['offeringId', 'partnerLocationId', 'known'],
  'reservation.countryNotApproved': [
    'deliveryCountry',
    'partnerLocationId',
    'locationCountry',
    'approvedCountries',
  ],
  'reservation.startNotInFuture': ['plannedStart', 'today'],
  'reservation.endBeforeStart': ['plannedStart', 'plannedEnd'],
  'reservation.serviceLevelNotAllowed': ['engagementId', 'days', 'allowed'],
  'reservation.exceedsEngagementMaximum': ['engagementId', 'days', 'maximumDays'],
  'reservation.exceedsCustomerLimit': ['customer', 'engagementId', 'alreadyDays', 'requestedDays', 'limit'],
  'reservation.offsiteDaysExceeded': ['offsiteDays', 'maximum'],
  'reservation.consultantRequired': [],
  'reservation.consultantUnknown': ['userId', 'name'],
  'reservation.reasonRequired': [],
  'delivery.notStarted': ['plannedStart', 'today'],
  'report.engagementNotEnded': ['actualEnd', 'today'],
  'report.endBeforeStart': ['actualStart', 'actualEnd'],
  'report.deliverableRequired': [],
  'report.consultantRequired': [],
  'report.consultantNotQualified': ['userId', 'name', 'assessmentId', 'competencies'],
  'report.daysExceedVoucher': ['daysDelivered', 'voucherDays'],
  'redemption.reportNotSubmitted': [],
  'redemption.closed': ['closedFrom', 'redeemedOn'],
  'payment.notRedeemed': [],
  'payment.savbRegistrationMissing': ['offeringId', 'globalAdmins', 'globalAdminNames'],
  'payment.windowClosed': ['redeemedOn', 'deadline', 'requestedOn'],
  'payment.alreadyApproved': ['approvedOn'],
  'payment.reasonRequired': [],
  'expiry.notReached': ['expiresOn', 'today'],
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
