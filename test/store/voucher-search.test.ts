// VoucherRepository.searchPage / dueSoonestPage against the embedded Cosmos server: tenant scope, literal
// matching of whatever the person typed, paging without OFFSET/LIMIT.
import { strict as assert } from 'node:assert';
import type { Voucher } from '../../bot/program';
import { MAX_PAGE_WINDOW, type VoucherRepository } from '../../bot/store';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { voucherIn } from '../program/fixtures';

describe('store: VoucherRepository search pages', () => {
  let cosmos: TestCosmos;
  let repo: VoucherRepository;
  const T = 't-search';

  const add = (tenantId: string, n: number, over: Partial<Voucher> = {}) =>
    repo.create(
      tenantId,
      voucherIn('Assigned', {
        id: `v-S-${String(n).padStart(3, '0')}`,
        tenantId,
        voucherNumber: `S-${String(n).padStart(3, '0')}`,
        customer: { name: n % 2 === 0 ? 'Fabrikam 100% Ltd' : "O'Neil_Contoso" },
        stateSince: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000Z`,
        dueOn: `2026-05-${String(1 + ((n * 7) % 28)).padStart(2, '0')}`,
        ...over,
      }),
    );

  before(async () => {
    cosmos = await startTestCosmos();
    repo = cosmos.store.repos.vouchers;
    for (let n = 1; n <= 12; n++) await add(T, n);
    await add(T, 13, { state: 'Reserved', customer: { name: 'Tailspin' } });
    await add('t-other', 50, { customer: { name: 'Fabrikam 100% Ltd' } });
  });
  after(async () => cosmos.stop());

  const ids = (list: { doc: Voucher }[]) => list.map((s) => s.doc.id);

  it('matches number or customer case-insensitively, most recent state change first, in pages', async () => {
    const all = await repo.searchPage(T, { text: 'fabrikam', states: [] }, { skip: 0, count: 50 });
    assert.equal(all.length, 6);
    const since = all.map((s) => s.doc.stateSince);
    assert.deepEqual(since, [...since].sort().reverse());
    const first = await repo.searchPage(T, { text: 'FABRIKAM', states: [] }, { skip: 0, count: 4 });
    const second = await repo.searchPage(T, { text: 'fabrikam', states: [] }, { skip: 4, count: 4 });
    assert.deepEqual([...ids(first), ...ids(second)], ids(all));
    assert.deepEqual(
      ids(await repo.searchPage(T, { text: 's-01', states: [] }, { skip: 0, count: 10 })).sort(),
      ['v-S-010', 'v-S-011', 'v-S-012', 'v-S-013'],
    );
  });

  it('takes the text literally: SQL-like text, %, _ and quotes match only themselves', async () => {
    const page = { skip: 0, count: 50 };
    assert.equal((await repo.searchPage(T, { text: '100%', states: [] }, page)).length, 6);
    assert.equal((await repo.searchPage(T, { text: "o'neil_", states: [] }, page)).length, 6);
    assert.deepEqual(await repo.searchPage(T, { text: '%', states: [] }, page).then((l) => l.length), 6);
    for (const text of ["' OR 1=1 --", '" OR c.tenantId != ""', 'x) OR (1=1', '*', '_%_'])
      assert.deepEqual(await repo.searchPage(T, { text, states: [] }, page), [], text);
    assert.deepEqual(await repo.searchPage(T, { text: 'a'.repeat(500), states: [] }, page), []);
  });

  it('matches states given, and never another tenant`s vouchers', async () => {
    const reserved = await repo.searchPage(
      T,
      { text: 'reserv', states: ['Reserved'] },
      { skip: 0, count: 10 },
    );
    assert.deepEqual(ids(reserved), ['v-S-013']);
    const other = await repo.searchPage('t-other', { text: 'fabrikam', states: [] }, { skip: 0, count: 10 });
    assert.deepEqual(ids(other), ['v-S-050']);
    assert.deepEqual(
      await repo.searchPage('t-none', { text: 'fabrikam', states: [] }, { skip: 0, count: 10 }),
      [],
    );
  });

  it('dueSoonestPage lists by due date, soonest first, in pages; past the window a page is empty', async () => {
    const all = await repo.dueSoonestPage(T, { skip: 0, count: 50 });
    assert.equal(all.length, 13);
    const due = all.map((s) => s.doc.dueOn);
    assert.deepEqual(due, [...due].sort());
    const pages = [
      ...(await repo.dueSoonestPage(T, { skip: 0, count: 5 })),
      ...(await repo.dueSoonestPage(T, { skip: 5, count: 5 })),
      ...(await repo.dueSoonestPage(T, { skip: 10, count: 5 })),
    ];
    assert.deepEqual(ids(pages), ids(all));
    assert.deepEqual(await repo.dueSoonestPage(T, { skip: MAX_PAGE_WINDOW, count: 5 }), []);
    assert.deepEqual(await repo.dueSoonestPage(T, { skip: -3, count: 2 }).then(ids), ids(all.slice(0, 2)));
  });
});
