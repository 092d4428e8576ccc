// A verb over the organisation document (steps 1–3, people, settings): the card's ETag against the
// organisation the turn loaded → the person's inputs → the command as the actor → ETag-checked write → the
// card it was submitted from, again. Every failure answers with that card saying why, and changes nothing.
import { zonedDate } from '../../i18n';
import { z } from 'zod';
import type { Actor, OrgContext, Organization, Result, Voucher } from '../../program';
import { ConcurrencyConflict, type Stored, type VoucherRepository } from '../../store';
import { withOrganization } from '../scope';
import type { Card, Extras } from '../views';
import { Etag } from './inputs';
import { changedSinceOpened, inputErrors, invalidCard, refusals, saved } from './replies';
import type { VerbEnv, VerbHandler } from './verb';

export interface OrgVerbSpec<S extends z.ZodType> {
  inputs: S;
  apply(org: Organization, input: z.output<S>, actor: Actor, ctx: OrgContext): Result<Organization>;
  /** The card the verb is submitted from, shown again after it. */
  view(env: VerbEnv, extras: Extras): Card | Promise<Card>;
  /** The tenant's vouchers the command's guards look at (one single-partition query), if any. */
  relatedVouchers?: (
    vouchers: VoucherRepository,
    tenantId: string,
    input: z.output<S>,
  ) => Promise<Stored<Voucher>[]>;
  aliases?: Record<string, string>;
}

const OrgRef = z.object({ etag: Etag });

export function orgVerb<S extends z.ZodType>(spec: OrgVerbSpec<S>): VerbHandler {
  return async (env, data) => {
    const { tenantId } = env.scope;
    // Opening the form changes nothing, whatever else the data says (such a turn reads recent copies: index.ts).
    if (data.step === 'open') return { card: await spec.view(env, {}), changed: false };
    const ref = OrgRef.safeParse(data);
    if (!ref.success) return { card: await spec.view(env, invalidCard(env)), changed: false };
    const stored = env.scope.org;
    if (stored.etag !== ref.data.etag) return changedSinceOpened(env, spec.view);
    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success)
      return { card: await spec.view(env, inputErrors(env, parsed.error, data)), changed: false };
    const related = spec.relatedVouchers
      ? (await spec.relatedVouchers(env.repos.vouchers, tenantId, parsed.data)).map((s) => s.doc)
      : undefined;
    const ctx: OrgContext = {
      rules: env.rules,
      now: env.now,
      defaultTimeZone: env.defaultTimeZone,
      localDate: zonedDate,
      ...(related ? { vouchers: related } : {}),
    };
    const result = spec.apply(stored.doc, parsed.data, env.scope.actor, ctx);
    if (!result.ok)
      return {
        card: await spec.view(env, refusals(env, result.refusals, data, spec.aliases)),
        changed: false,
      };
    if (result.value === stored.doc) return { card: await spec.view(env, saved(env)), changed: false };
    let next: Stored<Organization>;
    try {
      next = await env.repos.organizations.save(tenantId, result.value, stored.etag);
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await env.repos.organizations.get(tenantId);
      if (!fresh) throw err;
      return changedSinceOpened({ ...env, scope: withOrganization(env.scope, fresh) }, spec.view);
    }
    // The person may have changed their own language or time zone: answer in the new one.
    const after: VerbEnv = { ...env, scope: withOrganization(env.scope, next) };
    return { card: await spec.view(after, saved(after)), changed: true };
  };
}
