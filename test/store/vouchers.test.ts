import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { reserveVoucher, type Voucher } from '../../bot/program';
import {
  ConcurrencyConflict,
  NotFound,
  ReadPolicy,
  storeOver,
  type CorruptDocument,
  type VoucherRepository,
} from '../../bot/store';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { ADMIN, ctx, voucherIn } from '../program/fixtures';

describe('store: VoucherRepository', () => {
  let cosmos: TestCosmos;
  let repo: VoucherRepository;

  before(async () => {
    cosmos = await startTestCosmos();
    repo = cosmos.store.repos.vouchers;
  });
  after(async () => cosmos.stop());

  const make = (tenantId: string, over: Partial<Voucher> = {}): Voucher =>
    voucherIn('Assigned', { id: randomUUID(), tenantId, ...over });

  it('a stored document its schema cannot read is skipped by lists and reported, never silently', async () => {
    const reported: CorruptDocument[] = [];
    const store = storeOver(cosmos.store, { onCorrupt: (err) => reported.push(err) });
    const good = make('t-corrupt');
    await store.repos.vouchers.create('t-corrupt', good);
    await cosmos.store.containers.vouchers.items.create({
      id: 'v-BROKEN',
      tenantId: 't-corrupt',
      state: 'Nope',
      stateSince: good.stateSince,
    });
    const listed = await store.repos.vouchers.list('t-corrupt');
    assert.deepEqual(
      listed.map((s) => s.doc.id),
      [good.id],
    );
    assert.deepEqual(
      reported.map((e) => [e.kind, e.id]),
      [['voucher', 'v-BROKEN']],
    );
  });

  it('creates and reads a voucher by its document id', async () => {
    const v = make('t-a');
    assert.notEqual(v.id, v.voucherNumber);
    await repo.create('t-a', v);
    assert.deepEqual((await repo.get('t-a', v.id))?.doc, v);
  });

  it('concurrent writers on one voucher: exactly one wins, the other gets ConcurrencyConflict', async () => {
    const stored = await repo.create('t-a', make('t-a', { voucherNumber: 'RACE-1' }));
    const input = {
      engagementId: 'ddps-windows-office',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp',
      plannedStart: '2020-03-16',
      plannedEnd: '2020-03-20',
      consultants: ['u-cons'],
    };
    const a = reserveVoucher(stored.doc, input, ADMIN, ctx());
    const b = reserveVoucher(stored.doc, { ...input, plannedStart: '2020-03-17' }, ADMIN, ctx());
    assert.ok(a.ok && b.ok);
    const results = await Promise.allSettled([
      repo.save('t-a', a.value, stored.etag),
      repo.save('t-a', b.value, stored.etag),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(lost[0]!.reason instanceof ConcurrencyConflict);
    const now = (await repo.get('t-a', stored.doc.id))!.doc;
    assert.equal(now.state, 'Reserved');
    assert.equal(now.audit.length, 1);
  });

  it("a tenant cannot read or write another tenant's voucher, even with its id", async () => {
    const theirs = await repo.create('t-b', make('t-b', { voucherNumber: 'SECRET-1' }));
    assert.equal(await repo.get('t-a', theirs.doc.id), undefined);
    assert.deepEqual(await repo.findByNumber('t-a', 'SECRET-1'), []);
    // Relabelled as ours: the write goes to our partition, where the document does not exist.
    await assert.rejects(
      repo.save('t-a', { ...theirs.doc, tenantId: 't-a', state: 'Expired' }, theirs.etag),
      NotFound,
    );
    // Written as theirs through our scope: refused before reaching the database.
    await assert.rejects(
      repo.save('t-a', { ...theirs.doc, state: 'Expired' }, theirs.etag),
      /tenant mismatch/,
    );
    await assert.rejects(repo.create('t-a', make('t-b')), /tenant mismatch/);
    assert.equal((await repo.get('t-b', theirs.doc.id))?.doc.state, 'Assigned');
    assert.ok(!(await repo.list('t-a')).some((s) => s.doc.tenantId !== 't-a'));
  });

  it('lists by state, by due date, and finds by voucher number', async () => {
    const t = 't-list';
    await repo.create(t, make(t, { voucherNumber: 'L-1', state: 'Assigned', dueOn: '2020-08-28' }));
    await repo.create(
      t,
      make(t, {
        voucherNumber: 'L-2',
        state: 'Redeemed',
        dueOn: '2020-05-24',
        stateSince: '2020-03-25T00:00:00.000Z',
      }),
    );
    await repo.create(t, make(t, { voucherNumber: 'L-3', state: 'Paid' }));
    await repo.create(t, make(t, { voucherNumber: 'L-1', state: 'Expired' }));
    await repo.create(t, make(t, { voucherNumber: 'L-4', state: 'Reserved', dueOn: '2020-03-20' }));

    const byState = await repo.listByState(t, ['Assigned', 'Redeemed']);
    assert.deepEqual(byState.map((s) => s.doc.voucherNumber).sort(), ['L-1', 'L-2']);
    assert.deepEqual(await repo.listByState(t, []), []);

    const due = await repo.listByDueDate(t);
    assert.deepEqual(
      due.map((s) => s.doc.voucherNumber),
      ['L-4', 'L-2', 'L-1'],
    );
    const dueSoon = await repo.listByDueDate(t, '2020-06-01');
    assert.deepEqual(
      dueSoon.map((s) => s.doc.voucherNumber),
      ['L-4', 'L-2'],
    );

    assert.equal((await repo.findByNumber(t, ' L-1 ')).length, 2);
    assert.equal((await repo.findActiveByNumber(t, 'L-1'))?.doc.state, 'Assigned');
    assert.equal(await repo.findActiveByNumber(t, 'L-3'), undefined);
  });

  it('a new voucher’s document id is v-<number> while no voucher with that number holds it, else a UUID', () => {
    assert.equal(repo.newDocumentId(' ab-12 ', []), 'v-AB-12');
    assert.equal(repo.newDocumentId('AB-12', [{ doc: { id: 'some-uuid' } }]), 'v-AB-12');
    const taken = repo.newDocumentId('AB-12', [{ doc: { id: 'v-AB-12' } }]);
    assert.match(taken, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(repo.newDocumentId('AB 12', []), /^[0-9a-f-]{36}$/, 'a number that makes no valid id');
    assert.match(repo.newDocumentId('X'.repeat(70), []), /^[0-9a-f-]{36}$/, 'too long for an id');
  });

  it('the guards’ queries: other vouchers of the number or customer, redeemed ones of an offering', async () => {
    const t = 't-guards';
    const mine = await repo.create(t, make(t, { voucherNumber: 'G-1', customer: { name: 'Contoso' } }));
    await repo.create(t, make(t, { voucherNumber: 'g-1', state: 'Expired', customer: { name: 'Other' } }));
    await repo.create(t, make(t, { voucherNumber: 'G-2', customer: { name: ' CONTOSO ' } }));
    await repo.create(t, make(t, { voucherNumber: 'G-3', customer: { name: 'Fabrikam' } }));
    const redeemed = { voucherNumber: 'G-4', customer: { name: 'Northwind' } };
    await repo.create(t, voucherIn('Redeemed', { id: randomUUID(), tenantId: t, ...redeemed }));
    const numbers = (list: { doc: Voucher }[]) => list.map((s) => s.doc.voucherNumber).sort();
    assert.deepEqual(numbers(await repo.othersWithSameNumber(t, mine.doc)), ['g-1']);
    assert.deepEqual(numbers(await repo.othersWithSameNumberOrCustomer(t, mine.doc)), ['G-2', 'g-1']);
    assert.deepEqual(numbers(await repo.listRedeemed(t)), ['G-4']);
    const offering = (await repo.listRedeemed(t))[0]!.doc.offeringId;
    assert.equal((await repo.anyRedeemedFor(t, offering)).length, 1);
    assert.deepEqual(await repo.anyRedeemedFor(t, 'NO-SUCH-OFFERING'), []);
  });

  it('under a recent read policy a view serves this instance’s copy; the store’s own repository asks', async () => {
    const t = 't-policy';
    const created = await repo.create(t, make(t, { voucherNumber: 'P-1' }));
    const recent = cosmos.store.repos.reading(ReadPolicy.maxAge(60_000)).vouchers;
    assert.equal(
      cosmos.store.repos.reading(ReadPolicy.maxAge(60_000)).vouchers,
      recent,
      'one view per policy',
    );
    assert.equal(cosmos.store.repos.reading(ReadPolicy.current).vouchers, repo);
    assert.equal((await recent.list(t)).length, 1);
    // Written by another instance: the cached copy and list stay until the policy's age runs out.
    await cosmos.store.containers.vouchers.items.upsert({ ...created.doc, state: 'Expired' });
    await cosmos.store.containers.vouchers.items.create({ ...make(t, { voucherNumber: 'P-2' }) });
    assert.equal((await recent.get(t, created.doc.id))?.doc.state, 'Assigned');
    assert.equal((await recent.list(t)).length, 1);
    assert.equal((await repo.get(t, created.doc.id))?.doc.state, 'Expired');
    assert.equal((await repo.list(t)).length, 2);
    // The version a card was rendered from is taken as it is held, whatever the policy.
    const held = await recent.atVersion(t, created.doc.id, created.etag);
    assert.notEqual(
      held?.etag,
      created.etag,
      'this instance now holds the newer version: that is what it gets',
    );
  });
});
