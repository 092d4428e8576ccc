// Every verb, every way it can go wrong: success, each refusal, wrong role, stale ETag, forged or foreign ids,
// missing / oversized / wrongly typed fields. Each failure must say why in the card and leave the stored
// documents exactly as they were (same content, same ETag).
import { strict as assert } from 'node:assert';
import { REFUSAL_KEYS } from '../../bot/i18n/dynamic-keys';
import { t } from '../../bot/i18n';
import type { RuleId, Voucher } from '../../bot/program';
import { say } from '../../bot/teams/say';
import { cardText, fieldError, noticeOf, startHarness, type Card, type Harness } from './harness';
import { ADMIN, CONSULTANT, MEMBER, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';

/** The fixed part of a refusal's English message (up to its first placeholder). */
function ruleText(rule: RuleId): RegExp {
  const text = t('en', REFUSAL_KEYS[rule]);
  const fixed =
    text
      .split(/\{[^}]+\}/)
      .map((s) => s.trim())
      .sort((a, b) => b.length - a.length)[0] ?? text;
  return new RegExp(fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const STALE = /This changed since you opened it/;
const SAVED = /Saved\./;
const NOT_FOUND = /I could not find that/;
const REQUIRED = new RegExp(t('en', 'common.requiredError').replace('.', '\\.'));

interface Ctx {
  h: Harness;
  tenantId: string;
  voucherId?: string;
  /** Card data of a valid submission (ids, step, ETag + inputs). */
  data: Record<string, unknown>;
}

interface VerbCase {
  verb: string;
  /** Who may do it. */
  actor: string;
  /** Voucher state to seed (none for organisation verbs and intake). */
  state?: Voucher['state'];
  voucherExtra?: Partial<Voucher>;
  clock?: string;
  /** Valid inputs (without ids/etag/step). */
  inputs: Record<string, unknown>;
  step?: string;
  /** Organisation verbs carry the organisation's ETag; voucher verbs the voucher's. */
  kind: 'voucher' | 'org' | 'intake';
  /** Extra card ids (e.g. offeringId). */
  ids?: Record<string, string>;
  prepare?: (c: Ctx) => Promise<void>;
  /** Checks the stored change after success. */
  changed: (c: Ctx) => Promise<void>;
  /** A required input to drop, a text input to overflow, an input to give the wrong type. */
  required?: string;
  oversized?: string;
  wrongType?: [string, unknown];
  wrongRole?: string;
  refusals: {
    name: string;
    rule: RuleId;
    inputs?: Record<string, unknown>;
    clock?: string;
    state?: Voucher['state'];
    voucherExtra?: Partial<Voucher>;
    prepare?: (c: Ctx) => Promise<void>;
  }[];
}

const RESERVE_INPUTS = {
  engagementId: 'sdps-sharepoint',
  deliveryCountry: 'BR',
  partnerLocationId: 'sp-br',
  plannedStart: '2026-04-06',
  plannedEnd: '2026-04-10',
  consultants: CONSULTANT,
  offsiteDays: '0',
};

const REPORT_INPUTS = {
  actualStart: '2026-04-06',
  actualEnd: '2026-04-10',
  daysDelivered: '5',
  deliverableType1: 'architecture',
  deliverableReference1: 'doc-1',
  [`assessment-${CONSULTANT}`]: 'assessment-1',
  contactName: 'Maria',
};

async function stateOf(c: Ctx): Promise<Voucher['state'] | undefined> {
  return (await c.h.voucher(c.voucherId ?? '', c.tenantId))?.doc.state;
}

const CASES: VerbCase[] = [
  {
    verb: 'voucher.reserve',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'Assigned',
    clock: '2026-03-10',
    inputs: RESERVE_INPUTS,
    changed: async (c) => assert.equal(await stateOf(c), 'Reserved'),
    required: 'plannedStart',
    oversized: 'engagementId',
    wrongType: ['offsiteDays', 'three'],
    refusals: [
      {
        name: 'start in the past',
        rule: 'reservation.startNotInFuture',
        inputs: { plannedStart: '2026-03-01', plannedEnd: '2026-03-05' },
      },
      { name: 'end before start', rule: 'reservation.endBeforeStart', inputs: { plannedEnd: '2026-04-01' } },
      {
        name: 'country not approved',
        rule: 'reservation.countryNotApproved',
        inputs: { deliveryCountry: 'PT' },
      },
      {
        name: 'location unknown',
        rule: 'reservation.locationUnknown',
        inputs: { partnerLocationId: 'lisbon' },
      },
      {
        name: 'competency missing',
        rule: 'reservation.competencyMissing',
        inputs: { engagementId: 'sdps-project-portfolio' },
      },
      {
        name: 'engagement of another offering',
        rule: 'reservation.engagementUnknown',
        inputs: { engagementId: 'ddps-windows-office' },
      },
      { name: 'no consultant', rule: 'reservation.consultantRequired', inputs: { consultants: '' } },
      { name: 'not a consultant', rule: 'reservation.consultantUnknown', inputs: { consultants: MEMBER } },
      {
        name: 'too many off-site days',
        rule: 'reservation.offsiteDaysExceeded',
        inputs: { offsiteDays: '4' },
      },
      { name: 'voucher expired', rule: 'voucher.expired', voucherExtra: { expiresOn: '2026-03-05' } },
      {
        name: 'not enrolled in the offering',
        rule: 'reservation.notEnrolled',
        voucherExtra: { offeringId: 'DDPS' },
      },
      {
        name: 'service level not allowed',
        rule: 'reservation.serviceLevelNotAllowed',
        voucherExtra: { days: 4 },
      },
      {
        name: 'the 15-day rule',
        rule: 'reservation.exceedsCustomerLimit',
        prepare: async (c) => {
          await seedVoucher(c.h, c.tenantId, 'v-EARLIER-1', 'Reserved', {
            days: 15,
            customer: { name: `Customer of ${c.voucherId}` },
          });
        },
      },
      { name: 'already reserved', rule: 'transition.notAllowed', state: 'Reserved' },
    ],
  },
  {
    verb: 'voucher.cancelReservation',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'Reserved',
    clock: '2026-03-10',
    inputs: { reason: 'The customer postponed the project.' },
    changed: async (c) => assert.equal(await stateOf(c), 'Assigned'),
    oversized: 'reason',
    wrongType: ['reason', { text: 'x' }],
    refusals: [
      { name: 'no reason', rule: 'reservation.reasonRequired', inputs: { reason: '' } },
      { name: 'not reserved', rule: 'transition.notAllowed', state: 'Assigned' },
    ],
  },
  {
    verb: 'voucher.markDelivered',
    kind: 'voucher',
    actor: CONSULTANT,
    state: 'Reserved',
    clock: '2026-04-13',
    inputs: {},
    changed: async (c) => assert.equal(await stateOf(c), 'Delivered'),
    refusals: [
      { name: 'engagement not started', rule: 'delivery.notStarted', clock: '2026-03-10' },
      { name: 'not reserved', rule: 'transition.notAllowed', state: 'Assigned' },
    ],
  },
  {
    verb: 'report.submit',
    kind: 'voucher',
    actor: CONSULTANT,
    wrongRole: PARTNER_ADMIN,
    state: 'Delivered',
    clock: '2026-04-13',
    inputs: REPORT_INPUTS,
    changed: async (c) => assert.equal(await stateOf(c), 'ReportSubmitted'),
    required: 'contactName',
    oversized: 'summary',
    wrongType: ['daysDelivered', 'five'],
    refusals: [
      {
        name: 'no deliverable',
        rule: 'report.deliverableRequired',
        inputs: { deliverableType1: '', deliverableReference1: '' },
      },
      {
        name: 'no consultant delivered',
        rule: 'report.consultantRequired',
        inputs: { [`assessment-${CONSULTANT}`]: '' },
      },
      {
        name: 'more days than the voucher',
        rule: 'report.daysExceedVoucher',
        inputs: { daysDelivered: '6' },
      },
      { name: 'engagement not ended', rule: 'report.engagementNotEnded', clock: '2026-04-08' },
      { name: 'actual end before start', rule: 'report.endBeforeStart', inputs: { actualEnd: '2026-04-01' } },
      {
        name: 'assessment not recorded',
        rule: 'report.consultantNotQualified',
        inputs: { [`assessment-${CONSULTANT}`]: 'assessment-9' },
      },
    ],
  },
  {
    verb: 'voucher.redeem',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'ReportSubmitted',
    clock: '2026-04-13',
    inputs: { redeemedOn: '2026-04-13' },
    changed: async (c) => assert.equal(await stateOf(c), 'Redeemed'),
    wrongType: ['redeemedOn', '13/04/2026'],
    refusals: [
      { name: 'before the report', rule: 'redemption.reportNotSubmitted', state: 'Delivered' },
      { name: 'a date in the future', rule: 'date.inFuture', inputs: { redeemedOn: '2026-05-01' } },
    ],
  },
  {
    verb: 'voucher.setExpiry',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'Expired',
    voucherExtra: {
      audit: [
        {
          at: '2026-03-09T03:00:00.000Z',
          by: 'system:reminders',
          action: 'voucher.expire',
          from: 'Assigned',
          to: 'Expired',
        },
      ],
    },
    clock: '2026-03-10',
    inputs: { expiresOn: '2026-09-01' },
    changed: async (c) => {
      const v = (await c.h.voucher(c.voucherId ?? '', c.tenantId))?.doc;
      assert.deepEqual(
        { state: v?.state, expiresOn: v?.expiresOn },
        { state: 'Assigned', expiresOn: '2026-09-01' },
      );
      assert.deepEqual(
        { action: v?.audit.at(-1)?.action, by: v?.audit.at(-1)?.by },
        { action: 'voucher.setExpiry', by: PARTNER_ADMIN },
      );
    },
    required: 'expiresOn',
    wrongType: ['expiresOn', '01/09/2026'],
    refusals: [
      {
        name: 'the corrected expiry is past too',
        rule: 'voucher.expired',
        inputs: { expiresOn: '2026-03-09' },
      },
      {
        name: 'another voucher with this number is active',
        rule: 'voucher.alreadyActive',
        prepare: async (c) => {
          await seedVoucher(c.h, c.tenantId, 'other-doc-id', 'Assigned', {
            voucherNumber: (c.voucherId ?? '').replace(/^v-/, ''),
          });
        },
      },
      { name: 'after the redemption', rule: 'transition.notAllowed', state: 'Redeemed' },
    ],
  },
  {
    verb: 'payment.request',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'Redeemed',
    clock: '2026-04-13',
    inputs: { savbReference: 'SAVB-1', amount: '1000', currency: 'USD', requestedOn: '2026-04-13' },
    prepare: registerSavb,
    changed: async (c) => assert.equal(await stateOf(c), 'PaymentRequested'),
    required: 'savbReference',
    oversized: 'savbReference',
    wrongType: ['amount', '-5'],
    refusals: [
      {
        name: 'SAVB registration missing',
        rule: 'payment.savbRegistrationMissing',
        prepare: async () => undefined,
      },
      {
        name: 'window closed',
        rule: 'payment.windowClosed',
        clock: '2026-07-01',
        inputs: { requestedOn: '2026-07-01' },
      },
      { name: 'not redeemed', rule: 'payment.notRedeemed', state: 'ReportSubmitted' },
    ],
  },
  {
    verb: 'payment.recordOutcome',
    kind: 'voucher',
    actor: PARTNER_ADMIN,
    state: 'PaymentRequested',
    clock: '2026-04-20',
    inputs: { outcome: 'approved', outcomeOn: '2026-04-20' },
    changed: async (c) =>
      assert.equal(
        (await c.h.voucher(c.voucherId ?? '', c.tenantId))?.doc.paymentRequest?.approvedOn,
        '2026-04-20',
      ),
    required: 'outcome',
    oversized: 'denialReason',
    wrongType: ['outcome', 'maybe'],
    refusals: [
      {
        name: 'denied without a reason',
        rule: 'payment.reasonRequired',
        inputs: { outcome: 'denied', denialReason: '' },
      },
      {
        name: 'approved twice',
        rule: 'payment.alreadyApproved',
        voucherExtra: {
          paymentRequest: {
            savbReference: 'SAVB-1',
            amount: 1000,
            currency: 'USD',
            requestedOn: '2026-04-13',
            requestedBy: ADMIN,
            approvedOn: '2026-04-15',
          },
        },
      },
      { name: 'nothing requested', rule: 'transition.notAllowed', state: 'Redeemed' },
    ],
  },
  {
    verb: 'intake.confirm',
    kind: 'intake',
    actor: PARTNER_ADMIN,
    clock: '2026-03-10',
    step: 'submit',
    inputs: {
      voucherNumber: 'NEW-0001',
      customerName: 'Fabrikam',
      offeringId: 'SDPS',
      days: '5',
      voucherAdminEmail: 'pm@fabrikam.example',
      assignedOn: '2026-03-09',
    },
    changed: async (c) => assert.equal((await c.h.voucher('v-NEW-0001', c.tenantId))?.doc.state, 'Assigned'),
    required: 'customerName',
    oversized: 'customerName',
    wrongType: ['days', 'five'],
    refusals: [
      { name: 'malformed voucher ID', rule: 'voucher.numberInvalid', inputs: { voucherNumber: 'A B' } },
      { name: 'unknown offering', rule: 'voucher.offeringUnknown', inputs: { offeringId: 'NOPE' } },
      {
        name: 'expiry before assignment',
        rule: 'voucher.expiryBeforeAssignment',
        inputs: { expiresOn: '2026-03-01' },
      },
      {
        name: 'same voucher already active',
        rule: 'voucher.alreadyActive',
        prepare: async (c) => {
          await seedVoucher(c.h, c.tenantId, 'other-doc-id', 'Assigned', { voucherNumber: 'NEW-0001' });
        },
      },
    ],
  },
  {
    verb: 'eligibility.record',
    kind: 'org',
    actor: PARTNER_ADMIN,
    step: 'competency',
    clock: '2026-03-10',
    inputs: { competencyName: 'Messaging', competencyLevel: 'Silver', competencyValidUntil: '2027-01-01' },
    changed: async (c) =>
      assert.ok((await c.h.org(c.tenantId)).doc.competencies.some((x) => x.name === 'Messaging')),
    required: 'competencyValidUntil',
    oversized: 'competencyName',
    wrongType: ['competencyLevel', 'Platinum'],
    refusals: [
      { name: 'unknown competency', rule: 'competency.unknown', inputs: { competencyName: 'Cooking' } },
    ],
  },
  {
    verb: 'enrollment.record',
    kind: 'org',
    actor: PARTNER_ADMIN,
    step: 'submit',
    clock: '2026-03-10',
    inputs: {
      offeringId: 'S-EDPS',
      agreementSignedOn: '2026-03-01',
      enrolledOn: '2026-03-02',
      locationName: 'Madrid',
      countries: 'ES',
    },
    changed: async (c) =>
      assert.ok((await c.h.org(c.tenantId)).doc.enrollments.some((e) => e.offeringId === 'S-EDPS')),
    required: 'countries',
    oversized: 'locationName',
    wrongType: ['countries', 'Spain'],
    refusals: [
      {
        name: 'agreement after enrolment',
        rule: 'enrollment.agreementAfterEnrollment',
        inputs: { agreementSignedOn: '2026-03-05' },
      },
      { name: 'already enrolled', rule: 'enrollment.alreadyEnrolled', inputs: { offeringId: 'SDPS' } },
      { name: 'enrolment date in the future', rule: 'date.inFuture', inputs: { enrolledOn: '2026-04-01' } },
    ],
  },
  {
    verb: 'enrollment.renew',
    kind: 'org',
    actor: PARTNER_ADMIN,
    // Renewal of the enrolment of 2026-01-08 opens on 2026-10-10 (enrollment-renewal.test.ts).
    clock: '2026-12-01',
    ids: { offeringId: 'SDPS' },
    inputs: {},
    changed: async (c) =>
      assert.equal((await c.h.org(c.tenantId)).doc.enrollments[0]?.renewedOn, '2026-12-01'),
    refusals: [
      { name: 'not enrolled in that offering', rule: 'enrollment.notFound', inputs: { offeringId: 'DDPS' } },
    ],
  },
  {
    verb: 'savb.register',
    kind: 'org',
    actor: ADMIN,
    clock: '2026-04-13',
    ids: { offeringId: 'SDPS' },
    inputs: {},
    prepare: async (c) => {
      await seedVoucher(c.h, c.tenantId, 'v-REDEEMED-1', 'Redeemed');
    },
    changed: async (c) =>
      assert.equal((await c.h.org(c.tenantId)).doc.savbRegistrations[0]?.offeringId, 'SDPS'),
    wrongRole: PARTNER_ADMIN,
    refusals: [
      { name: 'before the first redemption', rule: 'savb.noRedemptionYet', prepare: async () => undefined },
    ],
  },
  {
    verb: 'profile.update',
    kind: 'org',
    actor: PARTNER_ADMIN,
    step: 'submit',
    clock: '2026-03-10',
    inputs: { updatedOn: '2026-03-09' },
    changed: async (c) =>
      assert.equal((await c.h.org(c.tenantId)).doc.businessProfile?.lastUpdatedOn, '2026-03-09'),
    wrongType: ['updatedOn', 12],
    refusals: [{ name: 'a date in the future', rule: 'date.inFuture', inputs: { updatedOn: '2026-03-20' } }],
  },
  {
    verb: 'people.assignRole',
    kind: 'org',
    actor: ADMIN,
    wrongRole: PARTNER_ADMIN,
    step: 'submit',
    inputs: { userId: MEMBER, role: 'consultant' },
    changed: async (c) =>
      assert.deepEqual((await c.h.org(c.tenantId)).doc.people.find((p) => p.userId === MEMBER)?.roles, [
        'consultant',
      ]),
    required: 'role',
    oversized: 'userId',
    wrongType: ['role', 'king'],
    refusals: [],
  },
  {
    verb: 'people.removeRole',
    kind: 'org',
    actor: ADMIN,
    wrongRole: PARTNER_ADMIN,
    step: 'submit',
    inputs: { userId: CONSULTANT, role: 'consultant' },
    changed: async (c) =>
      assert.deepEqual(
        (await c.h.org(c.tenantId)).doc.people.find((p) => p.userId === CONSULTANT)?.roles,
        [],
      ),
    required: 'userId',
    refusals: [
      {
        name: 'the last Global admin',
        rule: 'role.lastGlobalAdmin',
        inputs: { userId: ADMIN, role: 'globalAdmin' },
      },
      { name: 'someone unknown', rule: 'person.unknown', inputs: { userId: 'nobody-here' } },
    ],
  },
  {
    verb: 'settings.save',
    kind: 'org',
    actor: MEMBER,
    wrongRole: 'none',
    step: 'submit',
    inputs: { locale: 'es-ES', timeZone: 'Europe/Madrid' },
    changed: async (c) =>
      assert.deepEqual((await c.h.org(c.tenantId)).doc.people.find((p) => p.userId === MEMBER)?.settings, {
        locale: 'es-ES',
        timeZone: 'Europe/Madrid',
      }),
    oversized: 'timeZone',
    wrongType: ['locale', 'fr-FR'],
    refusals: [
      { name: 'unknown time zone', rule: 'settings.timeZoneInvalid', inputs: { timeZone: 'Mars/Olympus' } },
    ],
  },
];

async function registerSavb(c: Ctx): Promise<void> {
  const org = await c.h.org(c.tenantId);
  await c.h.repos.organizations.save(
    c.tenantId,
    {
      ...org.doc,
      savbRegistrations: [{ offeringId: 'SDPS', registeredOn: '2026-04-12', registeredBy: ADMIN }],
    },
    org.etag,
  );
}

let tenantSeq = 0;

describe('verbs: success, refusals, roles, stale and foreign data, bad inputs — a clear card and nothing changed', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  /** A fresh tenant for one test, seeded as the case says, and the submit data of the case. */
  async function arrange(
    vc: VerbCase,
    over: {
      state?: Voucher['state'];
      voucherExtra?: Partial<Voucher>;
      prepare?: (c: Ctx) => Promise<void>;
    } = {},
  ): Promise<Ctx> {
    const tenantId = `t-${++tenantSeq}`;
    h.clock.now = new Date(`${vc.clock ?? '2026-03-10'}T12:00:00Z`);
    await seedReadyOrganization(h, tenantId);
    const c: Ctx = { h, tenantId, data: {} };
    const state = over.state ?? vc.state;
    if (vc.kind === 'voucher' && state) {
      c.voucherId = `v-T${tenantSeq}-0001`;
      await seedVoucher(h, tenantId, c.voucherId, state, { ...vc.voucherExtra, ...over.voucherExtra });
    }
    await (over.prepare ?? vc.prepare)?.(c);
    c.data = await submitData(c, vc);
    return c;
  }

  async function submitData(c: Ctx, vc: VerbCase): Promise<Record<string, unknown>> {
    const base: Record<string, unknown> = {
      ...(vc.ids ?? {}),
      ...(vc.step ? { step: vc.step } : { step: 'submit' }),
      ...vc.inputs,
    };
    if (vc.kind === 'voucher') base.voucherId = c.voucherId;
    if (vc.kind === 'voucher') base.etag = (await h.voucher(c.voucherId ?? '', c.tenantId))?.etag;
    if (vc.kind === 'org') base.etag = (await h.org(c.tenantId)).etag;
    return base;
  }

  /** Everything stored for the tenant, ETags included. */
  async function snapshot(c: Ctx): Promise<string> {
    const org = await h.org(c.tenantId);
    const vouchers = await h.repos.vouchers.list(c.tenantId);
    return JSON.stringify({ org, vouchers: vouchers.map((v) => [v.doc.id, v.etag, v.doc]) });
  }

  async function refused(c: Ctx, card: Card, before: string, expect: RegExp): Promise<void> {
    assert.match(cardText(card), expect, cardText(card).slice(0, 600));
    assert.doesNotMatch(noticeOf(card) ?? '', SAVED);
    assert.equal(await snapshot(c), before, 'the stored documents are unchanged');
  }

  const NAMES: Record<string, string> = {
    [ADMIN]: 'Ana Souza',
    [PARTNER_ADMIN]: 'Pedro Alves',
    [CONSULTANT]: 'Carla Dias',
    [MEMBER]: 'Marcos Lima',
  };
  // The name Teams sends matches the stored one, so the turn itself writes nothing.
  const who = (c: Ctx, userId: string) => ({
    tenantId: c.tenantId,
    userId,
    userName: NAMES[userId] ?? userId,
    locale: 'en',
  });

  for (const vc of CASES) {
    describe(vc.verb, () => {
      it('succeeds for the right person and returns the updated card', async () => {
        const c = await arrange(vc);
        const card = await h.act(who(c, vc.actor), vc.verb, c.data);
        // settings.save switches this person to Spanish: the confirmation already speaks it.
        assert.match(
          noticeOf(card) ?? '',
          vc.verb === 'settings.save' ? /Guardado\./ : SAVED,
          cardText(card).slice(0, 600),
        );
        await vc.changed(c);
      });

      for (const r of vc.refusals) {
        it(`refuses: ${r.name} (${r.rule})`, async () => {
          const c = await arrange(vc, { state: r.state, voucherExtra: r.voucherExtra, prepare: r.prepare });
          if (r.clock) h.clock.now = new Date(`${r.clock}T12:00:00Z`);
          const before = await snapshot(c);
          const card = await h.act(who(c, vc.actor), vc.verb, { ...c.data, ...r.inputs });
          await refused(c, card, before, ruleText(r.rule));
        });
      }

      if (vc.wrongRole !== 'none') {
        it('refuses the wrong role, naming the role and who holds it', async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const card = await h.act(who(c, vc.wrongRole ?? MEMBER), vc.verb, c.data);
          await refused(c, card, before, /This needs the role .*Who holds it: .*Ana Souza/);
        });
      }

      if (vc.kind !== 'intake') {
        it('a stale ETag gets the fresh card with "changed since you opened it"', async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const card = await h.act(who(c, vc.actor), vc.verb, {
            ...c.data,
            etag: '"00000000-0000-0000-0000-000000000000"',
          });
          await refused(c, card, before, STALE);
        });
      }

      if (vc.kind === 'voucher') {
        it("another voucher's ETag is stale too", async () => {
          const c = await arrange(vc);
          const other = await seedVoucher(h, c.tenantId, 'v-OTHER-9', 'Assigned');
          const before = await snapshot(c);
          const card = await h.act(who(c, vc.actor), vc.verb, { ...c.data, etag: other.etag });
          await refused(c, card, before, STALE);
        });

        it("another tenant's voucher is not found, and stays unchanged", async () => {
          const mine = await arrange(vc);
          const theirs = await arrange(vc);
          const before = await snapshot(theirs);
          const card = await h.act(who(mine, vc.actor), vc.verb, theirs.data);
          await refused(theirs, card, before, NOT_FOUND);
        });

        it('forged card data (no ETag, a malformed id) changes nothing', async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const noEtag = await h.act(who(c, vc.actor), vc.verb, { ...c.data, etag: undefined });
          await refused(c, noEtag, before, /This card is not valid/);
          const badId = await h.act(who(c, vc.actor), vc.verb, {
            ...c.data,
            voucherId: '../../organization',
          });
          await refused(c, badId, before, NOT_FOUND);
        });
      }

      if (vc.required) {
        it(`a missing field (${vc.required}) is named next to it`, async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const data = { ...c.data };
          delete data[vc.required as string];
          const card = await h.act(who(c, vc.actor), vc.verb, data);
          await refused(c, card, before, REQUIRED);
          assert.ok(fieldError(card, vc.required as string) ?? noticeOf(card), 'the error is shown');
        });
      }

      if (vc.oversized) {
        it(`an oversized field (${vc.oversized}) is refused`, async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const card = await h.act(who(c, vc.actor), vc.verb, {
            ...c.data,
            [vc.oversized as string]: 'x'.repeat(5000),
          });
          await refused(c, card, before, /Too long: at most [\d,.]+ characters/);
        });
      }

      if (vc.wrongType) {
        it(`a wrongly typed field (${vc.wrongType[0]}) is refused`, async () => {
          const c = await arrange(vc);
          const before = await snapshot(c);
          const [field, value] = vc.wrongType as [string, unknown];
          const card = await h.act(who(c, vc.actor), vc.verb, { ...c.data, [field]: value });
          await refused(
            c,
            card,
            before,
            /Enter a date|Enter a number|Choose one of the options|Check this field|is not valid|This field is required/,
          );
        });
      }
    });
  }

  it('people.claimGlobalAdmin: the first person claims it; once someone holds it, it is refused and nothing changes', async () => {
    h.clock.now = new Date('2026-03-10T12:00:00Z');
    const tenantId = `t-${++tenantSeq}`;
    const first = { tenantId, userId: 'first-1', userName: 'Bea Costa', locale: 'en' };
    await h.say(first, 'hello');
    const org = await h.org(tenantId);
    const claimed = await h.act(first, 'people.claimGlobalAdmin', { etag: org.etag });
    assert.match(noticeOf(claimed) ?? '', SAVED);
    const second = { tenantId, userId: 'second-1', userName: 'Caio Reis', locale: 'en' };
    await h.say(second, 'hello');
    const now = await h.org(tenantId);
    const card = await h.act(second, 'people.claimGlobalAdmin', { etag: now.etag });
    assert.match(cardText(card), /already has a Global admin: Bea Costa/);
    assert.equal((await h.org(tenantId)).etag, now.etag);
  });

  it("the refusal is in the reader's language (pt-BR, es-ES)", async () => {
    const vc = CASES[0] as VerbCase;
    const c = await arrange(vc);
    const pt = await h.act(
      { tenantId: c.tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'pt-BR' },
      vc.verb,
      { ...c.data, consultants: '' },
    );
    assert.match(cardText(pt), new RegExp(t('pt-BR', 'refusal.reservation.consultantRequired')));
    const es = await h.act(
      { tenantId: c.tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'es-ES' },
      vc.verb,
      { ...c.data, consultants: '' },
    );
    assert.match(cardText(es), new RegExp(t('es-ES', 'refusal.reservation.consultantRequired')));
  });

  it('opening a form (step open) changes nothing and needs no ETag', async () => {
    const vc = CASES[0] as VerbCase;
    const c = await arrange(vc);
    const before = await snapshot(c);
    const card = await h.act(
      { tenantId: c.tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'en' },
      'voucher.reserve',
      { voucherId: c.voucherId, step: 'open' },
    );
    assert.match(cardText(card), /Record reservation/);
    assert.equal(await snapshot(c), before);
  });

  it('an organisation form asked to open (step open) only shows it, even with an ETag and inputs', async () => {
    const vc = CASES.find((x) => x.verb === 'settings.save') as VerbCase;
    const c = await arrange(vc);
    const before = await snapshot(c);
    const card = await h.act(who(c, MEMBER), 'settings.save', { ...c.data, step: 'open' });
    assert.doesNotMatch(noticeOf(card) ?? '', SAVED);
    assert.equal(await snapshot(c), before, 'the stored documents are unchanged');
    const saved = await h.act(who(c, MEMBER), 'settings.save', c.data);
    assert.match(noticeOf(saved) ?? '', /Guardado\./, 'the same data without step open is saved');
  });

  it('intake compares voucher numbers whatever their case: "abc-1" is ABC-1 (active: refused; expired: a new one)', async () => {
    h.clock.now = new Date('2026-03-10T12:00:00Z');
    const intake = (tenantId: string) =>
      h.act({ tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale: 'en' }, 'intake.confirm', {
        step: 'submit',
        voucherNumber: ' abc-1 ',
        customerName: 'Fabrikam',
        offeringId: 'SDPS',
        days: '5',
        voucherAdminEmail: 'pm@fabrikam.example',
        assignedOn: '2026-03-09',
      });
    const active = `t-${++tenantSeq}`;
    await seedReadyOrganization(h, active);
    await seedVoucher(h, active, 'doc-1', 'Assigned', { voucherNumber: 'ABC-1' });
    const c: Ctx = { h, tenantId: active, data: {} };
    const before = await snapshot(c);
    await refused(c, await intake(active), before, ruleText('voucher.alreadyActive'));

    const expired = `t-${++tenantSeq}`;
    await seedReadyOrganization(h, expired);
    await seedVoucher(h, expired, 'v-ABC-1', 'Expired', { voucherNumber: 'ABC-1' });
    assert.match(noticeOf(await intake(expired)) ?? '', SAVED);
    const all = await h.repos.vouchers.findByNumber(expired, 'abc-1');
    assert.deepEqual(all.map((v) => [v.doc.voucherNumber, v.doc.state]).sort(), [
      ['ABC-1', 'Assigned'],
      ['ABC-1', 'Expired'],
    ]);
  });

  it('the not-found message is localized', () => {
    assert.match(say('es-ES', 'notice.notFound'), /No lo encontré/);
  });
});
