// The organisation aggregate (one document per tenant): people and roles, eligibility, enrolments,
// business profile, SAVB registration, program channel, settings. Each command returns a new document with
// one audit entry appended, or refusals; nothing is mutated.
import { z } from 'zod';
import { actorToday, auditEntry, type OrgContext } from './context';
import { isTimeZone } from './dates';
import { findEnrollment, isEnrollmentLapsed } from './deadlines';
import {
  CompetencyLevel,
  IsoDate,
  ORGANIZATION_ID,
  PartnerLocation,
  ProgramChannel,
  Role,
  type Actor,
  type Organization,
  type Person,
  type Refusal,
  type Result,
} from './model';
import { checkRole, findPerson, holderIds, type RoleRequirement } from './roles';
import { ok, parseInput, refusal, refused } from './result';
import { competencyNames, findOffering } from './rules';

export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es-ES'] as const;

/** A fresh organisation document. Operator-pinned Global admins (config.initialGlobalAdmins) are seeded. */
export function newOrganization(
  tenantId: string,
  now: Date,
  initialGlobalAdmins: readonly string[] = [],
): Organization {
  const org: Organization = {
    id: ORGANIZATION_ID,
    tenantId,
    schemaVersion: 1,
    createdAt: now.toISOString(),
    people: [],
    competencies: [],
    enrollments: [],
    savbRegistrations: [],
    audit: [],
  };
  return applyPinnedAdmins(org, initialGlobalAdmins, now).org;
}

function blankPerson(userId: string, now: Date, name = ''): Person {
  return { userId, name, roles: [], assessments: [], settings: {}, firstSeenAt: now.toISOString() };
}

function withPerson(org: Organization, person: Person): Organization {
  const exists = org.people.some((p) => p.userId === person.userId);
  return {
    ...org,
    people: exists
      ? org.people.map((p) => (p.userId === person.userId ? person : p))
      : [...org.people, person],
  };
}

/** Makes sure the operator-pinned users hold Global admin (idempotent: config may change after creation). */
export function applyPinnedAdmins(
  org: Organization,
  userIds: readonly string[],
  now: Date,
): { org: Organization; changed: boolean } {
  let next = org;
  for (const userId of userIds) {
    const person = findPerson(next, userId) ?? blankPerson(userId, now);
    if (person.roles.includes('globalAdmin')) continue;
    next = withPerson(next, { ...person, roles: [...person.roles, 'globalAdmin'] });
    next = {
      ...next,
      audit: [
        ...next.audit,
        auditEntry({ kind: 'system', process: 'config' }, now, 'role.pin', {
          to: 'globalAdmin',
          details: { userId },
        }),
      ],
    };
  }
  return { org: next, changed: next !== org };
}

/** Records a person the first time they talk to the app, and refreshes name/email. No audit entry. */
export function ensurePerson(
  org: Organization,
  who: { userId: string; name?: string; email?: string; teamsUserId?: string },
  now: Date,
): { org: Organization; changed: boolean } {
  const existing = findPerson(org, who.userId);
  const person: Person = existing ? { ...existing } : blankPerson(who.userId, now);
  if (who.name && who.name !== person.name) person.name = who.name;
  if (who.email && who.email !== person.email) person.email = who.email;
  if (who.teamsUserId && who.teamsUserId !== person.teamsUserId) person.teamsUserId = who.teamsUserId;
  const changed =
    !existing ||
    existing.name !== person.name ||
    existing.email !== person.email ||
    existing.teamsUserId !== person.teamsUserId;
  return changed ? { org: withPerson(org, person), changed } : { org, changed };
}

// ---------------------------------------------------------------------------------------------------------
// Command runner

type Change = {
  org: Organization;
  from?: string;
  to?: string;
  reason?: string;
  details?: Record<string, string | number | boolean | null | string[] | undefined>;
};

interface Spec<S extends z.ZodType> {
  command: string;
  schema: S;
  /** Static requirement (checked before the input), or one that depends on the input (checked after). */
  role: Omit<RoleRequirement, 'command'> | ((input: z.output<S>) => Omit<RoleRequirement, 'command'>);
}

