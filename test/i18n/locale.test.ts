import assert from 'node:assert/strict';
import { resolveLocale } from '../../bot/i18n';

describe('i18n: resolveLocale', () => {
  const table: Array<[string | undefined | null, string | undefined | null, string]> = [
    // [teams locale, user override, expected]
    ['en-US', undefined, 'en'],
    ['en-GB', undefined, 'en'],
    ['pt-BR', undefined, 'pt-BR'],
    ['pt-PT', undefined, 'pt-BR'],
    ['pt', undefined, 'pt-BR'],
    ['es-ES', undefined, 'es-ES'],
    ['es-MX', undefined, 'es-ES'],
    ['es-419', undefined, 'es-ES'],
    ['ES-es', undefined, 'es-ES'],
    ['pt_BR', undefined, 'pt-BR'],
    ['fr-FR', undefined, 'en'],
    ['de', undefined, 'en'],
    [undefined, undefined, 'en'], // install events carry no locale
    [null, null, 'en'],
    ['', '', 'en'],
    ['en-US', 'pt-BR', 'pt-BR'], // the override wins
    ['pt-BR', 'es-AR', 'es-ES'],
    ['es-ES', 'fr', 'es-ES'], // an override we cannot honour falls through to Teams
    ['fr-FR', 'it', 'en'],
  ];
  for (const [teams, override, expected] of table) {
    it(`${String(teams)} + override ${String(override)} → ${expected}`, () => {
      assert.equal(resolveLocale(teams, override), expected);
    });
  }
});
