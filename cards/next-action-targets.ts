// Where the button next to a "what's next" item leads: a verb (with ids), never the command itself,
// because applying something always goes through its own card with the current ETag.
import type { ActionData, CardVerb } from './verbs';

export interface Target {
  verb: CardVerb;
  /** Which ids the action needs from the next action's params. */
  ids: ReadonlyArray<'voucherId' | 'offeringId'>;
  step?: 'open';
  /** Where to go instead when the params lack one of `ids`. */
  otherwise?: Target;
}

const show: Target = { verb: 'voucher.show', ids: ['voucherId'] };

/** Keyed by the domain's NextActionId (a test checks that every one has a target). */
export const NEXT_ACTION_TARGETS: Record<string, Target> = {
  'role.claimGlobalAdmin': { verb: 'nav.people', ids: [] },
  'role.assignPartnerAdmin': { verb: 'nav.people', ids: [] },
  'eligibility.completeTraining': { verb: 'nav.eligibility', ids: [] },
  'eligibility.recordCompetency': { verb: 'nav.eligibility', ids: [] },
  'eligibility.renewCompetency': { verb: 'nav.eligibility', ids: [] },
  'enrollment.enroll': { verb: 'nav.enrollment', ids: [] },
  'enrollment.renew': { verb: 'nav.enrollment', ids: [] },
  'businessProfile.update': { verb: 'nav.profile', ids: [] },
  // On a voucher's payment path the payment card offers the registration itself (issue #14 item 4).
  'savb.register': {
    verb: 'payment.request',
    ids: ['voucherId'],
    step: 'open',
    otherwise: { verb: 'nav.enrollment', ids: [] },
  },
  'voucher.intake': { verb: 'nav.intake', ids: [] },
  'voucher.reserve': { verb: 'voucher.reserve', ids: ['voucherId'], step: 'open' },
  'voucher.awaitEngagementStart': show,
  'voucher.markDelivered': show,
  'report.submit': { verb: 'report.submit', ids: ['voucherId'], step: 'open' },
  'voucher.redeem': { verb: 'voucher.redeem', ids: ['voucherId'], step: 'open' },
  'payment.request': { verb: 'payment.request', ids: ['voucherId'], step: 'open' },
  'payment.awaitApproval': { verb: 'payment.recordOutcome', ids: ['voucherId'], step: 'open' },
  'payment.awaitPayment': { verb: 'payment.recordOutcome', ids: ['voucherId'], step: 'open' },
  'payment.followUp': { verb: 'payment.recordOutcome', ids: ['voucherId'], step: 'open' },
  'voucher.closedPaid': show,
  'voucher.closedDenied': show,
  'voucher.closedExpired': show,
};

export function targetFor(
  id: string,
  params: Record<string, unknown> | undefined,
): { verb: CardVerb; data: ActionData } {
  let target = NEXT_ACTION_TARGETS[id] ?? { verb: 'nav.whatsNext', ids: [] };
  if (target.otherwise && target.ids.some((key) => typeof params?.[key] !== 'string'))
    target = target.otherwise;
  const data: ActionData = {};
  for (const key of target.ids) {
    const value = params?.[key];
    if (typeof value === 'string') data[key] = value;
  }
  if (target.step) data.step = target.step;
  return { verb: target.verb, data };
}
