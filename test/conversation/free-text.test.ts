// Free text over HTTP: what the help card suggests is understood, and a voucher number on its own opens it.
import { strict as assert } from 'node:assert';
import { t } from '../../bot/i18n';
import { say } from '../../bot/teams/say';
import { cardText, startHarness, type Harness } from './harness';
import { ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';

describe('free text: suggested commands and bare voucher numbers', () => {
  let h: Harness;
  const tenantId = 'tenant-free-text';
  before(async () => {
    h = await startHarness(new Date('2026-03-05T12:00:00Z'));
    await seedReadyOrganization(h, tenantId);
    await seedVoucher(h, tenantId, 'v-PS7Q-4K2M-19XD', 'Assigned');
  });
  after(async () => h.stop());

  it('es-ES: "requisitos", as the help card suggests, shows the eligibility card', async () => {
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'es-ES' };
    const [card] = await h.say(me, 'requisitos');
    const text = cardText(card);
    assert.ok(text.includes(t('es-ES', 'eligibility.title')), text);
    assert.ok(!text.includes(t('es-ES', 'help.notUnderstood')), text);
  });

  it('the bare number of a voucher shows its card', async () => {
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'en-US' };
    const [card] = await h.say(me, 'PS7Q-4K2M-19XD');
    const text = cardText(card);
    assert.ok(text.includes('PS7Q-4K2M-19XD'), text);
    assert.ok(text.includes('Customer of v-PS7Q-4K2M-19XD'), text);
    assert.ok(!text.includes(t('en', 'help.notUnderstood')), text);
  });

  it('an unknown bare number gets "voucher number not found"', async () => {
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'en-US' };
    const [card] = await h.say(me, 'ZZ99-0000-AB1C');
    const expected = say('en', 'notice.voucherNumberNotFound', { voucherNumber: 'ZZ99-0000-AB1C' });
    assert.ok(cardText(card).includes(expected), cardText(card));
  });

  it('an ordinary word with a dash is not taken for a voucher number', async () => {
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'en-US' };
    const [card] = await h.say(me, 'follow-up');
    assert.ok(cardText(card).includes(t('en', 'help.notUnderstood')), cardText(card));
  });
});
