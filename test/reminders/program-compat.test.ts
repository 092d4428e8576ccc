// The scheduler's dependency takes the domain's real dueReminders, Organization and DueReminder (checked by
// tsc); and the ledger's cause of a reminder key drops only its offset.
import { strict as assert } from 'node:assert';
import {
  dueReminders,
  type DueReminder,
  type Organization,
  type Rules,
  type Voucher,
} from '../../bot/program';
import { defaultCauseOf } from '../../bot/reminders/ledger';
import type { ReminderSchedulerDeps } from '../../bot/reminders/scheduler';

describe('reminders: compatibility with the domain (bot/program)', () => {
  it('dueReminders fits the scheduler dependency type', () => {
    const asDep =
      (vouchers: readonly Voucher[], rules: Rules): ReminderSchedulerDeps['dueReminders'] =>
      async (org: Organization, now: Date): Promise<DueReminder[]> =>
        dueReminders(org, vouchers, rules, now);
    assert.equal(typeof asDep([], {} as Rules), 'function');
  });

  it('the cause of a key drops only its offset', () => {
    assert.equal(defaultCauseOf('voucherExpiry:v-1:2025-06-30:-7'), 'voucherExpiry:v-1:2025-06-30');
    assert.equal(defaultCauseOf('enrollmentRenewal:DDPS:2026-01-15:0'), 'enrollmentRenewal:DDPS:2026-01-15');
  });
});
