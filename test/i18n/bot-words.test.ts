import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasKey, SUPPORTED_LOCALES, t } from '../../bot/i18n';
import { catalogs } from '../../bot/i18n/catalog';
import { say } from '../../bot/teams/say';

// The bot edge's own words (refusals before a card exists, the turn error, input errors) used to wait in a
// three-language shim in bot/teams/say.ts; they live in the catalogues now, like every other string.
const EDGE_KEYS = [
  'notice.notFound',
  'notice.voucherNumberNotFound',
  'notice.unknownVerb',
  'notice.invalidCard',
  'notice.noTenant',
  'help.notUnderstood',
  'error.turn',
  'common.tooLongError',
  'common.numberError',
  'common.choiceError',
] as const;

describe('i18n: the bot edge speaks from the catalogues', () => {
  it('every edge key is in every catalogue, and say() is t()', () => {
    for (const key of EDGE_KEYS) {
      assert.ok(hasKey(key), key);
      for (const locale of SUPPORTED_LOCALES) {
        assert.ok(catalogs[locale][key], `${locale} ${key}`);
        assert.equal(
          say(locale, key, { id: 'ref-1', max: 200, voucherNumber: 'AB-1' }),
          t(locale, key, { id: 'ref-1', max: 200, voucherNumber: 'AB-1' }),
        );
      }
    }
  });

  it('fills the parameters in each language', () => {
    assert.equal(
      say('es-ES', 'notice.voucherNumberNotFound', { voucherNumber: 'AB-1' }).includes('vale AB-1'),
      true,
    );
    assert.match(say('pt-BR', 'common.tooLongError', { max: 4000 }), /4\.000/);
    assert.match(say('en', 'error.turn', { id: 'abc-123' }), /abc-123$/);
  });

  it('bot/teams/say.ts holds no inline translations any more', () => {
    const source = readFileSync(path.resolve(__dirname, '../../bot/teams/say.ts'), 'utf8');
    assert.doesNotMatch(source, /'pt-BR':|'es-ES':|PENDING/);
  });
});
