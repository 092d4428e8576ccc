// Step 1: eligibility per offering and per engagement — compliance training and a required competency.
import type {
  Competency,
  Engagement,
  EngagementEligibility,
  EligibilityGap,
  EligibilityStatus,
  IsoDate,
  OfferingEligibility,
  Organization,
  Rules,
} from './model';
import { levelAtLeast } from './rules';

/** A competency the organisation holds that satisfies the engagement on `day` (any of its requirements). */
export function qualifyingCompetency(
  org: Organization,
  engagement: Engagement,
  day: IsoDate,
): Competency | undefined {
  return org.competencies.find((c) =>
    engagement.requiredCompetencies.some(
      (r) => r.name === c.name && levelAtLeast(c.level, r.minimumLevel) && c.validUntil >= day,
    ),
  );
}

export function engagementEligibility(
  org: Organization,
  offeringId: string,
  engagement: Engagement,
  day: IsoDate,
): EngagementEligibility {
  const missing: EligibilityGap[] = [];
  const trained = org.complianceTraining !== undefined;
  if (!trained) missing.push({ item: 'complianceTraining' });
  const held = qualifyingCompetency(org, engagement, day);
  let lapsed = false;
  if (!held) {
    const expired = org.competencies
      .filter((c) =>
        engagement.requiredCompetencies.some(
          (r) => r.name === c.name && levelAtLeast(c.level, r.minimumLevel),
        ),
      )
      .map((c) => ({ name: c.name, validUntil: c.validUntil }));
    missing.push({ item: 'competency', anyOf: engagement.requiredCompetencies, expired });
    lapsed = expired.length > 0;
  }
  // The training is the same for every offering: with no competency for this one (held or lapsed), it has
  // not started, however far the training went.
  const status: EligibilityStatus =
    missing.length === 0 ? 'Met' : held || lapsed ? 'InProgress' : 'NotStarted';
  return { offeringId, engagementId: engagement.id, status, missing };
}

/** The step-1 checklist for every offering of the catalogue. */
export function eligibility(org: Organization, rules: Rules, day: IsoDate): OfferingEligibility[] {
  return rules.catalogue.offerings.map((o) => {
    const engagements = o.engagements.map((e) => engagementEligibility(org, o.id, e, day));
    const status: EligibilityStatus = engagements.some((e) => e.status === 'Met')
      ? 'Met'
      : engagements.some((e) => e.status === 'InProgress')
        ? 'InProgress'
        : 'NotStarted';
    return { offeringId: o.id, status, engagements };
  });
}
