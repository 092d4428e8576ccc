// Voucher expiry as a job of its own over the real store: it runs with the reminder scan off (REMINDERS_ENABLED
// =false leaves the service unstarted), on its own interval, tenant by tenant, and enqueues no reminder.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { silentLogger } from '../../bot/logger';
import { loadRules } from '../../bot/rules';
import { ExpiryJob } from '../../bot/reminders/expiry-job';
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

describe('reminders: voucher expiry as a job of its own', () => {
  let cosmos: TestCosmos;
  let repos: Repos;
  let h: Harness;
  const rules = loadRules({ profile: 'program-2020' });

  beforeEach(async () => {
    cosmos = await startTestCosmos();
    repos = cosmos.store.repos;
    h = { repos } as unknown as Harness; // the fixtures only write through the repositories
  });
  afterEach(async () => cosmos.stop());

  function service(): ReminderService {
    return new ReminderService({
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
      now: () => NOW,
      logger: silentLogger(),
    });
  }

  async function stateOf(tenantId: string, id: string): Promise<string | undefined> {
    return (await repos.vouchers.get(tenantId, id))?.doc.state;
  }

  it('with reminders off, the expiry job alone expires every tenant on its interval, audited, and sends nothing', async () => {
    const clock = sinon.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval'] });
    const reminders = service();
    try {
      for (const tenantId of ['tenant-off-a', 'tenant-off-b']) {
        await seedReadyOrganization(h, tenantId);
        await seedVoucher(h, tenantId, 'v-OFF-0001', 'Assigned', LONG_AGO);
        await seedVoucher(h, tenantId, 'v-OFF-0002', 'Assigned', RECENTLY);
      }
      reminders.expiry.start(); // what app.ts does when REMINDERS_ENABLED=false
      assert.equal(reminders.running, false, 'the reminder scan is not running');
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
      assert.deepEqual(reminders.stats, { scans: 0, expired: 2, expiryConflicts: 0 });

      // A voucher that turns up overdue later is expired by the next run of the interval.
      await seedVoucher(h, 'tenant-off-a', 'v-OFF-0003', 'Assigned', LONG_AGO);
      await clock.tickAsync(60_000);
      await until(async () => (await stateOf('tenant-off-a', 'v-OFF-0003')) === 'Expired');
      // The state is written before the job counts it (the write also keeps the tenant summary).
      await until(async () => reminders.stats.expired === 3);

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

  it('runAll goes on past a tenant that fails; an ETag conflict is left for the next run', async () => {
    await seedReadyOrganization(h, 'tenant-run-ok');
    await seedReadyOrganization(h, 'tenant-run-bad');
    const old = await seedVoucher(h, 'tenant-run-ok', 'v-RUN-0001', 'Assigned', LONG_AGO);
    await seedVoucher(h, 'tenant-run-bad', 'v-RUN-0002', 'Assigned', LONG_AGO);
    let raced = false;
    const job = new ExpiryJob({
      organizations: repos.organizations,
      vouchers: {
        list: async (tenantId) => {
          if (tenantId === 'tenant-run-bad') throw new Error('listing failed');
          const listed = await repos.vouchers.list(tenantId);
          if (tenantId === 'tenant-run-ok' && !raced) {
            // Someone edits the voucher after the job listed it.
            raced = true;
            await repos.vouchers.save(
              tenantId,
              { ...old.doc, voucherAdminEmail: 'x@customer.example' },
              old.etag,
            );
          }
          return listed;
        },
        get: (tenantId, id) => repos.vouchers.get(tenantId, id),
        save: (tenantId, voucher, etag) => repos.vouchers.save(tenantId, voucher, etag),
      },
      rules,
      defaultTimeZone: 'UTC',
      intervalSeconds: 60,
      now: () => NOW,
      logger: silentLogger(),
    });

    const first = await job.runAll();
    assert.deepEqual(first, { tenants: 1, expired: 0, conflicts: 1, errors: 1 });
    assert.equal(await stateOf('tenant-run-ok', 'v-RUN-0001'), 'Assigned');
    assert.equal(await stateOf('tenant-run-bad', 'v-RUN-0002'), 'Assigned');

    const second = await job.runTenant('tenant-run-ok', NOW);
    assert.deepEqual(
      { expired: second?.expired, conflicts: second?.conflicts },
      { expired: 1, conflicts: 0 },
    );
    const stored = await repos.vouchers.get('tenant-run-ok', 'v-RUN-0001');
    assert.equal(stored?.doc.state, 'Expired');
    assert.equal(stored?.doc.voucherAdminEmail, 'x@customer.example', 'the concurrent change is kept');
    assert.deepEqual(job.stats, { expired: 1, conflicts: 1 });
    assert.equal(await job.runTenant('tenant-none', NOW), undefined, 'a tenant without an organisation');
  });
});
