// Read-only verbs: open a card. They change nothing, so they need no ETag; a voucher id is still looked up
// inside the caller's tenant only.
import { z } from 'zod';
import { VoucherState, type Voucher } from '../../program/model';
import type { Stored } from '../../store';
import {
  eligibilityCard,
  enrollmentCard,
  helpCard,
  intakeCard,
  listCard,
  nextCard,
  peopleCard,
  profileCard,
  settingsCard,
  voucherCard,
  VOUCHER_STEPS,
} from '../views';
import { TRANSITIONS, type StateCommand } from '../../program/transitions';
import { DocId } from './inputs';
import { notFound, showVerb, type VerbEnv, type VerbHandler } from './kit';

/** Every voucher of the tenant (one single-partition query), newest first. */
export async function tenantVouchers(env: Pick<VerbEnv, 'repos' | 'scope'>, state?: string): Promise<Stored<Voucher>[]> {
  return env.repos.vouchers.query(env.scope.tenantId, {
    ...(state ? { where: 'c.state = @state', parameters: [{ name: '@state', value: state }] } : {}),
    orderBy: 'c.intakeOn DESC',
    limit: 500,
  });
}

export const showNext = showVerb(async (env) => nextCard(env, (await tenantVouchers(env)).map((s) => s.doc)));
export const showHelp = showVerb((env) => helpCard(env));
export const showEligibility = showVerb((env) => eligibilityCard(env));
export const showEnrollment = showVerb((env) => enrollmentCard(env));
export const showProfile = showVerb((env) => profileCard(env));
export const showPeople = showVerb((env) => peopleCard(env));
export const showSettings = showVerb((env) => settingsCard(env));
export const startIntake = showVerb((env) => intakeCard(env, { fromEmail: false }));

const STEP_COMMANDS: Record<(typeof VOUCHER_STEPS)[number], readonly StateCommand[]> = {
  detail: [],
  reserve: ['reserve'],
  cancel: ['cancelReservation'],
  report: ['submitReport'],
  redeem: ['redeem'],
  payment: ['requestPayment'],
  outcome: ['recordApproval', 'recordPayment', 'recordDenial'],
};

const ShowVoucher = z.object({ voucherId: DocId, step: z.enum(VOUCHER_STEPS).catch('detail') });

export const showVoucher: VerbHandler = async (env, data) => {
  const ref = ShowVoucher.safeParse(data);
  if (!ref.success) return notFound(env);
  const stored = await env.repos.vouchers.read(env.scope.tenantId, ref.data.voucherId);
  if (!stored) return notFound(env);
  // A step the voucher is no longer in (someone moved it on) shows its detail instead.
  const commands = STEP_COMMANDS[ref.data.step];
  const step = commands.length === 0 || commands.some((c) => TRANSITIONS[c].from.includes(stored.doc.state)) ? ref.data.step : 'detail';
  return { card: voucherCard(env, stored, step), changed: false };
};

const ListRequest = z.object({
  page: z.coerce.number().int().min(1).max(1000).catch(1),
  state: VoucherState.optional().catch(undefined),
});

export const listVouchers: VerbHandler = async (env, data) => {
  const { page, state } = ListRequest.parse(data);
  const vouchers = await tenantVouchers(env, state);
  return { card: listCard(env, vouchers, page, state), changed: false };
};
