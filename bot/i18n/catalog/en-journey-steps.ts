// English texts added for the newcomer's journey (issue #14: enrolment wording and renewal window, the SAVB
// registration on the payment path, the currency default, a report someone else already submitted).
import type { Catalog } from './types';

export const enJourneySteps = {
  'enrollment.location': 'Approved location: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'The enrollment in {offeringId} can be renewed from {opensOn} (it is due on {dueOn}).',
  'enrollment.savbDoneReference': 'SAVB registration: {date} (reference {reference})',
  'payment.savbRegisterIntro':
    'Register {offering} in SAVB once, then record here the date and the reference SAVB gave the registration. The payment request comes right after.',
  'payment.savbRegisteredOn': 'Registered in SAVB on',
  'payment.savbRegistrationReference': 'SAVB registration reference',
  'payment.savbRegister': 'Record SAVB registration',
  'payment.savbAskAdmin': 'Only a Global admin can record the SAVB registration: ask {names}.',
  'payment.savbAskAdminNobody':
    'Only a Global admin can record the SAVB registration, and nobody holds that role yet: see People.',
  'notice.alreadyDone': 'Already done: {what}, by {who} on {when}. Here is the voucher as it is now.',
  'notice.changedBy':
    'This changed since you opened it: {what}, by {who} on {when}. Here is the current version.',
} satisfies Catalog;

export type JourneyStepsKey = keyof typeof enJourneySteps;
