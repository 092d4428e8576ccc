// GET /api/tab/deadlines: open deadlines split into overdue and due within `days`, optionally per offering.
import type { TabRoute } from '../authenticated-route';
import { groupDeadlines } from '../projection';
import { DeadlinesQuery } from '../query';
import { sendJson } from '../respond';
import type { TenantSnapshots } from '../tenant-snapshots';
import type { TenantViews } from '../tenant-views';

export function deadlinesRoute(
  tenants: TenantSnapshots,
  views: TenantViews,
): TabRoute<typeof DeadlinesQuery> {
  return {
    path: '/deadlines',
    query: DeadlinesQuery,
    handle: async (_req, res, caller, q) => {
      const { deadlines } = views.projected(await tenants.load(caller));
      const offerings = new Set(q.offering);
      const scoped =
        offerings.size === 0 ? deadlines : deadlines.filter((d) => !d.offering || offerings.has(d.offering));
      const windowDays = q.days ?? 30;
      sendJson(res, { ...groupDeadlines(scoped, windowDays), windowDays });
    },
  };
}
