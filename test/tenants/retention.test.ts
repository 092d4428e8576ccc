// Retention with an injected clock: an inactive tenant's data is purged once it has been inactive longer than
// TENANT_RETENTION_DAYS (a tombstone by system:retention stays); active tenants and 0 (= keep) are untouched.
import { strict as assert } from 'node:assert';
import { RetentionJob, TenantDataService, TenantLifecycle, TenantRegistry } from '../../bot/tenants';
import { seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import type { Harness } from '../conversation/harness';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

const DAY = 86_400_000;

describe('tenant retention', () => {
  let cosmos: TestCosmos;
  const clock = { now: new Date('2026-01-01T00:00:00Z') };
  const now = () => clock.now;
  let registry: TenantRegistry;
  let data: TenantDataService;
  const deleted: string[] = [];

  before(async () => {
    cosmos = await startTestCosmos();
    registry = new TenantRegistry(cosmos.store);
    const lifecycle = new TenantLifecycle({
      registry,
      hasActiveConversation: () => Promise.resolve(false),
      now,
      hooks: { deleted: (t) => void deleted.push(t) },
    });
    data = new TenantDataService({
      store: cosmos.store,
      registry,
      lifecycle,
      vouchersCsv: () => Promise.resolve(''),
      organization: async (t) => (await cosmos.store.repos.organizations.get(t))?.doc,
      now,
    });
    const h = { repos: cosmos.store.repos } as unknown as Harness;
    for (const t of ['ret-old', 'ret-active', 'ret-recent']) {
      await seedReadyOrganization(h, t);
      await seedVoucher(h, t, `v-${t.toUpperCase()}-1`, 'Assigned');
    }
    await lifecycle.conversationLeft('ret-old'); // inactive since 2026-01-01
    await lifecycle.seen('ret-active');
    clock.now = new Date('2026-06-01T00:00:00Z');
    await lifecycle.conversationLeft('ret-recent'); // inactive since 2026-06-01
  });
  after(async () => cosmos.stop());

  const job = (days: number) => new RetentionJob({ registry, data, days, now });
  const vouchersOf = async (t: string) => (await cosmos.store.repos.vouchers.list(t)).length;

  it('keeps everything before the retention has passed, and with 0 (keep)', async () => {
    clock.now = new Date(Date.parse('2026-01-01T00:00:00Z') + 179 * DAY);
    assert.deepEqual(await job(180).runOnce(), []);
    clock.now = new Date('2030-01-01T00:00:00Z');
    assert.deepEqual(await job(0).runOnce(), [], '0 keeps data for ever');
    assert.equal(await vouchersOf('ret-old'), 1);
  });

  it('purges a tenant inactive longer than the retention; a tombstone by system:retention remains', async () => {
    clock.now = new Date(Date.parse('2026-01-01T00:00:00Z') + 181 * DAY);
    assert.deepEqual(await job(180).runOnce(), ['ret-old']);
    assert.equal(await vouchersOf('ret-old'), 0);
    assert.equal(await cosmos.store.repos.organizations.get('ret-old'), undefined);
    const [tombstone, ...more] = await registry.tombstones('ret-old');
    assert.equal(more.length, 0);
    assert.equal(tombstone?.deletedBy, 'system:retention');
    assert.equal(tombstone?.reason, 'retention');
    assert.deepEqual(deleted, ['ret-old'], 'the deleted hook was told');
    assert.equal(await vouchersOf('ret-active'), 1, 'an active tenant is never purged');
    assert.equal(await vouchersOf('ret-recent'), 1, 'inactive for less than the retention');
    assert.equal((await registry.inactive()).map((t) => t.tenantId).includes('ret-old'), false);
  });

  it("a run's query lists only the tenants past the retention, not every inactive tenant", async () => {
    const inactive = async (before?: string) => (await registry.inactive(before)).map((t) => t.tenantId);
    assert.deepEqual(await inactive(), ['ret-recent']);
    assert.deepEqual(await inactive('2026-05-31T23:59:59.999Z'), []);
    assert.deepEqual(await inactive('2026-06-01T00:00:00.000Z'), ['ret-recent']);
  });
});