function run<S extends z.ZodType>(
  spec: Spec<S>,
  org: Organization,
  raw: unknown,
  actor: Actor,
  ctx: OrgContext,
  body: (input: z.output<S>, today: IsoDate) => Refusal[] | Change,
): Result<Organization> {
  if (typeof spec.role !== 'function') {
    const denied = checkRole(org, actor, { command: spec.command, ...spec.role });
    if (denied) return refused([denied]);
  }
  const parsed = parseInput(spec.schema, raw);
  if (!parsed.ok) return refused(parsed.refusals);
  if (typeof spec.role === 'function') {
    const denied = checkRole(org, actor, { command: spec.command, ...spec.role(parsed.value) });
    if (denied) return refused([denied]);
  }
  const today = actorToday(org, actor, ctx);
  const out = body(parsed.value, today);
  if (Array.isArray(out)) return out.length > 0 ? refused(out) : ok(org);
  const entry = auditEntry(actor, ctx.now, spec.command, out);
  return ok({ ...out.org, audit: [...out.org.audit, entry] });
}

function notInFuture(field: string, value: IsoDate | undefined, today: IsoDate): Refusal[] {
  return value !== undefined && value > today ? [refusal('date.inFuture', { field, value, today })] : [];
}

const ADMIN = { roles: ['mpnPartnerAdmin'] as Role[] };
const GLOBAL_ONLY = { roles: [] as Role[] };

// ---------------------------------------------------------------------------------------------------------
// People and roles

export const ClaimGlobalAdminInput = z.object({ name: z.string().max(200).optional() }).default({});
/** Bootstrap: in a tenant with no Global admin, the first person who asks becomes one (audited). */
export function claimGlobalAdmin(
  org: Organization,
  input: z.input<typeof ClaimGlobalAdminInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const spec = {
    command: 'role.claimGlobalAdmin',
    schema: ClaimGlobalAdminInput,
    role: { roles: ['member'] as Role[] },
  };
  return run(spec, org, input, actor, ctx, (i) => {
    const holders = holderIds(org, ['globalAdmin']);
    if (holders.length > 0 || actor.kind !== 'user') {
      return [
        refusal('bootstrap.globalAdminExists', {
          holders,
          holderNames: holders.map((id) => findPerson(org, id)?.name ?? ''),
        }),
      ];
    }
    const person =
      findPerson(org, actor.userId) ?? blankPerson(actor.userId, ctx.now, i.name ?? actor.name ?? '');
    return {
      org: withPerson(org, { ...person, roles: [...person.roles, 'globalAdmin'] }),
      to: 'globalAdmin',
      details: { userId: actor.userId },
    };
  });
}

export const AssignRoleInput = z.object({
  userId: z.string().min(1),
  role: Role.exclude(['member']),
  name: z.string().max(200).optional(),
});
export function assignRole(
  org: Organization,
  input: z.input<typeof AssignRoleInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'role.assign', schema: AssignRoleInput, role: GLOBAL_ONLY },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const person = findPerson(org, i.userId) ?? blankPerson(i.userId, ctx.now, i.name ?? '');
      if (person.roles.includes(i.role)) return [];
      return {
        org: withPerson(org, { ...person, roles: [...person.roles, i.role] }),
        to: i.role,
        details: { userId: i.userId },
      };
    },
  );
}

export const RemoveRoleInput = z.object({ userId: z.string().min(1), role: Role.exclude(['member']) });
export function removeRole(
  org: Organization,
  input: z.input<typeof RemoveRoleInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'role.remove', schema: RemoveRoleInput, role: GLOBAL_ONLY },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const person = findPerson(org, i.userId);
      if (!person) return [refusal('person.unknown', { userId: i.userId })];
      if (!person.roles.includes(i.role)) return [];
      if (i.role === 'globalAdmin' && holderIds(org, ['globalAdmin']).length === 1) {
        return [refusal('role.lastGlobalAdmin', { userId: i.userId })];
      }
      return {
        org: withPerson(org, { ...person, roles: person.roles.filter((r) => r !== i.role) }),
        from: i.role,
        details: { userId: i.userId },
      };
    },
  );
}

