import { strict as assert } from 'node:assert';
import {
  intakeVoucher,
  redeemVoucher,
  requestPayment,
  reserveVoucher,
  submitCompletionReport,
  markDelivered,
  recordPaymentApproval,
  recordPaymentDenial,
  recordPaymentReceived,
  expireVoucher,
  cancelReservation,
  type Actor,
  type CompletionReportInput,
  type IntakeInput,
  type Organization,
  type ReserveInput,
  type Result,
  type RuleId,
  type Voucher,
  type VoucherContext,
} from '../../bot/program';
import {
  ADMIN,
  CONSULTANT,
  ctx,
  GLOBAL,
  MEMBER,
  OTHER_CONSULTANT,
  readyOrg,
  rules,
  SYSTEM,
  voucherIn,
} from './fixtures';

function rulesOf(r: Result<unknown>): RuleId[] {
  return r.ok ? [] : r.refusals.map((x) => x.rule);
}

/** Asserts the command is refused with exactly `rule` (and no other) and returns that refusal's params. */
function refusedWith(r: Result<unknown>, rule: RuleId) {
  assert.equal(r.ok, false, `expected refusal ${rule}`);
  assert.deepEqual(rulesOf(r), [rule]);
  return r.ok ? {} : r.refusal.params;
}

const NOW = new Date('2020-03-10T12:00:00Z');

