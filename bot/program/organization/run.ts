// The shared command runner, for commands whose document is the organisation itself.
import type { z } from 'zod';
import { runCommand, type CommandSpec, type Outcome } from '../command-runner';
import type { OrgContext } from '../context';
import type { Actor, IsoDate, Organization, Result } from '../model';

export function runOrganizationCommand<S extends z.ZodType>(
  spec: CommandSpec<S>,
  org: Organization,
  raw: unknown,
  actor: Actor,
  ctx: OrgContext,
  body: (input: z.output<S>, today: IsoDate) => Outcome<Organization>,
): Result<Organization> {
  return runCommand(spec, { org, actor, ctx }, raw, body);
}
