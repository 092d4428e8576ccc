// The due index and its scan over the real store (embedded Cosmos through the SDK), counted from outside by an
// HTTP proxy: writes keep each tenant's next due time; an idle scan is one query; instances share a cycle
// through ETag-checked leases; a crashed instance's lease runs out and is taken over.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { silentLogger } from '../../bot/logger';
import type { DueIndex } from '../../bot/reminders/due-index';
import { DueScan } from '../../bot/reminders/due-scan';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore } from '../../bot/reminders/references';
import { MAX_IDLE_MS, ReminderService } from '../../bot/reminders/service';
import { loadRules } from '../../bot/rules';
import { openStore, StoreUnavailable, type Store } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import type { Harness } from '../conversation/harness';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';

const TUESDAY = new Date('2026-05-05T12:00:00Z');
const SATURDAY = new Date('2026-05-09T12:00:00Z');
const IN_TWO_DAYS = '2026-05-07T00:00:00.000Z'; // day 3 after intake on 2026-05-04: the first reserve reminder
const OVERDUE = { assignedOn: '2025-10-01', intakeOn: '2025-10-01' };
const RECENT = { assignedOn: '2026-05-04', intakeOn: '2026-05-04' };

describe('reminders: the due index and its scan (bot/reminders/due-*.ts)', function () {
  this.timeout(30_000);
  const rules = loadRules({ profile: 'program-2020' });
  let embedded: EmbeddedCosmos;
  let proxy: CountingProxy;
  let now: Date;
  let db = 0;
  const services: ReminderService[] = [];
  const stores: Store[] = [];

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await startCountingProxy(embedded.endpoint);
  });
  after(async () => {
    await proxy.stop();
    await embedded.stop();
  });
  beforeEach(() => {
    now = TUESDAY;
    db++;
  });
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    for (const s of stores.splice(0)) s.close();
  });

  /** One instance's store: through the counting proxy (the first) or straight to the server (others). */
  async function instance(counted = true): Promise<Store> {
    const store = await openStore({
      endpoint: counted ? proxy.url : embedded.endpoint,
      auth: 'key',
      key: 'k',
      database: `due-${db}`,
      local: true,
    });
    stores.push(store);
    return store;
  }

  function service(
    store: Store,
    extra: {
      remindersEnabled?: boolean;
      owner?: string;
      dueConcurrency?: number;
      inactiveTenants?: () => Promise<ReadonlySet<string>>;
    } = {},
  ): ReminderService {
    const svc = new ReminderService({
      store,
      ledger: new Ledger(store, { now: () => now.getTime() }),
      adapter: { continueConversationAsync: async () => undefined },
      botAppId: '',
      references: new ReferenceStore(store),
      rules,
      render: () => ({ type: 'message' }),
      scanSeconds: 3600,
      defaultTimeZone: 'UTC',
      businessHours: { start: 9, end: 17 },
      now: () => now,
      logger: silentLogger(),
      ...extra,
    });
    services.push(svc);
    return svc;
  }

  const harness = (store: Store) => ({ repos: store.repos }) as unknown as Harness;

  async function nextDueAt(svc: ReminderService, tenantId: string): Promise<string | undefined> {
    return (await svc.dueIndex.get(tenantId))?.doc.nextDueAt;
  }

  /** A tenant with one voucher whose first reserve reminder is due on IN_TWO_DAYS. */
  async function tenantDueInTwoDays(store: Store, tenantId: string): Promise<void> {
    await seedReadyOrganization(harness(store), tenantId);
    await seedVoucher(harness(store), tenantId, `v-${tenantId.toUpperCase()}-1`, 'Assigned', RECENT);
  }

  it('every write keeps the tenant due: the organisation and each voucher lower its next due time, never raise it', async () => {
    const store = await instance();
    const svc = service(store);
    const h = harness(store);
    await seedReadyOrganization(h, 'tenant-w');
    // The organisation alone: its first renewal reminder is months away (2026-10-10), so the weekly net.
    const net = new Date(TUESDAY.getTime() + MAX_IDLE_MS).toISOString();
    assert.equal(await nextDueAt(svc, 'tenant-w'), net);
    await seedVoucher(h, 'tenant-w', 'v-W-1', 'Assigned', RECENT);
    assert.equal(await nextDueAt(svc, 'tenant-w'), IN_TWO_DAYS);
    await seedVoucher(h, 'tenant-w', 'v-W-2', 'Assigned', {
      assignedOn: '2026-05-05',
      intakeOn: '2026-05-05',
    });
    assert.equal(await nextDueAt(svc, 'tenant-w'), IN_TWO_DAYS, 'a later due time does not raise it');
    await seedVoucher(h, 'tenant-w', 'v-W-3', 'Assigned', OVERDUE);
    assert.equal(await nextDueAt(svc, 'tenant-w'), TUESDAY.toISOString(), 'an overdue voucher: due now');
    assert.equal((await svc.dueIndex.get('tenant-w'))?.doc.active, true);
  });

  it('an idle scan is one query of the index and reads no tenant document', async () => {
    const store = await instance();
    const svc = service(store);
    for (let i = 0; i < 6; i++) await tenantDueInTwoDays(store, `tenant-idle-${i}`);
    proxy.reset();
    const summary = await svc.scanOnce();
    assert.equal(summary.tenants, 0);
    assert.equal(summary.queries, 1);
    const index = proxy.container('tenant-index');
    // The SDK asks the gateway for a plan before a cross-partition query: one more request, no document.
    assert.deepEqual(
      { queries: index.queries, plans: index.plans, reads: index.reads, writes: index.writes },
      { queries: 1, plans: 1, reads: 0, writes: 0 },
    );
    assert.equal(index.documents, 0);
    assert.equal(proxy.total(), 2);
    for (const name of ['organizations', 'vouchers', 'reminders', 'conversations'])
      assert.equal(proxy.container(name).requests, 0, `no request to ${name}`);
  });

  it('a due tenant is worked once and given back with its next due time recomputed from all its documents', async () => {
    const store = await instance();
    const svc = service(store);
    await tenantDueInTwoDays(store, 'tenant-due');
    await tenantDueInTwoDays(store, 'tenant-later');
    await seedVoucher(harness(store), 'tenant-later', 'v-LATER-2', 'Assigned', RECENT);
    // tenant-later is pushed out of the cycle by hand: only due tenants are worked.
    const later = await svc.dueIndex.get('tenant-later');
    await svc.dueIndex.repo.replace({ ...later!.doc, nextDueAt: '2026-06-01T00:00:00.000Z' }, later!.etag);
    const work = sinon.spy(svc, 'workTenant');

    now = SATURDAY; // the day-3 reminder is current; on a Saturday it waits in the ledger for Monday 09:00
    const summary = await svc.scanOnce();
    assert.deepEqual(
      work.getCalls().map((c) => c.args[0]),
      ['tenant-due'],
    );
    assert.equal(summary.tenants, 1);
    const entries = await svc.ledger.listAll('tenant-due');
    assert.equal(entries.length, 1, 'the reserve reminder is in the ledger');
    assert.equal(entries[0]?.doc.notBefore, '2026-05-11T09:00:00.000Z');
    const after = await svc.dueIndex.get('tenant-due');
    // Monday: both the next offset (day 7) and the ledger entry's send time; the day starts first.
    assert.equal(after?.doc.nextDueAt, '2026-05-11T00:00:00.000Z');
    assert.equal(after?.doc.lease, undefined, 'given back');

    assert.equal((await svc.scanOnce()).tenants, 0, 'not due again in this cycle');
  });

  it('two instances scanning at once work each due tenant exactly once', async () => {
    const storeA = await instance();
    const storeB = await instance(false);
    const a = service(storeA, { owner: 'instance-a' });
    const b = service(storeB, { owner: 'instance-b' });
    const tenants = Array.from({ length: 12 }, (_, i) => `tenant-pair-${i}`);
    for (const t of tenants) {
      await tenantDueInTwoDays(storeA, t);
      await seedVoucher(harness(storeA), t, `v-PAIR-${t.slice(-2)}-X`, 'Assigned', OVERDUE);
    }
    const workA = sinon.spy(a, 'workTenant');
    const workB = sinon.spy(b, 'workTenant');
    const [sa, sb] = await Promise.all([a.scanOnce(), b.scanOnce()]);
    const worked = [...workA.getCalls(), ...workB.getCalls()].map((c) => c.args[0]).sort();
    assert.deepEqual(worked, [...tenants].sort(), 'each tenant once across both instances');
    assert.equal(sa.tenants + sb.tenants, tenants.length);
    for (const t of tenants) {
      const v = await storeA.repos.vouchers.get(t, `v-PAIR-${t.slice(-2)}-X`);
      assert.equal(v?.doc.state, 'Expired');
      assert.equal((await a.dueIndex.get(t))?.doc.lease, undefined);
    }
  });

  it("a crashed instance's lease keeps its tenant until it runs out; then another instance takes it over", async () => {
    const store = await instance();
    const survivor = service(store, { owner: 'survivor' });
    await tenantDueInTwoDays(store, 'tenant-crash');
    await seedVoucher(harness(store), 'tenant-crash', 'v-CRASH-X', 'Assigned', OVERDUE);
    // The crashed instance claimed the tenant (5-minute lease) and died before giving it back.
    const entry = await survivor.dueIndex.get('tenant-crash');
    assert.ok(await survivor.dueIndex.claim(entry!, 'crashed', 300_000));
    const work = sinon.spy(survivor, 'workTenant');

    assert.equal((await survivor.scanOnce()).tenants, 0, 'the lease is respected');
    now = new Date(TUESDAY.getTime() + 299_000);
    assert.equal((await survivor.scanOnce()).tenants, 0, 'still inside the lease');
    now = new Date(TUESDAY.getTime() + 301_000);
    assert.equal((await survivor.scanOnce()).tenants, 1, 'taken over once the lease ran out');
    assert.equal(work.callCount, 1);
    assert.equal((await store.repos.vouchers.get('tenant-crash', 'v-CRASH-X'))?.doc.state, 'Expired');
    assert.equal((await survivor.dueIndex.get('tenant-crash'))?.doc.lease, undefined);
  });

  it('with reminders off (REMINDERS_ENABLED=false) vouchers still expire as due work, and nothing is enqueued', async () => {
    const store = await instance();
    const svc = service(store, { remindersEnabled: false });
    await tenantDueInTwoDays(store, 'tenant-off');
    assert.equal(
      await nextDueAt(svc, 'tenant-off'),
      new Date(TUESDAY.getTime() + MAX_IDLE_MS).toISOString(),
      'reminders do not make it due; expiry is months away, so the daily safety net is the next look',
    );
    await seedVoucher(harness(store), 'tenant-off', 'v-OFF-X', 'Assigned', OVERDUE);
    assert.equal(await nextDueAt(svc, 'tenant-off'), TUESDAY.toISOString());

    now = SATURDAY;
    assert.equal((await svc.scanOnce()).tenants, 1);
    assert.equal((await store.repos.vouchers.get('tenant-off', 'v-OFF-X'))?.doc.state, 'Expired');
    assert.deepEqual(await svc.ledger.listAll('tenant-off'), [], 'no reminder was enqueued');
    assert.equal(
      await nextDueAt(svc, 'tenant-off'),
      new Date(SATURDAY.getTime() + MAX_IDLE_MS).toISOString(),
    );
  });

  it('a deactivated tenant is not scanned, writes do not wake it; reactivated, it is worked at once', async () => {
    const store = await instance();
    const svc = service(store);
    await tenantDueInTwoDays(store, 'tenant-sleep');
    await svc.deactivateTenant('tenant-sleep');
    await seedVoucher(harness(store), 'tenant-sleep', 'v-SLEEP-X', 'Assigned', OVERDUE);
    const work = sinon.spy(svc, 'workTenant');
    now = SATURDAY;
    assert.equal((await svc.scanOnce()).tenants, 0);
    assert.equal(work.callCount, 0);
    assert.equal((await svc.dueIndex.get('tenant-sleep'))?.doc.active, false);
    assert.equal((await store.repos.vouchers.get('tenant-sleep', 'v-SLEEP-X'))?.doc.state, 'Assigned');

    await svc.reactivateTenant('tenant-sleep');
    assert.equal((await svc.scanOnce()).tenants, 1);
    assert.equal((await store.repos.vouchers.get('tenant-sleep', 'v-SLEEP-X'))?.doc.state, 'Expired');

    await svc.forgetTenant('tenant-sleep');
    assert.equal(await svc.dueIndex.get('tenant-sleep'), undefined);
  });

  it('start-up backfill: tenants written before the index existed get an entry, due now, and are worked', async () => {
    const store = await instance();
    // Written with no reminders service on the store: no index entry (a database older than the index).
    await tenantDueInTwoDays(store, 'tenant-old-1');
    await tenantDueInTwoDays(store, 'tenant-old-2');
    const svc = service(store);
    assert.equal(await svc.dueIndex.get('tenant-old-1'), undefined);
    assert.equal(await svc.backfillDueIndex(), 2);
    assert.equal(await svc.backfillDueIndex(), 0, 'once');
    assert.equal(await nextDueAt(svc, 'tenant-old-1'), TUESDAY.toISOString());
    assert.equal((await svc.scanOnce()).tenants, 2);
    assert.equal(await nextDueAt(svc, 'tenant-old-2'), IN_TWO_DAYS);
  });

  it('start-up backfill: a tenant inactive now gets an inactive entry and is not worked', async () => {
    const store = await instance();
    await tenantDueInTwoDays(store, 'tenant-old-on');
    await tenantDueInTwoDays(store, 'tenant-old-off');
    await seedVoucher(harness(store), 'tenant-old-off', 'v-OLD-OFF-X', 'Assigned', OVERDUE);
    const svc = service(store, { inactiveTenants: async () => new Set(['tenant-old-off']) });
    assert.equal(await svc.backfillDueIndex(), 2);
    assert.equal((await svc.dueIndex.get('tenant-old-off'))?.doc.active, false);
    const work = sinon.spy(svc, 'workTenant');
    assert.equal((await svc.scanOnce()).tenants, 1);
    assert.deepEqual(
      work.getCalls().map((c) => c.args[0]),
      ['tenant-old-on'],
    );
    assert.equal((await store.repos.vouchers.get('tenant-old-off', 'v-OLD-OFF-X'))?.doc.state, 'Assigned');
  });

  it('a database that does not answer stops the cycle; the other tenants are worked by the next one', async () => {
    const store = await instance();
    const svc = service(store, { dueConcurrency: 1 });
    const tenants = ['tenant-busy-0', 'tenant-busy-1', 'tenant-busy-2'];
    for (const t of tenants) await tenantDueInTwoDays(store, t);
    const original = svc.workTenant.bind(svc);
    const work = sinon.stub(svc, 'workTenant').callsFake(async (tenantId, at) => {
      if (work.callCount === 1) throw new StoreUnavailable('notApplied', 'timeout');
      return original(tenantId, at);
    });
    now = SATURDAY; // each tenant's day-3 reminder is current
    const first = await svc.scanOnce();
    assert.deepEqual(
      { tenants: first.tenants, errors: first.errors, deferred: first.deferred },
      { tenants: 0, errors: 1, deferred: true },
    );
    assert.equal(work.callCount, 1, 'the other tenants were not tried');
    const failed = work.getCall(0).args[0];
    const second = await svc.scanOnce();
    assert.equal(second.tenants, 2);
    assert.deepEqual(
      work
        .getCalls()
        .slice(1)
        .map((c) => c.args[0])
        .sort(),
      tenants.filter((t) => t !== failed),
    );
    // The failed tenant is due again one interval later.
    now = new Date(SATURDAY.getTime() + 3_600_000);
    assert.equal((await svc.scanOnce()).tenants, 1);
    assert.equal(work.lastCall.args[0], failed);
    assert.equal(svc.stats.scans, 3);
  });

  it('a write while the tenant is being worked is not lost: the earlier time it set outlives the give-back', async () => {
    const store = await instance();
    const svc = service(store);
    await tenantDueInTwoDays(store, 'tenant-race');
    await seedVoucher(harness(store), 'tenant-race', 'v-RACE-X', 'Assigned', OVERDUE);
    const original = svc.workTenant.bind(svc);
    sinon.stub(svc, 'workTenant').callsFake(async (tenantId, at) => {
      const next = await original(tenantId, at);
      // Someone records a voucher that is overdue, after the work read the tenant's vouchers.
      await seedVoucher(harness(store), tenantId, 'v-RACE-Y', 'Assigned', OVERDUE);
      return next;
    });
    assert.equal((await svc.scanOnce()).tenants, 1);
    assert.equal(await nextDueAt(svc, 'tenant-race'), TUESDAY.toISOString(), 'still due');
  });

  it('the due scan runs on the configured interval; stop ends it', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let queries = 0;
    // An index with nothing due, answering at once (the interval is what is checked here).
    const idle = {
      listDue: async () => {
        queries++;
        return [];
      },
    } as unknown as DueIndex;
    const scan = new DueScan({ index: idle, work: async () => 'gone', intervalSeconds: 60 });
    try {
      scan.start();
      await clock.tickAsync(0);
      assert.equal(queries, 1);
      await clock.tickAsync(60_000);
      await clock.tickAsync(60_000);
      assert.equal(queries, 3);
      assert.equal(scan.cycles, 3);
      await scan.stop();
      await clock.tickAsync(600_000);
      assert.equal(queries, 3);
    } finally {
      clock.restore();
    }
  });
});
