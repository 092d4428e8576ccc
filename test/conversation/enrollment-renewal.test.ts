// Issue 14 item 8 at the chat seam: "Renew enrollment" is offered only from the rules' first renewal reminder
// (90 days before the due date in the 2020 profile), and the enrolment reads "Active" as in the tab.
import { strict as assert } from 'node:assert';
import { CATALOGUES } from '../../tab/src/i18n';
import { PARTNER_ADMIN, seedReadyOrganization } from './fixtures';
import { actionsOf, cardText, startHarness, type Harness } from './harness';

describe('enrolment: renewal offered from 90 days before it is due', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  // Enrolled 2026-01-08 (fixtures): renewal due 2027-01-08, open from 2026-10-10.
  const cases: [string, boolean][] = [
    ['2026-03-10', false],
    ['2026-10-09', false],
    ['2026-10-10', true],
    ['2027-01-08', true],
  ];
  let seq = 0;
  for (const [day, offered] of cases) {
    it(`${day}: "Renew enrollment" ${offered ? 'is' : 'is not'} offered`, async () => {
      const tenantId = `t-renew-${++seq}`;
      await seedReadyOrganization(h, tenantId);
      h.clock.now = new Date(`${day}T12:00:00Z`);
      const card = await h.act(
        { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'en' },
        'nav.enrollment',
        {},
      );
      const renew = actionsOf(card).some((a) => a.verb === 'enrollment.renew');
      assert.equal(renew, offered, cardText(card));
      assert.ok(cardText(card).split('\n').includes(CATALOGUES.en.enr_active), cardText(card));
    });
  }

  // The button is hidden before the window; a card from before (or a forged one) is refused by the server too.
  for (const [locale, says] of [
    ['en', /can be renewed from .*2026.* \(it is due on .*2027/],
    ['pt-BR', /pode ser renovada a partir de .*2026/],
    ['es-ES', /se puede renovar a partir del .*2026/],
  ] as const) {
    it(`renewing before the window opens is refused and changes nothing (${locale})`, async () => {
      const tenantId = `t-renew-early-${++seq}`;
      const seeded = await seedReadyOrganization(h, tenantId);
      h.clock.now = new Date('2026-10-09T12:00:00Z');
      const who = { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale };
      const card = await h.act(who, 'enrollment.renew', {
        etag: seeded.etag,
        offeringId: 'SDPS',
        step: 'submit',
      });
      assert.match(cardText(card), says);
      const after = await h.org(tenantId);
      assert.equal(after.etag, seeded.etag);
      assert.equal(after.doc.enrollments[0]?.renewedOn, undefined);
    });
  }
});

describe('enrolment: one location approved in two countries reads as one location', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  for (const [locale, line] of [
    ['en', 'Approved location: São Paulo (Brazil, Argentina)'],
    ['pt-BR', 'Local aprovado: São Paulo (Brasil, Argentina)'],
    ['es-ES', 'Ubicación aprobada: São Paulo (Brasil, Argentina)'],
  ] as const) {
    it(`the enrolment card says "${line}"`, async () => {
      const tenantId = `t-location-${locale}`;
      const seeded = await seedReadyOrganization(h, tenantId);
      const org = structuredClone(seeded.doc);
      org.enrollments[0]!.approvedLocations = [
        { id: 'sao-paulo-br', name: 'São Paulo', country: 'BR' },
        { id: 'sao-paulo-ar', name: 'São Paulo', country: 'AR' },
      ];
      await h.repos.organizations.save(tenantId, org, seeded.etag);
      const who = { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale };
      const text = cardText(await h.act(who, 'nav.enrollment', {}));
      assert.ok(text.split('\n').includes(line), text);
    });
  }
});
