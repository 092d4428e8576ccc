// Step 2: enrolment per offering (enrol, renew, approved locations, a recorded lapse), and the one-time SAVB
// registration per offering that step 8 needs.
import { z } from 'zod';
import type { OrgContext } from '../context';
import { notInFuture } from '../date-guards';
import {
  enrollmentRenewalDue,
  enrollmentRenewalOpensOn,
  findEnrollment,
  isEnrollmentLapsed,
  isEnrollmentRenewalOpen,
} from '../deadlines';
import { IsoDate, PartnerLocation, type Actor, type Organization, type Refusal, type Result } from '../model';
import { refusal } from '../result';
import { GLOBAL_ADMIN_ONLY, PARTNER_ADMIN } from '../roles';
import { findOffering } from '../rules';
import { runOrganizationCommand } from './run';

/** The refusal, if any, for an offering the rules' catalogue does not have (it names the ones it has). */
function unknownOffering(ctx: OrgContext, offeringId: string): Refusal[] {
  if (findOffering(ctx.rules, offeringId)) return [];
  return [
    refusal('enrollment.offeringUnknown', {
      offeringId,
      known: ctx.rules.catalogue.offerings.map((o) => o.id),
    }),
  ];
}

export const EnrollInput = z.object({
  offeringId: z.string().trim().min(1),
  agreementSignedOn: IsoDate,
  enrolledOn: IsoDate,
  approvedLocations: z.array(PartnerLocation).min(1),
});
/** Records the agreement and the enrolment in one offering (or a fresh one after a lapse). */
export function enroll(
  org: Organization,
  input: z.input<typeof EnrollInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'enrollment.enroll', schema: EnrollInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems: Refusal[] = unknownOffering(ctx, i.offeringId);
      const current = findEnrollment(org, i.offeringId);
      if (current && !isEnrollmentLapsed(current, ctx.rules, today)) {
        problems.push(
          refusal('enrollment.alreadyEnrolled', { offeringId: i.offeringId, enrolledOn: current.enrolledOn }),
        );
      }
      if (i.agreementSignedOn > i.enrolledOn) {
        problems.push(
          refusal('enrollment.agreementAfterEnrollment', {
            agreementSignedOn: i.agreementSignedOn,
            enrolledOn: i.enrolledOn,
          }),
        );
      }
      problems.push(
        ...notInFuture('agreementSignedOn', i.agreementSignedOn, today),
        ...notInFuture('enrolledOn', i.enrolledOn, today),
      );
      if (problems.length > 0) return problems;
      const enrollment = {
        offeringId: i.offeringId,
        agreementSignedOn: i.agreementSignedOn,
        enrolledOn: i.enrolledOn,
        approvedLocations: i.approvedLocations,
      };
      return {
        doc: {
          ...org,
          enrollments: [...org.enrollments.filter((e) => e.offeringId !== i.offeringId), enrollment],
        },
        details: {
          offeringId: i.offeringId,
          enrolledOn: i.enrolledOn,
          countries: i.approvedLocations.map((l) => l.country),
        },
      };
    },
  );
}

export const RenewEnrollmentInput = z.object({
  offeringId: z.string().trim().min(1),
  renewedOn: IsoDate.optional(),
});
export function renewEnrollment(
  org: Organization,
  input: z.input<typeof RenewEnrollmentInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'enrollment.renew', schema: RenewEnrollmentInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const current = findEnrollment(org, i.offeringId);
      if (!current) return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      // The same rule that offers the button: before the window opens, renewing is refused, not recorded.
      if (!isEnrollmentRenewalOpen(current, ctx.rules, today)) {
        const params = {
          offeringId: i.offeringId,
          opensOn: enrollmentRenewalOpensOn(current, ctx.rules),
          dueOn: enrollmentRenewalDue(current, ctx.rules),
        };
        return [refusal('enrollment.renewalNotOpen', params)];
      }
      const renewedOn = i.renewedOn ?? today;
      const problems = notInFuture('renewedOn', renewedOn, today);
      if (problems.length > 0) return problems;
      const { lapsedOn: _lapsed, ...rest } = current;
      const renewed = { ...rest, renewedOn };
      return {
        doc: {
          ...org,
          enrollments: org.enrollments.map((e) => (e.offeringId === i.offeringId ? renewed : e)),
        },
        details: { offeringId: i.offeringId, renewedOn },
      };
    },
  );
}

export const UpdateLocationsInput = z.object({
  offeringId: z.string().trim().min(1),
  approvedLocations: z.array(PartnerLocation).min(1),
});
export function updateEnrollmentLocations(
  org: Organization,
  input: z.input<typeof UpdateLocationsInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'enrollment.updateLocations', schema: UpdateLocationsInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!findEnrollment(org, i.offeringId))
        return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      return {
        doc: {
          ...org,
          enrollments: org.enrollments.map((e) =>
            e.offeringId === i.offeringId ? { ...e, approvedLocations: i.approvedLocations } : e,
          ),
        },
        details: { offeringId: i.offeringId, countries: i.approvedLocations.map((l) => l.country) },
      };
    },
  );
}

export const EnrollmentLapsedInput = z.object({
  offeringId: z.string().trim().min(1),
  lapsedOn: IsoDate.optional(),
});
export function recordEnrollmentLapsed(
  org: Organization,
  input: z.input<typeof EnrollmentLapsedInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'enrollment.recordLapsed', schema: EnrollmentLapsedInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      if (!findEnrollment(org, i.offeringId))
        return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      const lapsedOn = i.lapsedOn ?? today;
      return {
        doc: {
          ...org,
          enrollments: org.enrollments.map((e) => (e.offeringId === i.offeringId ? { ...e, lapsedOn } : e)),
        },
        details: { offeringId: i.offeringId, lapsedOn },
      };
    },
  );
}

export const SavbRegistrationInput = z.object({
  offeringId: z.string().trim().min(1),
  registeredOn: IsoDate.optional(),
  /** The registration's reference in SAVB, as the person read it there. */
  reference: z.string().trim().min(1).max(100).optional(),
});
/** Needs `ctx.vouchers` (the tenant's vouchers) to check that the offering has a redemption. */
export function registerSavb(
  org: Organization,
  input: z.input<typeof SavbRegistrationInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'savb.register', schema: SavbRegistrationInput, role: GLOBAL_ADMIN_ONLY },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems: Refusal[] = unknownOffering(ctx, i.offeringId);
      const existing = org.savbRegistrations.find((r) => r.offeringId === i.offeringId);
      if (existing)
        problems.push(
          refusal('savb.alreadyRegistered', {
            offeringId: i.offeringId,
            registeredOn: existing.registeredOn,
          }),
        );
      const redeemed = (ctx.vouchers ?? []).some(
        (v) => v.offeringId === i.offeringId && v.redemption !== undefined,
      );
      if (!redeemed) problems.push(refusal('savb.noRedemptionYet', { offeringId: i.offeringId }));
      const registeredOn = i.registeredOn ?? today;
      problems.push(...notInFuture('registeredOn', registeredOn, today));
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : 'system';
      return {
        doc: {
          ...org,
          // Version 2 carries the reference: an older instance refuses it instead of dropping the field.
          ...(i.reference ? { schemaVersion: 2 as const } : {}),
          savbRegistrations: [
            ...org.savbRegistrations,
            {
              offeringId: i.offeringId,
              registeredOn,
              registeredBy: by,
              ...(i.reference ? { reference: i.reference } : {}),
            },
          ],
        },
        details: { offeringId: i.offeringId, registeredOn, reference: i.reference },
      };
    },
  );
}
