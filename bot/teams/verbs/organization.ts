// Steps 1–3, people and roles: one handler per verb over the organisation document (settings: settings.ts).
import { z } from 'zod';
import {
  assignRole,
  claimGlobalAdmin,
  enroll,
  recordAssessment,
  recordBusinessProfileUpdate,
  recordCompetency,
  recordComplianceTraining,
  registerSavb,
  removeRole,
  renewEnrollment,
} from '../../program';
import {
  eligibilityCard,
  enrollmentCard,
  peopleCard,
  profileCard,
  voucherCard,
  type Card,
  type Extras,
} from '../views';
import { choice, date, DocId, optionalDate, optionalText, text } from './inputs';
import { orgVerb } from './organization-form';
import { invalidCard } from './replies';
import type { VerbEnv, VerbHandler } from './verb';

// ---------------------------------------------------------------------------------------------------------
// Step 1: the eligibility card has three small forms; `step` says which one was submitted.

const training = orgVerb({
  inputs: z.object({ trainingCompletedOn: date() }),
  apply: (org, i, actor, ctx) =>
    recordComplianceTraining(org, { completedOn: i.trainingCompletedOn }, actor, ctx),
  view: eligibilityCard,
  aliases: { completedOn: 'trainingCompletedOn' },
});

const competency = orgVerb({
  inputs: z.object({
    competencyName: text(200),
    competencyLevel: choice(['Silver', 'Gold'] as const),
    competencyValidUntil: date(),
  }),
  apply: (org, i, actor, ctx) =>
    recordCompetency(
      org,
      { name: i.competencyName, level: i.competencyLevel, validUntil: i.competencyValidUntil },
      actor,
      ctx,
    ),
  view: eligibilityCard,
  aliases: { name: 'competencyName', level: 'competencyLevel', validUntil: 'competencyValidUntil' },
});

const assessment = orgVerb({
  inputs: z.object({
    assessmentName: text(200),
    assessmentCompetency: text(200),
    assessmentCompletedOn: date(),
    assessmentValidUntil: optionalDate(),
  }),
  apply: (org, i, actor, ctx) =>
    recordAssessment(
      org,
      {
        name: i.assessmentName,
        competency: i.assessmentCompetency,
        completedOn: i.assessmentCompletedOn,
        ...(i.assessmentValidUntil ? { validUntil: i.assessmentValidUntil } : {}),
      },
      actor,
      ctx,
    ),
  view: eligibilityCard,
  aliases: {
    name: 'assessmentName',
    competency: 'assessmentCompetency',
    completedOn: 'assessmentCompletedOn',
    validUntil: 'assessmentValidUntil',
  },
});

const ELIGIBILITY_FORMS: Record<string, VerbHandler> = { training, competency, assessment };

export const recordEligibility: VerbHandler = async (env, data) => {
  const step =
    typeof data.step === 'string' && Object.hasOwn(ELIGIBILITY_FORMS, data.step) ? data.step : undefined;
  const form = step ? ELIGIBILITY_FORMS[step] : undefined;
  return form ? form(env, data) : { card: eligibilityCard(env, invalidCard(env)), changed: false };
};

// ---------------------------------------------------------------------------------------------------------
// Step 2: enrolment, renewal and the one-time SAVB registration

/** The enrolment card shows "SAVB registration needed" after an offering's first redemption (one query). */
export async function enrollmentView(env: VerbEnv, extras: Extras): Promise<Card> {
  const redeemed = await env.repos.vouchers.listRedeemed(env.scope.tenantId);
  return enrollmentCard(env, new Set(redeemed.map((v) => v.doc.offeringId)), extras);
}

const Countries = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[,;\s]+/)
          .map((c) => c.trim().toUpperCase())
          .filter((c) => c !== '')
      : v,
  z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .min(1)
    .max(60),
);

function slug(s: string): string {
  const out = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return out || 'location';
}

