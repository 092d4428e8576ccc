// The machinery every Action.Execute verb shares. A verb handler gets the card's data (ids, step, ETag and the
// person's inputs) and either changes one document through a program command or only shows something.
// A change goes: validate the card data and the inputs with zod → reload the document (scoped by the caller's
// tenant: another tenant's id is simply not found) → compare the card's ETag → apply the command as the actor
// → ETag-checked write → the new card. Every failure answers with a card saying why, and changes nothing.
import { z } from 'zod';
import { refusalNotice, savedNotice, staleNotice } from '../../../cards';
import type { Logger } from '../../logger';
import {
  TRANSITIONS,
  type Actor,
  type OrgContext,
  type Organization,
  type Refusal,
  type Result,
  type StateCommand,
  type Voucher,
  type VoucherContext,
} from '../../program';
import { t } from '../../i18n';
import { ConcurrencyConflict, type QuerySpec, type ReadOptions, type Stored } from '../../store';
import type { Repos } from '../repos';
import { say } from '../say';
import { withOrganization } from '../scope';
import { noticeCard, voucherCard, type Card, type Extras, type ViewEnv, type VoucherStep } from '../views';
import { DocId, Etag, fieldErrors } from './inputs';

export interface VerbEnv extends ViewEnv {
  repos: Repos;
  logger: Logger;
  /** The team channel the action came from (shared conversations in a team), from the activity. */
  channel?: { teamId?: string; channelId: string; name?: string };
  /** How current reads must be: `{ maxAgeMs }` when the turn only shows something, else `{}` (ask the database). */
  read: ReadOptions;
}

export interface VerbReply {
  card: Card;
  /** Something was stored: in a shared conversation the card is updated for everyone. */
  changed: boolean;
}

export type VerbData = Record<string, unknown>;
export type VerbHandler = (env: VerbEnv, data: VerbData) => Promise<VerbReply>;

export const VoucherRef = z.object({ voucherId: DocId, etag: Etag });
export const OrgRef = z.object({ etag: Etag });

export const stale = (env: ViewEnv): Extras => ({ notice: staleNotice(env.scope.locale) });
export const saved = (env: ViewEnv): Extras => ({ notice: savedNotice(env.scope.locale) });
export const invalidCard = (env: ViewEnv): Extras => ({
  notice: { tone: 'error', text: say(env.scope.locale, 'notice.invalidCard') },
});

export function notFound(env: ViewEnv): VerbReply {
  return {
    card: noticeCard(env.scope.locale, { tone: 'error', text: say(env.scope.locale, 'notice.notFound') }),
    changed: false,
  };
}

/** What the person typed, so a card with errors keeps it (strings only, bounded). */
export function typedValues(data: VerbData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (
      (typeof v === 'string' || typeof v === 'number') &&
      String(v).length <= 4000 &&
      /^[A-Za-z][A-Za-z0-9_-]{0,100}$/.test(k)
    )
      out[k] = String(v);
  }
  return out;
}

/** zod problems with the inputs → the same card with a message under each field. */
export function inputErrors(env: ViewEnv, error: z.ZodError, data: VerbData): Extras {
  const errors = fieldErrors(env.scope.locale, error);
  return {
    errors,
    values: typedValues(data),
    notice: { tone: 'error', text: t(env.scope.locale, 'notice.refusedTitle') },
  };
}

