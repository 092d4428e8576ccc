// The tenant summary the overview reads (bot/store/summaries.ts) against the full recomputation from every
// voucher, after random sequences of writes: sequential, concurrent (same shard, same voucher), a refused
// write, a summary write that fails, a voucher written without its summary update (a crash between the two),
// and a newer instance's summary. Over the embedded store, through the real SDK.
import assert from 'node:assert/strict';
import type { Container } from '@azure/cosmos';
import {
  groupDeadlines,
  OVERVIEW_DEADLINE_LIMIT,
  overviewOf,
  project,
  projectionContext,
} from '../../bot/api/projection';
import type { CallerView } from '../../bot/api/view-model';
import { seedDemoData } from '../../bot/dev/seed';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import {
  builtInRules,
  DEFAULT_PROFILE,
  VoucherState,
  voucherFacts,
  type Organization,
  type Voucher,
  type VoucherFacts,
} from '../../bot/program';
import { ConcurrencyConflict, storeOver, type Store } from '../../bot/store';
import { shardId, shardOf, SUMMARY_SHARDS, type SummaryShard } from '../../bot/store/summaries';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

const TENANT = 'cccccccc-0000-4000-8000-00000000000c';
const NOW = new Date('2025-03-10T10:00:00.000Z');
const CALLER: CallerView = { tenantId: TENANT, userId: 'u', role: 'Member', localIdentity: true };
const CUSTOMERS = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove'];
const CONSULTANTS = [
  SEED_PEOPLE.consultantBeatriz.userId,
  SEED_PEOPLE.consultantDiego.userId,
  'not-a-person',
];

/** A small seeded generator, so a failing sequence can be replayed (the seed is in the test title). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { int, bool: () => next() < 0.5, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T };
}
type Random = ReturnType<typeof random>;

const day = (r: Random): string =>
  new Date(Date.UTC(2024, 0, 1) + r.int(600) * 86_400_000).toISOString().slice(0, 10);
const instant = (r: Random): string =>
  new Date(Date.UTC(2024, 0, 1) + r.int(600 * 86_400) * 1000).toISOString();

/** One random change to a voucher's facts (or to a field the summary does not keep). */
function mutate(v: Voucher, r: Random): Voucher {
  const next = structuredClone(v) as Voucher;
  switch (r.int(7)) {
    case 0:
      next.state = r.pick(VoucherState.options);
      next.stateSince = instant(r);
      break;
    case 1:
      next.customer.name = r.pick(CUSTOMERS);
      break;
    case 2:
      if (r.bool()) delete next.reservation;
      else {
        const consultants = CONSULTANTS.filter(() => r.bool());
        next.reservation = {
          engagementId: 'e1',
          deliveryCountry: 'US',
          partnerLocationId: 'l1',
          plannedStart: day(r),
          plannedEnd: day(r),
          consultants,
          offsiteDays: 0,
          reservedOn: day(r),
          reservedBy: 'u',
        };
      }
      break;
    case 3:
      if (r.bool()) delete next.paymentRequest;
      else {
        next.paymentRequest = {
          savbReference: 'R-1',
          amount: (1 + r.int(1_000_000)) / 100,
          currency: r.pick(['USD', 'EUR', 'BRL']),
          requestedOn: day(r),
          requestedBy: 'u',
          ...(r.bool() ? { approvedOn: day(r) } : {}),
          ...(r.bool() ? { paidOn: day(r), paidAmount: (1 + r.int(100_000)) / 100 } : {}),
          ...(r.bool() ? { deniedOn: day(r) } : {}),
        };
      }
      break;
    case 4:
      if (r.bool()) delete next.expiresOn;
      else next.expiresOn = day(r);
      break;
    case 5:
      if (r.bool()) delete next.redemption;
      else next.redemption = { redeemedOn: day(r), redeemedBy: 'u' };
      break;
    default:
      // Not a fact: the row keeps its facts, only the version moves.
      next.customer.division = `d${r.int(1000)}`;
  }
  return next;
}

