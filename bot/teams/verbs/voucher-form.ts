// A verb over one voucher: `step: 'open'` shows its form; anything else submits it. A submit goes: validate
// the card data and the inputs with zod → reload the voucher in the caller's tenant (another tenant's id is
// simply not found) → compare the card's ETag → apply the command as the actor → ETag-checked write → the new
// card. Every failure answers with a card saying why, and changes nothing.
import { zonedDate } from '../../i18n';
import { z } from 'zod';
import {
  TRANSITIONS,
  type Actor,
  type Result,
  type StateCommand,
  type Voucher,
  type VoucherContext,
} from '../../program';
import { ConcurrencyConflict, type Stored, type VoucherRepository } from '../../store';
import { outOfOrderCard, voucherCard, type Extras, type VoucherStep } from '../views';
import { DocId, Etag } from './inputs';
import { changedByNotice, inputErrors, invalidCard, notFound, refusals, saved } from './replies';
import type { VerbEnv, VerbHandler, VerbReply } from './verb';

export interface VoucherVerbSpec<S extends z.ZodType> {
  /** The card of this verb. */
  step: VoucherStep;
  /** The program commands this verb may apply (decides whether the form can still be offered). */
  commands: readonly StateCommand[];
  /** The person's inputs on that card, coerced and bounded. */
  inputs: S;
  apply(voucher: Voucher, input: z.output<S>, actor: Actor, ctx: VoucherContext): Result<Voucher>;
  /** The tenant's other vouchers the command's guards look at (one single-partition query), if any. */
  relatedVouchers?: (
    vouchers: VoucherRepository,
    tenantId: string,
    voucher: Voucher,
  ) => Promise<Stored<Voucher>[]>;
  /** Domain field name → card input id. */
  aliases?: Record<string, string>;
  /** What else the change means once stored (e.g. a remembered choice); a failure here does not undo it. */
  afterSave?: (env: VerbEnv, saved: Voucher, input: z.output<S>) => Promise<void>;
}

const OpenRequest = z.object({ voucherId: DocId, step: z.literal('open') });
const VoucherRef = z.object({ voucherId: DocId, etag: Etag });

function stepFor(spec: { step: VoucherStep; commands: readonly StateCommand[] }, v: Voucher): VoucherStep {
  return spec.commands.some((c) => TRANSITIONS[c].from.includes(v.state)) ? spec.step : 'detail';
}

export function voucherVerb<S extends z.ZodType>(spec: VoucherVerbSpec<S>): VerbHandler {
  const show = (env: VerbEnv, stored: Stored<Voucher>, extras?: Extras): VerbReply => ({
    card: voucherCard(env, stored, stepFor(spec, stored.doc), extras),
    changed: false,
  });
  // Say what happened (issue #14 item 12): "Already done: completion report submitted, by Ana on …".
  const changed = (env: VerbEnv, current: Stored<Voucher>): VerbReply => {
    const step = stepFor(spec, current.doc);
    const notice = changedByNotice(env, current.doc, step !== spec.step);
    return { card: voucherCard(env, current, step, notice), changed: false };
  };

  return async (env, data) => {
    const { tenantId } = env.scope;
    const { vouchers } = env.repos;
    const open = OpenRequest.safeParse(data);
    if (open.success) {
      const stored = await vouchers.get(tenantId, open.data.voucherId);
      if (!stored) return notFound(env);
      // Opened too early: why not yet, and the step that comes first (the detail card would say neither).
      const early = spec.step === 'detail' ? undefined : outOfOrderCard(env, stored, spec.step);
      return early ? { card: early, changed: false } : show(env, stored);
    }
    const ref = VoucherRef.safeParse(data);
    if (!ref.success) {
      // Broken or forged card data: show the voucher it names if it is this tenant's, else "not found".
      const id = DocId.safeParse(data.voucherId);
      const found = id.success ? await vouchers.get(tenantId, id.data) : undefined;
      return found ? show(env, found, invalidCard(env)) : notFound(env);
    }
    const stored = await vouchers.atVersion(tenantId, ref.data.voucherId, ref.data.etag);
    if (!stored) return notFound(env);
    if (stored.etag !== ref.data.etag) return changed(env, stored);
    // Before saying no from a copy taken without a read, make sure it is still current.
    const unlessChanged = async (answer: () => VerbReply): Promise<VerbReply> => {
      const now = await vouchers.get(tenantId, stored.doc.id);
      if (!now) return notFound(env);
      return now.etag !== stored.etag ? changed(env, now) : answer();
    };

    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success) {
      const error = parsed.error;
      return unlessChanged(() => ({
        card: voucherCard(env, stored, spec.step, inputErrors(env, error, data)),
        changed: false,
      }));
    }
    const related = spec.relatedVouchers
      ? (await spec.relatedVouchers(vouchers, tenantId, stored.doc)).map((s) => s.doc)
      : undefined;
    const ctx: VoucherContext = {
      rules: env.rules,
      now: env.now,
      defaultTimeZone: env.defaultTimeZone,
      localDate: zonedDate,
      org: env.scope.org.doc,
      ...(related ? { vouchers: related } : {}),
    };
    const result = spec.apply(stored.doc, parsed.data, env.scope.actor, ctx);
    if (!result.ok) {
      const list = result.refusals;
      return unlessChanged(() => show(env, stored, refusals(env, list, data, spec.aliases)));
    }
    try {
      const next = await vouchers.save(tenantId, result.value, stored.etag);
      if (spec.afterSave) await remembered(env, () => spec.afterSave!(env, next.doc, parsed.data));
      return { card: voucherCard(env, next, 'detail', saved(env)), changed: true };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await vouchers.get(tenantId, stored.doc.id);
      return fresh ? changed(env, fresh) : notFound(env);
    }
  };
}

/** A follow-up that only remembers something: logged if it fails, the stored change stands. */
async function remembered(env: VerbEnv, follow: () => Promise<void>): Promise<void> {
  try {
    await follow();
  } catch (err) {
    env.logger.warn({ err }, 'a remembered choice was not stored');
  }
}
