// Issue 14 item 10 at the chat seam: a payment request starts in the delivery country's currency (else the
// partner location's), and once the organisation chose one for a delivery country, its next request there
// starts with that choice — whoever makes it.
import { strict as assert } from 'node:assert';
import { currencyFor, defaultCurrency } from '../../cards';
import { ADMIN, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';
import { actionsOf, startHarness, type Harness } from './harness';

/** The value the card's currency picker starts with. */
function currencyOf(card: unknown): string | undefined {
  let found: string | undefined;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.id === 'currency' && typeof o.value === 'string') found = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('payment request: the currency it starts with', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-04-20T12:00:00Z'));
  });
  after(async () => h.stop());

  it('currencyFor: the delivery country, then the partner location, then USD', () => {
    assert.equal(currencyFor('BR'), 'BRL');
    assert.equal(currencyFor('es'), 'EUR');
    assert.equal(currencyFor('AQ'), undefined);
    assert.equal(defaultCurrency({ deliveryCountry: 'AQ', locationCountry: 'MX' }), 'MXN');
    assert.equal(defaultCurrency({}), 'USD');
    assert.equal(defaultCurrency({ remembered: 'USD', deliveryCountry: 'BR' }), 'USD');
  });

  it('a Brazilian partner delivering in Brazil starts in BRL; the organisation’s choice is remembered per country', async () => {
    const tenantId = 't-currency';
    const seeded = await seedReadyOrganization(h, tenantId);
    await h.repos.organizations.save(
      tenantId,
      {
        ...seeded.doc,
        savbRegistrations: [{ offeringId: 'SDPS', registeredOn: '2026-04-12', registeredBy: ADMIN }],
      },
      seeded.etag,
    );
    await seedVoucher(h, tenantId, 'v-CUR-1', 'Redeemed');
    await seedVoucher(h, tenantId, 'v-CUR-2', 'Redeemed');
    const mexico = await seedVoucher(h, tenantId, 'v-CUR-3', 'Redeemed');
    await h.repos.vouchers.save(
      tenantId,
      { ...mexico.doc, reservation: { ...mexico.doc.reservation!, deliveryCountry: 'MX' } },
      mexico.etag,
    );
    const ana = { tenantId, userId: ADMIN, userName: 'Ana Souza', locale: 'pt-BR' };
    const open = (id: string, who = ana) => h.act(who, 'payment.request', { voucherId: id, step: 'open' });

    const first = await open('v-CUR-1');
    assert.equal(currencyOf(first), 'BRL');
    assert.equal(currencyOf(await open('v-CUR-3')), 'MXN');

    // Ana records the request in USD: the next request delivered in Brazil starts in USD, also for Pedro.
    const submit = actionsOf(first).find((a) => a.verb === 'payment.request' && a.data.step === 'submit');
    assert.ok(submit);
    await h.act(ana, 'payment.request', {
      ...submit.data,
      savbReference: 'SAVB-77',
      amount: '1500',
      currency: 'USD',
      requestedOn: '2026-04-19',
    });
    assert.equal((await h.voucher('v-CUR-1', tenantId))?.doc.paymentRequest?.currency, 'USD');
    const pedro = { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'en' };
    assert.equal(currencyOf(await open('v-CUR-2', pedro)), 'USD');
    // Mexico keeps its own default: the choice was for deliveries in Brazil.
    assert.equal(currencyOf(await open('v-CUR-3', pedro)), 'MXN');
  });
});