function freshVoucher(template: Voucher, r: Random, n: number): Voucher {
  const v = mutate({ ...structuredClone(template), audit: [] } as Voucher, r);
  return { ...v, id: `v-test-${n}`, voucherNumber: `T${n}` };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('tab API: the tenant summary equals the full recomputation', function () {
  this.timeout(120_000);
  let cosmos: TestCosmos;
  let store: Store;
  let org: Organization | undefined;
  let template: Voucher;
  const rules = (() => {
    const loaded = builtInRules(DEFAULT_PROFILE);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    return loaded.rules;
  })();

  before(async () => {
    cosmos = await startTestCosmos();
    store = cosmos.store;
    const seeded = await seedDemoData(store, TENANT, NOW, { vouchers: 60, rules });
    org = seeded.organization;
    template = seeded.vouchers[0] as Voucher;
  });
  after(async () => cosmos.stop());

  const allVouchers = async (): Promise<Voucher[]> =>
    (await store.repos.vouchers.list(TENANT)).map((s) => s.doc);

  /** The rows as stored, read straight from the container (not through the summary's own checks). */
  async function storedFacts(): Promise<VoucherFacts[]> {
    const { resources } = await store.containers.summaries.items
      .query<SummaryShard>('SELECT * FROM c', { partitionKey: TENANT })
      .fetchAll();
    return resources.flatMap((s) => s.rows.map((r) => r.voucher)).sort(byId);
  }

  /**
   * The summary-based overview equals the one computed from every voucher; `source` says how it was made, and
   * the check the tab runs after answering finds the rows in step with the vouchers.
   */
  async function assertEqualOverview(expected?: string): Promise<void> {
    const summary = await store.repos.vouchers.summary(TENANT);
    const all = await allVouchers();
    const ctx = projectionContext(rules, org, NOW);
    assert.deepEqual(overviewOf(summary.vouchers, ctx, CALLER), overviewOf(all, ctx, CALLER));
    if (expected) assert.equal(summary.source, expected);
    if (summary.verify) assert.equal(await summary.verify(), true, 'the rows match the vouchers');
  }

  /** A summary out of step with the vouchers (a lost update): the check says so and repairs it. */
  async function assertCheckRepairs(): Promise<void> {
    const stale = await store.repos.vouchers.summary(TENANT);
    assert.equal(stale.source, 'summary');
    assert.ok(stale.verify);
    assert.equal(await stale.verify(), false);
    await assertRowsCurrent();
    await assertEqualOverview('summary');
  }

  /** The stored rows are exactly the facts of the current vouchers (kept by the writes themselves). */
  async function assertRowsCurrent(): Promise<void> {
    const all = await allVouchers();
    assert.deepEqual(await storedFacts(), all.map((v) => voucherFacts(v)).sort(byId));
  }

  it('is built from the vouchers on the first read, then read as stored', async () => {
    assert.deepEqual(await storedFacts(), []);
    await assertEqualOverview('rebuilt');
    await assertRowsCurrent();
    await assertEqualOverview('summary');
  });

  for (const seed of [7, 42]) {
    it(`random sequential writes (seed ${seed}) keep every row current`, async () => {
      const r = random(seed);
      for (let step = 0; step < 60; step++) {
        if (r.int(5) === 0) {
          await store.repos.vouchers.create(TENANT, freshVoucher(template, r, seed * 1000 + step));
        } else {
          const one = r.pick(await store.repos.vouchers.list(TENANT));
          await store.repos.vouchers.save(TENANT, mutate(one.doc, r), one.etag);
        }
        if (step % 15 === 14) {
          await assertRowsCurrent();
          await assertEqualOverview('summary');
        }
      }
    });
  }

  it('the overview lists the deadlines the deadlines route groups (same order, same totals)', async () => {
    for (const today of [NOW, new Date('2024-06-01T12:00:00.000Z'), new Date('2025-09-30T23:00:00.000Z')]) {
      const all = await allVouchers();
      const ctx = projectionContext(rules, org, today);
      const groups = groupDeadlines(project(all, ctx).deadlines);
      const { deadlines } = overviewOf(all, ctx, CALLER);
      assert.ok(deadlines.overdueTotal + deadlines.upcomingTotal > 0);
      assert.deepEqual(deadlines.overdue, groups.overdue.slice(0, OVERVIEW_DEADLINE_LIMIT));
      assert.deepEqual(deadlines.upcoming, groups.upcoming.slice(0, OVERVIEW_DEADLINE_LIMIT));
      assert.equal(deadlines.overdueTotal, groups.overdue.length);
      assert.equal(deadlines.upcomingTotal, groups.upcoming.length);
    }
  });

  it('concurrent writes to one shard and to one voucher: rows stay current, the loser changes nothing', async () => {
    const r = random(99);
    const all = await store.repos.vouchers.list(TENANT);
    // Vouchers sharing a shard, so their summary updates meet ETag conflicts and retry.
    const byShard = new Map<number, typeof all>();
    for (const s of all) byShard.set(shardOf(s.doc.id), [...(byShard.get(shardOf(s.doc.id)) ?? []), s]);
    const crowded = [...byShard.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    assert.ok(crowded.length >= 3, 'a shard with several vouchers');
    const target = all[0];
    assert.ok(target);
    const results = await Promise.allSettled([
      ...crowded.map((s) => store.repos.vouchers.save(TENANT, mutate(s.doc, r), s.etag)),
      store.repos.vouchers.save(TENANT, mutate(target.doc, r), target.etag),
      store.repos.vouchers.save(TENANT, mutate(target.doc, r), target.etag),
      store.repos.vouchers.create(TENANT, freshVoucher(template, r, 5001)),
      store.repos.vouchers.create(TENANT, freshVoucher(template, r, 5002)),
    ]);
    const refused = results.filter((x) => x.status === 'rejected');
    assert.equal(refused.length, 1, 'one of the two writes of the same version loses');
    assert.ok((refused[0] as PromiseRejectedResult).reason instanceof ConcurrencyConflict);
    await assertRowsCurrent();
    await assertEqualOverview('summary');
  });

  it('a refused write (stale ETag) leaves the summary as it was', async () => {
    const one = (await store.repos.vouchers.list(TENANT))[3];
    assert.ok(one);
    await store.repos.vouchers.save(TENANT, mutate(one.doc, random(1)), one.etag);
    const before = await storedFacts();
    await assert.rejects(
      store.repos.vouchers.save(TENANT, mutate(one.doc, random(2)), one.etag),
      ConcurrencyConflict,
    );
    assert.deepEqual(await storedFacts(), before);
    await assertEqualOverview('summary');
  });

  it('a summary shard that cannot be written is dropped, and the next read rebuilds it', async () => {
    const failing = storeOver({
      client: store.client,
      database: store.database,
      containers: { ...store.containers, summaries: failingReplace(store.containers.summaries) },
    });
    const one = (await failing.repos.vouchers.list(TENANT))[5];
    assert.ok(one);
    const changed = mutate(one.doc, random(5));
    changed.customer.name = 'Only In The Voucher';
    await failing.repos.vouchers.save(TENANT, changed, one.etag); // the voucher write itself succeeds
    const { resources } = await store.containers.summaries.items
      .query<SummaryShard>('SELECT * FROM c', { partitionKey: TENANT })
      .fetchAll();
    assert.equal(resources.length, SUMMARY_SHARDS - 1, 'the shard it could not keep is gone');
    await assertEqualOverview('rebuilt');
    await assertRowsCurrent();
    await assertEqualOverview('summary');
  });

  it('a voucher written without its summary update (crash between the two) is found and repaired', async () => {
    const one = (await store.repos.vouchers.list(TENANT))[7];
    assert.ok(one);
    const bypass = { ...mutate(one.doc, random(7)), customer: { name: 'Written By A Crashed Instance' } };
    // `_ts` has whole seconds: the lost write must not share a second with the summary's newest row.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await store.containers.vouchers.item(one.doc.id, TENANT).replace(bypass);
    // The newest write: repaired from the vouchers written since the newest row.
    await assertCheckRepairs();
    // A lost update older than the newest row (a later write reached the summary): found by the `_ts` sum.
    const again = (await store.repos.vouchers.list(TENANT))[7];
    assert.ok(again);
    await store.containers.vouchers
      .item(again.doc.id, TENANT)
      .replace({ ...again.doc, customer: { name: 'Lost' } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const other = (await store.repos.vouchers.list(TENANT))[8];
    assert.ok(other);
    await store.repos.vouchers.save(TENANT, mutate(other.doc, random(8)), other.etag);
    await assertCheckRepairs();
  });

  it('the next write of a voucher whose last update was lost puts its current version in its row', async () => {
    const one = (await store.repos.vouchers.list(TENANT))[9];
    assert.ok(one);
    const lost = { ...mutate(one.doc, random(9)), customer: { name: 'Lost Update' } };
    // `_ts` has whole seconds: the lost write must not share a second with the version its row holds.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { etag } = await store.containers.vouchers.item(one.doc.id, TENANT).replace(lost);
    assert.ok(etag);
    // Its row is at the version before the lost one, not at the one this write replaces: out of order.
    const current = await store.repos.vouchers.get(TENANT, one.doc.id);
    assert.ok(current);
    await store.repos.vouchers.save(TENANT, mutate(current.doc, random(10)), current.etag);
    await assertRowsCurrent();
    await assertEqualOverview('summary');
  });

  it('a newer instance’s summary is neither used nor overwritten (rolling deploy)', async () => {
    const id = shardId(0);
    const item = store.containers.summaries.item(id, TENANT);
    const { resource } = await item.read<SummaryShard>();
    assert.ok(resource);
    await item.replace({ ...resource, version: resource.version + 1, rows: [] });
    await assertEqualOverview('full');
    const { resource: after } = await item.read<SummaryShard>();
    assert.equal(after?.version, resource.version + 1);
    assert.deepEqual(after?.rows, []);
  });
});

/** The container with every item replace failing (a summary write that cannot be made). */
function failingReplace(container: Container): Container {
  return new Proxy(container, {
    get(target, prop, receiver) {
      if (prop === 'item') {
        return (id: string, pk: string) => {
          const item = target.item(id, pk);
          return new Proxy(item, {
            get(t, p, rcv) {
              if (p === 'replace')
                return () => Promise.reject(Object.assign(new Error('boom'), { code: 500 }));
              const value = Reflect.get(t, p, rcv) as unknown;
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
