// The guards of step 5 (PRODUCT.md §4), each a named function returning the refusals it finds.
import type { z } from 'zod';
import type { VoucherContext } from '../context';
import { isEnrollmentLapsed } from '../deadlines';
import { qualifyingCompetency } from '../eligibility-checklist';
import type {
  Engagement,
  Enrollment,
  IsoDate,
  Organization,
  Refusal,
  ReserveInput,
  Rules,
  Voucher,
} from '../model';
import { refusal } from '../result';
import { findPerson, hasRole } from '../roles';
import { findEngagement, findOffering } from '../rules';
import { STATES_COUNTED_FOR_CUSTOMER_LIMIT } from '../voucher-states';

type ReservationFields = z.output<typeof ReserveInput>;

/** The customer as the 15-day rule sees it: a different division, legal entity or product is a different one. */
export function customerKey(v: Pick<Voucher, 'customer'>): string {
  const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  const c = v.customer;
  return [c.name, c.division, c.legalEntity, c.product].map(norm).join('|');
}

/** Enrolled in the voucher's offering, and the enrolment not lapsed. */
export function enrolledGuard(
  voucher: Voucher,
  enrollment: Enrollment | undefined,
  rules: Rules,
  today: IsoDate,
): Refusal[] {
  if (!enrollment) return [refusal('reservation.notEnrolled', { offeringId: voucher.offeringId })];
  if (!isEnrollmentLapsed(enrollment, rules, today)) return [];
  const enrolledOn = enrollment.renewedOn ?? enrollment.enrolledOn;
  return [refusal('reservation.enrollmentLapsed', { offeringId: voucher.offeringId, enrolledOn })];
}

/** The engagement of the voucher's offering, or the refusal naming the engagements it has. */
export function findVoucherEngagement(
  rules: Rules,
  voucher: Voucher,
  engagementId: string,
): { engagement: Engagement } | { refusals: Refusal[] } {
  const found = findEngagement(rules, engagementId);
  if (found && found.offering.id === voucher.offeringId) return { engagement: found.engagement };
  const offering = findOffering(rules, voucher.offeringId);
  const known = offering ? offering.engagements.map((e) => e.id) : [];
  return {
    refusals: [
      refusal('reservation.engagementUnknown', { offeringId: voucher.offeringId, engagementId, known }),
    ],
  };
}

/** The organisation holds a competency the engagement requires, valid today and at its level. */
export function competencyGuard(org: Organization, engagement: Engagement, today: IsoDate): Refusal[] {
  if (qualifyingCompetency(org, engagement, today)) return [];
  return [
    refusal('reservation.competencyMissing', {
      engagementId: engagement.id,
      anyOf: engagement.requiredCompetencies.map((c) => c.name),
      minimumLevels: engagement.requiredCompetencies.map((c) => c.minimumLevel),
    }),
  ];
}

/** The voucher's days are a service level of the engagement and within its maximum. */
export function serviceLevelGuards(engagement: Engagement, days: number): Refusal[] {
  const problems: Refusal[] = [];
  if (!engagement.serviceLevels.includes(days)) {
    problems.push(
      refusal('reservation.serviceLevelNotAllowed', {
        engagementId: engagement.id,
        days,
        allowed: engagement.serviceLevels,
      }),
    );
  }
  if (days > engagement.maximumDays) {
    problems.push(
      refusal('reservation.exceedsEngagementMaximum', {
        engagementId: engagement.id,
        days,
        maximumDays: engagement.maximumDays,
      }),
    );
  }
  return problems;
}

/** The 15-day rule: days of this engagement type for this customer, over the tenant's other vouchers. */
export function customerLimitGuard(ctx: VoucherContext, voucher: Voucher, engagement: Engagement): Refusal[] {
  const key = customerKey(voucher);
  const already = (ctx.vouchers ?? [])
    .filter((o) => o.id !== voucher.id && STATES_COUNTED_FOR_CUSTOMER_LIMIT.includes(o.state))
    .filter((o) => o.reservation?.engagementId === engagement.id && customerKey(o) === key)
    .reduce((sum, o) => sum + (o.completionReport?.daysDelivered ?? o.days), 0);
  const limit = ctx.rules.engagementLimits.maximumDaysPerCustomer;
  if (already + voucher.days <= limit) return [];
  return [
    refusal('reservation.exceedsCustomerLimit', {
      customer: voucher.customer.name,
      engagementId: engagement.id,
      alreadyDays: already,
      requestedDays: voucher.days,
      limit,
    }),
  ];
}

/** The partner location is approved for the offering, and the delivery country is that location's. */
export function locationGuard(voucher: Voucher, enrollment: Enrollment, i: ReservationFields): Refusal[] {
  const location = enrollment.approvedLocations.find((l) => l.id === i.partnerLocationId);
  if (!location) {
    return [
      refusal('reservation.locationUnknown', {
        offeringId: voucher.offeringId,
        partnerLocationId: i.partnerLocationId,
        known: enrollment.approvedLocations.map((l) => l.id),
      }),
    ];
  }
  if (location.country === i.deliveryCountry) return [];
  return [
    refusal('reservation.countryNotApproved', {
      deliveryCountry: i.deliveryCountry,
      partnerLocationId: location.id,
      locationCountry: location.country,
      approvedCountries: [...new Set(enrollment.approvedLocations.map((l) => l.country))],
    }),
  ];
}

/** Reserved before the planned start, and the planned end not before the start. */
export function plannedDatesGuards(i: ReservationFields, today: IsoDate): Refusal[] {
  const problems: Refusal[] = [];
  if (!(today < i.plannedStart))
    problems.push(refusal('reservation.startNotInFuture', { plannedStart: i.plannedStart, today }));
  if (i.plannedEnd < i.plannedStart) {
    problems.push(
      refusal('reservation.endBeforeStart', { plannedStart: i.plannedStart, plannedEnd: i.plannedEnd }),
    );
  }
  return problems;
}

/** Off-site days at most the rules' maximum, and never more than the voucher's days. */
export function offsiteDaysGuard(rules: Rules, voucher: Voucher, offsiteDays: number): Refusal[] {
  const maximum = Math.min(rules.engagementLimits.maximumOffsiteDays, voucher.days);
  return offsiteDays > maximum ? [refusal('reservation.offsiteDaysExceeded', { offsiteDays, maximum })] : [];
}

/** At least one consultant, each holding the consultant role. */
export function consultantsGuards(org: Organization, consultants: readonly string[]): Refusal[] {
  const problems: Refusal[] = [];
  if (consultants.length === 0) problems.push(refusal('reservation.consultantRequired'));
  for (const userId of consultants) {
    if (!hasRole(org, userId, 'consultant')) {
      problems.push(
        refusal('reservation.consultantUnknown', { userId, name: findPerson(org, userId)?.name ?? '' }),
      );
    }
  }
  return problems;
}
