// GET /api/tab/payments: payment request counts and totals per currency.
import type { TabRoute } from '../authenticated-route';
import { paymentsOf } from '../projection';
import { EmptyQuery } from '../query';
import { sendJson } from '../respond';
import type { TenantSummaries } from '../tenant-summaries';

export function paymentsRoute(tenants: TenantSummaries): TabRoute<typeof EmptyQuery> {
  return {
    path: '/payments',
    query: EmptyQuery,
    handle: async (_req, res, caller) => {
      sendJson(res, paymentsOf((await tenants.load(caller)).vouchers));
    },
  };
}