/** The card field a refusal is about (as named by the domain's `field`, or by its rule). */
const RULE_FIELDS: Partial<Record<Refusal['rule'], string>> = {
  'reservation.engagementUnknown': 'engagementId',
  'reservation.locationUnknown': 'partnerLocationId',
  'reservation.countryNotApproved': 'deliveryCountry',
  'reservation.startNotInFuture': 'plannedStart',
  'reservation.endBeforeStart': 'plannedEnd',
  'reservation.offsiteDaysExceeded': 'offsiteDays',
  'reservation.consultantRequired': 'consultants',
  'reservation.consultantUnknown': 'consultants',
  'reservation.reasonRequired': 'reason',
  'report.endBeforeStart': 'actualEnd',
  'report.deliverableRequired': 'deliverableReference1',
  'report.daysExceedVoucher': 'daysDelivered',
  'voucher.numberInvalid': 'voucherNumber',
  'voucher.alreadyActive': 'voucherNumber',
  'voucher.offeringUnknown': 'offeringId',
  'voucher.expiryBeforeAssignment': 'expiresOn',
  'payment.reasonRequired': 'denialReason',
  'enrollment.agreementAfterEnrollment': 'agreementSignedOn',
  'enrollment.offeringUnknown': 'offeringId',
  'settings.timeZoneInvalid': 'timeZone',
  'settings.localeUnsupported': 'locale',
};

/** Refusals → the banner lists them all; those about one field are also shown under it. */
export function refusals(
  env: ViewEnv,
  list: readonly Refusal[],
  data: VerbData,
  aliases: Record<string, string> = {},
): Extras {
  const errors: Record<string, string> = {};
  const notice = refusalNotice(env.scope.locale, list, env.scope.timeZone);
  list.forEach((r, i) => {
    const named = typeof r.params.field === 'string' ? r.params.field.split('.')[0] : undefined;
    const f = named ?? RULE_FIELDS[r.rule];
    const id = f ? (aliases[f] ?? f) : undefined;
    const message = notice.details?.[i];
    if (id && message && !errors[id]) errors[id] = message;
  });
  return { notice, errors, values: typedValues(data) };
}

// ---------------------------------------------------------------------------------------------------------
// One voucher: a form verb. `step: 'open'` shows the form; anything else submits it.

export interface VoucherVerbSpec<S extends z.ZodType> {
  /** The card of this verb. */
  step: VoucherStep;
  /** The program commands this verb may apply (decides whether the form can still be offered). */
  commands: readonly StateCommand[];
  /** The person's inputs on that card, coerced and bounded. */
  inputs: S;
  apply(voucher: Voucher, input: z.output<S>, actor: Actor, ctx: VoucherContext): Result<Voucher>;
  /** The tenant's other vouchers the guards look across (one single-partition query), if any. */
  across?: (voucher: Voucher) => QuerySpec;
  /** Domain field name → card input id. */
  aliases?: Record<string, string>;
}

const OpenRequest = z.object({ voucherId: DocId, step: z.literal('open') });

function stepFor(spec: { step: VoucherStep; commands: readonly StateCommand[] }, v: Voucher): VoucherStep {
  return spec.commands.some((c) => TRANSITIONS[c].from.includes(v.state)) ? spec.step : 'detail';
}

