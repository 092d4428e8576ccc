import { strict as assert } from 'node:assert';
import {
  assignRole,
  claimGlobalAdmin,
  eligibility,
  ensurePerson,
  enroll,
  newOrganization,
  recordAssessment,
  removeAssessment,
  recordComplianceTraining,
  recordCompetency,
  recordEnrollmentLapsed,
  registerSavb,
  removeRole,
  renewEnrollment,
  setProgramChannel,
  blankPersonSettings,
  changePersonSettings,
  type Actor,
  type OrgContext,
  type Result,
  type RuleId,
} from '../../bot/program';
import { applyOrganizationCommand, ORGANIZATION_COMMAND_HANDLERS } from './commands';
import { ADMIN, CONSULTANT, GLOBAL, MEMBER, readyOrg, rules, voucherIn } from './fixtures';

const NOW = new Date('2020-03-10T12:00:00Z');
const c = (extra: Partial<OrgContext> = {}): OrgContext => ({ rules: rules(), now: NOW, ...extra });
const rule = (r: Result<unknown>): RuleId | undefined => (r.ok ? undefined : r.refusal.rule);

describe('program: organisation commands', () => {
  describe('people and roles', () => {
    it('bootstrap: the first person claims Global admin (audited); the second is told who holds it', () => {
      const ana: Actor = { kind: 'user', userId: 'u-ana', name: 'Ana' };
      const first = claimGlobalAdmin(newOrganization('t', NOW), {}, ana, c());
      assert.ok(first.ok);
      assert.deepEqual(
        first.value.people.map((p) => [p.userId, p.name, p.roles]),
        [['u-ana', 'Ana', ['globalAdmin']]],
      );
      assert.deepEqual(
        first.value.audit.map((a) => [a.action, a.by, a.to]),
        [['role.claimGlobalAdmin', 'u-ana', 'globalAdmin']],
      );
      const second = claimGlobalAdmin(first.value, {}, MEMBER, c());
      assert.equal(rule(second), 'bootstrap.globalAdminExists');
      assert.deepEqual(!second.ok && second.refusal.params, { holders: ['u-ana'], holderNames: ['Ana'] });
    });
    it('pinned admins from configuration make the claim unnecessary', () => {
      const org = newOrganization('t', NOW, ['u-op']);
      assert.equal(rule(claimGlobalAdmin(org, {}, MEMBER, c())), 'bootstrap.globalAdminExists');
    });
    it('ensurePerson records first contact without an audit entry, and only changes when something changed', () => {
      const a = ensurePerson(newOrganization('t', NOW), { userId: 'u-1', name: 'One' }, NOW);
      assert.ok(a.changed);
      assert.equal(a.org.audit.length, 0);
      assert.equal(ensurePerson(a.org, { userId: 'u-1', name: 'One' }, NOW).changed, false);
      assert.equal(ensurePerson(a.org, { userId: 'u-1', name: 'Uno' }, NOW).org.people[0]?.name, 'Uno');
    });
    it('only a Global admin assigns and removes roles; the last Global admin stays', () => {
      const org = readyOrg();
      assert.equal(
        rule(assignRole(org, { userId: 'u-member', role: 'consultant' }, ADMIN, c())),
        'role.required',
      );
      const r = assignRole(org, { userId: 'u-member', role: 'consultant' }, GLOBAL, c());
      assert.ok(r.ok);
      assert.deepEqual(r.value.people.find((p) => p.userId === 'u-member')?.roles, ['consultant']);
      assert.equal(r.value.audit.at(-1)?.action, 'role.assign');
      assert.equal(
        rule(removeRole(org, { userId: 'u-global', role: 'globalAdmin' }, GLOBAL, c())),
        'role.lastGlobalAdmin',
      );
      assert.equal(
        rule(assignRole(org, { userId: 'u-member', role: 'member' as never }, GLOBAL, c())),
        'input.invalid',
      );
      assert.equal(
        rule(removeRole(org, { userId: 'u-nobody', role: 'consultant' }, GLOBAL, c())),
        'person.unknown',
      );
    });
    it('settings: own locale and time zone, on the person’s own document; validated; another person only by a Global admin', () => {
      const org = readyOrg();
      const mine = blankPersonSettings(org.tenantId, 'u-member');
      const r = changePersonSettings(
        org,
        mine,
        { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' },
        MEMBER,
        c(),
      );
      assert.ok(r.ok);
      assert.equal(r.value.locale, 'pt-BR');
      assert.equal(r.value.timeZone, 'America/Sao_Paulo');
      assert.equal(r.value.revision, 1);
      assert.equal(r.value.audit.at(-1)?.action, 'settings.update');
      const cleared = changePersonSettings(org, r.value, { locale: null }, MEMBER, c());
      assert.ok(cleared.ok);
      assert.equal(cleared.value.locale, undefined);
      assert.equal(cleared.value.revision, 2);
      // Saying what is already set changes nothing (no new revision, so open cards stay current).
      const same = changePersonSettings(org, r.value, { locale: 'pt-BR' }, MEMBER, c());
      assert.ok(same.ok);
      assert.equal(same.value, r.value);
      assert.equal(
        rule(changePersonSettings(org, mine, { timeZone: 'Mars/Olympus' }, MEMBER, c())),
        'settings.timeZoneInvalid',
      );
      assert.equal(
        rule(changePersonSettings(org, mine, { locale: 'fr-FR' }, MEMBER, c())),
        'settings.localeUnsupported',
      );
      const admins = blankPersonSettings(org.tenantId, 'u-admin');
      assert.equal(
        rule(changePersonSettings(org, admins, { userId: 'u-admin', locale: 'en' }, MEMBER, c())),
        'role.required',
      );
      assert.ok(changePersonSettings(org, admins, { userId: 'u-admin', locale: 'en' }, GLOBAL, c()).ok);
    });
  });

  describe('step 1: eligibility', () => {
    it('NotStarted (even once trained) → Met, with exactly what is missing', () => {
      const empty = readyOrg({ complianceTraining: undefined, competencies: [] });
      const ddps = () => eligibility(org, rules(), '2020-03-10').find((o) => o.offeringId === 'DDPS')!;
      let org = empty;
      assert.equal(ddps().status, 'NotStarted');
      assert.deepEqual(ddps().engagements[0]?.missing, [
        { item: 'complianceTraining' },
        { item: 'competency', anyOf: [{ name: 'Windows and Devices', minimumLevel: 'Silver' }], expired: [] },
      ]);
      const trained = recordComplianceTraining(org, { completedOn: '2020-03-01' }, ADMIN, c());
      assert.ok(trained.ok);
      org = trained.value;
      // Training alone is not progress on an offering the partner holds no competency for (issue 14 item 7).
      assert.equal(ddps().status, 'NotStarted');
      const comp = recordCompetency(
        org,
        { name: 'Windows and Devices', level: 'Gold', validUntil: '2021-03-01' },
        ADMIN,
        c(),
      );
      assert.ok(comp.ok);
      org = comp.value;
      assert.equal(ddps().status, 'Met');
      assert.deepEqual(
        ddps().engagements.map((e) => e.status),
        ['Met', 'Met', 'NotStarted'],
      );
      // an expired competency is named as such
      const late = eligibility(org, rules(), '2021-03-02').find((o) => o.offeringId === 'DDPS')!;
      assert.deepEqual(late.engagements[0]?.missing, [
        {
          item: 'competency',
          anyOf: [{ name: 'Windows and Devices', minimumLevel: 'Silver' }],
          expired: [{ name: 'Windows and Devices', validUntil: '2021-03-01' }],
        },
      ]);
    });
    it('training in the future and unknown competencies are refused; members cannot record', () => {
      assert.equal(
        rule(recordComplianceTraining(readyOrg(), { completedOn: '2020-03-11' }, ADMIN, c())),
        'date.inFuture',
      );
      assert.equal(
        rule(
          recordCompetency(
            readyOrg(),
            { name: 'Windows & Devices', level: 'Gold', validUntil: '2021-01-01' },
            ADMIN,
            c(),
          ),
        ),
        'competency.unknown',
      );
      assert.equal(
        rule(
          recordCompetency(
            readyOrg(),
            { name: 'Messaging', level: 'Gold', validUntil: '2021-01-01' },
            MEMBER,
            c(),
          ),
        ),
        'role.required',
      );
    });
    it('consultants record their own assessments; admins record anyone’s; only for consultants', () => {
      const own = recordAssessment(
        readyOrg(),
        { name: 'MS-500', competency: 'Enterprise Mobility Management', completedOn: '2020-02-01' },
        CONSULTANT,
        c(),
      );
      assert.ok(own.ok);
      assert.deepEqual(
        own.value.people.find((p) => p.userId === 'u-cons')?.assessments.map((a) => a.id),
        ['assessment-1', 'assessment-2'],
      );
      assert.equal(
        rule(
          recordAssessment(
            readyOrg(),
            { userId: 'u-cons2', name: 'x', competency: 'Messaging', completedOn: '2020-02-01' },
            CONSULTANT,
            c(),
          ),
        ),
        'role.required',
      );
      assert.ok(
        recordAssessment(
          readyOrg(),
          { userId: 'u-cons2', name: 'x', competency: 'Messaging', completedOn: '2020-02-01' },
          ADMIN,
          c(),
        ).ok,
      );
      assert.equal(
        rule(
          recordAssessment(
            readyOrg(),
            { userId: 'u-member', name: 'x', competency: 'Messaging', completedOn: '2020-02-01' },
            ADMIN,
            c(),
          ),
        ),
        'person.notConsultant',
      );
      assert.equal(
        rule(
          recordAssessment(
            readyOrg(),
            { name: 'x', competency: 'Messaging', completedOn: '2020-02-01' },
            MEMBER,
            c(),
          ),
        ),
        'role.required',
      );
      assert.equal(
        rule(removeAssessment(readyOrg(), { assessmentId: 'assessment-7' }, CONSULTANT, c())),
        'assessment.unknown',
      );
      const removed = removeAssessment(readyOrg(), { assessmentId: 'assessment-1' }, CONSULTANT, c());
      assert.deepEqual(
        removed.ok && removed.value.people.find((p) => p.userId === 'u-cons')?.assessments,
        [],
      );
    });
  });

  describe('step 2: enrolment', () => {
    const input = {
      offeringId: 'SDPS',
      agreementSignedOn: '2020-03-01',
      enrolledOn: '2020-03-02',
      approvedLocations: [{ id: 'lis', name: 'Lisboa', country: 'PT' }],
    };
    it('enrols, refusing unknown offerings, agreements after the enrolment and double enrolment', () => {
      const r = enroll(readyOrg(), input, ADMIN, c());
      assert.ok(r.ok);
      assert.deepEqual(r.value.audit.at(-1)?.details, {
        offeringId: 'SDPS',
        enrolledOn: '2020-03-02',
        countries: 'PT',
      });
      assert.equal(
        rule(enroll(readyOrg(), { ...input, offeringId: 'XX' }, ADMIN, c())),
        'enrollment.offeringUnknown',
      );
      assert.equal(
        rule(enroll(readyOrg(), { ...input, agreementSignedOn: '2020-03-05' }, ADMIN, c())),
        'enrollment.agreementAfterEnrollment',
      );
      assert.equal(rule(enroll(r.value, input, ADMIN, c())), 'enrollment.alreadyEnrolled');
      assert.equal(
        rule(enroll(readyOrg(), { ...input, approvedLocations: [] }, ADMIN, c())),
        'input.invalid',
      );
      assert.equal(
        rule(
          enroll(
            readyOrg(),
            { ...input, approvedLocations: [{ id: 'x', name: 'X', country: 'Portugal' }] },
            ADMIN,
            c(),
          ),
        ),
        'input.invalid',
      );
    });
    it('renews (clearing a recorded lapse), and enrols again after a lapse', () => {
      const lapsed = recordEnrollmentLapsed(
        readyOrg(),
        { offeringId: 'DDPS', lapsedOn: '2020-03-01' },
        ADMIN,
        c(),
      );
      assert.ok(lapsed.ok);
      const renewed = renewEnrollment(lapsed.value, { offeringId: 'DDPS' }, ADMIN, c());
      assert.ok(renewed.ok);
      assert.deepEqual(renewed.value.enrollments[0], {
        ...readyOrg().enrollments[0],
        renewedOn: '2020-03-10',
      });
      assert.ok(enroll(lapsed.value, { ...input, offeringId: 'DDPS' }, ADMIN, c()).ok);
      assert.equal(
        rule(renewEnrollment(readyOrg(), { offeringId: 'SDPS' }, ADMIN, c())),
        'enrollment.notFound',
      );
    });
  });

  describe('SAVB registration and program channel', () => {
    it('only the Global admin registers, once per offering, after a redemption', () => {
      const org = readyOrg({ savbRegistrations: [] });
      const vouchers = [voucherIn('Redeemed')];
      assert.equal(rule(registerSavb(org, { offeringId: 'DDPS' }, ADMIN, c({ vouchers }))), 'role.required');
      assert.equal(
        rule(
          registerSavb(org, { offeringId: 'DDPS' }, GLOBAL, c({ vouchers: [voucherIn('ReportSubmitted')] })),
        ),
        'savb.noRedemptionYet',
      );
      const r = registerSavb(org, { offeringId: 'DDPS' }, GLOBAL, c({ vouchers }));
      assert.ok(r.ok);
      assert.equal(
        rule(registerSavb(r.value, { offeringId: 'DDPS' }, GLOBAL, c({ vouchers }))),
        'savb.alreadyRegistered',
      );
    });
    it('sets and clears the program channel', () => {
      const r = setProgramChannel(
        readyOrg(),
        { channel: { channelId: '19:x@thread.tacv2', name: 'Planning' } },
        ADMIN,
        c(),
      );
      assert.ok(r.ok);
      assert.equal(r.value.programChannel?.channelId, '19:x@thread.tacv2');
      const cleared = setProgramChannel(r.value, { channel: null }, ADMIN, c());
      assert.ok(cleared.ok);
      assert.equal(cleared.value.programChannel, undefined);
      assert.equal(rule(setProgramChannel(readyOrg(), { channel: null }, MEMBER, c())), 'role.required');
    });
  });
});

describe('program: organisation command dispatcher', () => {
  it('every command name is its audit action', () => {
    const r = applyOrganizationCommand(readyOrg(), 'businessProfile.update', {}, ADMIN, c());
    assert.ok(r.ok);
    assert.equal(r.value.audit.at(-1)?.action, 'businessProfile.update');
    assert.equal(Object.keys(ORGANIZATION_COMMAND_HANDLERS).length, 16);
    const bad = applyOrganizationCommand(readyOrg(), 'enrollment.enroll', { offeringId: 7 }, ADMIN, c());
    assert.equal(rule(bad), 'input.invalid');
  });
});
