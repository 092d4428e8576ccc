// THE VERB TABLE: every Action.Execute verb the bot answers, one handler each. This is the index of what the
// bot can do from a card; a test checks it against the verbs the cards use.
import type { VerbHandler } from './kit';
import * as org from './organization';
import * as show from './show';
import * as voucher from './voucher';

export const VERBS: Readonly<Record<string, VerbHandler>> = {
  // what's next, help, navigation (read-only)
  'next.show': show.showNext,
  'help.show': show.showHelp,
  'eligibility.show': show.showEligibility,
  'enrollment.show': show.showEnrollment,
  'profile.show': show.showProfile,
  'people.show': show.showPeople,
  'settings.show': show.showSettings,
  'intake.start': show.startIntake,
  'voucher.show': show.showVoucher,
  'voucher.list': show.listVouchers,

  // step 1: eligibility
  'eligibility.recordTraining': org.recordTraining,
  'eligibility.recordCompetency': org.addCompetency,
  'consultant.recordAssessment': org.addAssessment,
  // step 2: enrolment (+ the one-time SAVB registration)
  'enrollment.enroll': org.enrollInOffering,
  'enrollment.renew': org.renew,
  'savb.register': org.registerInSavb,
  // step 3: business profile
  'businessProfile.update': org.updateProfile,
  // people, roles, settings
  'role.claimGlobalAdmin': org.claimAdmin,
  'role.assign': org.assign,
  'role.remove': org.unassign,
  'settings.update': org.updateMySettings,
  'settings.setProgramChannel': org.chooseProgramChannel,

  // steps 4–8: one voucher
  'voucher.intake': voucher.intake,
  'voucher.reserve': voucher.reserve,
  'voucher.cancelReservation': voucher.cancel,
  'voucher.markDelivered': voucher.deliver,
  'report.submit': voucher.report,
  'voucher.redeem': voucher.redeem,
  'payment.request': voucher.paymentRequest,
  'payment.recordOutcome': voucher.paymentOutcome,
};

export function verbHandler(verb: string): VerbHandler | undefined {
  return Object.prototype.hasOwnProperty.call(VERBS, verb) ? VERBS[verb] : undefined;
}

export type { VerbEnv, VerbHandler, VerbReply } from './kit';
