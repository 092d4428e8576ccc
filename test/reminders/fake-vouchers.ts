// Fake vouchers for the scheduler's tests: the domain's reminders reduced to one voucherExpiry reminder per
// unresolved voucher, so each test says exactly what is due and to whom.
import type { DueReminder } from '../../bot/program';

export interface FakeVoucher {
  id: string;
  resolved: boolean;
  recipients: string[];
  sendableOn: string;
  offset: number;
  toProgramChannel?: boolean;
  /** Like the domain: a reminder with a due date is listed up to that (UTC) day only. */
  dueDate?: string;
}

/** The domain's reminders for the fake vouchers: one voucherExpiry reminder each while unresolved. */
export function dueReminders(vouchers: FakeVoucher[], now: Date): DueReminder[] {
  const today = now.toISOString().slice(0, 10);
  return vouchers
    .filter((v) => !v.resolved && (!v.dueDate || today <= v.dueDate))
    .map((v) => {
      const dueDate = v.dueDate ?? '2025-06-30';
      return {
        key: `voucherExpiry:${v.id}:${dueDate}:${v.offset}`,
        kind: 'voucherExpiry',
        subject: { type: 'voucher', voucherId: v.id, voucherNumber: v.id, offeringId: 'SDPS' },
        dueDate,
        offsetDays: v.offset,
        sendableOn: v.sendableOn,
        recipients: v.recipients,
        toProgramChannel: v.toProgramChannel ?? false,
        action: { id: 'voucher.reserve', step: 5, params: {}, roles: ['mpnPartnerAdmin'] },
      };
    });
}
