// The voucher aggregate: one document per voucher (reservation, report, redemption, payment and audit trail
// inside, so one ETag-checked write changes it atomically).
import { z } from 'zod';
import { AuditEntry, CountryCode, CurrencyCode, IsoDate, IsoInstant } from './common';

/** The voucher's states (PRODUCT.md §4) in lifecycle order: the one list every other list of states derives from. */
export const VoucherState = z.enum([
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
  'Paid',
  'Denied',
  'Expired',
]);
export type VoucherState = z.infer<typeof VoucherState>;

export const Customer = z.object({
  name: z.string().trim().min(1).max(200),
  /** Any of these distinguishes engagements for the 15-day rule. */
  division: z.string().max(200).optional(),
  legalEntity: z.string().max(200).optional(),
  product: z.string().max(200).optional(),
});
export type Customer = z.infer<typeof Customer>;

export const Reservation = z.object({
  engagementId: z.string().min(1),
  deliveryCountry: CountryCode,
  partnerLocationId: z.string().min(1),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  /** User ids of the consultants who will deliver. */
  consultants: z.array(z.string().min(1)),
  offsiteDays: z.number().int().min(0).default(0),
  reservedOn: IsoDate,
  reservedBy: z.string().min(1),
});
export type Reservation = z.infer<typeof Reservation>;

export const Deliverable = z.object({
  type: z.string().trim().min(1).max(100),
  /** Link, file name or document number of the deliverable handed to the customer. */
  reference: z.string().trim().min(1).max(500),
});
export type Deliverable = z.infer<typeof Deliverable>;

export const CompletionReport = z.object({
  actualStart: IsoDate,
  actualEnd: IsoDate,
  daysDelivered: z.number().int().positive(),
  deliverables: z.array(Deliverable),
  consultants: z.array(z.object({ userId: z.string().min(1), assessmentId: z.string().min(1) })),
  customerContact: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.string().max(320).optional(),
  }),
  summary: z.string().max(4000),
  submittedOn: IsoDate,
  submittedBy: z.string().min(1),
});
export type CompletionReport = z.infer<typeof CompletionReport>;

export const Redemption = z.object({
  redeemedOn: IsoDate,
  redeemedBy: z.string().min(1),
});
export type Redemption = z.infer<typeof Redemption>;

export const PaymentRequest = z.object({
  /** Reference number the SAVB online payment tool gave the request. */
  savbReference: z.string().trim().min(1).max(100),
  amount: z.number().positive(),
  currency: CurrencyCode,
  requestedOn: IsoDate,
  requestedBy: z.string().min(1),
  approvedOn: IsoDate.optional(),
  paidOn: IsoDate.optional(),
  paidAmount: z.number().positive().optional(),
  deniedOn: IsoDate.optional(),
  denialReason: z.string().max(1000).optional(),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Voucher = z.object({
  /** Document id, given by intake's caller (`newId`): `v-<voucher number>` while free, else a random UUID. */
  id: z.string().min(1),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  /** The voucher ID the customer's email carries (opaque, PRODUCT.md §9). */
  voucherNumber: z.string().min(1).max(64),
  offeringId: z.string().min(1),
  /** Length in days the customer gave the voucher (its service level). */
  days: z.number().int().positive(),
  customer: Customer,
  voucherAdminEmail: z.string().min(3).max(320),
  /** When the customer created it in VLSC, if known. */
  createdOn: IsoDate.optional(),
  assignedOn: IsoDate,
  /** The exact expiry shown in Partner Center, if a user entered it; wins over the computed one. */
  expiresOn: IsoDate.optional(),
  intakeOn: IsoDate,
  intakeBy: z.string().min(1),
  source: z.enum(['email', 'manual']).default('manual'),
  state: VoucherState,
  /** When the voucher entered its current state. */
  stateSince: IsoInstant,
  reservation: Reservation.optional(),
  completionReport: CompletionReport.optional(),
  redemption: Redemption.optional(),
  paymentRequest: PaymentRequest.optional(),
  /** The next deadline of the current state (expiry, report due, payment window, expected payment), kept by
   *  every command so the store can list a tenant's vouchers by due date. Absent when nothing is due. */
  dueOn: IsoDate.optional(),
  audit: z.array(AuditEntry).default([]),
});
export type Voucher = z.infer<typeof Voucher>;
