// The machinery every Action.Execute verb shares. A verb handler gets the card's data (ids, step, ETag and the
// person's inputs), and either changes one document through a program command or only shows something.
// For a change: validate the card data and the inputs with zod → reload the document (scoped by the caller's
// tenant: another tenant's id is simply not found) → compare the card's ETag → apply the command as the actor →
// ETag-checked write → the new card. Every failure answers with a card saying why, and changes nothing.
import type { z } from 'zod';
import type { Logger } from '../../logger';
import type { OrgContext, VoucherContext } from '../../program/context';
import type { Actor, Organization, Refusal, Result, Voucher } from '../../program/model';
import { TRANSITIONS, type StateCommand } from '../../program/transitions';
import { t } from '../../i18n';
import { ConcurrencyConflict, type QuerySpec, type Stored } from '../../store';
import type { Card } from '../card';
import type { Repos } from '../repos';
import { say } from '../say';
import { withOrganization, type TurnScope } from '../scope';
import { messageCard, placeRefusals, voucherCard, type Extras, type ViewEnv, type VoucherStep } from '../views';
import { DocId, Etag, fieldErrors } from './inputs';
import { z as zod } from 'zod';

export interface VerbEnv extends ViewEnv {
  repos: Repos;
  logger: Logger;
  /** The team channel the action came from (shared conversations in a team), from the activity. */
  channel?: { teamId?: string; channelId: string; name?: string };
}

export interface VerbReply {
  card: Card;
  /** Something was stored: in a shared conversation the card is updated for everyone. */
  changed: boolean;
}

export type VerbData = Record<string, unknown>;
export type VerbHandler = (env: VerbEnv, data: VerbData) => Promise<VerbReply>;

export const VoucherRef = zod.object({ voucherId: DocId, etag: Etag });
export const OrgRef = zod.object({ etag: Etag });

export function stale(env: ViewEnv): Extras {
  return { notice: { text: t(env.scope.locale, 'notice.stale'), tone: 'warning' } };
}

export function saved(env: ViewEnv): Extras {
  return { notice: { text: t(env.scope.locale, 'notice.saved'), tone: 'good' } };
}

export function invalidCard(env: ViewEnv): Extras {
  return { notice: { text: say(env.scope.locale, 'notice.invalidCard'), tone: 'attention' } };
}

export function notFound(env: ViewEnv): VerbReply {
  const loc = env.scope.locale;
  return {
    card: messageCard(loc, t(loc, 'notice.refusedTitle'), say(loc, 'notice.notFound'), [
      { title: t(loc, 'list.title'), verb: 'voucher.list', data: { page: 1 } },
      { title: t(loc, 'welcome.title'), verb: 'next.show', data: {} },
    ]),
    changed: false,
  };
}

/** What the person typed, so a card with errors keeps it (strings only, bounded). */
export function typedValues(data: VerbData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' && v.length <= 4000 && /^[A-Za-z][A-Za-z0-9]{0,40}$/.test(k)) out[k] = v;
  }
  return out;
}

/** The card field a refusal is about (as named by the domain, or by rule). */
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
  'payment.reasonRequired': 'reason',
  'enrollment.agreementAfterEnrollment': 'agreementSignedOn',
  'enrollment.offeringUnknown': 'offeringId',
  'settings.timeZoneInvalid': 'timeZone',
  'settings.localeUnsupported': 'locale',
};

