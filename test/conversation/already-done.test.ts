// Issue 14 item 12 at the chat seam: a second completion report (a card opened before someone else submitted)
// says what happened, who did it and when, and shows the voucher as it is now — not only "this changed".
import { strict as assert } from 'node:assert';
import { ADMIN, CONSULTANT, seedReadyOrganization, seedVoucher } from './fixtures';
import { actionsOf, cardText, inputIds, startHarness, type Harness } from './harness';

const REPORT_INPUTS = {
  actualStart: '2026-04-06',
  actualEnd: '2026-04-10',
  daysDelivered: '5',
  deliverableType1: 'architecture',
  deliverableReference1: 'doc-1',
  [`assessment-${CONSULTANT}`]: 'assessment-1',
  contactName: 'Maria',
};

describe('a card someone else already acted on says who did what, and when', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-04-13T12:00:00Z'));
  });
  after(async () => h.stop());

  let seq = 0;
  for (const [locale, says] of [
    ['en', /Already done: Completion report submitted, by Carla Dias on .*2026/],
    ['pt-BR', /Isto já foi feito: .*, por Carla Dias em .*2026/],
    ['es-ES', /Esto ya está hecho: .*, por Carla Dias el .*2026/],
  ] as const) {
    it(`a second completion report (${locale})`, async () => {
      const tenantId = `t-already-${++seq}`;
      await seedReadyOrganization(h, tenantId);
      await seedVoucher(h, tenantId, 'v-TWICE', 'Delivered');
      const ana = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale };
      const carla = { tenantId, userId: CONSULTANT, userName: 'Carla Dias', locale: 'en' };
      // Both open the report form; Carla submits first.
      const anasForm = await h.act(ana, 'report.submit', { voucherId: 'v-TWICE', step: 'open' });
      const carlasForm = await h.act(carla, 'report.submit', { voucherId: 'v-TWICE', step: 'open' });
      const submitOf = (card: unknown) =>
        actionsOf(card).find((a) => a.verb === 'report.submit' && a.data.step !== 'open');
      await h.act(carla, 'report.submit', { ...submitOf(carlasForm)!.data, ...REPORT_INPUTS });
      const after = await h.voucher('v-TWICE', tenantId);
      assert.equal(after?.doc.state, 'ReportSubmitted');

      const second = await h.act(ana, 'report.submit', { ...submitOf(anasForm)!.data, ...REPORT_INPUTS });
      assert.match(cardText(second), says);
      assert.ok(!inputIds(second).includes('contactName'), 'the current card, not the form again');
      assert.equal((await h.voucher('v-TWICE', tenantId))?.etag, after?.etag, 'nothing changed');
    });
  }
});
