// English texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { Catalog } from './types';

export const enGuidance = {
  'intake.default': 'Today by default – change it if the voucher was assigned earlier',
  'intake.noVoucherFound':
    'I found no voucher in that message. Enter the voucher as the customer sent it, or paste the whole email.',
  // ---- a voucher step asked for too early (issue 14 item 6): '{wanted}: {first}.'
  'stepOrder.message': '{wanted}: {first}.',
  'stepOrder.wanted.reserve': "You can't reserve voucher {voucher} yet",
  'stepOrder.wanted.cancel': 'Voucher {voucher} has no reservation to cancel yet',
  'stepOrder.wanted.deliver': "You can't mark voucher {voucher} delivered yet",
  'stepOrder.wanted.report': "You can't submit the completion report for voucher {voucher} yet",
  'stepOrder.wanted.redeem': "You can't redeem voucher {voucher} yet",
  'stepOrder.wanted.payment': "You can't send the payment request for voucher {voucher} yet",
  'stepOrder.wanted.outcome': "You can't record the payment outcome for voucher {voucher} yet",
  'stepOrder.first.reserve': 'it has to be reserved first',
  'stepOrder.first.deliver': 'the engagement has to be marked delivered first',
  'stepOrder.first.report': 'the completion report has to be submitted first',
  'stepOrder.first.redeem': 'it has to be redeemed first',
  'stepOrder.first.payment': 'the payment request has to be sent first',
  'stepOrder.first.outcome': 'the payment outcome has to be recorded first',
  'stepOrder.noVoucher': 'There is no voucher yet: add the voucher the customer sent first.',
  'stepOrder.nothingWaiting': "No voucher is waiting for that step. Here is what's next.",
  // ---- eligibility summary (issue 14 item 7): what matters first, the rest collapsed
  'eligibility.deliverNow': 'You can deliver now',
  'eligibility.nothingYet': 'Nothing yet.',
  'eligibility.oneStep': 'One step away',
  'eligibility.unlocks': 'Unlocks {engagements}',
  'eligibility.showRest': { one: 'Show {count} more offering', other: 'Show {count} more offerings' },
} satisfies Catalog;

export type GuidanceKey = keyof typeof enGuidance;
