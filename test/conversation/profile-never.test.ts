// Issue 14 item 9 at the chat seam: a partner with no business profile update on record is told so and asked to
// record it, in the reader's language, without "more than a year old".
import { strict as assert } from 'node:assert';
import { t, type Locale } from '../../bot/i18n';
import { PARTNER_ADMIN, seedReadyOrganization } from './fixtures';
import { cardText, startHarness, type Harness } from './harness';

describe('profile: no update recorded yet', () => {
  let h: Harness;
  let seq = 0;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  for (const locale of ['en', 'pt-BR', 'es-ES'] as Locale[]) {
    it(`${locale}: the profile card says only "no update recorded yet" and how to record it`, async () => {
      const tenantId = `t-profile-${++seq}`;
      const seeded = await seedReadyOrganization(h, tenantId);
      const { businessProfile: _none, ...org } = seeded.doc;
      await h.repos.organizations.save(tenantId, org, seeded.etag);
      const card = await h.act(
        { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale },
        'nav.profile',
        {},
      );
      const text = cardText(card);
      assert.ok(text.includes(t(locale, 'profile.never')), text);
      assert.ok(text.includes(t(locale, 'profile.recordCall')), text);
      assert.ok(!text.includes(t(locale, 'profile.stale')), text);
    });
  }
});
