// Voucher command inputs: what a card (or the intake parser, once confirmed) submits. Each command validates
// its input with these; shape problems come back as `input.invalid` with the field path.
import { z } from 'zod';
import { CountryCode, CurrencyCode, IsoDate } from './common';
import { Customer, Deliverable } from './voucher';

const Trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Step 4: create a voucher from confirmed fields. */
export const IntakeInput = z.object({
  voucherNumber: z.string(),
  offeringId: z.string().trim().min(1),
  days: z.number().int().positive(),
  customer: Customer,
  voucherAdminEmail: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'),
  /** Defaults to the actor's today. */
  assignedOn: IsoDate.optional(),
  createdOn: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
  source: z.enum(['email', 'manual']).default('manual'),
});
export type IntakeInput = z.input<typeof IntakeInput>;

/** Step 5: validate and reserve, schedule the engagement. */
export const ReserveInput = z.object({
  engagementId: Trimmed(64),
  deliveryCountry: CountryCode,
  partnerLocationId: Trimmed(64),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  consultants: z.array(z.string().min(1)),
  offsiteDays: z.number().int().min(0).default(0),
});
export type ReserveInput = z.input<typeof ReserveInput>;

export const ReasonInput = z.object({ reason: z.string().trim().max(1000) });
export type ReasonInput = z.input<typeof ReasonInput>;

export const MarkDeliveredInput = z.object({}).default({});
export type MarkDeliveredInput = z.input<typeof MarkDeliveredInput>;

/** Step 6: the completion report. */
export const CompletionReportInput = z.object({
  actualStart: IsoDate,
  actualEnd: IsoDate,
  daysDelivered: z.number().int().positive(),
  deliverables: z.array(Deliverable),
  consultants: z.array(z.object({ userId: z.string().min(1), assessmentId: z.string().min(1) })),
  customerContact: z.object({ name: Trimmed(200), email: z.string().trim().max(320).optional() }),
  summary: z.string().trim().max(4000).default(''),
});
export type CompletionReportInput = z.input<typeof CompletionReportInput>;

/** Step 7. Defaults to the actor's today. */
export const RedeemInput = z.object({ redeemedOn: IsoDate.optional() }).default({});
export type RedeemInput = z.input<typeof RedeemInput>;

/** Step 8. */
export const PaymentRequestInput = z.object({
  savbReference: Trimmed(100),
  amount: z.number().positive(),
  currency: CurrencyCode,
  requestedOn: IsoDate.optional(),
});
export type PaymentRequestInput = z.input<typeof PaymentRequestInput>;

export const PaymentApprovalInput = z.object({ approvedOn: IsoDate.optional() }).default({});
export type PaymentApprovalInput = z.input<typeof PaymentApprovalInput>;

export const PaymentReceivedInput = z
  .object({ paidOn: IsoDate.optional(), paidAmount: z.number().positive().optional() })
  .default({});
export type PaymentReceivedInput = z.input<typeof PaymentReceivedInput>;

export const PaymentDenialInput = z.object({
  reason: z.string().trim().max(1000),
  deniedOn: IsoDate.optional(),
});
export type PaymentDenialInput = z.input<typeof PaymentDenialInput>;

/** The exact expiry shown in Partner Center (wins over the computed one). */
export const SetExpiryInput = z.object({ expiresOn: IsoDate });
export type SetExpiryInput = z.input<typeof SetExpiryInput>;

/** Every voucher command by name: the verb router maps `voucher.<name>` onto these. */
export const VOUCHER_COMMANDS = [
  'intake',
  'reserve',
  'cancelReservation',
  'markDelivered',
  'submitReport',
  'redeem',
  'requestPayment',
  'recordApproval',
  'recordPayment',
  'recordDenial',
  'expire',
  'setExpiry',
] as const;
export type VoucherCommandName = (typeof VOUCHER_COMMANDS)[number];
