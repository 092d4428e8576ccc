// One locale matcher for the bot and the tab: bot/i18n/locale.ts, which the tab bundles as it is.
import assert from 'node:assert/strict';
import { firstSupportedLocale, resolveLocale, supportedLocale } from '../../bot/i18n/locale';
import * as botI18n from '../../bot/i18n';
import * as tabI18n from '../../tab/src/i18n';

describe('i18n: supportedLocale (one language tag)', () => {
  const table: Array<[string | undefined | null, string | undefined]> = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['en_GB', 'en'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    [' pt-BR ', 'pt-BR'], // surrounding spaces from a hand-edited setting
    ['es', 'es-ES'],
    ['es-MX', 'es-ES'],
    ['es-419', 'es-ES'],
    ['es_419', 'es-ES'],
    ['fr-FR', undefined],
    ['fr', undefined],
    ['', undefined],
    [' ', undefined],
    [undefined, undefined],
    [null, undefined],
    ['garbage', undefined],
    // The language is the first subtag, not a prefix of the word.
    ['english', undefined],
    ['estonian', undefined],
    ['ptBR', undefined],
    // Not properties of an object: these once matched Object.prototype's.
    ['constructor', undefined],
    ['__proto__', undefined],
  ];
  for (const [tag, expected] of table) {
    it(`${JSON.stringify(tag)} → ${String(expected)}`, () => {
      assert.equal(supportedLocale(tag), expected);
    });
  }
});

describe('i18n: resolveLocale (the person’s override, then the Teams locale)', () => {
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
    ['pt-BR', 'garbage', 'pt-BR'],
  ];
  for (const [teams, override, expected] of table) {
    it(`${String(teams)} + override ${String(override)} → ${expected}`, () => {
      assert.equal(resolveLocale(teams, override), expected);
    });
  }

  it('is the first supported of (override, Teams locale)', () => {
    for (const [teams, override, expected] of table)
      assert.equal(firstSupportedLocale(override, teams), expected);
  });
});

describe('i18n: the tab uses the bot’s matcher', () => {
  it('the tab’s supportedLocale, firstSupportedLocale and isLocale are the bot’s functions', () => {
    assert.equal(tabI18n.supportedLocale, supportedLocale);
    assert.equal(tabI18n.firstSupportedLocale, firstSupportedLocale);
    assert.equal(tabI18n.isLocale, botI18n.isLocale);
    assert.deepEqual([...tabI18n.LOCALES], [...botI18n.SUPPORTED_LOCALES]);
  });

  it('the tab’s start language: the Teams locale, then the browser’s, then English', () => {
    assert.equal(firstSupportedLocale('es-MX', 'pt-BR'), 'es-ES');
    assert.equal(firstSupportedLocale('fr-FR', 'pt-PT'), 'pt-BR');
    assert.equal(firstSupportedLocale(undefined, 'de-DE'), 'en');
  });
});
