// Issue 14 item 9: a profile with no update on record says so (and, to those who can, how to record one); it is
// not also "more than a year old". An update on record older than the rules' period still is.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { buildProfileCard } from '../../cards';
import { cardText } from '../conversation/harness';

const LOCALES: Locale[] = ['en', 'pt-BR', 'es-ES'];
const TODAY = '2026-03-10';

describe('cards: business profile with no update recorded', () => {
  for (const locale of LOCALES) {
    it(`${locale}: "no update recorded yet" and the call to record it, never "more than a year old"`, () => {
      const text = cardText(
        buildProfileCard({ etag: '"e"', today: TODAY, stale: false, canEdit: true }, locale),
      );
      assert.ok(text.includes(t(locale, 'profile.never')), text);
      assert.ok(text.includes(t(locale, 'profile.recordCall')), text);
      assert.ok(!text.includes(t(locale, 'profile.stale')), text);
    });

    it(`${locale}: someone who cannot record it is not asked to`, () => {
      const text = cardText(
        buildProfileCard({ etag: '"e"', today: TODAY, stale: false, canEdit: false }, locale),
      );
      assert.ok(text.includes(t(locale, 'profile.never')), text);
      assert.ok(!text.includes(t(locale, 'profile.recordCall')), text);
      assert.ok(!text.includes(t(locale, 'profile.stale')), text);
    });

    it(`${locale}: an update on record more than a year old is still stale`, () => {
      const text = cardText(
        buildProfileCard(
          { etag: '"e"', today: TODAY, lastUpdatedOn: '2025-01-02', stale: true, canEdit: true },
          locale,
        ),
      );
      assert.ok(text.includes(t(locale, 'profile.stale')), text);
      assert.ok(!text.includes(t(locale, 'profile.never')), text);
      assert.ok(!text.includes(t(locale, 'profile.recordCall')), text);
    });
  }
});
