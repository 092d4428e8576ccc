import { strict as assert } from 'node:assert';
import {
  dueReminders,
  renewEnrollment,
  reserveVoucher,
  upcomingReminders,
  type DueReminder,
  type Organization,
  type Voucher,
} from '../../bot/program';
import { ADMIN, ctx, readyOrg, rules, voucherIn } from './fixtures';

const at = (d: string) => new Date(`${d}T12:00:00Z`);

function due(org: Organization, vouchers: Voucher[], day: string): DueReminder[] {
  return dueReminders(org, vouchers, rules(), at(day));
}
function keys(rs: DueReminder[]): string[] {
  return rs.map((r) => r.key);
}

describe('program: reminders (PRODUCT.md §5)', () => {
  it('the same inputs give the same reminders and keys', () => {
    const org = readyOrg();
    const vouchers = [
      voucherIn('Assigned', { id: 'a', intakeOn: '2020-03-20' }),
      voucherIn('Redeemed', { id: 'b' }),
      voucherIn('Delivered', { id: 'c' }),
    ];
    const one = due(org, vouchers, '2020-03-27');
    const two = due(structuredClone(org), structuredClone(vouchers).reverse(), '2020-03-27');
    assert.deepEqual(one, two);
    assert.ok(one.length >= 2);
    for (const r of one) assert.match(r.key, /^[a-zA-Z]+:[^:]+:\d{4}-\d{2}-\d{2}:-?\d+$/);
  });

  it('reserve a new voucher: +3 and +7 days after intake while still Assigned; gone once reserved', () => {
    const org = readyOrg();
    const v = voucherIn('Assigned'); // intake 2020-03-02
    assert.deepEqual(
      keys(due(org, [v], '2020-03-04')).filter((k) => k.startsWith('voucherReserve')),
      [],
    );
    const r = due(org, [v], '2020-03-05').find((x) => x.kind === 'voucherReserve');
    assert.deepEqual(r, {
      key: 'voucherReserve:v-1:2020-03-02:3',
      kind: 'voucherReserve',
      subject: { type: 'voucher', voucherId: 'v-1', voucherNumber: 'ABCD-1234', offeringId: 'DDPS' },
      dueDate: '2020-03-02',
      offsetDays: 3,
      sendableOn: '2020-03-05',
      recipients: ['u-admin'],
      toProgramChannel: false,
      action: {
        id: 'voucher.reserve',
        step: 5,
        roles: ['mpnPartnerAdmin'],
        params: { voucherId: 'v-1', voucherNumber: 'ABCD-1234', offeringId: 'DDPS' },
        dueDate: '2020-08-28',
      },
    });
    assert.ok(keys(due(org, [v], '2020-03-09')).includes('voucherReserve:v-1:2020-03-02:7'));
    const reserved = reserveVoucher(
      v,
      {
        engagementId: 'ddps-windows-office',
        deliveryCountry: 'BR',
        partnerLocationId: 'sp',
        plannedStart: '2020-03-16',
        plannedEnd: '2020-03-20',
        consultants: ['u-cons'],
      },
      ADMIN,
      ctx(org, at('2020-03-09')),
    );
    assert.ok(reserved.ok);
    assert.deepEqual(keys(due(org, [reserved.value], '2020-03-09')), []);
  });

  it('voucher expiry: −60 … −1 days, to partner admins and the assigned consultants; not once redeemed', () => {
    const org = readyOrg();
    const v = voucherIn('Reserved', {
      reservation: {
        ...voucherIn('Reserved').reservation!,
        plannedStart: '2020-07-01',
        plannedEnd: '2020-07-03',
      },
    });
    // expiry 2020-08-28 → −60 = 2020-06-29
    assert.equal(due(org, [v], '2020-06-28').filter((r) => r.kind === 'voucherExpiry').length, 0);
    const r = due(org, [v], '2020-06-29').find((x) => x.kind === 'voucherExpiry')!;
    assert.equal(r.key, 'voucherExpiry:v-1:2020-08-28:-60');
    assert.deepEqual(r.recipients, ['u-admin', 'u-cons']);
    assert.equal(r.action.id, 'voucher.markDelivered');
    assert.equal(due(org, [v], '2020-08-27').find((x) => x.kind === 'voucherExpiry')?.offsetDays, -1);
    // after the last valid day the reminder is moot
    assert.equal(
      due(org, [v], '2020-08-29').find((x) => x.kind === 'voucherExpiry'),
      undefined,
    );
    assert.equal(
      due(org, [voucherIn('Redeemed')], '2020-08-27').find((x) => x.kind === 'voucherExpiry'),
      undefined,
    );
  });

  it('a missed earlier offset is superseded by the later one, never both', () => {
    const v = voucherIn('Assigned');
    const list = due(readyOrg(), [v], '2020-08-15').filter((r) => r.kind === 'voucherExpiry');
    assert.deepEqual(keys(list), ['voucherExpiry:v-1:2020-08-28:-14']);
  });

  it('completion report due: +1, +3, +7 after the engagement end; gone once submitted', () => {
    const org = readyOrg();
    const r = due(org, [voucherIn('Delivered')], '2020-03-21').find((x) => x.kind === 'reportDue')!;
    assert.equal(r.key, 'reportDue:v-1:2020-03-20:1');
    assert.deepEqual(r.recipients, ['u-cons', 'u-admin']);
    assert.equal(r.action.id, 'report.submit');
    assert.equal(
      due(org, [voucherIn('Delivered')], '2020-03-27').find((x) => x.kind === 'reportDue')?.offsetDays,
      7,
    );
    assert.equal(
      due(org, [voucherIn('ReportSubmitted')], '2020-03-21').find((x) => x.kind === 'reportDue'),
      undefined,
    );
  });

  it('redeem after report: +1 day; gone once redeemed', () => {
    const org = readyOrg();
    assert.ok(
      keys(due(org, [voucherIn('ReportSubmitted')], '2020-03-22')).includes(
        'redeemAfterReport:v-1:2020-03-21:1',
      ),
    );
    assert.equal(
      due(org, [voucherIn('Redeemed')], '2020-03-22').find((x) => x.kind === 'redeemAfterReport'),
      undefined,
    );
  });

  it('payment request window: −45 … −1 before redemption + 60; gone once requested', () => {
    const org = readyOrg();
    // redeemed 2020-03-25 → deadline 2020-05-24 → −45 = 2020-04-09
    assert.ok(
      keys(due(org, [voucherIn('Redeemed')], '2020-04-09')).includes(
        'paymentRequestWindow:v-1:2020-05-24:-45',
      ),
    );
    assert.equal(
      due(org, [voucherIn('PaymentRequested')], '2020-04-09').find((x) => x.kind === 'paymentRequestWindow'),
      undefined,
    );
  });

  it('one-time SAVB registration: on the first redemption of an offering and +3; gone once registered', () => {
    const org = readyOrg({ savbRegistrations: [] });
    const first = voucherIn('Redeemed', {
      id: 'b',
      redemption: { redeemedOn: '2020-03-20', redeemedBy: 'u-admin' },
    });
    const r = due(org, [voucherIn('Redeemed'), first], '2020-03-25').find(
      (x) => x.kind === 'savbRegistration',
    )!;
    assert.equal(r.key, 'savbRegistration:DDPS:2020-03-20:3');
    assert.deepEqual(r.recipients, ['u-global']);
    assert.equal(
      due(readyOrg(), [first], '2020-03-25').find((x) => x.kind === 'savbRegistration'),
      undefined,
    );
  });

  it('payment follow-up: approval + 30 days, and +7; gone once paid', () => {
    const v = voucherIn('PaymentRequested');
    v.paymentRequest = { ...v.paymentRequest!, approvedOn: '2020-04-01' };
    assert.ok(keys(due(readyOrg(), [v], '2020-05-01')).includes('paymentFollowUp:v-1:2020-05-01:0'));
    assert.ok(keys(due(readyOrg(), [v], '2020-05-08')).includes('paymentFollowUp:v-1:2020-05-01:7'));
    assert.equal(
      due(readyOrg(), [voucherIn('Paid')], '2020-05-08').find((x) => x.kind === 'paymentFollowUp'),
      undefined,
    );
  });

  it('payment received / denied: immediately, also to the program channel when there is one', () => {
    const org = readyOrg({ programChannel: { channelId: '19:abc@thread.tacv2' } });
    const paidVoucher = voucherIn('Paid', { stateSince: '2020-04-20T09:00:00.000Z' });
    const paid = due(org, [paidVoucher], '2020-04-20').find((x) => x.kind === 'paymentReceived')!;
    assert.equal(paid.key, 'paymentReceived:v-1:2020-04-20:0');
    assert.equal(paid.toProgramChannel, true);
    assert.equal(paid.action.params.amount, 5000);
    const deniedVoucher = voucherIn('Denied', { stateSince: '2020-04-02T09:00:00.000Z' });
    const denied = due(readyOrg(), [deniedVoucher], '2020-04-02').find((x) => x.kind === 'paymentDenied')!;
    assert.equal(denied.toProgramChannel, false);
    assert.equal(denied.action.params.reason, 'no report');
  });

  it('payment received / denied: keyed to the day it was recorded, not to a backdated paid/denied date', () => {
    const org = readyOrg({ timeZone: 'Asia/Tokyo' });
    // Paid on 2020-04-20 but recorded on 2020-05-15 (23:30 UTC = 2020-05-16 in Tokyo): 26 days later.
    const paid = voucherIn('Paid', {
      stateSince: '2020-05-15T23:30:00.000Z',
      audit: [
        {
          at: '2020-05-15T23:30:00.000Z',
          by: 'u-admin',
          action: 'voucher.recordPayment',
          from: 'PaymentRequested',
          to: 'Paid',
        },
      ],
    });
    const news = due(org, [paid], '2020-05-16').find((x) => x.kind === 'paymentReceived');
    assert.equal(news?.key, 'paymentReceived:v-1:2020-05-16:0');
    assert.equal(
      due(org, [paid], '2020-05-15').find((x) => x.kind === 'paymentReceived'),
      undefined,
    );
    // Denied on 2020-04-01, recorded on 2020-05-20 (no audit entry: the state's start counts).
    const denied = voucherIn('Denied', { stateSince: '2020-05-20T10:00:00.000Z' });
    const deniedNews = due(readyOrg(), [denied], '2020-05-21').find((x) => x.kind === 'paymentDenied');
    assert.equal(deniedNews?.key, 'paymentDenied:v-1:2020-05-20:0');
  });

  it('SAVB registration: keyed to the day the first redemption was recorded, not a backdated redeemedOn', () => {
    const org = readyOrg({ savbRegistrations: [] });
    const v = voucherIn('Redeemed', {
      redemption: { redeemedOn: '2020-03-25', redeemedBy: 'u-admin' },
      audit: [{ at: '2020-05-10T10:00:00.000Z', by: 'u-admin', action: 'voucher.redeem', to: 'Redeemed' }],
    });
    const r = due(org, [v], '2020-05-13').find((x) => x.kind === 'savbRegistration');
    assert.equal(r?.key, 'savbRegistration:DDPS:2020-05-10:3');
  });

  it('annual re-enrolment: −90, −30, −7, 0 to Global and partner admins; gone once renewed', () => {
    const org = readyOrg(); // enrolled 2020-01-02 → due 2021-01-02 → −90 = 2020-10-04
    assert.equal(
      due(org, [], '2020-10-03').find((x) => x.kind === 'enrollmentRenewal'),
      undefined,
    );
    const r = due(org, [], '2020-10-04').find((x) => x.kind === 'enrollmentRenewal')!;
    assert.equal(r.key, 'enrollmentRenewal:DDPS:2021-01-02:-90');
    assert.deepEqual(r.recipients, ['u-global', 'u-admin']);
    assert.equal(due(org, [], '2021-01-02').find((x) => x.kind === 'enrollmentRenewal')?.offsetDays, 0);
    const renewed = renewEnrollment(org, { offeringId: 'DDPS' }, ADMIN, {
      rules: rules(),
      now: at('2020-12-01'),
    });
    assert.ok(renewed.ok);
    assert.equal(
      due(renewed.value, [], '2020-12-01').find((x) => x.kind === 'enrollmentRenewal'),
      undefined,
    );
  });

  it('business profile stale: one year after the last update', () => {
    const org = readyOrg(); // 2020-01-05
    assert.equal(
      due(org, [], '2021-01-04').find((x) => x.kind === 'businessProfileStale'),
      undefined,
    );
    assert.equal(
      due(org, [], '2021-01-05').find((x) => x.kind === 'businessProfileStale')?.key,
      'businessProfileStale:organization:2021-01-05:0',
    );
    const fresh = { ...org, businessProfile: { lastUpdatedOn: '2021-01-05' } };
    assert.equal(
      due(fresh, [], '2021-01-05').find((x) => x.kind === 'businessProfileStale'),
      undefined,
    );
  });

  it("the organisation's time zone decides when a day starts", () => {
    const v = voucherIn('Assigned'); // +3 → 2020-03-05
    const now = new Date('2020-03-04T23:30:00Z');
    assert.equal(dueReminders(readyOrg(), [v], rules(), now).length, 0);
    assert.equal(dueReminders({ ...readyOrg(), timeZone: 'Europe/Madrid' }, [v], rules(), now).length, 1);
    assert.equal(dueReminders(readyOrg(), [v], rules(), now, { defaultTimeZone: 'Europe/Madrid' }).length, 1);
  });

  it('with nobody in a role, the Global admins are told', () => {
    const org = readyOrg();
    const noPartnerAdmin = { ...org, people: org.people.filter((p) => p.userId !== 'u-admin') };
    assert.deepEqual(due(noPartnerAdmin, [voucherIn('Assigned')], '2020-03-05')[0]?.recipients, ['u-global']);
  });

  it('lists upcoming sends for a period', () => {
    const list = upcomingReminders(readyOrg(), [voucherIn('Assigned')], rules(), '2020-03-01', '2020-03-31');
    assert.deepEqual(keys(list), ['voucherReserve:v-1:2020-03-02:3', 'voucherReserve:v-1:2020-03-02:7']);
  });
});
