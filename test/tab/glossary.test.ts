// Issue 14 item 11: the tab follows the same glossary as the bot, so both say the same thing for one concept.
import assert from 'node:assert/strict';
import { catalogs } from '../../bot/i18n/catalog';
import { glossaryViolations } from '../../bot/i18n/glossary';
import type { Locale } from '../../bot/i18n';
import { CATALOGUES } from '../../tab/src/i18n';

const TRANSLATED: Locale[] = ['pt-BR', 'es-ES'];

describe('tab: the glossary is the source of the tab’s words too', () => {
  for (const locale of TRANSLATED) {
    it(`${locale}: the tab's catalogue follows the glossary`, () => {
      assert.deepEqual(glossaryViolations(CATALOGUES.en, CATALOGUES[locale], locale), []);
    });
  }

  for (const locale of ['en', ...TRANSLATED] as Locale[]) {
    it(`${locale}: the setup steps have the same names in the bot and the tab`, () => {
      // bot "1. Eligibility", tab "Step 1 · Eligibility": the name after the number must be the same.
      const name = (s: string) => s.replace(/^.*?\d+\s*[.·]\s*/u, '').toLowerCase();
      for (const n of [1, 2, 3] as const) {
        const bot = String(catalogs[locale][`welcome.step${n}`]);
        const tab = CATALOGUES[locale][`step${n}`];
        assert.equal(name(tab), name(bot), `step ${n}: tab "${tab}" vs bot "${bot}"`);
      }
    });
  }
});
