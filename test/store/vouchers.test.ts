import { strict as assert } from 'node:assert';
import { reserveVoucher, type Voucher } from '../../bot/program';
import { ConcurrencyConflict, NotFound, VoucherRepository } from '../../bot/store';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { ADMIN, ctx, voucherIn } from '../program/fixtures';

describe('store: VoucherRepository', () => {
  let cosmos: TestCosmos;
  let repo: VoucherRepository;

  before(async () => {
    cosmos = await startTestCosmos();
    repo = new VoucherRepository(cosmos.store.containers.vouchers);
  });
  after(async () => cosmos.stop());

  const make = (tenantId: string, over: Partial<Voucher> = {}): Voucher =>
    voucherIn('Assigned', { id: VoucherRepository.newId(), tenantId, ...over });

  it('creates and reads a voucher by its generated id', async () => {
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
});