export const UpdateSettingsInput = z.object({
  /** Whose settings; defaults to the actor. Only a Global admin changes someone else's. */
  userId: z.string().min(1).optional(),
  locale: z.string().nullable().optional(),
  timeZone: z.string().nullable().optional(),
});
/** Per-user locale override and time zone. `null` clears a setting. */
export function updateSettings(
  org: Organization,
  input: z.input<typeof UpdateSettingsInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const self = actor.kind === 'user' ? actor.userId : '';
  const spec = {
    command: 'settings.update',
    schema: UpdateSettingsInput,
    role: (i: z.output<typeof UpdateSettingsInput>) => ({
      roles: [] as Role[],
      users: [i.userId ?? self].filter((u) => u === self),
    }),
  };
  return run(spec, org, input, actor, ctx, (i) => {
    const userId = i.userId ?? self;
    const problems: Refusal[] = [];
    if (i.timeZone && !isTimeZone(i.timeZone))
      problems.push(refusal('settings.timeZoneInvalid', { timeZone: i.timeZone }));
    if (i.locale && !(SUPPORTED_LOCALES as readonly string[]).includes(i.locale)) {
      problems.push(
        refusal('settings.localeUnsupported', { locale: i.locale, supported: [...SUPPORTED_LOCALES] }),
      );
    }
    if (problems.length > 0) return problems;
    const person = findPerson(org, userId) ?? blankPerson(userId, ctx.now);
    const settings = { ...person.settings };
    if (i.locale === null) delete settings.locale;
    else if (i.locale !== undefined) settings.locale = i.locale;
    if (i.timeZone === null) delete settings.timeZone;
    else if (i.timeZone !== undefined) settings.timeZone = i.timeZone;
    return {
      org: withPerson(org, { ...person, settings }),
      details: { userId, locale: i.locale, timeZone: i.timeZone },
    };
  });
}

export const SetOrganizationTimeZoneInput = z.object({ timeZone: z.string().min(1) });
export function setOrganizationTimeZone(
  org: Organization,
  input: z.input<typeof SetOrganizationTimeZoneInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'organization.setTimeZone', schema: SetOrganizationTimeZoneInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!isTimeZone(i.timeZone)) return [refusal('settings.timeZoneInvalid', { timeZone: i.timeZone })];
      return { org: { ...org, timeZone: i.timeZone }, from: org.timeZone, to: i.timeZone };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 1: eligibility

export const ComplianceTrainingInput = z.object({ completedOn: IsoDate });
export function recordComplianceTraining(
  org: Organization,
  input: z.input<typeof ComplianceTrainingInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'eligibility.recordTraining', schema: ComplianceTrainingInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems = notInFuture('completedOn', i.completedOn, today);
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : 'system';
      return {
        org: { ...org, complianceTraining: { completedOn: i.completedOn, recordedBy: by } },
        details: { completedOn: i.completedOn },
      };
    },
  );
}

export const CompetencyInput = z.object({
  name: z.string().trim().min(1),
  level: CompetencyLevel,
  validUntil: IsoDate,
});
/** Records (or updates) a competency the company holds. Names must be ones the catalogue uses. */
export function recordCompetency(
  org: Organization,
  input: z.input<typeof CompetencyInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'eligibility.recordCompetency', schema: CompetencyInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const known = competencyNames(ctx.rules);
      if (!known.includes(i.name)) return [refusal('competency.unknown', { name: i.name, known })];
      const competencies = [
        ...org.competencies.filter((c) => c.name !== i.name),
        { name: i.name, level: i.level, validUntil: i.validUntil },
      ];
      return {
        org: { ...org, competencies },
        details: { name: i.name, level: i.level, validUntil: i.validUntil },
      };
    },
  );
}

export const RemoveCompetencyInput = z.object({ name: z.string().trim().min(1) });
export function removeCompetency(
  org: Organization,
  input: z.input<typeof RemoveCompetencyInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'eligibility.removeCompetency', schema: RemoveCompetencyInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!org.competencies.some((c) => c.name === i.name)) {
        return [refusal('competency.unknown', { name: i.name, known: org.competencies.map((c) => c.name) })];
      }
      return {
        org: { ...org, competencies: org.competencies.filter((c) => c.name !== i.name) },
        details: { name: i.name },
      };
    },
  );
}

