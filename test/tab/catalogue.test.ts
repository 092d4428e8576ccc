// The tab's catalogues: every language has every key, and every voucher state has words.
import assert from 'node:assert/strict';
import { VOUCHER_STATES } from '../../bot/api/view-model';
import { CATALOGUES, LOCALES } from '../../tab/src/i18n';

describe('tab catalogues', () => {
  const english = Object.keys(CATALOGUES.en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty`, () => {
      const catalogue = CATALOGUES[locale];
      assert.deepEqual(Object.keys(catalogue).sort(), english);
      for (const [key, text] of Object.entries(catalogue)) assert.ok(text.trim() !== '', `${locale} ${key}`);
    });

    it(`${locale} names every voucher state`, () => {
      const keys = new Set(Object.keys(CATALOGUES[locale]));
      for (const state of VOUCHER_STATES)
        assert.ok(keys.has(`state_${state}`), `${locale}: no words for ${state}`);
    });
  }
});
