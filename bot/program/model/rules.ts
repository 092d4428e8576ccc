// Program rules (PRODUCT.md §3, §4, §5, §7): loaded from a JSON profile, never hard-coded in guards.
import { z } from 'zod';
import { CompetencyLevel, IsoDate } from './common';

/** Ids used in rules files: offerings (DDPS) and engagements (ddps-windows-office). */
const RuleKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'letters, digits and dashes, 1-64 characters');

export const CompetencyRequirement = z.strictObject({
  name: z.string().min(1, 'must name the competency'),
  minimumLevel: CompetencyLevel,
});
export type CompetencyRequirement = z.infer<typeof CompetencyRequirement>;

export const Engagement = z.strictObject({
  id: RuleKey,
  name: z.string().min(1, 'must not be empty'),
  /** Any one of these, at or above its minimum level, qualifies the company. */
  requiredCompetencies: z.array(CompetencyRequirement).min(1, 'must list at least one competency'),
  /** Voucher lengths in days this engagement may be delivered with. */
  serviceLevels: z.array(z.number().int().positive()).min(1, 'must list at least one service level'),
  maximumDays: z.number().int().positive(),
});
export type Engagement = z.infer<typeof Engagement>;

export const Offering = z.strictObject({
  id: RuleKey,
  name: z.string().min(1, 'must not be empty'),
  engagements: z.array(Engagement).min(1, 'must list at least one engagement'),
});
export type Offering = z.infer<typeof Offering>;

/** Which event starts the voucher's lifetime clock (sources differ; default assignment). */
export const ClockStart = z.enum(['creation', 'assignment', 'reservation']);
export type ClockStart = z.infer<typeof ClockStart>;

const Offsets = z
  .array(z.number().int().min(-3650).max(3650))
  .min(1, 'must list at least one offset in days');

export const ReminderOffsets = z.strictObject({
  enrollmentRenewal: Offsets,
  businessProfileStale: Offsets,
  voucherReserve: Offsets,
  voucherExpiry: Offsets,
  reportDue: Offsets,
  redeemAfterReport: Offsets,
  savbRegistration: Offsets,
  paymentRequestWindow: Offsets,
  paymentFollowUp: Offsets,
});
export type ReminderOffsets = z.infer<typeof ReminderOffsets>;

export const Cutoffs = z.strictObject({
  /** Last day customers may create or assign vouchers (intake of a voucher assigned later is refused). */
  lastVoucherAssignmentOn: IsoDate.optional(),
  /** From this day on, nothing can be redeemed. */
  redemptionClosedFrom: IsoDate.optional(),
});
export type Cutoffs = z.infer<typeof Cutoffs>;

export const Rules = z.strictObject({
  profile: z.string().regex(/^[a-z0-9-]+$/, 'a profile name such as program-2020'),
  catalogue: z.strictObject({ offerings: z.array(Offering).min(1, 'must list at least one offering') }),
  voucher: z.strictObject({
    lifetimeDays: z.number().int().positive(),
    clockStart: ClockStart,
    /** Voucher numbers are opaque (PRODUCT.md §9): trimmed, 4–64 letters, digits and dashes. */
    numberPattern: z.string().min(1).default('^[A-Za-z0-9-]{4,64}$'),
  }),
  engagementLimits: z.strictObject({
    /** Days per engagement type per customer (the 15-day rule), unless division/legal entity/product differ. */
    maximumDaysPerCustomer: z.number().int().positive(),
    maximumOffsiteDays: z.number().int().min(0),
  }),
  payment: z.strictObject({
    /** Days after redemption within which the payment request must be made. */
    requestWindowDays: z.number().int().positive(),
    /** Days after approval within which Microsoft is expected to pay (legacy). */
    expectedPaymentDays: z.number().int().positive(),
  }),
  enrollment: z.strictObject({ periodMonths: z.number().int().positive() }),
  businessProfile: z.strictObject({ staleAfterMonths: z.number().int().positive() }),
  reminders: ReminderOffsets,
  cutoffs: Cutoffs.default({}),
});
export type Rules = z.infer<typeof Rules>;
/** What a rules file may contain before defaults are applied. */
export type RulesInput = z.input<typeof Rules>;
