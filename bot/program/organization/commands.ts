// The organisation commands by name, for the verb router (input validated inside each).
import type { OrgContext } from '../context';
import type { Actor, Organization, Result } from '../model';
import {
  enroll,
  recordEnrollmentLapsed,
  registerSavb,
  renewEnrollment,
  updateEnrollmentLocations,
} from './enrollment';
import {
  recordAssessment,
  recordCompetency,
  recordComplianceTraining,
  removeAssessment,
  removeCompetency,
} from './eligibility';
import { assignRole, claimGlobalAdmin, removeRole } from './people';
import { recordBusinessProfileUpdate } from './profile';
import { setOrganizationTimeZone, setProgramChannel, updateSettings } from './settings';

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