export const AssessmentInput = z.object({
  /** The consultant; defaults to the actor. */
  userId: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(200),
  competency: z.string().trim().min(1),
  completedOn: IsoDate,
  validUntil: IsoDate.optional(),
});
/** A consultant records their own qualifying assessment/exam; a partner admin may record anyone's. */
export function recordAssessment(
  org: Organization,
  input: z.input<typeof AssessmentInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const self = actor.kind === 'user' ? actor.userId : '';
  const spec = {
    command: 'consultant.recordAssessment',
    schema: AssessmentInput,
    role: (i: z.output<typeof AssessmentInput>) => ({
      roles: ['mpnPartnerAdmin'] as Role[],
      users: (i.userId ?? self) === self && findPerson(org, self)?.roles.includes('consultant') ? [self] : [],
    }),
  };
  return run(spec, org, input, actor, ctx, (i, today) => {
    const userId = i.userId ?? self;
    const person = findPerson(org, userId);
    if (!person) return [refusal('person.unknown', { userId })];
    if (!person.roles.includes('consultant'))
      return [refusal('person.notConsultant', { userId, name: person.name })];
    const problems = notInFuture('completedOn', i.completedOn, today);
    const known = competencyNames(ctx.rules);
    if (!known.includes(i.competency))
      problems.push(refusal('competency.unknown', { name: i.competency, known }));
    if (problems.length > 0) return problems;
    const n =
      person.assessments.reduce((max, a) => Math.max(max, Number(a.id.replace(/^\D+/, '')) || 0), 0) + 1;
    const assessment = {
      id: `assessment-${n}`,
      name: i.name,
      competency: i.competency,
      completedOn: i.completedOn,
      ...(i.validUntil ? { validUntil: i.validUntil } : {}),
    };
    return {
      org: withPerson(org, { ...person, assessments: [...person.assessments, assessment] }),
      details: { userId, assessmentId: assessment.id, competency: i.competency },
    };
  });
}

