import { strict as assert } from 'node:assert';
import {
  newOrganization,
  organizationNextActions,
  voucherNextAction,
  voucherNextActions,
  type NextActionId,
  type Organization,
  type Voucher,
  type VoucherState,
} from '../../bot/program';
import { readyOrg, rules, voucherIn } from './fixtures';

const at = (d: string) => new Date(`${d}T12:00:00Z`);
const ids = (org: Organization, vouchers: Voucher[] = [], day = '2020-03-10') =>
  organizationNextActions(org, vouchers, rules(), at(day)).actions.map((a) => a.id);

describe("program: what's next", () => {
  describe('organisation (steps 1–3)', () => {
    it('a brand-new tenant: claim Global admin, then training and competencies', () => {
      const org = newOrganization('t', at('2020-03-01'));
      const next = organizationNextActions(org, [], rules(), at('2020-03-10'));
      assert.equal(next.partner, 'new');
      assert.deepEqual(
        next.actions.map((a) => a.id),
        ['role.claimGlobalAdmin', 'eligibility.completeTraining', 'eligibility.recordCompetency'],
      );
    });
    it('a new partner walks steps 1 → 2 → 3 → 4', () => {
      const base = readyOrg();
      const step1 = {
        ...base,
        complianceTraining: undefined,
        competencies: [],
        enrollments: [],
        businessProfile: undefined,
        savbRegistrations: [],
      };
      assert.deepEqual(ids(step1), ['eligibility.completeTraining', 'eligibility.recordCompetency']);
      const trained = { ...step1, complianceTraining: base.complianceTraining };
      assert.deepEqual(ids(trained), ['eligibility.recordCompetency']);
      const eligible = { ...trained, competencies: base.competencies };
      const step2 = organizationNextActions(eligible, [], rules(), at('2020-03-10'));
      assert.deepEqual(
        step2.actions.map((a) => a.id),
        ['enrollment.enroll'],
      );
      assert.deepEqual(step2.actions[0]?.params, { offerings: ['DDPS'] });
      const enrolled = { ...eligible, enrollments: base.enrollments };
      const step3 = organizationNextActions(enrolled, [], rules(), at('2020-03-10'));
      assert.equal(step3.partner, 'existing');
      assert.deepEqual(
        step3.actions.map((a) => [a.id, a.step]),
        [['businessProfile.update', 3]],
      );
      const ready = { ...enrolled, businessProfile: base.businessProfile };
      assert.deepEqual(ids(ready), ['voucher.intake']);
    });
    it('an existing partner goes to step 4, and is told about renewals, a stale profile and lapsed competencies', () => {
      assert.deepEqual(ids(readyOrg()), ['voucher.intake']);
      // renewal due 2021-01-02; the first reminder offset is −90 days → from 2020-10-04
      assert.deepEqual(ids(readyOrg(), [], '2020-10-04'), ['enrollment.renew', 'voucher.intake']);
      const renew = organizationNextActions(readyOrg(), [], rules(), at('2020-10-04')).actions[0]!;
      assert.deepEqual([renew.dueDate, renew.overdue, renew.params.daysLeft], ['2021-01-02', false, 90]);
      // after the renewal date: lapsed — renew, overdue, and no voucher intake until then
      const lapsed = organizationNextActions(readyOrg(), [], rules(), at('2021-01-06')).actions;
      assert.ok(lapsed.some((a) => a.id === 'enrollment.renew' && a.overdue === true));
      assert.ok(!lapsed.some((a) => a.id === 'voucher.intake'));
      assert.ok(lapsed.some((a) => a.id === 'eligibility.renewCompetency'));
      assert.ok(lapsed.some((a) => a.id === 'businessProfile.update'));
    });
    it('a redeemed offering without SAVB registration asks the Global admin to register', () => {
      const next = organizationNextActions(
        readyOrg({ savbRegistrations: [] }),
        [voucherIn('Redeemed')],
        rules(),
        at('2020-03-26'),
      );
      const savb = next.actions.find((a) => a.id === 'savb.register');
      assert.deepEqual(savb?.roles, ['globalAdmin']);
      assert.deepEqual(savb?.params, { offeringId: 'DDPS' });
    });
    it('a tenant with a Global admin but no partner admin is asked to assign one', () => {
      const org = readyOrg();
      assert.equal(
        ids({ ...org, people: org.people.filter((p) => p.userId !== 'u-admin') })[0],
        'role.assignPartnerAdmin',
      );
    });
  });

  describe('voucher (steps 4–8)', () => {
    const table: [VoucherState, string, NextActionId, number][] = [
      ['Assigned', '2020-03-10', 'voucher.reserve', 5],
      ['Reserved', '2020-03-10', 'voucher.awaitEngagementStart', 6],
      ['Reserved', '2020-03-16', 'voucher.markDelivered', 6],
      ['Delivered', '2020-03-20', 'report.submit', 6],
      ['ReportSubmitted', '2020-03-22', 'voucher.redeem', 7],
      ['Redeemed', '2020-03-26', 'payment.request', 8],
      ['PaymentRequested', '2020-03-27', 'payment.awaitApproval', 8],
      ['Paid', '2020-04-21', 'voucher.closedPaid', 8],
      ['Denied', '2020-04-02', 'voucher.closedDenied', 8],
      ['Expired', '2020-09-01', 'voucher.closedExpired', 4],
    ];
    for (const [state, day, id, step] of table) {
      it(`${state} on ${day}: ${id}`, () => {
        const a = voucherNextAction(voucherIn(state), readyOrg(), rules(), at(day));
        assert.equal(a.id, id);
        assert.equal(a.step, step);
        assert.equal(a.params.voucherId, 'v-1');
      });
    }
    it('deadlines come with the action', () => {
      const a = voucherNextAction(voucherIn('Redeemed'), readyOrg(), rules(), at('2020-05-25'));
      assert.deepEqual([a.dueDate, a.overdue], ['2020-05-24', true]);
      const r = voucherNextAction(voucherIn('Delivered'), readyOrg(), rules(), at('2020-03-19'));
      assert.deepEqual([r.dueDate, r.overdue], ['2020-03-20', false]);
    });
    it('payment: awaiting payment after approval, follow up after 30 days', () => {
      const v = voucherIn('PaymentRequested');
      v.paymentRequest = { ...v.paymentRequest!, approvedOn: '2020-04-01' };
      assert.equal(voucherNextAction(v, readyOrg(), rules(), at('2020-05-01')).id, 'payment.awaitPayment');
      assert.equal(voucherNextAction(v, readyOrg(), rules(), at('2020-05-02')).id, 'payment.followUp');
    });
    it('redeemed without SAVB registration: register first', () => {
      assert.equal(
        voucherNextAction(
          voucherIn('Redeemed'),
          readyOrg({ savbRegistrations: [] }),
          rules(),
          at('2020-03-26'),
        ).id,
        'savb.register',
      );
    });
    it('a voucher past its expiry, not yet moved to Expired', () => {
      const a = voucherNextAction(voucherIn('Assigned'), readyOrg(), rules(), at('2020-08-29'));
      assert.equal(a.id, 'voucher.closedExpired');
      assert.equal(a.params.pendingExpiry, true);
    });
  });

  it("every voucher's next action: the organisation's today is computed once per call, not per voucher", () => {
    const org = readyOrg({ timeZone: 'America/Sao_Paulo' });
    const vouchers = Array.from({ length: 20 }, (_, i) =>
      voucherIn(i % 2 ? 'Reserved' : 'Redeemed', { id: `v-${i}` }),
    );
    const original = Intl.DateTimeFormat.prototype.formatToParts;
    let calls = 0;
    Intl.DateTimeFormat.prototype.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
      calls++;
      return original.call(this, date);
    };
    try {
      const actions = voucherNextActions(vouchers, org, rules(), at('2020-03-10'));
      assert.equal(actions.length, 20);
    } finally {
      Intl.DateTimeFormat.prototype.formatToParts = original;
    }
    assert.equal(calls, 1);
  });
});
