// The demo seed: every state present, dates consistent with each other and with `now`, written through the
// store's repositories, and an extra person (the local development identity) can be made an admin.
import assert from 'node:assert/strict';
import { seedDemoData } from '../../bot/dev/seed';
import { roleOf } from '../../bot/api/projection';
import { VOUCHER_STATES } from '../../bot/api/view-model';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

describe('tab demo seed', function () {
  let cosmos: TestCosmos;
  const now = new Date('2025-06-30T08:00:00.000Z');
  before(async () => {
    cosmos = await startTestCosmos();
  });
  after(async () => {
    await cosmos.stop();
  });

  it('creates an organisation and a dozen vouchers covering every state, with consistent dates', async () => {
    const seeded = await seedDemoData(cosmos.store, 'tenant-seed', now, {
      people: [{ userId: 'local-dev', name: 'Local Dev', roles: ['globalAdmin'] }],
    });
    assert.equal(seeded.vouchers.length, 12);
    assert.deepEqual(new Set(seeded.vouchers.map((v) => v.state)), new Set(VOUCHER_STATES));
    for (const v of seeded.vouchers) {
      assert.ok(v.stateSince <= now.toISOString(), `${v.id} entered its state in the future`);
      assert.ok(
        v.audit.every((a, i) => i === 0 || (v.audit[i - 1]?.at ?? '') <= a.at),
        `${v.id} audit out of order`,
      );
      assert.ok(
        v.audit.every((a) => a.at <= now.toISOString()),
        `${v.id} audit in the future`,
      );
      assert.equal(
        v.audit.filter((a) => a.to && a.from !== a.to).at(-1)?.to,
        v.state,
        `${v.id} audit ends elsewhere`,
      );
      assert.ok(v.assignedOn <= v.intakeOn);
      if (v.reservation) assert.ok(v.reservation.plannedStart <= v.reservation.plannedEnd);
      if (v.completionReport && v.reservation)
        assert.ok(v.completionReport.submittedOn >= v.reservation.plannedEnd);
    }
    const stored = await cosmos.store.repos.vouchers.list('tenant-seed');
    assert.equal(stored.length, 12);
    const org = await cosmos.store.repos.organizations.get('tenant-seed');
    assert.ok(org);
    assert.equal(roleOf(org.doc, 'local-dev'), 'GlobalAdmin');
    assert.equal(roleOf(org.doc, 'someone-else'), 'Member');
  });

  it('can run again over the same tenant (overwrites, no duplicates)', async () => {
    await seedDemoData(cosmos.store, 'tenant-seed', now);
    const stored = await cosmos.store.repos.vouchers.list('tenant-seed');
    assert.equal(stored.length, 12);
  });
});
