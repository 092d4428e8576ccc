import { strict as assert } from 'node:assert';
import { CARD_VERBS } from '../../cards';
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
