// Proactive reminders (PRODUCT.md §5): what is due, about what, to whom, with a deterministic key.
import { z } from 'zod';
import type { IsoDate } from './common';
import type { NextAction } from './next-actions';

export const REMINDER_KINDS = [
  'enrollmentRenewal',
  'businessProfileStale',
  'voucherReserve',
  'voucherExpiry',
  'reportDue',
  'redeemAfterReport',
  'savbRegistration',
  'paymentRequestWindow',
  'paymentFollowUp',
  'paymentReceived',
  'paymentDenied',
] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

export type ReminderSubject =
  | { type: 'voucher'; voucherId: string; voucherNumber: string; offeringId: string }
  | { type: 'offering'; offeringId: string }
  | { type: 'organization' };

export interface DueReminder {
  /** `<kind>:<subjectId>:<dueDate>:<offset>`: the same inputs always give the same key (delivery ledger id). */
  key: string;
  kind: ReminderKind;
  subject: ReminderSubject;
  dueDate: IsoDate;
  /** Days relative to dueDate (negative = before). */
  offsetDays: number;
  /** dueDate + offsetDays: the first local calendar day it may be sent. */
  sendableOn: IsoDate;
  /** User ids of the people who must act. */
  recipients: string[];
  /** Also post to the organisation's program channel. */
  toProgramChannel: boolean;
  /** The action that resolves it (a card button). */
  action: NextAction;
}