export const RemoveAssessmentInput = z.object({
  userId: z.string().min(1).optional(),
  assessmentId: z.string().min(1),
});
export function removeAssessment(
  org: Organization,
  input: z.input<typeof RemoveAssessmentInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const self = actor.kind === 'user' ? actor.userId : '';
  const spec = {
    command: 'consultant.removeAssessment',
    schema: RemoveAssessmentInput,
    role: (i: z.output<typeof RemoveAssessmentInput>) => ({
      roles: ['mpnPartnerAdmin'] as Role[],
      users: (i.userId ?? self) === self ? [self] : [],
    }),
  };
  return run(spec, org, input, actor, ctx, (i) => {
    const userId = i.userId ?? self;
    const person = findPerson(org, userId);
    if (!person?.assessments.some((a) => a.id === i.assessmentId))
      return [refusal('assessment.unknown', { userId, assessmentId: i.assessmentId })];
    return {
      org: withPerson(org, {
        ...person,
        assessments: person.assessments.filter((a) => a.id !== i.assessmentId),
      }),
      details: { userId, assessmentId: i.assessmentId },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: enrolment

/** The refusal for an offering the rules' catalogue does not have (it names the ones it has). */
function unknownOffering(ctx: OrgContext, offeringId: string): Refusal | undefined {
  if (findOffering(ctx.rules, offeringId)) return undefined;
  return refusal('enrollment.offeringUnknown', {
    offeringId,
    known: ctx.rules.catalogue.offerings.map((o) => o.id),
  });
}

export const EnrollInput = z.object({
  offeringId: z.string().trim().min(1),
  agreementSignedOn: IsoDate,
  enrolledOn: IsoDate,
  approvedLocations: z.array(PartnerLocation).min(1),
});
/** Records the agreement and the enrolment in one offering (or a fresh one after a lapse). */
export function enroll(
  org: Organization,
  input: z.input<typeof EnrollInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'enrollment.enroll', schema: EnrollInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems: Refusal[] = [];
      const unknown = unknownOffering(ctx, i.offeringId);
      if (unknown) {
        problems.push(unknown);
      }
      const current = findEnrollment(org, i.offeringId);
      if (current && !isEnrollmentLapsed(current, ctx.rules, today)) {
        problems.push(
          refusal('enrollment.alreadyEnrolled', { offeringId: i.offeringId, enrolledOn: current.enrolledOn }),
        );
      }
      if (i.agreementSignedOn > i.enrolledOn) {
        problems.push(
          refusal('enrollment.agreementAfterEnrollment', {
            agreementSignedOn: i.agreementSignedOn,
            enrolledOn: i.enrolledOn,
          }),
        );
      }
      problems.push(
        ...notInFuture('agreementSignedOn', i.agreementSignedOn, today),
        ...notInFuture('enrolledOn', i.enrolledOn, today),
      );
      if (problems.length > 0) return problems;
      const enrollment = {
        offeringId: i.offeringId,
        agreementSignedOn: i.agreementSignedOn,
        enrolledOn: i.enrolledOn,
        approvedLocations: i.approvedLocations,
      };
      return {
        org: {
          ...org,
          enrollments: [...org.enrollments.filter((e) => e.offeringId !== i.offeringId), enrollment],
        },
        details: {
          offeringId: i.offeringId,
          enrolledOn: i.enrolledOn,
          countries: i.approvedLocations.map((l) => l.country),
        },
      };
    },
  );
}

export const RenewEnrollmentInput = z.object({
  offeringId: z.string().trim().min(1),
  renewedOn: IsoDate.optional(),
});
export function renewEnrollment(
  org: Organization,
  input: z.input<typeof RenewEnrollmentInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'enrollment.renew', schema: RenewEnrollmentInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const current = findEnrollment(org, i.offeringId);
      if (!current) return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      const renewedOn = i.renewedOn ?? today;
      const problems = notInFuture('renewedOn', renewedOn, today);
      if (problems.length > 0) return problems;
      const { lapsedOn: _lapsed, ...rest } = current;
      const renewed = { ...rest, renewedOn };
      return {
        org: {
          ...org,
          enrollments: org.enrollments.map((e) => (e.offeringId === i.offeringId ? renewed : e)),
        },
        details: { offeringId: i.offeringId, renewedOn },
      };
    },
  );
}

export const UpdateLocationsInput = z.object({
  offeringId: z.string().trim().min(1),
  approvedLocations: z.array(PartnerLocation).min(1),
});
export function updateEnrollmentLocations(
  org: Organization,
  input: z.input<typeof UpdateLocationsInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'enrollment.updateLocations', schema: UpdateLocationsInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!findEnrollment(org, i.offeringId))
        return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      return {
        org: {
          ...org,
          enrollments: org.enrollments.map((e) =>
            e.offeringId === i.offeringId ? { ...e, approvedLocations: i.approvedLocations } : e,
          ),
        },
        details: { offeringId: i.offeringId, countries: i.approvedLocations.map((l) => l.country) },
      };
    },
  );
}

