// Voucher expiry as due work over the real store: the due scan expires vouchers with reminders off
// (REMINDERS_ENABLED=false), on its interval, tenant by tenant, and enqueues no reminder; a tenant that fails or
// loses an ETag race is due again, and the others are worked.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { silentLogger } from '../../bot/logger';
import { loadRules } from '../../bot/rules';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore } from '../../bot/reminders/references';
import { ReminderService } from '../../bot/reminders/service';
import type { Repos } from '../../bot/teams/repos';
import { seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import type { Harness } from '../conversation/harness';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { until } from './fixture';

const NOW = new Date('2026-05-05T12:00:00Z');
const LONG_AGO = { assignedOn: '2025-10-01', intakeOn: '2025-10-01' };
const RECENTLY = { assignedOn: '2026-05-01', intakeOn: '2026-05-01' };

describe('reminders: voucher expiry as due work', () => {
  let cosmos: TestCosmos;
  let now: Date;
  let repos: Repos;
  let h: Harness;
  const rules = loadRules({ profile: 'program-2020' });

  beforeEach(async () => {
    now = NOW;
    cosmos = await startTestCosmos();
    repos = cosmos.store.repos;
    h = { repos } as unknown as Harness; // the fixtures only write through the repositories
  });
  afterEach(async () => cosmos.stop());

  function service(remindersEnabled = true): ReminderService {
    return new ReminderService({
      remindersEnabled,
      store: cosmos.store,
      ledger: new Ledger(cosmos.store),
      adapter: { continueConversationAsync: async () => undefined },
      botAppId: '',
      references: new ReferenceStore(cosmos.store),
      rules,
      render: () => ({ type: 'message' }),
      scanSeconds: 60,
      defaultTimeZone: 'UTC',
      businessHours: { start: 9, end: 17 },
      now: () => now,
      logger: silentLogger(),
    });
  }

  async function stateOf(tenantId: string, id: string): Promise<string | undefined> {
    return (await repos.vouchers.get(tenantId, id))?.doc.state;
  }

  it('with reminders off, the due scan expires every tenant on its interval, audited, and sends nothing', async () => {
    const clock = sinon.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval'] });
    const reminders = service(false);
    try {
      for (const tenantId of ['tenant-off-a', 'tenant-off-b']) {
        await seedReadyOrganization(h, tenantId);
        await seedVoucher(h, tenantId, 'v-OFF-0001', 'Assigned', LONG_AGO);
        await seedVoucher(h, tenantId, 'v-OFF-0002', 'Assigned', RECENTLY);
      }
      reminders.start(); // what app.ts does, REMINDERS_ENABLED or not
      await until(async () => reminders.stats.expired === 2);
      for (const tenantId of ['tenant-off-a', 'tenant-off-b']) {
        const expired = await repos.vouchers.get(tenantId, 'v-OFF-0001');
        assert.equal(expired?.doc.state, 'Expired');
        const last = expired?.doc.audit.at(-1);
        assert.deepEqual(
          { by: last?.by, action: last?.action, from: last?.from, to: last?.to },
          { by: 'system:reminders', action: 'voucher.expire', from: 'Assigned', to: 'Expired' },
        );
        assert.equal(await stateOf(tenantId, 'v-OFF-0002'), 'Assigned');
        assert.deepEqual(await reminders.ledger.listAll(tenantId), [], 'no reminder was enqueued');
      }
      assert.deepEqual(
        { expired: reminders.stats.expired, conflicts: reminders.stats.expiryConflicts },
        { expired: 2, conflicts: 0 },
      );

      // A voucher that turns up overdue later is expired by the next run of the interval.
      await seedVoucher(h, 'tenant-off-a', 'v-OFF-0003', 'Assigned', LONG_AGO);
      await clock.tickAsync(60_000);
      await until(async () => reminders.stats.expired === 3);
      assert.equal(await stateOf('tenant-off-a', 'v-OFF-0003'), 'Expired');
      assert.equal(reminders.stats.scans, 2, "the interval's cycles are counted");

      // Stopped: no more runs.
      await reminders.stop();
      await seedVoucher(h, 'tenant-off-a', 'v-OFF-0004', 'Assigned', LONG_AGO);
      await clock.tickAsync(600_000);
      assert.equal(await stateOf('tenant-off-a', 'v-OFF-0004'), 'Assigned');
    } finally {
      clock.restore();
      await reminders.stop();
    }
  });

  it('the due scan goes on past a tenant that fails (due again later); an ETag conflict makes its tenant due again', async () => {
    const reminders = service(false);
    await seedReadyOrganization(h, 'tenant-run-ok');
    await seedReadyOrganization(h, 'tenant-run-bad');
    const old = await seedVoucher(h, 'tenant-run-ok', 'v-RUN-0001', 'Assigned', LONG_AGO);
    await seedVoucher(h, 'tenant-run-bad', 'v-RUN-0002', 'Assigned', LONG_AGO);
    // A tenant in the index with no organisation any more: the scan removes its entry.
    await reminders.dueIndex.lower('tenant-none', NOW);
    const list = repos.vouchers.list.bind(repos.vouchers);
    let raced = false;
    const listing = sinon.stub(repos.vouchers, 'list').callsFake(async (tenantId) => {
      if (tenantId === 'tenant-run-bad') throw new Error('listing failed');
      const listed = await list(tenantId);
      if (tenantId === 'tenant-run-ok' && !raced) {
        // Someone edits the voucher after the scan listed it.
        raced = true;
        await repos.vouchers.save(
          tenantId,
          { ...old.doc, voucherAdminEmail: 'x@customer.example' },
          old.etag,
        );
      }
      return listed;
    });
    try {
      const first = await reminders.scanOnce();
      assert.deepEqual(
        {
          tenants: first.tenants,
          forgotten: first.forgotten,
          errors: first.errors,
          deferred: first.deferred,
        },
        { tenants: 2, forgotten: 1, errors: 1, deferred: false },
      );
      assert.equal(await reminders.dueIndex.get('tenant-none'), undefined);
      assert.equal(await stateOf('tenant-run-ok', 'v-RUN-0001'), 'Assigned');
      assert.equal(await stateOf('tenant-run-bad', 'v-RUN-0002'), 'Assigned');
      assert.deepEqual(reminders.stats, { scans: 1, expired: 0, expiryConflicts: 1 });
      const retry = new Date(NOW.getTime() + 60_000).toISOString();
      assert.equal(
        (await reminders.dueIndex.get('tenant-run-bad'))?.doc.nextDueAt,
        retry,
        'one interval later',
      );

      // The tenant whose write lost the race is due again at once; the failed one is not yet.
      assert.equal((await reminders.scanOnce()).tenants, 1);
      const stored = await repos.vouchers.get('tenant-run-ok', 'v-RUN-0001');
      assert.equal(stored?.doc.state, 'Expired');
      assert.equal(stored?.doc.voucherAdminEmail, 'x@customer.example', 'the concurrent change is kept');
    } finally {
      listing.restore();
    }
    now = new Date(NOW.getTime() + 60_000);
    assert.equal((await reminders.scanOnce()).tenants, 1, 'the failed tenant, one interval later');
    assert.equal(await stateOf('tenant-run-bad', 'v-RUN-0002'), 'Expired');
    assert.deepEqual(reminders.stats, { scans: 3, expired: 2, expiryConflicts: 1 });
    await reminders.stop();
  });
});
