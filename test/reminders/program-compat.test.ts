// The scheduler's deliverDue takes what the domain's real dueReminders returns, for a real Organization
// (checked by tsc); and the ledger's cause of a reminder key drops only its offset.
import { strict as assert } from 'node:assert';
import { dueReminders, type Organization, type Rules, type Voucher } from '../../bot/program';
import { defaultCauseOf } from '../../bot/reminders/ledger';
import type { ReminderScheduler } from '../../bot/reminders/scheduler';

type DeliverDue = ReminderScheduler['deliverDue'];

describe('reminders: compatibility with the domain (bot/program)', () => {
  it("dueReminders' result fits the scheduler's deliverDue", () => {
    const asArgs = (
      org: Organization,
      vouchers: readonly Voucher[],
      rules: Rules,
      now: Date,
    ): Parameters<DeliverDue> => [org, dueReminders(org, vouchers, rules, now), now];
    assert.equal(typeof asArgs, 'function');
  });

  it('the cause of a key drops only its offset', () => {
    assert.equal(defaultCauseOf('voucherExpiry:v-1:2025-06-30:-7'), 'voucherExpiry:v-1:2025-06-30');
    assert.equal(defaultCauseOf('enrollmentRenewal:DDPS:2026-01-15:0'), 'enrollmentRenewal:DDPS:2026-01-15');
  });
});
