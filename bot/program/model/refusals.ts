// Refusals and results: every reason the engine can refuse something, as data. i18n words each rule; the
// domain has no English.
import { z } from 'zod';

export const RULE_IDS = [
  // generic
  'input.invalid',
  /** A date that must not be later than the actor's today (params: field, value, today). */
  'date.inFuture',
  /** A redemption date before the completion report was submitted (params: field, value, reportOn). */
  'date.beforeReport',
  /** A payment request date before the redemption (params: field, value, redeemedOn). */
  'date.beforeRedemption',
  /** An approval, payment or denial date before the payment request (params: field, value, requestedOn). */
  'date.beforeRequest',
  'role.required',
  'transition.notAllowed',
  // organisation: people and roles
  'bootstrap.globalAdminExists',
  'person.unknown',
  'role.lastGlobalAdmin',
  'settings.timeZoneInvalid',
  'settings.localeUnsupported',
  // organisation: eligibility, enrolment, profile, SAVB
  'person.notConsultant',
  'competency.unknown',
  'assessment.unknown',
  'enrollment.offeringUnknown',
  'enrollment.agreementAfterEnrollment',
  'enrollment.notFound',
  'enrollment.alreadyEnrolled',
  'enrollment.renewalNotOpen',
  'savb.alreadyRegistered',
  'savb.noRedemptionYet',
  // voucher intake (step 4)
  'voucher.numberInvalid',
  'voucher.alreadyActive',
  'voucher.offeringUnknown',
  'voucher.assignmentClosed',
  'voucher.expiryBeforeAssignment',
  // any step
  'voucher.expired',
  // reserve (step 5)
  'reservation.notEnrolled',
  'reservation.enrollmentLapsed',
  'reservation.engagementUnknown',
  'reservation.competencyMissing',
  'reservation.locationUnknown',
  'reservation.countryNotApproved',
  'reservation.startNotInFuture',
  'reservation.endBeforeStart',
  'reservation.serviceLevelNotAllowed',
  'reservation.exceedsEngagementMaximum',
  'reservation.exceedsCustomerLimit',
  'reservation.offsiteDaysExceeded',
  'reservation.consultantRequired',
  'reservation.consultantUnknown',
  'reservation.reasonRequired',
  // deliver + report (step 6)
  'delivery.notStarted',
  'report.engagementNotEnded',
  'report.endBeforeStart',
  'report.deliverableRequired',
  'report.consultantRequired',
  'report.consultantNotQualified',
  'report.daysExceedVoucher',
  // redeem (step 7)
  'redemption.reportNotSubmitted',
  'redemption.closed',
  // payment (step 8)
  'payment.notRedeemed',
  'payment.savbRegistrationMissing',
  'payment.windowClosed',
  'payment.alreadyApproved',
  'payment.reasonRequired',
  // expiry
  'expiry.notReached',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

/** What i18n needs to explain a refusal: ids, dates, numbers, lists of names. Never sentences. */
export type RefusalParam = string | number | boolean | null | string[] | number[];
export type RefusalParams = Record<string, RefusalParam>;

export interface Refusal {
  rule: RuleId;
  params: RefusalParams;
}

/** A command's outcome. `refusals` lists every failed guard (the first is `refusal`) so a card can show all. */
export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal; refusals: Refusal[] };
