// Step 1, as records: compliance training, the company's competencies, the consultants' assessments.
import { z } from 'zod';
import type { OrgContext } from '../context';
import { notInFuture } from '../date-guards';
import { CompetencyLevel, IsoDate, type Actor, type Organization, type Result, type Role } from '../model';
import { refusal } from '../result';
import { findPerson, PARTNER_ADMIN } from '../roles';
import { competencyNames } from '../rules';
import { withPerson } from './person-records';
import { runOrganizationCommand } from './run';

export const ComplianceTrainingInput = z.object({ completedOn: IsoDate });
export function recordComplianceTraining(
  org: Organization,
  input: z.input<typeof ComplianceTrainingInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'eligibility.recordTraining', schema: ComplianceTrainingInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const problems = notInFuture('completedOn', i.completedOn, today);
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : 'system';
      return {
        doc: { ...org, complianceTraining: { completedOn: i.completedOn, recordedBy: by } },
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
  return runOrganizationCommand(
    { command: 'eligibility.recordCompetency', schema: CompetencyInput, role: PARTNER_ADMIN },
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
        doc: { ...org, competencies },
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
  return runOrganizationCommand(
    { command: 'eligibility.removeCompetency', schema: RemoveCompetencyInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i) => {
      if (!org.competencies.some((c) => c.name === i.name)) {
        return [refusal('competency.unknown', { name: i.name, known: org.competencies.map((c) => c.name) })];
      }
      return {
        doc: { ...org, competencies: org.competencies.filter((c) => c.name !== i.name) },
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
  return runOrganizationCommand(spec, org, input, actor, ctx, (i, today) => {
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
      doc: withPerson(org, { ...person, assessments: [...person.assessments, assessment] }),
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
  return runOrganizationCommand(spec, org, input, actor, ctx, (i) => {
    const userId = i.userId ?? self;
    const person = findPerson(org, userId);
    if (!person?.assessments.some((a) => a.id === i.assessmentId))
      return [refusal('assessment.unknown', { userId, assessmentId: i.assessmentId })];
    return {
      doc: withPerson(org, {
        ...person,
        assessments: person.assessments.filter((a) => a.id !== i.assessmentId),
      }),
      details: { userId, assessmentId: i.assessmentId },
    };
  });
}
