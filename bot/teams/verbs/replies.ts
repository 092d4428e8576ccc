// What a verb answers besides the card itself: "saved", "this changed since you opened it", "not found", the
// person's inputs with a message under each field, and the domain's refusals in the person's language.
import type { z } from 'zod';
import { refusalNotice, savedNotice, staleNotice } from '../../../cards';
import { findPerson, type Refusal, type Voucher } from '../../program';
import { auditActionLabel, formatDateTime, t } from '../../i18n';
import { say } from '../say';
import { noticeCard, type Card, type Extras, type ViewEnv } from '../views';
import { fieldErrors } from './inputs';
import type { VerbData, VerbEnv, VerbReply } from './verb';

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

/** The card was rendered from an older version: "this changed since you opened it" on the current one. */
export async function changedSinceOpened(
  env: VerbEnv,
  view: (env: VerbEnv, extras: Extras) => Card | Promise<Card>,
): Promise<VerbReply> {
  return { card: await view(env, { notice: staleNotice(env.scope.locale) }), changed: false };
}

/**
 * The voucher moved on since the card was rendered: say what happened, who did it and when (the newest entry of
 * its trail) instead of only "this changed". `alreadyDone`: what the card asked for can no longer be done.
 */
export function changedByNotice(env: ViewEnv, voucher: Voucher, alreadyDone: boolean): Extras {
  const { locale, timeZone } = env.scope;
  const last = voucher.audit.at(-1);
  if (!last) return { notice: staleNotice(locale) };
  const who = last.byName || findPerson(env.scope.org.doc, last.by)?.name || last.by;
  const params = {
    what: auditActionLabel(locale, last.action),
    who,
    when: formatDateTime(locale, last.at, timeZone),
  };
  const key = alreadyDone ? 'notice.alreadyDone' : 'notice.changedBy';
  return { notice: { tone: 'warning', text: t(locale, key, params) } };
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
