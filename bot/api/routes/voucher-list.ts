// GET /api/tab/vouchers: one page of the filtered, sorted voucher rows.
import type { TabRoute } from '../authenticated-route';
import { filterRows, sortRows, VoucherListQuery } from '../query';
import { sendJson } from '../respond';
import type { TenantSnapshots } from '../tenant-snapshots';
import type { TenantViews } from '../tenant-views';
import type { VoucherListView } from '../view-model';

const DEFAULT_PAGE_SIZE = 50;

export function voucherListRoute(
  tenants: TenantSnapshots,
  views: TenantViews,
): TabRoute<typeof VoucherListQuery> {
  return {
    path: '/vouchers',
    query: VoucherListQuery,
    handle: async (_req, res, caller, q) => {
      const { rows } = views.projected(await tenants.load(caller));
      const sorted = sortRows(filterRows(rows, q), q.sort, q.dir);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
      const body: VoucherListView = {
        items: sorted.slice((page - 1) * pageSize, page * pageSize),
        total: sorted.length,
        page,
        pageSize,
      };
      sendJson(res, body);
    },
  };
}
