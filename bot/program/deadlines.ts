// Every date the program imposes, computed from a document and the rules (PRODUCT.md §4, §5).
import { addDays, addMonths } from './dates';
import type { Enrollment, IsoDate, Organization, Rules, VoucherFacts } from './model';
import { EXPIRABLE_STATES } from './transitions';

/** The day the lifetime clock starts, per the rules; undefined while that event has not happened. */
export function clockStartDate(voucher: VoucherFacts, rules: Rules): IsoDate | undefined {
  switch (rules.voucher.clockStart) {
    case 'creation':
      // The creation date is often unknown to the partner; the assignment is the closest known event.
      return voucher.createdOn ?? voucher.assignedOn;
    case 'assignment':
      return voucher.assignedOn;
    case 'reservation':
      return voucher.reservation?.reservedOn;
  }
}

/** Last day the voucher is valid: the user-entered Partner Center date wins, else clock start + lifetime. */
export function voucherExpiryDate(voucher: VoucherFacts, rules: Rules): IsoDate | undefined {
  if (voucher.expiresOn) return voucher.expiresOn;
  const start = clockStartDate(voucher, rules);
  return start ? addDays(start, rules.voucher.lifetimeDays) : undefined;
}

/** Expired on `day` when `day` is after the last valid day. */
export function isVoucherExpired(voucher: VoucherFacts, rules: Rules, day: IsoDate): boolean {
  const expiry = voucherExpiryDate(voucher, rules);
  return expiry !== undefined && day > expiry;
}

/** The completion report is due once the engagement's planned end is reached. */
export function reportDueDate(voucher: VoucherFacts): IsoDate | undefined {
  return voucher.reservation?.plannedEnd;
}

/** Last day to request payment: redemption + payment window. */
export function paymentRequestDeadline(voucher: VoucherFacts, rules: Rules): IsoDate | undefined {
  return voucher.redemption
    ? addDays(voucher.redemption.redeemedOn, rules.payment.requestWindowDays)
    : undefined;
}

/** Day by which Microsoft is expected to pay: approval + expected delay (legacy). */
export function expectedPaymentDate(voucher: VoucherFacts, rules: Rules): IsoDate | undefined {
  const approved = voucher.paymentRequest?.approvedOn;
  return approved ? addDays(approved, rules.payment.expectedPaymentDays) : undefined;
}

/** The deadline that matters in the voucher's current state (kept on the document as `dueOn`). */
export function voucherDueDate(voucher: VoucherFacts, rules: Rules): IsoDate | undefined {
  switch (voucher.state) {
    case 'Assigned':
    case 'ReportSubmitted':
      return voucherExpiryDate(voucher, rules);
    case 'Reserved':
    case 'Delivered': {
      const report = reportDueDate(voucher);
      const expiry = voucherExpiryDate(voucher, rules);
      if (report && expiry) return report < expiry ? report : expiry;
      return report ?? expiry;
    }
    case 'Redeemed':
      return paymentRequestDeadline(voucher, rules);
    case 'PaymentRequested':
      return expectedPaymentDate(voucher, rules);
    default:
      return undefined;
  }
}

export type VoucherDeadlineKind =
  'voucherExpiry' | 'reserveVoucher' | 'reportDue' | 'redeem' | 'paymentWindow' | 'paymentFollowUp';

export interface VoucherDeadline {
  kind: VoucherDeadlineKind;
  due: IsoDate;
}

function lastOffset(offsets: readonly number[]): number {
  return offsets.reduce((m, o) => Math.max(m, o), 0);
}

/** A voucher's open deadlines in its state, soonest first. Reserving and redeeming have no hard date: they are
 *  late once their last reminder offset has passed (PRODUCT.md §5). */
export function voucherDeadlines(voucher: VoucherFacts, rules: Rules): VoucherDeadline[] {
  const out: VoucherDeadline[] = [];
  const add = (kind: VoucherDeadlineKind, due: IsoDate | undefined): void => {
    if (due) out.push({ kind, due });
  };
  if (EXPIRABLE_STATES.includes(voucher.state)) add('voucherExpiry', voucherExpiryDate(voucher, rules));
  if (voucher.state === 'Assigned')
    add('reserveVoucher', addDays(voucher.intakeOn, lastOffset(rules.reminders.voucherReserve)));
  if (voucher.state === 'Reserved' || voucher.state === 'Delivered') add('reportDue', reportDueDate(voucher));
  if (voucher.state === 'ReportSubmitted' && voucher.completionReport) {
    add(
      'redeem',
      addDays(voucher.completionReport.submittedOn, lastOffset(rules.reminders.redeemAfterReport)),
    );
  }
  if (voucher.state === 'Redeemed') add('paymentWindow', paymentRequestDeadline(voucher, rules));
  const pr = voucher.paymentRequest;
  if (voucher.state === 'PaymentRequested' && !pr?.paidOn && !pr?.deniedOn)
    add('paymentFollowUp', expectedPaymentDate(voucher, rules));
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** Renewal is due one enrolment period after the last renewal (or the enrolment). */
export function enrollmentRenewalDue(enrollment: Enrollment, rules: Rules): IsoDate {
  return addMonths(enrollment.renewedOn ?? enrollment.enrolledOn, rules.enrollment.periodMonths);
}

/** Renewal opens with the earliest renewal reminder (the rules' first offset before the due date). */
export function enrollmentRenewalOpensOn(enrollment: Enrollment, rules: Rules): IsoDate {
  return addDays(enrollmentRenewalDue(enrollment, rules), Math.min(0, ...rules.reminders.enrollmentRenewal));
}

/** Renewing is offered from the opening day on, and once lapsed. */
export function isEnrollmentRenewalOpen(enrollment: Enrollment, rules: Rules, day: IsoDate): boolean {
  return isEnrollmentLapsed(enrollment, rules, day) || day >= enrollmentRenewalOpensOn(enrollment, rules);
}

/** Lapsed when recorded as lapsed, or when the renewal date has passed without a renewal. */
export function isEnrollmentLapsed(enrollment: Enrollment, rules: Rules, day: IsoDate): boolean {
  if (enrollment.lapsedOn && enrollment.lapsedOn <= day) return true;
  return day > enrollmentRenewalDue(enrollment, rules);
}

export function findEnrollment(org: Organization, offeringId: string): Enrollment | undefined {
  return org.enrollments.find((e) => e.offeringId === offeringId);
}

/** The business profile should be refreshed this day (undefined: never recorded). */
export function businessProfileDue(org: Organization, rules: Rules): IsoDate | undefined {
  const last = org.businessProfile?.lastUpdatedOn;
  return last ? addMonths(last, rules.businessProfile.staleAfterMonths) : undefined;
}