export const recordEnrollment = orgVerb({
  inputs: z.object({
    offeringId: text(64),
    agreementSignedOn: date(),
    enrolledOn: date(),
    locationName: text(200),
    countries: Countries,
  }),
  apply: (org, i, actor, ctx) =>
    enroll(
      org,
      {
        offeringId: i.offeringId,
        agreementSignedOn: i.agreementSignedOn,
        enrolledOn: i.enrolledOn,
        approvedLocations: [...new Set(i.countries)].map((country) => ({
          id: `${slug(i.locationName)}-${country.toLowerCase()}`,
          name: i.locationName,
          country,
        })),
      },
      actor,
      ctx,
    ),
  view: enrollmentView,
  aliases: { approvedLocations: 'countries' },
});

/** The offering comes as an id in the card data (the button of that offering's row). */
const OfferingRef = z.object({ offeringId: DocId });

export const renew = orgVerb({
  inputs: OfferingRef,
  apply: (org, i, actor, ctx) => renewEnrollment(org, { offeringId: i.offeringId }, actor, ctx),
  view: enrollmentView,
});

const SavbInputs = OfferingRef.extend({
  savbRegisteredOn: optionalDate(),
  savbRegistrationReference: optionalText(100),
});

/**
 * The one-time SAVB registration, from the enrolment card or right on a voucher's payment path (its payment
 * card, with `voucherId`: there the reference is asked for, and the payment card comes back, ready for the
 * request). The organisation's ETag is checked either way.
 */
export const registerInSavb: VerbHandler = async (env, data) => {
  const id = DocId.safeParse(data.voucherId);
  const onPath = id.success ? await env.repos.vouchers.get(env.scope.tenantId, id.data) : undefined;
  const inputs = onPath ? SavbInputs.extend({ savbRegistrationReference: text(100) }) : SavbInputs;
  const handler = orgVerb({
    inputs,
    apply: (org, i, actor, ctx) =>
      registerSavb(
        org,
        {
          offeringId: i.offeringId,
          ...(i.savbRegisteredOn ? { registeredOn: i.savbRegisteredOn } : {}),
          ...(i.savbRegistrationReference ? { reference: i.savbRegistrationReference } : {}),
        },
        actor,
        ctx,
      ),
    view: onPath ? paymentPathView(onPath.doc.id) : enrollmentView,
    // "After the first redemption": one single-partition query for a redeemed voucher of that offering.
    relatedVouchers: (vouchers, tenantId, i) => vouchers.anyRedeemedFor(tenantId, i.offeringId),
    aliases: { registeredOn: 'savbRegisteredOn', reference: 'savbRegistrationReference' },
  });
  return handler(env, data);
};

/** The voucher's payment card, as it reads after the organisation changed (else the enrolment card). */
function paymentPathView(voucherId: string) {
  return async (env: VerbEnv, extras: Extras): Promise<Card> => {
    const stored = await env.repos.vouchers.get(env.scope.tenantId, voucherId);
    return stored ? voucherCard(env, stored, 'payment', extras) : enrollmentView(env, extras);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Step 3

export const updateProfile = orgVerb({
  inputs: z.object({ updatedOn: optionalDate() }),
  apply: (org, i, actor, ctx) =>
    recordBusinessProfileUpdate(org, i.updatedOn ? { updatedOn: i.updatedOn } : {}, actor, ctx),
  view: profileCard,
});

// ---------------------------------------------------------------------------------------------------------
// People and roles

export const claimAdmin = orgVerb({
  inputs: z.object({}),
  apply: (org, _i, actor, ctx) => claimGlobalAdmin(org, {}, actor, ctx),
  view: peopleCard,
});

const RoleInputs = z.object({
  userId: text(128),
  role: choice(['globalAdmin', 'mpnPartnerAdmin', 'consultant'] as const),
});

export const assign = orgVerb({
  inputs: RoleInputs,
  apply: (org, i, actor, ctx) => assignRole(org, i, actor, ctx),
  view: peopleCard,
});
export const unassign = orgVerb({
  inputs: RoleInputs,
  apply: (org, i, actor, ctx) => removeRole(org, i, actor, ctx),
  view: peopleCard,
});
