// Steps 1–3, people and roles, settings: one handler per verb over the organisation document.
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
  setProgramChannel,
  updateSettings,
} from '../../program/organization';
import { SUPPORTED_LOCALES } from '../../i18n';
import { eligibilityCard, enrollmentCard, peopleCard, profileCard, settingsCard } from '../views';
import { choice, date, optionalChoice, optionalDate, optionalText, text } from './inputs';
import { orgVerb, type VerbHandler } from './kit';

export const recordTraining = orgVerb({
  inputs: z.object({ completedOn: date() }),
  apply: (org, i, actor, ctx) => recordComplianceTraining(org, i, actor, ctx),
  view: eligibilityCard,
});

export const addCompetency = orgVerb({
  inputs: z.object({ name: text(200), level: choice(['Silver', 'Gold'] as const), validUntil: date() }),
  apply: (org, i, actor, ctx) => recordCompetency(org, i, actor, ctx),
  view: eligibilityCard,
});

export const addAssessment = orgVerb({
  inputs: z.object({ assessmentName: text(200), competency: text(200), assessmentCompletedOn: date() }),
  apply: (org, i, actor, ctx) => recordAssessment(org, { name: i.assessmentName, competency: i.competency, completedOn: i.assessmentCompletedOn }, actor, ctx),
  view: eligibilityCard,
  aliases: { name: 'assessmentName', completedOn: 'assessmentCompletedOn' },
});

const Countries = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,;\s]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== '') : v),
  z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(20),
);

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'location';
}

export const enrollInOffering = orgVerb({
  inputs: z.object({ offeringId: text(64), agreementSignedOn: date(), enrolledOn: date(), locationName: text(200), countries: Countries }),
  apply: (org, i, actor, ctx) =>
    enroll(
      org,
      {
        offeringId: i.offeringId,
        agreementSignedOn: i.agreementSignedOn,
        enrolledOn: i.enrolledOn,
        approvedLocations: [...new Set(i.countries)].map((country) => ({ id: `${slug(i.locationName)}-${country.toLowerCase()}`, name: i.locationName, country })),
      },
      actor,
      ctx,
    ),
  view: enrollmentCard,
  aliases: { approvedLocations: 'countries' },
});

export const renew = orgVerb({
  inputs: z.object({ offeringId: text(64), renewedOn: optionalDate() }),
  apply: (org, i, actor, ctx) => renewEnrollment(org, { offeringId: i.offeringId, ...(i.renewedOn ? { renewedOn: i.renewedOn } : {}) }, actor, ctx),
  view: enrollmentCard,
});

export const registerInSavb = orgVerb({
  inputs: z.object({ offeringId: text(64) }),
  apply: (org, i, actor, ctx) => registerSavb(org, i, actor, ctx),
  view: enrollmentCard,
  // "After the first redemption": one single-partition query for a redeemed voucher of that offering.
  across: (i) => ({ where: 'c.offeringId = @offering AND IS_DEFINED(c.redemption)', parameters: [{ name: '@offering', value: i.offeringId }], limit: 1 }),
});

export const updateProfile = orgVerb({
  inputs: z.object({ updatedOn: optionalDate() }),
  apply: (org, i, actor, ctx) => recordBusinessProfileUpdate(org, i.updatedOn ? { updatedOn: i.updatedOn } : {}, actor, ctx),
  view: profileCard,
});

export const claimAdmin = orgVerb({
  inputs: z.object({}),
  apply: (org, _i, actor, ctx) => claimGlobalAdmin(org, {}, actor, ctx),
  view: peopleCard,
});

const RoleChoice = choice(['globalAdmin', 'mpnPartnerAdmin', 'consultant'] as const);

export const assign = orgVerb({
  inputs: z.object({ userId: text(128), role: RoleChoice }),
  apply: (org, i, actor, ctx) => assignRole(org, i, actor, ctx),
  view: peopleCard,
});

export const unassign = orgVerb({
  inputs: z.object({ userId: text(128), role: RoleChoice }),
  apply: (org, i, actor, ctx) => removeRole(org, i, actor, ctx),
  view: peopleCard,
});

export const updateMySettings = orgVerb({
  inputs: z.object({ locale: optionalChoice(SUPPORTED_LOCALES), timeZone: optionalText(64) }),
  apply: (org, i, actor, ctx) =>
    updateSettings(org, { ...(i.locale ? { locale: i.locale } : {}), ...(i.timeZone ? { timeZone: i.timeZone } : {}) }, actor, ctx),
  view: settingsCard,
});

/** The channel comes from the activity (where the button was pressed), never from the card. */
export const chooseProgramChannel: VerbHandler = async (env, data) => {
  const channel = env.channel;
  const handler = orgVerb({
    inputs: z.object({}),
    apply: (org, _i, actor, ctx) => setProgramChannel(org, { channel: channel ?? null }, actor, ctx),
    view: settingsCard,
  });
  return handler(env, data);
};
