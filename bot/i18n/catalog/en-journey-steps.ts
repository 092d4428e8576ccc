// English texts added for the newcomer's journey (issue #14: enrolment wording and renewal window, the SAVB
// registration on the payment path, the currency default, a report someone else already submitted).
import type { Catalog } from './types';

export const enJourneySteps = {
  'enrollment.location': 'Approved location: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'The enrollment in {offeringId} can be renewed from {opensOn} (it is due on {dueOn}).',
} satisfies Catalog;

export type JourneyStepsKey = keyof typeof enJourneySteps;
