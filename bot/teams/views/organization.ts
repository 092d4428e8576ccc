// Organisation cards: steps 1–3 (eligibility, enrolment, business profile), people and roles, settings.
import {
  buildEligibilityCard,
  buildEnrollmentCard,
  buildPeopleCard,
  buildProfileCard,
  buildSettingsCard,
  type EligibilityCardData,
} from '../../../cards';
import {
  businessProfileDue,
  competencyNames,
  eligibility,
  enrollmentRenewalDue,
  findOffering,
  findPerson,
  holderIds,
  isEnrollmentLapsed,
  isEnrollmentRenewalOpen,
  type Organization,
  type Rules,
} from '../../program';
import {
  cardOptions,
  isGlobalAdmin,
  isPartnerAdmin,
  languageView,
  organizationDate,
  type Card,
  type Extras,
  type ViewEnv,
} from './view-env';

/** Each offering's eligibility, with its engagements' names from the catalogue. */
function offeringEligibility(
  org: Organization,
  rules: Rules,
  today: string,
): EligibilityCardData['offerings'] {
  return eligibility(org, rules, today).map((status) => {
    const offering = findOffering(rules, status.offeringId);
    return {
      offeringId: status.offeringId,
      name: offering?.name ?? status.offeringId,
      status: status.status,
      engagements: status.engagements.map((e) => ({
        engagementId: e.engagementId,
        name: offering?.engagements.find((x) => x.id === e.engagementId)?.name ?? e.engagementId,
        status: e.status,
        missing: e.missing,
      })),
    };
  });
}

export function eligibilityCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const today = organizationDate(env);
  const me = findPerson(org, env.scope.userId);
  return buildEligibilityCard(
    {
      etag: env.scope.org.etag,
      today,
      ...(org.complianceTraining ? { trainingCompletedOn: org.complianceTraining.completedOn } : {}),
      competencies: org.competencies.map((c) => ({
        name: c.name,
        level: c.level,
        validUntil: c.validUntil,
        expired: c.validUntil < today,
      })),
      offerings: offeringEligibility(org, env.rules, today),
      competencyChoices: competencyNames(env.rules),
      canEdit: isPartnerAdmin(env),
      canRecordAssessment: me?.roles.includes('consultant') === true,
      myAssessments: (me?.assessments ?? []).map((a) => ({
        name: a.name,
        competency: a.competency,
        completedOn: a.completedOn,
      })),
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}

/** `redeemed`: offerings with a redeemed voucher (the SAVB registration is due after the first one). */
export function enrollmentCard(env: ViewEnv, redeemed: ReadonlySet<string>, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const today = organizationDate(env);
  const agreement = org.enrollments.map((e) => e.agreementSignedOn).sort()[0];
  return buildEnrollmentCard(
    {
      etag: env.scope.org.etag,
      today,
      ...(agreement ? { agreementSignedOn: agreement } : {}),
      offerings: env.rules.catalogue.offerings.map((offering) => {
        const enrollment = org.enrollments.find((x) => x.offeringId === offering.id);
        const savb = org.savbRegistrations.find((r) => r.offeringId === offering.id);
        return {
          offeringId: offering.id,
          name: offering.name,
          ...(enrollment
            ? {
                enrolledOn: enrollment.enrolledOn,
                renewalDueOn: enrollmentRenewalDue(enrollment, env.rules),
                lapsed: isEnrollmentLapsed(enrollment, env.rules, today),
                renewalOpen: isEnrollmentRenewalOpen(enrollment, env.rules, today),
              }
            : {}),
          locations: (enrollment?.approvedLocations ?? []).map((l) => ({ name: l.name, country: l.country })),
          ...(savb ? { savbRegisteredOn: savb.registeredOn } : {}),
          ...(savb?.reference ? { savbReference: savb.reference } : {}),
          savbNeeded: !savb && redeemed.has(offering.id),
        };
      }),
      canEdit: isPartnerAdmin(env),
      canRegisterSavb: isGlobalAdmin(env),
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}

export function profileCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const due = businessProfileDue(org, env.rules);
  const today = organizationDate(env);
  return buildProfileCard(
    {
      etag: env.scope.org.etag,
      today,
      ...(org.businessProfile ? { lastUpdatedOn: org.businessProfile.lastUpdatedOn } : {}),
      stale: due !== undefined && due <= today,
      canEdit: isPartnerAdmin(env),
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}

export function peopleCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  return buildPeopleCard(
    {
      etag: env.scope.org.etag,
      people: org.people.map((p) => ({
        userId: p.userId,
        name: p.name,
        ...(p.email ? { email: p.email } : {}),
        roles: p.roles.filter((r) => r !== 'member'),
      })),
      canAssign: isGlobalAdmin(env),
      hasGlobalAdmin: holderIds(org, ['globalAdmin']).length > 0,
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}

/** The channel the turn came from, offered as the organisation's program channel. */
export interface ChannelView {
  channelId: string;
  name?: string;
}

export function settingsCard(env: ViewEnv, channel: ChannelView | undefined, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const person = findPerson(org, env.scope.userId);
  const language = languageView(env);
  const channels = new Map<string, string>();
  if (org.programChannel)
    channels.set(org.programChannel.channelId, org.programChannel.name ?? org.programChannel.channelId);
  if (channel) channels.set(channel.channelId, channel.name ?? channel.channelId);
  return buildSettingsCard(
    {
      etag: env.scope.org.etag,
      settingsEtag: language.settingsEtag,
      ...(language.localeOverride ? { localeOverride: language.localeOverride } : {}),
      detectedLocale: language.detectedLocale,
      timeZone: person?.settings.timeZone ?? env.scope.timeZone,
      canEditOrganization: isPartnerAdmin(env),
      canManageData: isGlobalAdmin(env),
      ...(org.programChannel ? { programChannelId: org.programChannel.channelId } : {}),
      channels: [...channels.entries()].map(([value, title]) => ({ title, value })),
    },
    env.scope.locale,
    cardOptions(env, extras),
  );
}
