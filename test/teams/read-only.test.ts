import { strict as assert } from 'node:assert';
import { CARD_VERBS } from '../../cards';
import { ReadPolicy, storeOver } from '../../bot/store';
import { TurnRepos } from '../../bot/teams/repos';
import { isReadOnly } from '../../bot/teams/verbs';

describe('teams verbs: which actions may be answered from recent copies', () => {
  it('every nav.* verb and the voucher views, whatever their data', () => {
    for (const verb of CARD_VERBS.filter((v) => v.startsWith('nav.'))) assert.ok(isReadOnly(verb, {}), verb);
    assert.ok(isReadOnly('voucher.show', { voucherId: 'v' }));
    assert.ok(isReadOnly('voucher.list', { page: 2 }));
  });

  it('a form verb only when it opens its form', () => {
    assert.ok(isReadOnly('voucher.reserve', { step: 'open', voucherId: 'v' }));
    assert.ok(!isReadOnly('voucher.reserve', { step: 'submit', voucherId: 'v', etag: 'e' }));
    assert.ok(!isReadOnly('people.assignRole', { etag: 'e' }));
    assert.ok(!isReadOnly('settings.save', undefined));
  });

  it('an unknown verb is not read-only (it is refused anyway, from current data)', () => {
    assert.ok(!isReadOnly('nav', {}));
    assert.ok(!isReadOnly('voucher.delete', {}));
  });
});

describe('teams: the read policy a turn works with (bot/teams/repos.ts)', () => {
  // Repositories are only built here, never called: no database is needed.
  const store = storeOver({
    client: {} as never,
    database: {} as never,
    containers: { organizations: {}, vouchers: {}, conversations: {}, reminders: {} } as never,
  });

  it('a turn that only shows something gets the recent view; any other the store’s current repositories', () => {
    const repos = new TurnRepos(store.repos, 2_000);
    assert.equal(repos.forTurn(true), store.repos.reading(ReadPolicy.maxAge(2_000)));
    assert.notEqual(repos.forTurn(true).vouchers, store.repos.vouchers);
    assert.equal(repos.forTurn(false).vouchers, store.repos.vouchers);
    assert.equal(repos.forTurn(false).organizations, store.repos.organizations);
  });

  it('READ_CACHE_MS=0: every turn reads current versions', () => {
    const repos = new TurnRepos(store.repos, 0);
    assert.equal(repos.forTurn(true).vouchers, store.repos.vouchers);
    assert.equal(ReadPolicy.maxAge(0), ReadPolicy.current);
    assert.equal(ReadPolicy.maxAge(2_000).maxAgeMs, 2_000);
  });
});
