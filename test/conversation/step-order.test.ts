// Issue 14 item 6: a step asked for out of order (free text or a card's "open") says why it cannot be done yet,
// names what comes first, and shows the card with the button for it — in every language; nothing changes.
import { strict as assert } from 'node:assert';
import { stepOrderMessage, t, type Locale } from '../../bot/i18n';
import { PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';
import { actionsOf, noticeOf, startHarness, type Harness } from './harness';

const WORDS: Record<Locale, { redeem: string; payment: string }> = {
  en: { redeem: 'redeem', payment: 'payment request' },
  'pt-BR': { redeem: 'resgatar', payment: 'solicitar pagamento' },
  'es-ES': { redeem: 'canjear', payment: 'solicitar pago' },
};

describe('a voucher step asked for out of order says why and offers what comes first', () => {
  let h: Harness;
  let seq = 0;
  before(async () => {
    h = await startHarness(new Date('2026-04-12T12:00:00Z'));
  });
  after(async () => h.stop());

  const tenant = async (locale: Locale) => {
    const tenantId = `t-order-${++seq}`;
    await seedReadyOrganization(h, tenantId);
    return { tenantId, who: { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale } };
  };

  for (const locale of ['en', 'pt-BR', 'es-ES'] as Locale[]) {
    it(`${locale}: "${WORDS[locale].redeem}" before the completion report → why, and the report form`, async () => {
      const { tenantId, who } = await tenant(locale);
      const id = `v-ORD${seq}-0001`;
      const before = await seedVoucher(h, tenantId, id, 'Delivered');
      const [card] = await h.say(who, WORDS[locale].redeem);
      const expected = stepOrderMessage(
        locale,
        { wanted: 'redeem', first: 'report' },
        `${before.doc.voucherNumber} (${before.doc.customer.name})`,
      );
      assert.equal(noticeOf(card), expected);
      assert.ok(
        actionsOf(card).some((a) => a.verb === 'report.submit'),
        'the button for the report',
      );
      assert.equal((await h.voucher(id, tenantId))?.etag, before.etag, 'nothing changed');
    });

    it(`${locale}: "${WORDS[locale].payment}" on a reserved voucher → mark it delivered first`, async () => {
      const { tenantId, who } = await tenant(locale);
      await seedVoucher(h, tenantId, `v-ORD${seq}-0002`, 'Reserved');
      const [card] = await h.say(who, WORDS[locale].payment);
      assert.match(noticeOf(card) ?? '', new RegExp(escape(t(locale, 'stepOrder.first.deliver'))));
      assert.ok(
        actionsOf(card).some((a) => a.verb === 'voucher.markDelivered'),
        'the button to mark delivered',
      );
    });

    it(`${locale}: a card's "redeem" opened on a delivered voucher → why, and the report form`, async () => {
      const { tenantId, who } = await tenant(locale);
      const id = `v-ORD${seq}-0003`;
      await seedVoucher(h, tenantId, id, 'Delivered');
      const card = await h.act(who, 'voucher.redeem', { voucherId: id, step: 'open' });
      assert.match(noticeOf(card) ?? '', new RegExp(escape(t(locale, 'stepOrder.first.report'))));
      assert.ok(actionsOf(card).some((a) => a.verb === 'report.submit'));
    });

    it(`${locale}: "${WORDS[locale].redeem}" with no voucher at all → add the voucher first, on the intake form`, async () => {
      const { who } = await tenant(locale);
      const [card] = await h.say(who, WORDS[locale].redeem);
      assert.equal(noticeOf(card), t(locale, 'stepOrder.noVoucher'));
      assert.ok(actionsOf(card).some((a) => a.verb === 'intake.confirm'));
    });
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
