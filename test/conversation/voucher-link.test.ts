// Issue #14 item 5: a voucher link on the app's own host, pasted in the chat (bare, in <…>, in a sentence, or as
// the HTML anchor Teams may send), opens that voucher like its number does. Another tenant's voucher and an
// unknown id get the very same "no voucher here" notice; a link on another host is not a voucher link.
import { strict as assert } from 'node:assert';
import { t, type Locale } from '../../bot/i18n';
import { say } from '../../bot/teams/say';
import { cardText, startHarness, type Harness } from './harness';
import { ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';

const HOST = 'companion.partner.example';
const link = (id: string) => `https://${HOST}/v/${id}`;

describe('free text: a pasted voucher link opens the voucher', () => {
  let h: Harness;
  const tenantId = 'tenant-link-a';
  const otherTenant = 'tenant-link-b';
  const as = (locale: string) => ({ tenantId, userId: ADMIN, userName: 'Ana Souza', locale });
  before(async () => {
    h = await startHarness(new Date('2026-03-05T12:00:00Z'), { publicHostname: HOST });
    await seedReadyOrganization(h, tenantId);
    await seedReadyOrganization(h, otherTenant);
    await seedVoucher(h, tenantId, 'v-PS7Q-4K2M-19XD', 'Assigned');
  });
  after(async () => h.stop());

  const opensVoucher = (card: unknown, locale: Locale) => {
    const text = cardText(card);
    assert.ok(text.includes('PS7Q-4K2M-19XD'), text);
    assert.ok(text.includes('Customer of v-PS7Q-4K2M-19XD'), text);
    assert.ok(!text.includes(t(locale, 'help.notUnderstood')), text);
  };

  it('en: the bare link, and the link in <…> inside a sentence', async () => {
    opensVoucher((await h.say(as('en-US'), link('v-PS7Q-4K2M-19XD')))[0], 'en');
    opensVoucher((await h.say(as('en-US'), `Can you check <${link('v-PS7Q-4K2M-19XD')}>?`))[0], 'en');
  });

  it('pt-BR: the link in a sentence, with a trailing full stop', async () => {
    opensVoucher((await h.say(as('pt-BR'), `Veja este voucher: ${link('v-PS7Q-4K2M-19XD')}.`))[0], 'pt-BR');
  });

  it('es-ES: the HTML anchor Teams sends, host in capitals', async () => {
    const url = `https://${HOST.toUpperCase()}/v/v-PS7Q-4K2M-19XD`;
    opensVoucher((await h.say(as('es-ES'), `Mira <a href="${url}">${url}</a>`))[0], 'es-ES');
  });

  for (const [locale, lang] of [
    ['en-US', 'en'],
    ['pt-BR', 'pt-BR'],
  ] as const) {
    it(`${locale}: another tenant's voucher gets exactly the unknown-id notice`, async () => {
      const id = `v-OTHR-${lang === 'en' ? '1111' : '2222'}-9X9X`;
      const unknown = (await h.say(as(locale), link(id)))[0];
      const expected = say(lang, 'notice.voucherNumberNotFound', { voucherNumber: id });
      assert.ok(cardText(unknown).includes(expected), cardText(unknown));
      // The same id now exists in another organisation: the answer does not change by a single byte.
      await seedVoucher(h, otherTenant, id, 'Reserved');
      const foreign = (await h.say(as(locale), link(id)))[0];
      assert.deepEqual(foreign, unknown);
      assert.ok(!cardText(foreign).includes(`Customer of ${id}`), cardText(foreign));
    });
  }

  it('a link on another host, or over http, is not a voucher link', async () => {
    for (const text of [
      'https://evil.example/v/v-PS7Q-4K2M-19XD',
      `https://${HOST}.evil.example/v/v-PS7Q-4K2M-19XD`,
      `http://${HOST}/v/v-PS7Q-4K2M-19XD`,
      `https://${HOST}/x/v-PS7Q-4K2M-19XD`,
    ]) {
      const text2 = cardText((await h.say(as('en-US'), text))[0]);
      assert.ok(!text2.includes('Customer of v-PS7Q-4K2M-19XD'), `${text}: ${text2}`);
    }
  });
});

describe('free text: without PUBLIC_HOSTNAME no link is a voucher link', () => {
  let h: Harness;
  const tenantId = 'tenant-link-none';
  before(async () => {
    h = await startHarness(new Date('2026-03-05T12:00:00Z'));
    await seedReadyOrganization(h, tenantId);
    await seedVoucher(h, tenantId, 'v-PS7Q-4K2M-19XD', 'Assigned');
  });
  after(async () => h.stop());

  it('the link is not understood as a voucher', async () => {
    const me = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'en-US' };
    const text = cardText((await h.say(me, link('v-PS7Q-4K2M-19XD')))[0]);
    assert.ok(!text.includes('Customer of v-PS7Q-4K2M-19XD'), text);
  });
});
