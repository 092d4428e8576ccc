// English texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { Catalog } from './types';

export const enGuidance = {
  'intake.default': 'Today by default – change it if the voucher was assigned earlier',
  'intake.noVoucherFound':
    'I found no voucher in that message. Enter the voucher as the customer sent it, or paste the whole email.',
} satisfies Catalog;

export type GuidanceKey = keyof typeof enGuidance;
