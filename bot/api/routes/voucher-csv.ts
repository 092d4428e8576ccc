// GET /api/tab/vouchers.csv: every row of the filtered, sorted list as a CSV download.
import type { TabRoute } from '../authenticated-route';
import { rowsToCsv } from '../csv';
import { filterRows, sortRows, VoucherCsvQuery } from '../query';
import type { TenantSnapshots } from '../tenant-snapshots';
import type { TenantViews } from '../tenant-views';

export function voucherCsvRoute(
  tenants: TenantSnapshots,
  views: TenantViews,
): TabRoute<typeof VoucherCsvQuery> {
  return {
    path: '/vouchers.csv',
    query: VoucherCsvQuery,
    handle: async (_req, res, caller, q) => {
      const data = await tenants.load(caller);
      const { rows } = views.projected(data);
      const csv = rowsToCsv(sortRows(filterRows(rows, q), q.sort, q.dir));
      res.header('Cache-Control', 'no-store');
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="vouchers-${data.ctx.today}.csv"`);
      res.sendRaw(200, csv);
    },
  };
}
