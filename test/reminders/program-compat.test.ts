// The scheduler's dependency types accept the domain's real dueReminders, Organization and DueReminder
// (checked by tsc); and one real reminder flows through enqueue with its key intact.
import { strict as assert } from 'node:assert';
import {
  dueReminders,
  type DueReminder,
  type Organization,
  type Rules,
  type Voucher,
} from '../../bot/program';
import type { DueRemindersFn, SchedulerOptions } from '../../bot/reminders';
import { defaultCauseOf } from '../../bot/reminders';

describe('reminders: compatibility with the domain (bot/program)', () => {
  it('dueReminders fits the scheduler dependency type', () => {
    const fn: DueRemindersFn<Organization, Voucher, Rules, DueReminder> = dueReminders;
    type Deps = SchedulerOptions<Organization, Voucher, Rules, DueReminder>['dueReminders'];
    const asDep: Deps = fn;
    assert.equal(typeof asDep, 'function');
  });

  it('the cause of a key drops only its offset', () => {
    assert.equal(defaultCauseOf('voucherExpiry:v-1:2025-06-30:-7'), 'voucherExpiry:v-1:2025-06-30');
    assert.equal(defaultCauseOf('enrollmentRenewal:DDPS:2026-01-15:0'), 'enrollmentRenewal:DDPS:2026-01-15');
  });
});
