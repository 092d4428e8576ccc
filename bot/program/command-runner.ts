// The one path of every command of either aggregate: role → input (zod) → role that depends on the input →
// the command's guards → the changed document with one audit entry appended. Nothing is mutated.
import type { z } from 'zod';
import { actorToday, auditEntry, type AuditNote, type OrgContext } from './context';
import type { Actor, AuditEntry, IsoDate, Organization, Refusal, Result } from './model';
import { ok, parseInput, refused } from './result';
import { checkRole, type RoleRule } from './roles';

export interface CommandSpec<S extends z.ZodType> {
  /** The audit action and the name refusals give, e.g. `voucher.reserve`, `role.assign`. */
  command: string;
  schema: S;
  /** A fixed rule is checked before the input is parsed; one that depends on the input, right after. */
  role: RoleRule | ((input: z.output<S>) => RoleRule);
}

/** Who runs the command, and the organisation whose roles and time zones apply. */
export interface CommandCaller {
  org: Organization;
  actor: Actor;
  ctx: OrgContext;
}

/** The document changed by a command, and what its audit entry says. */
export type Changed<D> = AuditNote & { doc: D };
/** Nothing to do (e.g. a role the person already holds): the document as it was, without an audit entry. */
export interface Unchanged<D> {
  unchanged: D;
}
/** What a command's body decides: refusals (at least one), no change, or a change. */
export type Outcome<D> = Refusal[] | Unchanged<D> | Changed<D>;

export function runCommand<S extends z.ZodType, D extends { audit: AuditEntry[] }>(
  spec: CommandSpec<S>,
  caller: CommandCaller,
  raw: unknown,
  body: (input: z.output<S>, today: IsoDate) => Outcome<D>,
): Result<D> {
  const { org, actor, ctx } = caller;
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
  const out = body(parsed.value, actorToday(org, actor, ctx));
  if (Array.isArray(out)) return refused(out);
  if ('unchanged' in out) return ok(out.unchanged);
  const { doc, ...note } = out;
  return ok({ ...doc, audit: [...doc.audit, auditEntry(actor, ctx.now, spec.command, note)] });
}
