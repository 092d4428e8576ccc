import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LOCALES } from '../../bot/i18n';
import { catalogs } from '../../bot/i18n/catalog';
import type { Message } from '../../bot/i18n/catalog/types';

const ROOT = path.resolve(__dirname, '../..');
const CATALOG_DIR = path.join(ROOT, 'bot/i18n/catalog');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === CATALOG_DIR) return []; // a key defined is not a key used
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|json)$/.test(name) ? [full] : [];
  });
}

/** Every quoted string in bot/ and cards/ sources: the keys code can possibly ask for. */
function quotedStrings(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sourceFiles(path.join(ROOT, 'bot')), ...sourceFiles(path.join(ROOT, 'cards'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(['"`])([A-Za-z][\w.-]*)\1/g))
      found.add(m[2] as string);
  }
  return found;
}

function forms(message: Message): string[] {
  return typeof message === 'string'
    ? [message]
    : Object.values(message).filter((v): v is string => typeof v === 'string');
}

function placeholders(message: Message): string[] {
  return [
    ...new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))),
  ].sort();
}

describe('i18n: catalogues', () => {
  const enKeys = Object.keys(catalogs.en).sort();

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale} has exactly the English keys`, () => {
      const keys = Object.keys(catalogs[locale]).sort();
      assert.deepEqual(
        enKeys.filter((k) => !keys.includes(k)),
        [],
        'missing',
      );
      assert.deepEqual(
        keys.filter((k) => !enKeys.includes(k)),
        [],
        'extra',
      );
    });

    it(`${locale} messages are non-empty and use the same placeholders as English`, () => {
      for (const key of enKeys) {
        const message = catalogs[locale][key as keyof typeof catalogs.en];
        assert.ok(
          forms(message).every((f) => f.trim().length > 0),
          `${locale} ${key} is empty`,
        );
        assert.deepEqual(
          placeholders(message),
          placeholders(catalogs.en[key as keyof typeof catalogs.en]),
          `${locale} ${key}`,
        );
      }
    });
  }

  it('every key is used somewhere in bot/ or cards/ (dynamic keys are spelled out in dynamic-keys.ts)', () => {
    const used = quotedStrings();
    assert.deepEqual(
      enKeys.filter((k) => !used.has(k)),
      [],
    );
  });

  it('the unused-key scan can fail: a key nobody mentions is reported', () => {
    assert.equal(quotedStrings().has('welcome.neverUsedAnywhere'), false);
  });
});
