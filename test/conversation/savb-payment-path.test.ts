// Issue 14 item 4 at the chat seam: after the first redemption, the one-time SAVB registration is offered right
// on the payment path — the voucher's next action leads to the payment card, which offers the registration to
// a Global admin (date and reference recorded) and tells anyone else who can; then the payment request follows.
import { strict as assert } from 'node:assert';
import { ADMIN, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';
import { actionsOf, cardText, inputIds, startHarness, type Harness } from './harness';

describe('SAVB registration on the payment path', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-04-20T12:00:00Z'));
  });
  after(async () => h.stop());

  let seq = 0;
  async function redeemed(): Promise<string> {
    const tenantId = `t-savb-path-${++seq}`;
    await seedReadyOrganization(h, tenantId);
    await seedVoucher(h, tenantId, 'v-SAVB-1', 'Redeemed');
    return tenantId;
  }

  it('a Global admin registers from the payment card (date and reference), then requests the payment', async () => {
    const tenantId = await redeemed();
    const ana = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'en' };
    // "What's next" names the registration; its button opens the voucher's payment card.
    const next = await h.act(ana, 'nav.whatsNext', {});
    const go = actionsOf(next).find((a) => a.verb === 'payment.request' && a.data.voucherId === 'v-SAVB-1');
    assert.ok(go, cardText(next));
    const payment = await h.act(ana, 'payment.request', go.data);
    assert.match(cardText(payment), /Register SDPS.* in SAVB once/);
    assert.ok(inputIds(payment).includes('savbRegistrationReference'));
    assert.ok(!inputIds(payment).includes('amount'), 'the request waits for the registration');
    const register = actionsOf(payment).find((a) => a.verb === 'savb.register');
    assert.ok(register);

    // The reference is asked for on this path: without it nothing changes.
    const missing = await h.act(ana, 'savb.register', { ...register.data, savbRegisteredOn: '2026-04-18' });
    assert.match(cardText(missing), /Required|required/);
    assert.equal((await h.org(tenantId)).doc.savbRegistrations.length, 0);

    const done = await h.act(ana, 'savb.register', {
      ...register.data,
      savbRegisteredOn: '2026-04-18',
      savbRegistrationReference: 'REG-2026-0042',
    });
    const reg = (await h.org(tenantId)).doc.savbRegistrations[0];
    assert.deepEqual(
      { offeringId: reg?.offeringId, registeredOn: reg?.registeredOn, reference: reg?.reference },
      { offeringId: 'SDPS', registeredOn: '2026-04-18', reference: 'REG-2026-0042' },
    );
    // Back on the payment card, now with the request's form.
    assert.ok(inputIds(done).includes('amount'), cardText(done));
    assert.ok(actionsOf(done).some((a) => a.verb === 'payment.request' && a.data.step === 'submit'));
    const enrollment = cardText(await h.act(ana, 'nav.enrollment', {}));
    assert.match(enrollment, /REG-2026-0042/);
  });

  for (const [locale, says] of [
    ['en', /Only a Global admin can record the SAVB registration: ask Ana Souza\./],
    ['pt-BR', /Só um administrador global pode registrar o registro no SAVB: peça a Ana Souza\./],
    ['es-ES', /Solo un administrador global puede anotar el registro en SAVB: pídeselo a Ana Souza\./],
  ] as const) {
    it(`anyone else is told who can register (${locale}), and a forged registration is refused`, async () => {
      const tenantId = await redeemed();
      const pedro = { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale };
      const payment = await h.act(pedro, 'payment.request', { voucherId: 'v-SAVB-1', step: 'open' });
      assert.match(cardText(payment), says);
      assert.ok(!actionsOf(payment).some((a) => a.verb === 'savb.register'));
      const org = await h.org(tenantId);
      await h.act(pedro, 'savb.register', {
        offeringId: 'SDPS',
        voucherId: 'v-SAVB-1',
        etag: org.etag,
        step: 'submit',
        savbRegistrationReference: 'REG-1',
      });
      assert.equal((await h.org(tenantId)).doc.savbRegistrations.length, 0);
    });
  }
});
