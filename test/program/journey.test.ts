// PRODUCT.md §2 end to end as engine commands: a new partner (steps 1–8) and an existing one (4–8).
// Every refusal met on the way is checked by its rule id.
import { strict as assert } from 'node:assert';
import {
  claimGlobalAdmin,
  assignRole,
  dueReminders,
  enroll,
  expireVoucher,
  intakeVoucher,
  newOrganization,
  organizationNextActions,
  recordAssessment,
  recordBusinessProfileUpdate,
  recordComplianceTraining,
  recordCompetency,
  registerSavb,
  voucherNextAction,
  type Actor,
  type Organization,
  type Result,
  type RuleId,
  type Voucher,
} from '../../bot/program';
import { applyVoucherCommand } from './commands';
import { readyOrg, rules } from './fixtures';

const R = rules();
const GLORIA: Actor = { kind: 'user', userId: 'u-gloria', name: 'Gloria' };
const PAULO: Actor = { kind: 'user', userId: 'u-paulo', name: 'Paulo' };
const CARMEN: Actor = { kind: 'user', userId: 'u-carmen', name: 'Carmen' };

function must<T>(r: Result<T>): T {
  assert.ok(r.ok, r.ok ? '' : `refused: ${JSON.stringify(r.refusals)}`);
  return r.value;
}
function refusedBy(r: Result<unknown>, rule: RuleId): void {
  assert.equal(r.ok, false, `expected ${rule}`);
  if (!r.ok)
    assert.ok(
      r.refusals.some((x) => x.rule === rule),
      `expected ${rule}, got ${r.refusals.map((x) => x.rule).join(', ')}`,
    );
}

class Clock {
  constructor(public day: string) {}
  get now(): Date {
    return new Date(`${this.day}T14:00:00Z`);
  }
}

