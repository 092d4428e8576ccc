// Steps 1–3 at a glance: eligibility, enrolment (with the next renewal) and the business profile.
import { businessProfileDue, daysBetween, eligibility, isEnrollmentLapsed } from '../../program';
import type { SetupView } from '../view-model';
import type { ProjectionContext } from './context';
import { renewals } from './deadlines';

export function setupOf(ctx: ProjectionContext): SetupView {
  const { org, rules, today } = ctx;
  const training = org?.complianceTraining;
  const offerings = org ? eligibility(org, rules, today) : [];
  const offeringsMet = offerings.filter((o) => o.status === 'Met').map((o) => o.offeringId);
  const offeringsMissing = org
    ? offerings.filter((o) => o.status !== 'Met').map((o) => o.offeringId)
    : rules.catalogue.offerings.map((o) => o.id);
  const eligibilityStatus =
    offeringsMet.length > 0
      ? 'met'
      : offerings.some((o) => o.status === 'InProgress')
        ? 'inProgress'
        : 'notStarted';

  const enrolled = renewals(ctx);
  const next = enrolled[0];
  const warnDays = -Math.min(0, ...rules.reminders.enrollmentRenewal);
  const active = (org?.enrollments ?? []).filter((e) => !isEnrollmentLapsed(e, rules, today));
  const enrollmentStatus =
    (org?.enrollments.length ?? 0) === 0
      ? 'notStarted'
      : active.length === 0 || (next && next.daysLeft < 0)
        ? 'lapsed'
        : next && next.daysLeft <= warnDays
          ? 'renewalDue'
          : 'active';

  const profile: SetupView['profile'] = { status: 'notStarted' };
  const staleOn = org ? businessProfileDue(org, rules) : undefined;
  if (org?.businessProfile && staleOn) {
    const daysLeft = daysBetween(today, staleOn);
    profile.status = daysLeft < 0 ? 'stale' : 'current';
    profile.lastUpdatedOn = org.businessProfile.lastUpdatedOn;
    profile.staleOn = staleOn;
    profile.daysLeft = daysLeft;
  }

  const setup: SetupView = {
    eligibility: { status: eligibilityStatus, offeringsMet, offeringsMissing },
    enrollment: { status: enrollmentStatus, offerings: enrolled },
    profile,
  };
  if (training) setup.eligibility.trainingCompletedOn = training.completedOn;
  if (next) setup.enrollment.nextRenewal = next;
  return setup;
}
