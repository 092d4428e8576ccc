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
});