describe('program: journey (PRODUCT.md §2)', () => {
  it('a new partner: steps 1–8', () => {
    const clock = new Clock('2020-01-06');
    let org: Organization = newOrganization('tenant-new', clock.now);
    let vouchers: Voucher[] = [];
    const octx = () => ({ rules: R, now: clock.now, vouchers });
    const vctx = () => ({ org, rules: R, now: clock.now, vouchers });
    const next = () => organizationNextActions(org, vouchers, R, clock.now).actions.map((a) => a.id);

    // Bootstrap
    assert.deepEqual(next()[0], 'role.claimGlobalAdmin');
    refusedBy(recordComplianceTraining(org, { completedOn: '2020-01-06' }, PAULO, octx()), 'role.required');
    org = must(claimGlobalAdmin(org, {}, GLORIA, octx()));
    refusedBy(claimGlobalAdmin(org, {}, PAULO, octx()), 'bootstrap.globalAdminExists');
    org = must(
      assignRole(org, { userId: 'u-paulo', role: 'mpnPartnerAdmin', name: 'Paulo' }, GLORIA, octx()),
    );
    org = must(assignRole(org, { userId: 'u-carmen', role: 'consultant', name: 'Carmen' }, GLORIA, octx()));

    // Step 1: eligibility
    assert.deepEqual(next(), ['eligibility.completeTraining', 'eligibility.recordCompetency']);
    refusedBy(
      enroll(
        org,
        {
          offeringId: 'SDPS',
          agreementSignedOn: '2020-01-06',
          enrolledOn: '2020-01-07',
          approvedLocations: [{ id: 'lis', name: 'Lisboa', country: 'PT' }],
        },
        PAULO,
        octx(),
      ),
      'date.inFuture',
    );
    org = must(recordComplianceTraining(org, { completedOn: '2020-01-03' }, PAULO, octx()));
    org = must(
      recordCompetency(
        org,
        { name: 'Collaboration and Content', level: 'Silver', validUntil: '2021-06-30' },
        PAULO,
        octx(),
      ),
    );
    refusedBy(
      recordAssessment(
        org,
        { name: 'MS-300', competency: 'Collaboration and Content', completedOn: '2019-11-01' },
        PAULO,
        octx(),
      ),
      'person.notConsultant',
    );
    org = must(
      recordAssessment(
        org,
        { name: 'MS-300', competency: 'Collaboration and Content', completedOn: '2019-11-01' },
        CARMEN,
        octx(),
      ),
    );

    // Step 2: enrol
    assert.deepEqual(next(), ['enrollment.enroll']);
    org = must(
      enroll(
        org,
        {
          offeringId: 'SDPS',
          agreementSignedOn: '2020-01-06',
          enrolledOn: '2020-01-06',
          approvedLocations: [{ id: 'lis', name: 'Lisboa', country: 'PT' }],
        },
        PAULO,
        octx(),
      ),
    );

    // Step 3: business profile
    assert.deepEqual(next(), ['businessProfile.update']);
    org = must(recordBusinessProfileUpdate(org, {}, PAULO, octx()));
    assert.deepEqual(next(), ['voucher.intake']);

    // Step 4: intake
    clock.day = '2020-02-03';
    const intake = {
      voucherNumber: 'SP-2020-0001',
      offeringId: 'SDPS',
      days: 3,
      customer: { name: 'Fabrikam' },
      voucherAdminEmail: 'pm@fabrikam.example',
      source: 'email' as const,
    };
    refusedBy(intakeVoucher(intake, CARMEN, { ...vctx(), newId: () => 'x' }), 'role.required');
    refusedBy(
      intakeVoucher({ ...intake, voucherNumber: 'SP 1' }, PAULO, { ...vctx(), newId: () => 'x' }),
      'voucher.numberInvalid',
    );
    let v = must(intakeVoucher(intake, PAULO, { ...vctx(), newId: () => 'voucher-1' }));
    vouchers = [v];
    refusedBy(intakeVoucher(intake, PAULO, { ...vctx(), newId: () => 'voucher-2' }), 'voucher.alreadyActive');
    assert.equal(voucherNextAction(v, org, R, clock.now).id, 'voucher.reserve');

    // Step 5: reserve (a first attempt breaks three guards)
    const reserve = {
      engagementId: 'sdps-sharepoint',
      deliveryCountry: 'PT',
      partnerLocationId: 'lis',
      plannedStart: '2020-02-17',
      plannedEnd: '2020-02-19',
      consultants: ['u-carmen'],
    };
    const bad = applyVoucherCommand(
      v,
      'reserve',
      {
        ...reserve,
        engagementId: 'sdps-project-portfolio',
        deliveryCountry: 'ES',
        plannedStart: '2020-02-03',
      },
      PAULO,
      vctx(),
    );
    assert.deepEqual(bad.ok ? [] : bad.refusals.map((x) => x.rule), [
      'reservation.competencyMissing',
      'reservation.countryNotApproved',
      'reservation.startNotInFuture',
    ]);
    v = must(applyVoucherCommand(v, 'reserve', reserve, PAULO, vctx()));
    assert.equal(voucherNextAction(v, org, R, clock.now).id, 'voucher.awaitEngagementStart');

    // Step 6: deliver and report
    clock.day = '2020-02-17';
    refusedBy(applyVoucherCommand(v, 'submitReport', {}, CARMEN, vctx()), 'transition.notAllowed');
    v = must(applyVoucherCommand(v, 'markDelivered', {}, CARMEN, vctx()));
    const report = {
      actualStart: '2020-02-17',
      actualEnd: '2020-02-19',
      daysDelivered: 3,
      deliverables: [{ type: 'Architecture', reference: 'https://fabrikam.example/sp-plan.pdf' }],
      consultants: [{ userId: 'u-carmen', assessmentId: 'assessment-1' }],
      customerContact: { name: 'Fatima', email: 'fatima@fabrikam.example' },
      summary: 'Plan delivered',
    };
    refusedBy(applyVoucherCommand(v, 'submitReport', report, CARMEN, vctx()), 'report.engagementNotEnded');
    refusedBy(applyVoucherCommand(v, 'redeem', {}, PAULO, vctx()), 'redemption.reportNotSubmitted');
    clock.day = '2020-02-20';
    assert.ok(
      dueReminders(org, [v], R, clock.now).some(
        (r) => r.kind === 'reportDue' && r.recipients.includes('u-carmen'),
      ),
    );
    refusedBy(applyVoucherCommand(v, 'submitReport', report, PAULO, vctx()), 'role.required');
    refusedBy(
      applyVoucherCommand(v, 'submitReport', { ...report, deliverables: [] }, CARMEN, vctx()),
      'report.deliverableRequired',
    );
    v = must(applyVoucherCommand(v, 'submitReport', report, CARMEN, vctx()));

    // Step 7: redeem
    clock.day = '2020-02-21';
    v = must(applyVoucherCommand(v, 'redeem', {}, PAULO, vctx()));
    vouchers = [v];

    // Step 8: SAVB registration, then payment
    const payment = { savbReference: 'SAVB-778899', amount: 3000, currency: 'EUR' };
    refusedBy(
      applyVoucherCommand(v, 'requestPayment', payment, PAULO, vctx()),
      'payment.savbRegistrationMissing',
    );
    assert.ok(next().includes('savb.register'));
    assert.ok(
      dueReminders(org, vouchers, R, clock.now).some(
        (r) => r.kind === 'savbRegistration' && r.recipients.includes('u-gloria'),
      ),
    );
    refusedBy(registerSavb(org, { offeringId: 'SDPS' }, PAULO, octx()), 'role.required');
    org = must(registerSavb(org, { offeringId: 'SDPS' }, GLORIA, octx()));
    v = must(applyVoucherCommand(v, 'requestPayment', payment, PAULO, vctx()));
    assert.equal(voucherNextAction(v, org, R, clock.now).id, 'payment.awaitApproval');
    clock.day = '2020-03-02';
    v = must(applyVoucherCommand(v, 'recordApproval', {}, PAULO, vctx()));
    clock.day = '2020-03-20';
    v = must(applyVoucherCommand(v, 'recordPayment', { paidAmount: 3000 }, PAULO, vctx()));
    assert.equal(v.state, 'Paid');
    refusedBy(
      applyVoucherCommand(v, 'recordDenial', { reason: 'late' }, PAULO, vctx()),
      'transition.notAllowed',
    );

    // The audit trail tells the whole story, in order.
    assert.deepEqual(
      v.audit.map((a) => `${a.action}:${a.from ?? ''}>${a.to}:${a.by}`),
      [
        'voucher.intake:>Assigned:u-paulo',
        'voucher.reserve:Assigned>Reserved:u-paulo',
        'voucher.markDelivered:Reserved>Delivered:u-carmen',
        'voucher.submitReport:Delivered>ReportSubmitted:u-carmen',
        'voucher.redeem:ReportSubmitted>Redeemed:u-paulo',
        'voucher.requestPayment:Redeemed>PaymentRequested:u-paulo',
        'voucher.recordApproval:PaymentRequested>PaymentRequested:u-paulo',
        'voucher.recordPayment:PaymentRequested>Paid:u-paulo',
      ],
    );
    assert.deepEqual(
      org.audit.map((a) => a.action),
      [
        'role.claimGlobalAdmin',
        'role.assign',
        'role.assign',
        'eligibility.recordTraining',
        'eligibility.recordCompetency',
        'consultant.recordAssessment',
        'enrollment.enroll',
        'businessProfile.update',
        'savb.register',
      ],
    );
  });

  it('an existing partner: steps 4–8, with a cancelled reservation, a denial and an expiry', () => {
    const clock = new Clock('2020-03-10');
    const org = readyOrg();
    const ADMIN: Actor = { kind: 'user', userId: 'u-admin' };
    const CONS: Actor = { kind: 'user', userId: 'u-cons' };
    let vouchers: Voucher[] = [];
    const vctx = () => ({ org, rules: R, now: clock.now, vouchers });
    assert.deepEqual(organizationNextActions(org, vouchers, R, clock.now), {
      partner: 'existing',
      actions: [
        { id: 'voucher.intake', step: 4, roles: ['mpnPartnerAdmin'], params: { offerings: ['DDPS'] } },
      ],
    });

    // Step 4
    const base = {
      offeringId: 'DDPS',
      days: 5,
      customer: { name: 'Contoso' },
      voucherAdminEmail: 'pm@contoso.example',
      assignedOn: '2020-03-09',
    };
    let a = must(
      intakeVoucher({ ...base, voucherNumber: 'DD-0001' }, ADMIN, { ...vctx(), newId: () => 'a' }),
    );
    let b = must(
      intakeVoucher(
        { ...base, voucherNumber: 'DD-0002', customer: { name: 'Contoso', division: 'Retail' } },
        ADMIN,
        { ...vctx(), newId: () => 'b' },
      ),
    );
    vouchers = [a, b];

    // Step 5: reserve a, cancel, reserve again
    const reserve = {
      engagementId: 'ddps-windows-office',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp',
      plannedStart: '2020-03-23',
      plannedEnd: '2020-03-27',
      consultants: ['u-cons'],
    };
    a = must(applyVoucherCommand(a, 'reserve', reserve, ADMIN, vctx()));
    refusedBy(
      applyVoucherCommand(a, 'cancelReservation', { reason: '' }, ADMIN, vctx()),
      'reservation.reasonRequired',
    );
    a = must(
      applyVoucherCommand(a, 'cancelReservation', { reason: 'customer moved the dates' }, ADMIN, vctx()),
    );
    assert.equal(a.state, 'Assigned');
    a = must(
      applyVoucherCommand(
        a,
        'reserve',
        { ...reserve, plannedStart: '2020-03-30', plannedEnd: '2020-04-03' },
        ADMIN,
        vctx(),
      ),
    );
    vouchers = [a, b];

    // Steps 6–8 for a, ending in a denial
    clock.day = '2020-03-30';
    a = must(applyVoucherCommand(a, 'markDelivered', {}, CONS, vctx()));
    clock.day = '2020-04-03';
    a = must(
      applyVoucherCommand(
        a,
        'submitReport',
        {
          actualStart: '2020-03-30',
          actualEnd: '2020-04-03',
          daysDelivered: 5,
          deliverables: [{ type: 'Plan', reference: 'plan.docx' }],
          consultants: [{ userId: 'u-cons', assessmentId: 'assessment-1' }],
          customerContact: { name: 'Pat' },
        },
        CONS,
        vctx(),
      ),
    );
    clock.day = '2020-04-06';
    a = must(applyVoucherCommand(a, 'redeem', {}, ADMIN, vctx()));
    clock.day = '2020-06-06'; // redemption + 61 days
    refusedBy(
      applyVoucherCommand(
        a,
        'requestPayment',
        { savbReference: 'S-1', amount: 5000, currency: 'USD' },
        ADMIN,
        vctx(),
      ),
      'payment.windowClosed',
    );
    a = must(
      applyVoucherCommand(
        a,
        'requestPayment',
        { savbReference: 'S-1', amount: 5000, currency: 'USD', requestedOn: '2020-06-05' },
        ADMIN,
        vctx(),
      ),
    );
    a = must(applyVoucherCommand(a, 'recordDenial', { reason: 'deliverable missing' }, ADMIN, vctx()));
    assert.equal(a.state, 'Denied');
    assert.equal(a.audit.at(-1)?.reason, 'deliverable missing');
    assert.equal(voucherNextAction(a, org, R, clock.now).id, 'voucher.closedDenied');

    // b was never reserved: reminded, then expired by the app (assigned 2020-03-09 → last day 2020-09-05)
    clock.day = '2020-09-04';
    assert.ok(dueReminders(org, [b], R, clock.now).some((r) => r.key === 'voucherExpiry:b:2020-09-05:-1'));
    refusedBy(expireVoucher(b, {}, { kind: 'system', process: 'reminders' }, vctx()), 'expiry.notReached');
    clock.day = '2020-09-06';
    refusedBy(
      applyVoucherCommand(
        b,
        'reserve',
        { ...reserve, plannedStart: '2020-09-20', plannedEnd: '2020-09-24' },
        ADMIN,
        vctx(),
      ),
      'voucher.expired',
    );
    b = must(expireVoucher(b, {}, { kind: 'system', process: 'reminders' }, vctx()));
    assert.equal(b.state, 'Expired');
    assert.equal(b.audit.at(-1)?.by, 'system:reminders');
    assert.deepEqual(dueReminders(org, [b], R, clock.now), []);
    // once expired, its number can be taken in again
    assert.ok(
      intakeVoucher({ ...base, voucherNumber: 'DD-0002', assignedOn: '2020-09-06' }, ADMIN, {
        ...vctx(),
        vouchers: [a, b],
        newId: () => 'c',
      }).ok,
    );
  });
});
