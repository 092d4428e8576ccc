// "What's next?" (PRODUCT.md §2) as data: an action id, its step and parameters, for the bot to word.
import { z } from 'zod';
import type { IsoDate } from './common';
import type { Role } from './organization';
import type { RefusalParams } from './refusals';

export const NEXT_ACTION_IDS = [
  // organisation (steps 1–3 and the bootstrap)
  'role.claimGlobalAdmin',
  'role.assignPartnerAdmin',
  'eligibility.completeTraining',
  'eligibility.recordCompetency',
  'eligibility.renewCompetency',
  'enrollment.enroll',
  'enrollment.renew',
  'businessProfile.update',
  'savb.register',
  'voucher.intake',
  // voucher (steps 4–8)
  'voucher.reserve',
  'voucher.awaitEngagementStart',
  'voucher.markDelivered',
  'report.submit',
  'voucher.redeem',
  'payment.request',
  'payment.awaitApproval',
  'payment.awaitPayment',
  'payment.followUp',
  'voucher.closedPaid',
  'voucher.closedDenied',
  'voucher.closedExpired',
] as const;
export const NextActionId = z.enum(NEXT_ACTION_IDS);
export type NextActionId = z.infer<typeof NextActionId>;

export interface NextAction {
  id: NextActionId;
  /** Step of PRODUCT.md §2 (1–8) this action belongs to. */
  step: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  /** The voucher or offering concerned, the due date, who can do it, … (no text). */
  params: RefusalParams;
  /** Roles allowed to perform it. */
  roles: Role[];
  /** Date by which it should be done, when there is one. */
  dueDate?: IsoDate;
  overdue?: boolean;
}

export interface OrganizationNextActions {
  /** New: has never enrolled (steps 1–3 first). Existing: enrolled at least once (starts at step 4). */
  partner: 'new' | 'existing';
  actions: NextAction[];
}