export const EnrollmentLapsedInput = z.object({
  offeringId: z.string().trim().min(1),
  lapsedOn: IsoDate.optional(),
});
export function recordEnrollmentLapsed(
  org: Organization,
  input: z.input<typeof EnrollmentLapsedInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'enrollment.recordLapsed', schema: EnrollmentLapsedInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      if (!findEnrollment(org, i.offeringId))
        return [refusal('enrollment.notFound', { offeringId: i.offeringId })];
      const lapsedOn = i.lapsedOn ?? today;
      return {
        org: {
          ...org,
          enrollments: org.enrollments.map((e) => (e.offeringId === i.offeringId ? { ...e, lapsedOn } : e)),
        },
        details: { offeringId: i.offeringId, lapsedOn },
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 3: business profile

export const BusinessProfileInput = z.object({ updatedOn: IsoDate.optional() }).default({});
export function recordBusinessProfileUpdate(
  org: Organization,
  input: z.input<typeof BusinessProfileInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'businessProfile.update', schema: BusinessProfileInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const updatedOn = i.updatedOn ?? today;
      const problems = notInFuture('updatedOn', updatedOn, today);
      if (problems.length > 0) return problems;
      return { org: { ...org, businessProfile: { lastUpdatedOn: updatedOn } }, details: { updatedOn } };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 8 prerequisite: the one-time SAVB registration per offering, by a Global admin, after a redemption

export const SavbRegistrationInput = z.object({
  offeringId: z.string().trim().min(1),
  registeredOn: IsoDate.optional(),
});
/** Needs `ctx.vouchers` (the tenant's vouchers) to check that the offering has a redemption. */
export function registerSavb(
  org: Organization,
  input: z.input<typeof SavbRegistrationInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'savb.register', schema: SavbRegistrationInput, role: GLOBAL_ONLY },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems: Refusal[] = [];
      const unknown = unknownOffering(ctx, i.offeringId);
      if (unknown) {
        problems.push(unknown);
      }
      const existing = org.savbRegistrations.find((r) => r.offeringId === i.offeringId);
      if (existing)
        problems.push(
          refusal('savb.alreadyRegistered', {
            offeringId: i.offeringId,
            registeredOn: existing.registeredOn,
          }),
        );
      const redeemed = (ctx.vouchers ?? []).some(
        (v) => v.offeringId === i.offeringId && v.redemption !== undefined,
      );
      if (!redeemed) problems.push(refusal('savb.noRedemptionYet', { offeringId: i.offeringId }));
      const registeredOn = i.registeredOn ?? today;
      problems.push(...notInFuture('registeredOn', registeredOn, today));
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : 'system';
      return {
        org: {
          ...org,
          savbRegistrations: [
            ...org.savbRegistrations,
            { offeringId: i.offeringId, registeredOn, registeredBy: by },
          ],
        },
        details: { offeringId: i.offeringId, registeredOn },
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Program channel

export const ProgramChannelInput = z.object({ channel: ProgramChannel.nullable() });
/** Chooses (or clears, with null) the team channel that also receives program messages. */
export function setProgramChannel(
  org: Organization,
  input: z.input<typeof ProgramChannelInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return run(
    { command: 'organization.setProgramChannel', schema: ProgramChannelInput, role: ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const { programChannel: _old, ...rest } = org;
      return {
        org: i.channel ? { ...rest, programChannel: i.channel } : rest,
        from: org.programChannel?.channelId,
        to: i.channel?.channelId,
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Dispatcher for the verb router: organisation commands by name, input validated inside each.

type OrgCommandFn = (org: Organization, input: never, actor: Actor, ctx: OrgContext) => Result<Organization>;

export const ORGANIZATION_COMMAND_HANDLERS = {
  'role.claimGlobalAdmin': claimGlobalAdmin,
  'role.assign': assignRole,
  'role.remove': removeRole,
  'settings.update': updateSettings,
  'organization.setTimeZone': setOrganizationTimeZone,
  'organization.setProgramChannel': setProgramChannel,
  'eligibility.recordTraining': recordComplianceTraining,
  'eligibility.recordCompetency': recordCompetency,
  'eligibility.removeCompetency': removeCompetency,
  'consultant.recordAssessment': recordAssessment,
  'consultant.removeAssessment': removeAssessment,
  'enrollment.enroll': enroll,
  'enrollment.renew': renewEnrollment,
  'enrollment.updateLocations': updateEnrollmentLocations,
  'enrollment.recordLapsed': recordEnrollmentLapsed,
  'businessProfile.update': recordBusinessProfileUpdate,
  'savb.register': registerSavb,
} as const satisfies Record<string, OrgCommandFn>;

export type OrganizationCommandName = keyof typeof ORGANIZATION_COMMAND_HANDLERS;

export function applyOrganizationCommand(
  org: Organization,
  command: OrganizationCommandName,
  input: unknown,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const handler = ORGANIZATION_COMMAND_HANDLERS[command] as (
    o: Organization,
    i: unknown,
    a: Actor,
    c: OrgContext,
  ) => Result<Organization>;
  return handler(org, input, actor, ctx);
}