describe('program: guards of PRODUCT.md §4', () => {
  describe('intake (step 4)', () => {
    const input: IntakeInput = {
      voucherNumber: '  ABCD-1234  ',
      offeringId: 'DDPS',
      days: 5,
      customer: { name: 'Contoso' },
      voucherAdminEmail: 'pm@contoso.example',
      assignedOn: '2020-03-01',
    };
    const c = (org = readyOrg(), extra: Partial<VoucherContext> = {}) => ({
      ...ctx(org, NOW, extra),
      newId: () => 'v-new',
    });

    it('creates an Assigned voucher with the id the caller gives and a trimmed number', () => {
      const r = intakeVoucher(input, ADMIN, c());
      assert.ok(r.ok);
      assert.equal(r.value.id, 'v-new');
      assert.equal(r.value.voucherNumber, 'ABCD-1234');
      assert.equal(r.value.state, 'Assigned');
      assert.equal(r.value.tenantId, 'tenant-a');
      assert.equal(r.value.intakeOn, '2020-03-10');
      assert.equal(r.value.dueOn, '2020-08-28');
      assert.deepEqual(
        r.value.audit.map((a) => [a.action, a.to, a.by]),
        [['voucher.intake', 'Assigned', 'u-admin']],
      );
    });

    const badNumbers = ['ABC', 'ABCD 1234', 'ABCD_1234', 'x'.repeat(65), '', 'ÁBCD-1234'];
    for (const n of badNumbers) {
      it(`refuses voucher number ${JSON.stringify(n.length > 20 ? `${n.slice(0, 8)}…(${n.length})` : n)} with an example`, () => {
        const params = refusedWith(
          intakeVoucher({ ...input, voucherNumber: n }, ADMIN, c()),
          'voucher.numberInvalid',
        );
        assert.equal(typeof params.example, 'string');
      });
    }
    it('accepts 4 and 64 characters', () => {
      assert.ok(intakeVoucher({ ...input, voucherNumber: 'AB-1' }, ADMIN, c()).ok);
      assert.ok(intakeVoucher({ ...input, voucherNumber: 'A'.repeat(64) }, ADMIN, c()).ok);
    });
    it('refuses a voucher number already active, accepts it again once the other is closed', () => {
      const other = voucherIn('Reserved', { id: 'v-old' });
      const params = refusedWith(
        intakeVoucher(input, ADMIN, c(undefined, { vouchers: [other] })),
        'voucher.alreadyActive',
      );
      assert.equal(params.voucherId, 'v-old');
      assert.ok(intakeVoucher(input, ADMIN, c(undefined, { vouchers: [{ ...other, state: 'Expired' }] })).ok);
    });
    it('voucher numbers are one spelling: trimmed and upper case, compared so', () => {
      const lower = { ...input, voucherNumber: ' abcd-1234 ' };
      const created = intakeVoucher(lower, ADMIN, c());
      assert.equal(created.ok && created.value.voucherNumber, 'ABCD-1234');
      const other = voucherIn('Reserved', { id: 'v-old', voucherNumber: 'abcd-1234' });
      refusedWith(intakeVoucher(lower, ADMIN, c(undefined, { vouchers: [other] })), 'voucher.alreadyActive');
      refusedWith(intakeVoucher(input, ADMIN, c(undefined, { vouchers: [other] })), 'voucher.alreadyActive');
    });
    it('refuses an unknown offering, naming the known ones', () => {
      const params = refusedWith(
        intakeVoucher({ ...input, offeringId: 'XDPS' }, ADMIN, c()),
        'voucher.offeringUnknown',
      );
      assert.ok((params.known as string[]).includes('SSDPS'));
    });
    it('refuses an assignment date in the future', () => {
      refusedWith(intakeVoucher({ ...input, assignedOn: '2020-03-11' }, ADMIN, c()), 'date.inFuture');
    });
    it('refuses an expiry before the assignment', () => {
      refusedWith(
        intakeVoucher({ ...input, expiresOn: '2020-02-01' }, ADMIN, c()),
        'voucher.expiryBeforeAssignment',
      );
    });
    it('refuses a malformed email as input.invalid naming the field', () => {
      const r = intakeVoucher({ ...input, voucherAdminEmail: 'not-an-email' }, ADMIN, c());
      assert.deepEqual(r.ok ? undefined : r.refusal, {
        rule: 'input.invalid',
        params: { field: 'voucherAdminEmail', issue: 'invalid_format' },
      });
    });
    it('retirement-2021: no voucher assigned after 2021-06-30', () => {
      const org = readyOrg();
      const late = { ...c(org, {}), rules: rules('retirement-2021'), now: new Date('2021-07-02T12:00:00Z') };
      const params = refusedWith(
        intakeVoucher({ ...input, assignedOn: '2021-07-01' }, ADMIN, late),
        'voucher.assignmentClosed',
      );
      assert.equal(params.cutoff, '2021-06-30');
      assert.ok(intakeVoucher({ ...input, assignedOn: '2021-06-30' }, ADMIN, late).ok);
    });
    it('only partner admins (or the Global admin) take in vouchers; the refusal names who can', () => {
      for (const who of [MEMBER, CONSULTANT]) {
        const params = refusedWith(intakeVoucher(input, who, c()), 'role.required');
        assert.deepEqual(params.requiredRoles, ['globalAdmin', 'mpnPartnerAdmin']);
        assert.deepEqual(params.holders, ['u-global', 'u-admin']);
        assert.deepEqual(params.holderNames, ['Gloria Admin', 'Adam Partner']);
        assert.equal(params.command, 'voucher.intake');
      }
      assert.ok(intakeVoucher(input, GLOBAL, c()).ok);
    });
  });

  describe('reserve (step 5)', () => {
    const input: ReserveInput = {
      engagementId: 'ddps-windows-office',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp',
      plannedStart: '2020-03-16',
      plannedEnd: '2020-03-20',
      consultants: ['u-cons'],
    };
    const reserve = (
      over: Partial<ReserveInput> = {},
      o: { org?: Organization; now?: Date; voucher?: Voucher; vouchers?: Voucher[]; actor?: Actor } = {},
    ) =>
      reserveVoucher(
        o.voucher ?? voucherIn('Assigned'),
        { ...input, ...over },
        o.actor ?? ADMIN,
        ctx(o.org ?? readyOrg(), o.now ?? NOW, { vouchers: o.vouchers ?? [] }),
      );

    it('passes every guard with a good reservation', () => {
      const r = reserve();
      assert.ok(r.ok, JSON.stringify(rulesOf(r)));
      assert.equal(r.value.reservation?.reservedOn, '2020-03-10');
      assert.equal(r.value.dueOn, '2020-03-20');
    });
    it('voucher not expired', () => {
      const voucher = voucherIn('Assigned', { expiresOn: '2020-03-09' });
      const params = refusedWith(reserve({}, { voucher }), 'voucher.expired');
      assert.deepEqual(params, { expiresOn: '2020-03-09', today: '2020-03-10' });
      assert.ok(reserve({}, { voucher: { ...voucher, expiresOn: '2020-03-10' } }).ok);
    });
    it('enrolled in the voucher offering', () => {
      const params = refusedWith(
        reserve({}, { org: readyOrg({ enrollments: [] }) }),
        'reservation.notEnrolled',
      );
      assert.equal(params.offeringId, 'DDPS');
    });
    it('enrolment not lapsed (renewal date passed, or recorded lapse)', () => {
      const org = readyOrg();
      const old = { ...org, enrollments: org.enrollments.map((e) => ({ ...e, enrolledOn: '2019-03-01' })) };
      refusedWith(reserve({}, { org: old }), 'reservation.enrollmentLapsed');
      const renewed = {
        ...org,
        enrollments: org.enrollments.map((e) => ({
          ...e,
          enrolledOn: '2019-03-01',
          renewedOn: '2020-03-01',
        })),
      };
      assert.ok(reserve({}, { org: renewed }).ok);
      const lapsed = { ...org, enrollments: org.enrollments.map((e) => ({ ...e, lapsedOn: '2020-03-05' })) };
      refusedWith(reserve({}, { org: lapsed }), 'reservation.enrollmentLapsed');
    });
    it('engagement belongs to the voucher offering', () => {
      refusedWith(reserve({ engagementId: 'ssdps-data-estate' }), 'reservation.engagementUnknown');
      refusedWith(reserve({ engagementId: 'nope' }), 'reservation.engagementUnknown');
    });
    it('holds a competency the engagement requires, valid and at level', () => {
      const expired = readyOrg({
        competencies: [{ name: 'Windows and Devices', level: 'Silver', validUntil: '2020-03-09' }],
      });
      const params = refusedWith(reserve({}, { org: expired }), 'reservation.competencyMissing');
      assert.deepEqual(params.anyOf, ['Windows and Devices']);
      // Mobile productivity accepts either of two competencies.
      const emm = readyOrg({
        competencies: [{ name: 'Enterprise Mobility Management', level: 'Gold', validUntil: '2021-01-01' }],
      });
      assert.ok(reserve({ engagementId: 'ddps-mobile-productivity' }, { org: emm }).ok);
    });
    it('a Gold-only engagement refuses Silver', () => {
      const base = readyOrg();
      const org: Organization = {
        ...base,
        competencies: [{ name: 'Enterprise Resource Planning', level: 'Silver', validUntil: '2021-01-01' }],
        enrollments: [{ ...base.enrollments[0]!, offeringId: 'DYDPS' }],
      };
      const voucher = voucherIn('Assigned', { offeringId: 'DYDPS' });
      refusedWith(
        reserve({ engagementId: 'dydps-upgrade-fo' }, { org, voucher }),
        'reservation.competencyMissing',
      );
      const gold = {
        ...org,
        competencies: [
          { name: 'Enterprise Resource Planning', level: 'Gold' as const, validUntil: '2021-01-01' },
        ],
      };
      assert.ok(reserve({ engagementId: 'dydps-upgrade-fo' }, { org: gold, voucher }).ok);
    });
    it('delivery country matches an approved partner location for the offering', () => {
      const params = refusedWith(reserve({ deliveryCountry: 'ES' }), 'reservation.countryNotApproved');
      assert.equal(params.locationCountry, 'BR');
      assert.ok(reserve({ deliveryCountry: 'ES', partnerLocationId: 'mad' }).ok);
      refusedWith(reserve({ partnerLocationId: 'lisbon' }), 'reservation.locationUnknown');
    });
    it('reserved before the engagement start date', () => {
      refusedWith(
        reserve({ plannedStart: '2020-03-10', plannedEnd: '2020-03-14' }),
        'reservation.startNotInFuture',
      );
      assert.ok(reserve({ plannedStart: '2020-03-11', plannedEnd: '2020-03-14' }).ok);
      refusedWith(
        reserve({ plannedStart: '2020-03-16', plannedEnd: '2020-03-15' }),
        'reservation.endBeforeStart',
      );
    });
    it('service level allowed and within the engagement maximum', () => {
      refusedWith(
        reserve({}, { voucher: voucherIn('Assigned', { days: 4 }) }),
        'reservation.serviceLevelNotAllowed',
      );
      assert.deepEqual(rulesOf(reserve({}, { voucher: voucherIn('Assigned', { days: 20 }) })), [
        'reservation.serviceLevelNotAllowed',
        'reservation.exceedsEngagementMaximum',
        'reservation.exceedsCustomerLimit',
      ]);
      assert.ok(reserve({}, { voucher: voucherIn('Assigned', { days: 15 }) }).ok);
    });
    it('the 15-day rule: per engagement type per customer, unless division, legal entity or product differ', () => {
      const delivered = (days: number, over: Partial<Voucher> = {}): Voucher => {
        const v = voucherIn('Paid', { id: `v-${days}`, voucherNumber: `OLD-${days}`, days: 15, ...over });
        return { ...v, completionReport: { ...v.completionReport!, daysDelivered: days } };
      };
      const params = refusedWith(
        reserve({}, { vouchers: [delivered(11)] }),
        'reservation.exceedsCustomerLimit',
      );
      assert.deepEqual(params, {
        customer: 'Contoso',
        engagementId: 'ddps-windows-office',
        alreadyDays: 11,
        requestedDays: 5,
        limit: 15,
      });
      assert.ok(reserve({}, { vouchers: [delivered(10)] }).ok, 'exactly 15 days is allowed');
      refusedWith(
        reserve({}, { vouchers: [delivered(5), delivered(6)] }),
        'reservation.exceedsCustomerLimit',
      );
      // a reservation not yet delivered counts with the voucher days
      refusedWith(
        reserve({}, { vouchers: [voucherIn('Reserved', { id: 'v-r', voucherNumber: 'OLD-R', days: 15 })] }),
        'reservation.exceedsCustomerLimit',
      );
      // another engagement type, another division / legal entity / product, an expired voucher: not counted
      const other = delivered(11);
      assert.ok(
        reserve(
          {},
          {
            vouchers: [
              { ...other, reservation: { ...other.reservation!, engagementId: 'ddps-security-poc' } },
            ],
          },
        ).ok,
      );
      assert.ok(
        reserve({}, { vouchers: [delivered(11, { customer: { name: 'Contoso', division: 'Retail' } })] }).ok,
      );
      assert.ok(
        reserve(
          {},
          { vouchers: [delivered(11, { customer: { name: 'Contoso', legalEntity: 'Contoso GmbH' } })] },
        ).ok,
      );
      assert.ok(
        reserve({}, { vouchers: [delivered(11, { customer: { name: 'Contoso', product: 'Office' } })] }).ok,
      );
      assert.ok(reserve({}, { vouchers: [delivered(11, { state: 'Expired' })] }).ok);
      // the same customer written differently is the same customer
      refusedWith(
        reserve({}, { vouchers: [delivered(11, { customer: { name: '  contoso ' } })] }),
        'reservation.exceedsCustomerLimit',
      );
    });
    it('the same voucher ID is not already active in the organisation', () => {
      const dup = voucherIn('Reserved', { id: 'v-dup' });
      refusedWith(
        reserve(
          {},
          { vouchers: [{ ...dup, reservation: { ...dup.reservation!, engagementId: 'ddps-security-poc' } }] },
        ),
        'voucher.alreadyActive',
      );
    });
    it('consultants: at least one, each holding the consultant role', () => {
      refusedWith(reserve({ consultants: [] }), 'reservation.consultantRequired');
      const params = refusedWith(reserve({ consultants: ['u-member'] }), 'reservation.consultantUnknown');
      assert.equal(params.name, 'Mel Member');
    });
    it('off-site days at most the rules maximum', () => {
      refusedWith(reserve({ offsiteDays: 4 }), 'reservation.offsiteDaysExceeded');
      assert.ok(reserve({ offsiteDays: 3 }).ok);
    });
    it('reports every failing guard at once', () => {
      const r = reserve(
        { deliveryCountry: 'US', plannedStart: '2020-03-01', consultants: [] },
        { org: readyOrg({ competencies: [] }) },
      );
      assert.deepEqual(rulesOf(r), [
        'reservation.competencyMissing',
        'reservation.countryNotApproved',
        'reservation.startNotInFuture',
        'reservation.consultantRequired',
      ]);
    });
    it('role: consultants and members cannot reserve', () => {
      refusedWith(reserve({}, { actor: CONSULTANT }), 'role.required');
      refusedWith(reserve({}, { actor: MEMBER }), 'role.required');
    });
    it('cancel needs a reason', () => {
      refusedWith(
        cancelReservation(voucherIn('Reserved'), { reason: '  ' }, ADMIN, ctx()),
        'reservation.reasonRequired',
      );
    });
  });

  describe('deliver and report (step 6)', () => {
    const report: CompletionReportInput = {
      actualStart: '2020-03-16',
      actualEnd: '2020-03-20',
      daysDelivered: 5,
      deliverables: [{ type: 'Plan', reference: 'plan.docx' }],
      consultants: [{ userId: 'u-cons', assessmentId: 'assessment-1' }],
      customerContact: { name: 'Pat' },
    };
    const at = (d: string) => ctx(readyOrg(), new Date(`${d}T12:00:00Z`));
    const submit = (
      over: Partial<CompletionReportInput> = {},
      day = '2020-03-21',
      actor: Actor = CONSULTANT,
      v = voucherIn('Delivered'),
    ) => submitCompletionReport(v, { ...report, ...over }, actor, at(day));

    it('mark delivered not before the planned start; assigned consultant or partner admin', () => {
      refusedWith(
        markDelivered(voucherIn('Reserved'), {}, CONSULTANT, at('2020-03-15')),
        'delivery.notStarted',
      );
      assert.ok(markDelivered(voucherIn('Reserved'), {}, CONSULTANT, at('2020-03-16')).ok);
      assert.ok(markDelivered(voucherIn('Reserved'), {}, ADMIN, at('2020-03-16')).ok);
      const params = refusedWith(
        markDelivered(voucherIn('Reserved'), {}, OTHER_CONSULTANT, at('2020-03-16')),
        'role.required',
      );
      assert.deepEqual(params.assignedUsers, ['u-cons']);
    });
    it('passes with a good report', () => {
      const r = submit();
      assert.ok(r.ok, JSON.stringify(rulesOf(r)));
      assert.equal(r.value.completionReport?.submittedOn, '2020-03-21');
    });
    it('engagement end date reached', () => {
      refusedWith(submit({}, '2020-03-19'), 'report.engagementNotEnded');
      assert.ok(submit({}, '2020-03-20').ok);
      refusedWith(submit({ actualStart: '2020-03-21' }, '2020-03-22'), 'report.endBeforeStart');
    });
    it('at least one deliverable', () => {
      refusedWith(submit({ deliverables: [] }), 'report.deliverableRequired');
    });
    it('at least one consultant, each with a qualifying assessment for the engagement competency', () => {
      refusedWith(submit({ consultants: [] }), 'report.consultantRequired');
      // u-cons2's assessment is Data Platform: does not qualify for Windows and Devices
      const params = refusedWith(
        submit({ consultants: [{ userId: 'u-cons2', assessmentId: 'assessment-1' }] }),
        'report.consultantNotQualified',
      );
      assert.deepEqual(params.competencies, ['Windows and Devices']);
      refusedWith(
        submit({ consultants: [{ userId: 'u-cons', assessmentId: 'assessment-9' }] }),
        'report.consultantNotQualified',
      );
      const org = readyOrg();
      const lapsedAssessment: Organization = {
        ...org,
        people: org.people.map((p) =>
          p.userId === 'u-cons'
            ? { ...p, assessments: [{ ...p.assessments[0]!, validUntil: '2020-03-01' }] }
            : p,
        ),
      };
      refusedWith(
        submitCompletionReport(
          voucherIn('Delivered'),
          report,
          CONSULTANT,
          ctx(lapsedAssessment, new Date('2020-03-21T12:00:00Z')),
        ),
        'report.consultantNotQualified',
      );
    });
    it('days delivered within the voucher days', () => {
      refusedWith(submit({ daysDelivered: 6 }), 'report.daysExceedVoucher');
    });
    it('role: the consultants of the engagement (or the Global admin), not a partner admin or another consultant', () => {
      refusedWith(submit({}, '2020-03-21', ADMIN), 'role.required');
      refusedWith(submit({}, '2020-03-21', OTHER_CONSULTANT), 'role.required');
      assert.ok(submit({}, '2020-03-21', GLOBAL).ok);
    });
  });

  describe('redeem (step 7)', () => {
    const at = (d: string, r = rules()) => ({ ...ctx(readyOrg(), new Date(`${d}T12:00:00Z`)), rules: r });
    it('refused before the report, with its own rule', () => {
      for (const s of ['Assigned', 'Reserved', 'Delivered'] as const) {
        refusedWith(
          redeemVoucher(voucherIn(s), {}, ADMIN, at('2020-03-25')),
          'redemption.reportNotSubmitted',
        );
      }
    });
    it('voucher not expired (at the redemption date)', () => {
      const v = voucherIn('ReportSubmitted', { expiresOn: '2020-03-24' });
      refusedWith(redeemVoucher(v, {}, ADMIN, at('2020-03-25')), 'voucher.expired');
      assert.ok(redeemVoucher(v, { redeemedOn: '2020-03-24' }, ADMIN, at('2020-03-25')).ok);
    });
    it('redemption date not before the completion report was submitted', () => {
      const v = voucherIn('ReportSubmitted'); // report submitted 2020-03-21
      const params = refusedWith(
        redeemVoucher(v, { redeemedOn: '2020-03-20' }, ADMIN, at('2020-03-25')),
        'date.beforeReport',
      );
      assert.deepEqual(params, { field: 'redeemedOn', value: '2020-03-20', reportOn: '2020-03-21' });
      assert.ok(redeemVoucher(v, { redeemedOn: '2020-03-21' }, ADMIN, at('2020-03-25')).ok);
    });
    it('retirement-2021: no redemption on or after 2022-01-01', () => {
      const v = voucherIn('ReportSubmitted', { expiresOn: '2022-06-01' });
      const r = rules('retirement-2021');
      refusedWith(redeemVoucher(v, {}, ADMIN, at('2022-01-01', r)), 'redemption.closed');
      assert.ok(redeemVoucher(v, {}, ADMIN, at('2021-12-31', r)).ok);
      assert.ok(redeemVoucher(v, {}, ADMIN, at('2022-01-01')).ok, 'program-2020 has no cut-off');
    });
  });

  describe('payment request (step 8)', () => {
    const input = { savbReference: 'SAVB-7', amount: 5000, currency: 'USD' };
    const at = (d: string, org = readyOrg()) => ctx(org, new Date(`${d}T12:00:00Z`));
    it('refused before redemption, with its own rule', () => {
      for (const s of ['Assigned', 'Reserved', 'Delivered', 'ReportSubmitted'] as const) {
        refusedWith(requestPayment(voucherIn(s), input, ADMIN, at('2020-03-26')), 'payment.notRedeemed');
      }
    });
    it('SAVB registration exists for the offering; else names the Global admins', () => {
      const params = refusedWith(
        requestPayment(
          voucherIn('Redeemed'),
          input,
          ADMIN,
          at('2020-03-26', readyOrg({ savbRegistrations: [] })),
        ),
        'payment.savbRegistrationMissing',
      );
      assert.deepEqual(params.globalAdmins, ['u-global']);
    });
    it('within the payment window: redemption + 60 days', () => {
      // redeemed 2020-03-25 → last day 2020-05-24
      assert.ok(requestPayment(voucherIn('Redeemed'), input, ADMIN, at('2020-05-24')).ok);
      const params = refusedWith(
        requestPayment(voucherIn('Redeemed'), input, ADMIN, at('2020-05-25')),
        'payment.windowClosed',
      );
      assert.equal(params.deadline, '2020-05-24');
    });
    it('payment request date not before the redemption', () => {
      // redeemed 2020-03-25
      const params = refusedWith(
        requestPayment(
          voucherIn('Redeemed'),
          { ...input, requestedOn: '2020-03-24' },
          ADMIN,
          at('2020-03-26'),
        ),
        'date.beforeRedemption',
      );
      assert.deepEqual(params, { field: 'requestedOn', value: '2020-03-24', redeemedOn: '2020-03-25' });
      assert.ok(
        requestPayment(
          voucherIn('Redeemed'),
          { ...input, requestedOn: '2020-03-25' },
          ADMIN,
          at('2020-03-26'),
        ).ok,
      );
    });
    it('approval, payment and denial dates not before the payment request', () => {
      // requested 2020-03-26
      const v = voucherIn('PaymentRequested');
      const day = at('2020-04-10');
      const expect = (field: string) => ({ field, value: '2020-03-25', requestedOn: '2020-03-26' });
      assert.deepEqual(
        refusedWith(recordPaymentApproval(v, { approvedOn: '2020-03-25' }, ADMIN, day), 'date.beforeRequest'),
        expect('approvedOn'),
      );
      assert.deepEqual(
        refusedWith(recordPaymentReceived(v, { paidOn: '2020-03-25' }, ADMIN, day), 'date.beforeRequest'),
        expect('paidOn'),
      );
      assert.deepEqual(
        refusedWith(
          recordPaymentDenial(v, { reason: 'x', deniedOn: '2020-03-25' }, ADMIN, day),
          'date.beforeRequest',
        ),
        expect('deniedOn'),
      );
      assert.ok(recordPaymentApproval(v, { approvedOn: '2020-03-26' }, ADMIN, day).ok);
      assert.ok(recordPaymentReceived(v, { paidOn: '2020-03-26' }, ADMIN, day).ok);
      assert.ok(recordPaymentDenial(v, { reason: 'x', deniedOn: '2020-03-26' }, ADMIN, day).ok);
    });
    it('amount and currency are validated', () => {
      const r = requestPayment(
        voucherIn('Redeemed'),
        { ...input, amount: -1, currency: 'usd' },
        ADMIN,
        at('2020-03-26'),
      );
      assert.deepEqual(rulesOf(r), ['input.invalid', 'input.invalid']);
    });
    it('denial needs a reason, and cannot follow an approval', () => {
      refusedWith(
        recordPaymentDenial(voucherIn('PaymentRequested'), { reason: '' }, ADMIN, at('2020-04-01')),
        'payment.reasonRequired',
      );
      const approved = voucherIn('PaymentRequested');
      approved.paymentRequest = { ...approved.paymentRequest!, approvedOn: '2020-03-30' };
      refusedWith(
        recordPaymentDenial(approved, { reason: 'x' }, ADMIN, at('2020-04-01')),
        'payment.alreadyApproved',
      );
    });
  });

  describe('expiry', () => {
    it('only after the last valid day; by the app or an admin, not a member', () => {
      const v = voucherIn('Assigned'); // assigned 2020-03-01 → valid through 2020-08-28
      refusedWith(
        expireVoucher(v, {}, SYSTEM, ctx(readyOrg(), new Date('2020-08-28T12:00:00Z'))),
        'expiry.notReached',
      );
      assert.ok(expireVoucher(v, {}, SYSTEM, ctx(readyOrg(), new Date('2020-08-29T12:00:00Z'))).ok);
      refusedWith(
        expireVoucher(v, {}, MEMBER, ctx(readyOrg(), new Date('2020-08-29T12:00:00Z'))),
        'role.required',
      );
    });
    it('the system actor cannot do anything else', () => {
      refusedWith(redeemVoucher(voucherIn('ReportSubmitted'), {}, SYSTEM, ctx()), 'role.required');
    });
  });
});
