import { strict as assert } from 'node:assert';
import {
  addDays,
  addMonths,
  actorToday,
  daysBetween,
  enrollmentRenewalDue,
  expectedPaymentDate,
  enrollmentRenewalOpensOn,
  isEnrollmentLapsed,
  isEnrollmentRenewalOpen,
  isVoucherExpired,
  localDate,
  localDateReader,
  paymentRequestDeadline,
  reserveVoucher,
  voucherDeadlines,
  voucherDueDate,
  voucherExpiryDate,
  type Rules,
} from '../../bot/program';
import { ADMIN, ctx, readyOrg, rules, voucherIn } from './fixtures';

type VoucherStateName = Parameters<typeof voucherIn>[0];

function withClock(clockStart: Rules['voucher']['clockStart']): Rules {
  const r = rules();
  return { ...r, voucher: { ...r.voucher, clockStart } };
}

describe('program: deadlines', () => {
  describe('calendar arithmetic', () => {
    it('adds days across month ends and leap days', () => {
      assert.equal(addDays('2020-02-28', 1), '2020-02-29');
      assert.equal(addDays('2021-02-28', 1), '2021-03-01');
      assert.equal(addDays('2020-12-31', 1), '2021-01-01');
      assert.equal(addDays('2020-03-01', -1), '2020-02-29');
      assert.equal(daysBetween('2020-01-01', '2021-01-01'), 366);
      assert.equal(daysBetween('2021-01-01', '2022-01-01'), 365);
    });
    it('adds months clamping to the month end', () => {
      assert.equal(addMonths('2020-01-31', 1), '2020-02-29');
      assert.equal(addMonths('2021-01-31', 1), '2021-02-28');
      assert.equal(addMonths('2020-02-29', 12), '2021-02-28');
      assert.equal(addMonths('2020-02-29', 48), '2024-02-29');
      assert.equal(addMonths('2020-10-31', -1), '2020-09-30');
    });
    it('the local date follows the time zone, including across DST changes', () => {
      // Madrid moves to CEST (UTC+2) on 2021-03-28 at 01:00 UTC.
      assert.equal(localDate(new Date('2021-03-27T22:30:00Z'), 'Europe/Madrid'), '2021-03-27'); // 23:30 CET
      assert.equal(localDate(new Date('2021-03-28T22:30:00Z'), 'Europe/Madrid'), '2021-03-29'); // 00:30 CEST
      // …and back to CET (UTC+1) on 2021-10-31 at 01:00 UTC.
      assert.equal(localDate(new Date('2021-10-31T22:30:00Z'), 'Europe/Madrid'), '2021-10-31'); // 23:30 CET
      assert.equal(localDate(new Date('2021-03-01T02:00:00Z'), 'America/Sao_Paulo'), '2021-02-28');
      assert.equal(localDate(new Date('2021-03-01T02:00:00Z'), 'UTC'), '2021-03-01');
      assert.equal(localDate(new Date('2021-03-01T02:00:00Z'), 'Not/AZone'), '2021-03-01');
    });
    it('a reader kept for one zone reads every instant as localDate does (UTC without Intl, same answers)', () => {
      const instants = [
        '2021-03-27T22:30:00Z',
        '2021-03-28T22:30:00Z',
        '2021-12-31T23:59:59.999Z',
        '2024-02-29T00:00:00Z',
        '0999-12-31T23:00:00Z',
        '+010000-01-01T00:00:00Z',
      ].map((s) => new Date(s));
      for (const zone of ['UTC', 'Europe/Madrid', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Not/AZone']) {
        const read = localDateReader(zone);
        for (const at of instants) {
          const viaIntl = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone === 'Not/AZone' ? 'UTC' : zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          }).formatToParts(at);
          const part = (type: string) => viaIntl.find((p) => p.type === type)?.value;
          const expected = `${part('year')}-${part('month')}-${part('day')}`;
          assert.equal(read(at), expected, `${zone} ${at.toISOString()}`);
          assert.equal(localDate(at, zone), expected);
        }
      }
    });
  });

  describe('voucher expiry', () => {
    it('defaults to 180 days from assignment (leap and non-leap years)', () => {
      assert.equal(
        voucherExpiryDate(voucherIn('Assigned', { assignedOn: '2020-01-01' }), rules()),
        '2020-06-29',
      );
      assert.equal(
        voucherExpiryDate(voucherIn('Assigned', { assignedOn: '2021-01-01' }), rules()),
        '2021-06-30',
      );
      assert.equal(
        voucherExpiryDate(voucherIn('Assigned', { assignedOn: '2019-09-03' }), rules()),
        '2020-03-01',
      );
    });
    it('the user-entered Partner Center expiry wins', () => {
      assert.equal(
        voucherExpiryDate(voucherIn('Assigned', { expiresOn: '2020-05-05' }), rules()),
        '2020-05-05',
      );
    });
    it('the clock start is configurable: creation, assignment or reservation', () => {
      const v = voucherIn('Reserved', { createdOn: '2020-02-01', assignedOn: '2020-03-01' }); // reserved 2020-03-05
      assert.equal(voucherExpiryDate(v, withClock('creation')), '2020-07-30');
      assert.equal(voucherExpiryDate(v, withClock('assignment')), '2020-08-28');
      assert.equal(voucherExpiryDate(v, withClock('reservation')), '2020-09-01');
      assert.equal(voucherExpiryDate(voucherIn('Assigned'), withClock('reservation')), undefined);
      assert.equal(
        voucherExpiryDate(voucherIn('Assigned', { createdOn: undefined }), withClock('creation')),
        '2020-08-28',
      );
    });
    it('valid through its last day, expired the day after', () => {
      const v = voucherIn('Assigned', { expiresOn: '2020-02-29' });
      assert.equal(isVoucherExpired(v, rules(), '2020-02-29'), false);
      assert.equal(isVoucherExpired(v, rules(), '2020-03-01'), true);
    });
  });

  describe('payment and report dates', () => {
    it('payment window: redemption + 60 days, across February', () => {
      const v = voucherIn('Redeemed', { redemption: { redeemedOn: '2020-12-31', redeemedBy: 'u-admin' } });
      assert.equal(paymentRequestDeadline(v, rules()), '2021-03-01');
      const leap = voucherIn('Redeemed', { redemption: { redeemedOn: '2019-12-31', redeemedBy: 'u-admin' } });
      assert.equal(paymentRequestDeadline(leap, rules()), '2020-02-29');
    });
    it('expected payment: approval + 30 days', () => {
      const v = voucherIn('PaymentRequested');
      assert.equal(expectedPaymentDate(v, rules()), undefined);
      v.paymentRequest = { ...v.paymentRequest!, approvedOn: '2020-01-31' };
      assert.equal(expectedPaymentDate(v, rules()), '2020-03-01');
    });
    it('the due date kept on the voucher follows its state', () => {
      const r = rules();
      assert.equal(voucherDueDate(voucherIn('Assigned'), r), '2020-08-28');
      assert.equal(voucherDueDate(voucherIn('Reserved'), r), '2020-03-20');
      assert.equal(voucherDueDate(voucherIn('Delivered', { expiresOn: '2020-03-18' }), r), '2020-03-18');
      assert.equal(voucherDueDate(voucherIn('ReportSubmitted'), r), '2020-08-28');
      assert.equal(voucherDueDate(voucherIn('Redeemed'), r), '2020-05-24');
      assert.equal(voucherDueDate(voucherIn('Paid'), r), undefined);
    });
  });

  describe('enrolment renewal', () => {
    it('is due one year after enrolment or the last renewal; lapses the day after', () => {
      const e = readyOrg().enrollments[0]!;
      assert.equal(enrollmentRenewalDue({ ...e, enrolledOn: '2020-02-29' }, rules()), '2021-02-28');
      assert.equal(enrollmentRenewalDue({ ...e, renewedOn: '2021-01-15' }, rules()), '2022-01-15');
      assert.equal(isEnrollmentLapsed(e, rules(), '2021-01-02'), false);
      assert.equal(isEnrollmentLapsed(e, rules(), '2021-01-03'), true);
      assert.equal(isEnrollmentLapsed({ ...e, lapsedOn: '2020-06-01' }, rules(), '2020-06-01'), true);
    });

    it("opens for renewal at the rules' first renewal reminder (90 days before it is due), and stays open once lapsed", () => {
      const e = readyOrg().enrollments[0]!; // enrolled 2020-01-02: due 2021-01-02
      assert.deepEqual(rules().reminders.enrollmentRenewal.slice(0, 1), [-90]);
      assert.equal(enrollmentRenewalOpensOn(e, rules()), '2020-10-04');
      assert.equal(isEnrollmentRenewalOpen(e, rules(), '2020-01-02'), false);
      assert.equal(isEnrollmentRenewalOpen(e, rules(), '2020-10-03'), false);
      assert.equal(isEnrollmentRenewalOpen(e, rules(), '2020-10-04'), true);
      assert.equal(isEnrollmentRenewalOpen(e, rules(), '2021-03-01'), true);
    });
  });

  describe("the user's today depends on their time zone", () => {
    const input = {
      engagementId: 'ddps-windows-office',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp',
      plannedStart: '2020-03-16',
      plannedEnd: '2020-03-20',
      consultants: ['u-cons'],
    };
    const now = new Date('2020-03-15T23:30:00Z');
    it('a reservation for tomorrow in UTC is for today in Madrid', () => {
      const org = readyOrg();
      const madrid = {
        ...org,
        people: org.people.map((p) =>
          p.userId === 'u-admin' ? { ...p, settings: { timeZone: 'Europe/Madrid' } } : p,
        ),
      };
      assert.equal(actorToday(org, ADMIN, ctx(org, now)), '2020-03-15');
      assert.equal(actorToday(madrid, ADMIN, ctx(madrid, now)), '2020-03-16');
      assert.ok(reserveVoucher(voucherIn('Assigned'), input, ADMIN, ctx(org, now)).ok);
      const r = reserveVoucher(voucherIn('Assigned'), input, ADMIN, ctx(madrid, now));
      assert.equal(r.ok ? '' : r.refusal.rule, 'reservation.startNotInFuture');
    });
    it('falls back to the organisation zone, then the configured default', () => {
      const org = { ...readyOrg(), timeZone: 'Europe/Madrid' };
      assert.equal(actorToday(org, ADMIN, ctx(org, now)), '2020-03-16');
      const plain = readyOrg();
      assert.equal(
        actorToday(plain, ADMIN, { ...ctx(plain, now), defaultTimeZone: 'Asia/Tokyo' }),
        '2020-03-16',
      );
    });
  });

  describe('open deadlines of a voucher, by state (what the tab and the bot show)', () => {
    const R = rules();
    const cases: [VoucherStateName, string[]][] = [
      ['Assigned', ['reserveVoucher', 'voucherExpiry']],
      ['Reserved', ['reportDue', 'voucherExpiry']],
      ['Delivered', ['reportDue', 'voucherExpiry']],
      ['ReportSubmitted', ['redeem', 'voucherExpiry']],
      ['Redeemed', ['paymentWindow']],
      ['Paid', []],
      ['Denied', []],
      ['Expired', []],
    ];
    for (const [state, kinds] of cases) {
      it(`${state}: ${kinds.join(', ') || 'nothing open'}`, () => {
        const deadlines = voucherDeadlines(voucherIn(state), R);
        assert.deepEqual(deadlines.map((d) => d.kind).sort(), [...kinds].sort());
        const dues = deadlines.map((d) => d.due);
        assert.deepEqual(dues, [...dues].sort(), 'soonest first');
      });
    }

    it('reserving is late after the last reserve reminder offset; redeeming after the last redeem offset', () => {
      const assigned = voucherIn('Assigned');
      const reserve = voucherDeadlines(assigned, R).find((d) => d.kind === 'reserveVoucher');
      assert.equal(reserve?.due, addDays(assigned.intakeOn, Math.max(...R.reminders.voucherReserve)));
      const reported = voucherIn('ReportSubmitted');
      const redeem = voucherDeadlines(reported, R).find((d) => d.kind === 'redeem');
      assert.equal(
        redeem?.due,
        addDays(reported.completionReport!.submittedOn, Math.max(...R.reminders.redeemAfterReport)),
      );
    });

    it('a payment request waits on approval; once approved, the follow-up date is approval + expected delay', () => {
      const requested = voucherIn('PaymentRequested');
      const open = voucherDeadlines(requested, R).map((d) => d.kind);
      const approvedOn = requested.paymentRequest?.approvedOn;
      if (approvedOn) assert.deepEqual(open, ['paymentFollowUp']);
      else assert.deepEqual(open, []);
    });
  });
});
