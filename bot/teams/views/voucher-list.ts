// The organisation's vouchers, one page at a time, optionally filtered by state.
import { buildVoucherListCard } from '../../../cards';
import { voucherExpiryDate, VoucherState, type Voucher } from '../../program';
import type { Stored } from '../../store';
import type { Card, ViewEnv } from './view-env';

export const PAGE_SIZE = 10;

/** `page` is clamped to the pages there are; `stateFilter`: the state the caller filtered `vouchers` by. */
export function listCard(
  env: ViewEnv,
  vouchers: readonly Stored<Voucher>[],
  page: number,
  stateFilter: string | undefined,
): Card {
  const pages = Math.max(1, Math.ceil(vouchers.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return buildVoucherListCard(
    {
      page: current,
      pageSize: PAGE_SIZE,
      total: vouchers.length,
      items: vouchers.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map(({ doc: v }) => {
        const expiresOn = voucherExpiryDate(v, env.rules);
        return {
          voucherId: v.id,
          voucherNumber: v.voucherNumber,
          customerName: v.customer.name,
          offeringId: v.offeringId,
          days: v.days,
          state: v.state,
          ...(expiresOn ? { expiresOn } : {}),
        };
      }),
      states: [...VoucherState.options],
      ...(stateFilter ? { stateFilter } : {}),
    },
    env.scope.locale,
    { timeZone: env.scope.timeZone },
  );
}