export function fieldOf(aliases: Record<string, string> = {}): (r: Refusal) => string | undefined {
  return (r) => {
    const named = typeof r.params.field === 'string' ? r.params.field.split('.')[0] : undefined;
    const f = named ?? RULE_FIELDS[r.rule];
    return f ? (aliases[f] ?? f) : undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------
// One voucher

export interface VoucherVerbSpec<S extends z.ZodType> {
  /** The card the verb is submitted from; re-rendered with errors. */
  step: VoucherStep;
  /** The program commands this verb may apply (decides whether a fresh card can still offer the step). */
  commands: readonly StateCommand[];
  /** The person's inputs on that card, coerced and bounded. */
  inputs: S;
  apply(voucher: Voucher, input: z.output<S>, actor: Actor, ctx: VoucherContext): Result<Voucher>;
  /** The tenant's other vouchers the guards look across (one single-partition query), if any. */
  across?: (voucher: Voucher) => QuerySpec;
  /** Domain field name → card field id. */
  aliases?: Record<string, string>;
}

function stepFor(spec: { step: VoucherStep; commands: readonly StateCommand[] }, v: Voucher): VoucherStep {
  return spec.commands.some((c) => TRANSITIONS[c].from.includes(v.state)) ? spec.step : 'detail';
}

export function voucherVerb<S extends z.ZodType>(spec: VoucherVerbSpec<S>): VerbHandler {
  return async (env, data) => {
    const ref = VoucherRef.safeParse(data);
    if (!ref.success) {
      // Forged or broken card data: show the voucher it names if it is ours, else say it is not found.
      const id = DocId.safeParse(data.voucherId);
      const found = id.success ? await env.repos.vouchers.read(env.scope.tenantId, id.data) : undefined;
      return found ? { card: voucherCard(env, found, 'detail', invalidCard(env)), changed: false } : notFound(env);
    }
    const stored = await env.repos.vouchers.read(env.scope.tenantId, ref.data.voucherId);
    if (!stored) return notFound(env);
    if (stored.etag !== ref.data.etag) return { card: voucherCard(env, stored, stepFor(spec, stored.doc), stale(env)), changed: false };

    const values = typedValues(data);
    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success) {
      const errors = fieldErrors(env.scope.locale, parsed.error);
      const notice = { text: t(env.scope.locale, 'notice.refusedTitle'), tone: 'attention' as const, details: Object.values(errors) };
      return { card: voucherCard(env, stored, spec.step, { errors, values, notice }), changed: false };
    }
    const vouchers = spec.across ? (await env.repos.vouchers.query(env.scope.tenantId, spec.across(stored.doc))).map((s) => s.doc) : undefined;
    const ctx: VoucherContext = { rules: env.rules, now: env.now, defaultTimeZone: env.defaultTimeZone, org: env.scope.org.doc, ...(vouchers ? { vouchers } : {}) };
    const result = spec.apply(stored.doc, parsed.data, env.scope.actor, ctx);
    if (!result.ok) {
      const extras = placeRefusals(env, result.refusals, fieldOf(spec.aliases));
      return { card: voucherCard(env, stored, spec.step, { ...extras, values }), changed: false };
    }
    try {
      const next = await env.repos.vouchers.replace(result.value, stored.etag);
      return { card: voucherCard(env, next, 'detail', saved(env)), changed: true };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await env.repos.vouchers.read(env.scope.tenantId, stored.doc.id);
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
  /** The card the verb is submitted from, and shown after it. */
  view(env: ViewEnv, extras: Extras): Card;
  /** The guards look across the tenant's vouchers (one single-partition query). */
  across?: (input: z.output<S>) => QuerySpec;
  aliases?: Record<string, string>;
}

export function orgVerb<S extends z.ZodType>(spec: OrgVerbSpec<S>): VerbHandler {
  return async (env, data) => {
    const ref = OrgRef.safeParse(data);
    if (!ref.success) return { card: spec.view(env, invalidCard(env)), changed: false };
    const stored = env.scope.org;
    if (stored.etag !== ref.data.etag) return { card: spec.view(env, stale(env)), changed: false };
    const values = typedValues(data);
    const parsed = spec.inputs.safeParse(data);
    if (!parsed.success) {
      const errors = fieldErrors(env.scope.locale, parsed.error);
      const notice = { text: t(env.scope.locale, 'notice.refusedTitle'), tone: 'attention' as const, details: Object.values(errors) };
      return { card: spec.view(env, { errors, values, notice }), changed: false };
    }
    const vouchers = spec.across ? (await env.repos.vouchers.query(env.scope.tenantId, spec.across(parsed.data))).map((s) => s.doc) : undefined;
    const ctx: OrgContext = { rules: env.rules, now: env.now, defaultTimeZone: env.defaultTimeZone, ...(vouchers ? { vouchers } : {}) };
    const result = spec.apply(stored.doc, parsed.data, env.scope.actor, ctx);
    if (!result.ok) {
      const extras = placeRefusals(env, result.refusals, fieldOf(spec.aliases));
      return { card: spec.view(env, { ...extras, values }), changed: false };
    }
    let next: Stored<Organization>;
    try {
      next = await env.repos.organizations.replace(result.value, stored.etag);
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      const fresh = await env.repos.organizations.read(env.scope.tenantId, stored.doc.id);
      if (!fresh) throw err;
      const freshEnv = { ...env, scope: withOrganization(env.scope, fresh) };
      return { card: spec.view(freshEnv, stale(freshEnv)), changed: false };
    }
    // The person may have changed their own language or time zone: answer in the new one.
    const after: ViewEnv = { ...env, scope: withOrganization(env.scope, next) };
    return { card: spec.view(after, saved(after)), changed: true };
  };
}

/** Read-only verbs (show a card): the scope is all they need. */
export function showVerb(view: (env: VerbEnv, data: VerbData) => Promise<Card> | Card): VerbHandler {
  return async (env, data) => ({ card: await view(env, data), changed: false });
}

export type { TurnScope };
