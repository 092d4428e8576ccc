// Read-only verbs: open a card. They change nothing, so they need no ETag; a voucher id is still looked up
// inside the caller's tenant only.
import { z } from 'zod';
import { VoucherState, type Voucher } from '../../program';
import type { Stored } from '../../store';
import {
  eligibilityCard,
  helpCard,
  intakeCard,
  listCard,
  peopleCard,
  profileCard,
  settingsCard,
  voucherCard,
  welcomeCard,
} from '../views';
import { DocId } from './inputs';
import { notFound } from './replies';
import { showVerb, type VerbEnv, type VerbHandler } from './verb';
import { enrollmentView } from './organization';

/** The tenant's vouchers (one single-partition query, or a recent result of it), newest state change first. */
export async function tenantVouchers(
  env: Pick<VerbEnv, 'repos' | 'scope'>,
  state?: string,
): Promise<Stored<Voucher>[]> {
  const all = state
    ? await env.repos.vouchers.listByState(env.scope.tenantId, [state as Voucher['state']])
    : await env.repos.vouchers.list(env.scope.tenantId);
  return [...all].reverse();
}

export const showNext = showVerb(async (env) => welcomeCard(env, await tenantVouchers(env)));
export const showHelp = showVerb((env) => helpCard(env));
export const showEligibility = showVerb((env) => eligibilityCard(env));
export const showEnrollment = showVerb((env) => enrollmentView(env, {}));
export const showProfile = showVerb((env) => profileCard(env));
export const showPeople = showVerb((env) => peopleCard(env));
export const showSettings = showVerb((env) => settingsCard(env, env.channel));
export const startIntake = showVerb((env) => intakeCard(env, { source: 'manual', fields: {} }));

const ShowVoucher = z.object({ voucherId: DocId });

export const showVoucher: VerbHandler = async (env, data) => {
  const ref = ShowVoucher.safeParse(data);
  if (!ref.success) return notFound(env);
  const stored = await env.repos.vouchers.get(env.scope.tenantId, ref.data.voucherId);
  return stored ? { card: voucherCard(env, stored, 'detail'), changed: false } : notFound(env);
};

/** Paging carries the page number; the state filter is an input (stateFilter), '' = all. */
const ListRequest = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  stateFilter: VoucherState.optional().catch(undefined),
});

export const listVouchers: VerbHandler = async (env, data) => {
  const { page, stateFilter } = ListRequest.parse(data);
  const vouchers = await tenantVouchers(env, stateFilter);
  return { card: listCard(env, vouchers, page, stateFilter), changed: false };
};
