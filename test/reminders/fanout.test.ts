// Cross-tenant fan-out: many tenants due at once are sent in parallel, each tenant within its own rate window,
// through the real CloudAdapter and the connector simulator (which refuses with 429 whatever exceeds the limits).
// Asserted by counting what the simulator received, not by timing.
import { strict as assert } from 'node:assert';
import { ConversationRefDoc, referenceId } from '../../bot/reminders/references';
import type { Stored } from '../../bot/store';
import type { LedgerEntry } from '../../bot/reminders/ledger';
import { startRig, type Rig } from './fixture';

/** Tight limits keep the test short: the simulator's tenant window, and the sender's own, kept below it. */
const SIM_TENANT_WINDOW = { max: 5, ms: 1000 };
const SENDER_TENANT_LIMITS = [
  { max: 4, ms: 1000 },
  { max: 1, ms: 150 },
];
const TENANTS = ['fan-a', 'fan-b', 'fan-c', 'fan-d'];
const PER_TENANT = 8;

describe('reminders: cross-tenant fan-out (bot/reminders/send-queue.ts)', function () {
  this.timeout(30_000);
  let rig: Rig;

  before(async () => {
    rig = await startRig({ tenantWindows: [SIM_TENANT_WINDOW] });
  });
  after(async () => rig.stop());

  async function enqueue(tenantId: string, i: number): Promise<{ id: string; entry?: Stored<LedgerEntry> }> {
    const userId = `${tenantId}-user-${i}`;
    const at = new Date().toISOString();
    await rig.references.repo.create(
      ConversationRefDoc.parse({
        id: referenceId({ kind: 'user', userId }),
        tenantId,
        type: 'conversationRef',
        scope: 'personal',
        userId,
        conversationId: `a:${userId}`,
        serviceUrl: rig.sim.url,
        bot: { id: '28:bot', name: 'Companion' },
        user: { id: `29:${userId}`, name: userId, aadObjectId: userId },
        locale: 'en-US',
        active: true,
        capturedAt: at,
        updatedAt: at,
      }),
    );
    return rig.ledger.enqueue({
      tenantId,
      reminderKey: `voucherExpiry:v-${i}:2026-06-30:-7`,
      target: { kind: 'user', userId },
      payload: { key: `voucherExpiry:v-${i}:2026-06-30:-7` },
      timeZone: 'UTC',
      notBefore: new Date(),
    });
  }

  it('tenants due at once are sent side by side, none above its limit, each reminder once', async () => {
    const sender = rig.sender({ concurrency: 8, tenantLimits: SENDER_TENANT_LIMITS });
    const queued: { tenantId: string; id: string; entry?: Stored<LedgerEntry> }[] = [];
    for (const tenantId of TENANTS)
      for (let i = 0; i < PER_TENANT; i++) queued.push({ tenantId, ...(await enqueue(tenantId, i)) });
    // The worst order for a single queue: all of the first tenant, then the next…
    for (const q of queued) sender.submit(q.tenantId, q.id, undefined, q.entry);
    await sender.idle();

    const total = TENANTS.length * PER_TENANT;
    const delivered = rig.sim.allActivities();
    assert.equal(delivered.length, total, 'none lost');
    assert.equal(new Set(delivered.map((a) => a.conversationId)).size, total, 'none twice');
    assert.equal(sender.stats.sent, total);
    assert.equal(
      rig.sim.requests.filter((r) => r.cause === 'limit').length,
      0,
      'the simulator never refused',
    );

    // No tenant above its limit: in every second of arrivals at the connector, at most the tenant limit (the
    // sender keeps 4 a second; arrival jitter may bring a fifth inside a second, never a sixth).
    for (const tenantId of TENANTS) {
      const arrivals = rig.sim.requests.filter((r) => r.tenantId === tenantId).map((r) => r.at);
      assert.equal(arrivals.length, PER_TENANT);
      for (const [i, at] of arrivals.entries()) {
        const inWindow = arrivals.slice(i).filter((t) => t < at + SIM_TENANT_WINDOW.ms).length;
        assert.ok(
          inWindow <= SIM_TENANT_WINDOW.max,
          `${tenantId}: ${inWindow} sends within 1 s of its send #${i + 1}`,
        );
      }
    }

    // Side by side: before the first tenant is done, every tenant has been sent to.
    const order = rig.sim.requests.map((r) => r.tenantId);
    const firstTenantDone = order.lastIndexOf(TENANTS[0]);
    assert.deepEqual(new Set(order.slice(0, firstTenantDone)), new Set(TENANTS));
    assert.deepEqual(
      new Set(order.slice(0, TENANTS.length * 2)),
      new Set(TENANTS),
      'the first sends cover every tenant',
    );
  });
});
