// Search command "Find voucher" (composeExtension/query): the caller's tenant's vouchers by voucher number,
// customer or state, a page at a time; an empty query (or Teams' initial run) lists those due soonest. Each
// result is a preview plus the real voucher card (Action.Execute, refresh), which Teams inserts as it is.
import { z } from 'zod';
import { VOUCHER_STATES, type Voucher, type VoucherState } from '../../program';
import { stateLabel } from '../../i18n';
import type { Stored } from '../../store';
import { normalize } from '../intents';
import type { InvokeHandler } from '../invokes/routes';
import { say } from '../say';
import { offeringName, voucherCard } from '../views';
import type { VerbEnv } from '../verbs';
import { extensionMessage, noTenant, resultList } from './answers';
import { FIND_VOUCHER_COMMAND } from './commands';

/** Longest search text (a voucher ID is ≤ 64 characters, a customer name rarely longer). */
export const MAX_SEARCH_LENGTH = 100;
/** Results per page at most (Teams asks for 25 by default). */
const MAX_COUNT = 25;

const QueryValue = z.object({
  commandId: z.string().max(64),
  parameters: z
    .array(z.object({ name: z.string().max(64), value: z.unknown() }))
    .max(10)
    .optional(),
  queryOptions: z
    .object({ skip: z.number().int().min(0).optional(), count: z.number().int().min(1).optional() })
    .optional()
    .catch(undefined),
});

export const findVoucher: InvokeHandler = async (context, turn, kit) => {
  const value = QueryValue.safeParse(context.activity.value);
  if (!value.success || value.data.commandId !== FIND_VOUCHER_COMMAND)
    return extensionMessage(say(turn.locale, 'ext.unknownCommand'));
  if (!turn.identity) return noTenant(turn.locale, extensionMessage);
  const env = await kit.verbEnv(turn, true);
  const { locale, tenantId } = env.scope;
  const text = searchText(value.data.parameters ?? []);
  if (text.length > MAX_SEARCH_LENGTH)
    return extensionMessage(say(locale, 'ext.searchTooLong', { max: MAX_SEARCH_LENGTH }));
  const page = {
    skip: value.data.queryOptions?.skip ?? 0,
    count: Math.min(value.data.queryOptions?.count ?? MAX_COUNT, MAX_COUNT),
  };
  const { vouchers } = env.repos;
  const found =
    text === ''
      ? await vouchers.dueSoonestPage(tenantId, page)
      : await vouchers.searchPage(tenantId, { text, states: statesNamed(env, text) }, page);
  return resultList(found.map((stored) => resultOf(env, stored)));
};

/** The typed text: the `initialRun` parameter means none; `*` (a wildcard habit) and extra spaces are dropped. */
function searchText(parameters: readonly { name: string; value: unknown }[]): string {
  const typed = parameters.find((p) => p.name !== 'initialRun' && typeof p.value === 'string');
  const raw = typeof typed?.value === 'string' ? typed.value : '';
  return raw.replace(/\*/g, ' ').replace(/\s+/g, ' ').trim();
}

/** States whose name (English, the caller's language or the id) contains the text, from 3 letters on. */
function statesNamed(env: VerbEnv, text: string): VoucherState[] {
  const wanted = normalize(text);
  if (wanted.length < 3) return [];
  return VOUCHER_STATES.filter((state) =>
    [state, stateLabel('en', state), stateLabel(env.scope.locale, state)].some((name) =>
      normalize(name).includes(wanted),
    ),
  );
}

function resultOf(env: VerbEnv, stored: Stored<Voucher>) {
  const v = stored.doc;
  return {
    card: voucherCard(env, stored, 'detail'),
    preview: {
      title: `${v.voucherNumber} · ${v.customer.name}`,
      text: say(env.scope.locale, 'ext.preview', {
        state: stateLabel(env.scope.locale, v.state),
        offering: offeringName(env.rules, v.offeringId),
      }),
    },
  };
}