export function voucherVerb<S extends z.ZodType>(spec: VoucherVerbSpec<S>): VerbHandler {
  return async (env, data) => {
    const { tenantId } = env.scope;
    const open = OpenRequest.safeParse(data);
    if (open.success) {
      const stored = await env.repos.vouchers.get(tenantId, open.data.voucherId, env.read);
      return stored
        ? { card: voucherCard(env, stored, stepFor(spec, stored.doc)), changed: false }
        : notFound(env);
    }
    const ref = VoucherRef.safeParse(data);
    if (!ref.success) {
      // Broken or forged card data: show the voucher it names if it is this tenant's, else "not found".
      const id = DocId.safeParse(data.voucherId);
      const found = id.success ? await env.repos.vouchers.get(tenantId, id.data) : undefined;
      return found
        ? { card: voucherCard(env, found, stepFor(spec, found.doc), invalidCard(env)), changed: false }
        : notFound(env);
    }
    // The version the card was rendered from, if this instance has it, is taken without a read: the write below
    // is ETag-checked, so a newer version on the server ends in the stale-card answer, never a lost update.
    const stored = await env.repos.vouchers.get(tenantId, ref.data.voucherId, { atVersion: ref.data.etag });
    if (!stored) return notFound(env);
    if (stored.etag !== ref.data.etag)
      return { card: voucherCard(env, stored, stepFor(spec, stored.doc), stale(env)), changed: false };
    // Before saying no from that copy, make sure it is still current: a newer version gets the stale-card answer.
    const unlessChanged = async (answer: () => VerbReply): Promise<VerbReply> => {
      const now = await env.repos.vouchers.get(tenantId, stored.doc.id);
      if (!now) return notFound(env);
      if (now.etag !== stored.etag)
        return { card: voucherCard(env, now, stepFor(spec, now.doc), stale(env)), changed: false };
      return answer();
    };

    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success) {
      const error = parsed.error;
      return unlessChanged(() => ({
        card: voucherCard(env, stored, spec.step, inputErrors(env, error, data)),
        changed: false,
      }));
    }
    const vouchers = spec.across
      ? (await env.repos.voucherQueries.query(tenantId, spec.across(stored.doc))).map((s) => s.doc)
      : undefined;
    const ctx: VoucherContext = {
      rules: env.rules,
      now: env.now,
      defaultTimeZone: env.defaultTimeZone,
      org: env.scope.org.doc,
      ...(vouchers ? { vouchers } : {}),
    };
    const result = spec.apply(stored.doc, parsed.data, env.scope.actor, ctx);
    if (!result.ok) {
      const list = result.refusals;
      return unlessChanged(() => ({
        card: voucherCard(env, stored, stepFor(spec, stored.doc), refusals(env, list, data, spec.aliases)),
        changed: false,
      }));
    }
    try {
      const next = await env.repos.vouchers.save(tenantId, result.value, stored.etag);
      return { card: voucherCard(env, next, 'detail', saved(env)), changed: true };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await env.repos.vouchers.get(tenantId, stored.doc.id);
      if (!fresh) return notFound(env);
      return { card: voucherCard(env, fresh, stepFor(spec, fresh.doc), stale(env)), changed: false };
    }
  };
}

// ---------------------------------------------------------------------------------------------------------
// The organisation

export interface OrgVerbSpec<S extends z.ZodType> {
  inputs: S;
  apply(org: Organization, input: z.output<S>, actor: Actor, ctx: OrgContext): Result<Organization>;
  /** The card the verb is submitted from, shown again after it. */
  view(env: VerbEnv, extras: Extras): Card | Promise<Card>;
  /** The guards look across the tenant's vouchers (one single-partition query). */
  across?: (input: z.output<S>) => QuerySpec;
  aliases?: Record<string, string>;
}

export function orgVerb<S extends z.ZodType>(spec: OrgVerbSpec<S>): VerbHandler {
  return async (env, data) => {
    const ref = OrgRef.safeParse(data);
    if (!ref.success) return { card: await spec.view(env, invalidCard(env)), changed: false };
    const stored = env.scope.org;
    if (stored.etag !== ref.data.etag) return { card: await spec.view(env, stale(env)), changed: false };
    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success)
      return { card: await spec.view(env, inputErrors(env, parsed.error, data)), changed: false };
    const vouchers = spec.across
      ? (await env.repos.voucherQueries.query(env.scope.tenantId, spec.across(parsed.data))).map((s) => s.doc)
      : undefined;
    const ctx: OrgContext = {
      rules: env.rules,
      now: env.now,
      defaultTimeZone: env.defaultTimeZone,
      ...(vouchers ? { vouchers } : {}),
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
      next = await env.repos.organizations.save(env.scope.tenantId, result.value, stored.etag);
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await env.repos.organizations.get(env.scope.tenantId);
      if (!fresh) throw err;
      const freshEnv = { ...env, scope: withOrganization(env.scope, fresh) };
      return { card: await spec.view(freshEnv, stale(freshEnv)), changed: false };
    }
    // The person may have changed their own language or time zone: answer in the new one.
    const after: VerbEnv = { ...env, scope: withOrganization(env.scope, next) };
    return { card: await spec.view(after, saved(after)), changed: true };
  };
}

/** Read-only verbs: show a card. */
export function showVerb(view: (env: VerbEnv, data: VerbData) => Promise<Card> | Card): VerbHandler {
  return async (env, data) => ({ card: await view(env, data), changed: false });
}
