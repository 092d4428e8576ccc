// Free text: what a person types, matched to an intent (intents.ts), is answered with the card for it — the
// next concrete action, a list, a form. It only ever shows a card: changes go through card verbs.
import type { JourneyStep, Voucher, VoucherState } from '../program';
import type { Stored } from '../store';
import type { Intent } from './intents';
import { say } from './say';
import type { VerbEnv } from './verbs';
import type { ReminderVerbs } from './verbs/reminders';
import { tenantVouchers } from './verbs/show';
import {
  closestOutOfOrderCard,
  eligibilityCard,
  enrollmentCard,
  helpCard,
  intakeCard,
  intakeCardFromEmail,
  listCard,
  noticeCard,
  peopleCard,
  profileCard,
  settingsCard,
  voucherCard,
  welcomeCard,
  type Card,
  type VoucherStep,
} from './views';

/** The state a voucher must be in for each step asked for in free text, the card that does it, and the
 *  journey step it is (to say what comes first when no voucher is ready for it). */
const STEP_INTENTS: Partial<
  Record<Intent['kind'], { states: VoucherState[]; step: VoucherStep; journey: JourneyStep }>
> = {
  reserve: { states: ['Assigned'], step: 'reserve', journey: 'reserve' },
  cancelReservation: { states: ['Reserved'], step: 'cancel', journey: 'cancel' },
  report: { states: ['Delivered', 'Reserved'], step: 'report', journey: 'report' },
  redeem: { states: ['ReportSubmitted'], step: 'redeem', journey: 'redeem' },
  payment: { states: ['Redeemed', 'PaymentRequested'], step: 'payment', journey: 'payment' },
  paymentOutcome: { states: ['PaymentRequested'], step: 'outcome', journey: 'outcome' },
};

export async function cardForText(env: VerbEnv, intent: Intent, reminders: ReminderVerbs): Promise<Card> {
  const all = async (): Promise<Voucher[]> => (await tenantVouchers(env)).map((s) => s.doc);
  switch (intent.kind) {
    case 'welcome':
      return welcomeCard(env, await tenantVouchers(env), { firstRun: true });
    case 'next':
    case 'status':
      return welcomeCard(env, await tenantVouchers(env));
    case 'reminders':
      return reminders.list(env, await all());
    case 'testReminder':
      return (await reminders.test(env, {})).card;
    case 'help':
      return helpCard(env);
    case 'unknown':
      return helpCard(env, say(env.scope.locale, 'help.notUnderstood'));
    case 'eligibility':
      return eligibilityCard(env);
    case 'enrollment': {
      const redeemed = (await all()).filter((v) => v.redemption).map((v) => v.offeringId);
      return enrollmentCard(env, new Set(redeemed));
    }
    case 'profile':
      return profileCard(env);
    case 'people':
    case 'claimAdmin':
      return peopleCard(env);
    case 'settings':
    case 'language':
      return settingsCard(env, env.channel);
    case 'intake':
      return intakeCard(env, { source: 'manual', fields: {} });
    case 'pastedEmail':
      return intakeCardFromEmail(env, intent.text);
    case 'vouchers':
      return listCard(env, await tenantVouchers(env), 1, undefined);
    case 'voucher':
      return voucherByNumber(env, intent.voucherNumber);
    case 'voucherLink':
      return voucherById(env, intent.voucherId);
    default:
      return stepCard(env, intent.kind);
  }
}

async function voucherByNumber(env: VerbEnv, voucherNumber: string): Promise<Card> {
  const found = await env.repos.vouchers.findByNumber(env.scope.tenantId, voucherNumber);
  const stored = found.find((s) => s.doc.state !== 'Expired') ?? found[0];
  if (stored) return voucherCard(env, stored, 'detail');
  return voucherNotFound(env, voucherNumber);
}

/** A pasted voucher link: a point read in the caller's tenant, so another tenant's voucher is simply not found. */
async function voucherById(env: VerbEnv, voucherId: string): Promise<Card> {
  const stored = await env.repos.vouchers.get(env.scope.tenantId, voucherId);
  if (stored && stored.doc.tenantId === env.scope.tenantId) return voucherCard(env, stored, 'detail');
  return voucherNotFound(env, voucherId);
}

/** The same notice for an unknown number, an unknown id and another tenant's id: it never hints at existence. */
function voucherNotFound(env: VerbEnv, voucherNumber: string): Card {
  return noticeCard(env.scope.locale, {
    tone: 'warning',
    text: say(env.scope.locale, 'notice.voucherNumberNotFound', { voucherNumber }),
  });
}

/** "reserve", "canjear vale", …: the one voucher waiting for that step, a list when several, else what's next. */
async function stepCard(env: VerbEnv, kind: Intent['kind']): Promise<Card> {
  const wanted = STEP_INTENTS[kind];
  const vouchers = await tenantVouchers(env);
  if (!wanted) return welcomeCard(env, vouchers);
  const waiting: Stored<Voucher>[] = vouchers.filter((s) => wanted.states.includes(s.doc.state));
  const [only] = waiting;
  if (waiting.length === 1 && only) return voucherCard(env, only, wanted.step);
  if (waiting.length > 1) return listCard(env, waiting, 1, undefined);
  const notice = (key: 'stepOrder.noVoucher' | 'stepOrder.nothingWaiting') => ({
    notice: { tone: 'info' as const, text: say(env.scope.locale, key) },
  });
  if (vouchers.length === 0)
    return intakeCard(env, { source: 'manual', fields: {} }, notice('stepOrder.noVoucher'));
  // Asked too early: why not yet, and the card of the step that comes first.
  const first = closestOutOfOrderCard(env, vouchers, wanted.journey);
  if (first) return first;
  if (kind === 'reserve') return intakeCard(env, { source: 'manual', fields: {} });
  return welcomeCard(env, vouchers, { extras: notice('stepOrder.nothingWaiting') });
}
