// GET /api/tab/overview: steps 1–3, pipeline, deadlines, payments and filter options for the caller's tenant.
import type { TabRoute } from '../authenticated-route';
import { EmptyQuery } from '../query';
import { sendJson } from '../respond';
import type { TenantSummaries } from '../tenant-summaries';
import type { TenantViews } from '../tenant-views';

export function overviewRoute(tenants: TenantSummaries, views: TenantViews): TabRoute<typeof EmptyQuery> {
  return {
    path: '/overview',
    query: EmptyQuery,
    handle: async (_req, res, caller) => {
      sendJson(res, views.overview(await tenants.load(caller)));
    },
  };
}
