// Step 3: the business profile in Partner Center was brought up to date.
import { z } from 'zod';
import type { OrgContext } from '../context';
import { notInFuture } from '../date-guards';
import { IsoDate, type Actor, type Organization, type Result } from '../model';
import { PARTNER_ADMIN } from '../roles';
import { runOrganizationCommand } from './run';

export const BusinessProfileInput = z.object({ updatedOn: IsoDate.optional() }).default({});
export function recordBusinessProfileUpdate(
  org: Organization,
  input: z.input<typeof BusinessProfileInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'businessProfile.update', schema: BusinessProfileInput, role: PARTNER_ADMIN },
    org,
    input,
    actor,
    ctx,
    (i, today) => {
      const updatedOn = i.updatedOn ?? today;
      const problems = notInFuture('updatedOn', updatedOn, today);
      if (problems.length > 0) return problems;
      return { doc: { ...org, businessProfile: { lastUpdatedOn: updatedOn } }, details: { updatedOn } };
    },
  );
}
