// The tab's HTTP API: wires one handler per route behind authentication and query validation. Reads are
// projections; the only writes are the dialogs' submits, which run the bot's verb handlers (deps.dialogs).
import type { Server } from 'restify';
import type { z } from 'zod';
import { createAuthenticator } from './auth';
import { authenticatedRoute, type TabRoute } from './authenticated-route';
import type { ApiDeps } from './deps';
import { rowsToCsv } from './csv';
import { deadlinesRoute } from './routes/deadlines';
import { exportRoute } from './routes/export';
import { dialogRoutes, type PostHandler } from './routes/dialogs';
import { EmptyQuery } from './query';
import { overviewRoute } from './routes/overview';
import { paymentsRoute } from './routes/payments';
import { voucherCsvRoute } from './routes/voucher-csv';
import { voucherDetailRoute } from './routes/voucher-detail';
import { voucherListRoute } from './routes/voucher-list';
import { TenantSnapshots } from './tenant-snapshots';
import { TenantSummaries } from './tenant-summaries';
import { TenantViews } from './tenant-views';

export const API_PREFIX = '/api/tab';

/** What registerApi hands back: writers call `invalidate` so the tab shows their change at once. */
export interface TabApi {
  invalidate(tenantId: string): void;
  /** Every voucher of the tenant as the tab's CSV (the organisation's data export includes it). */
  vouchersCsv(tenantId: string): Promise<string>;
}

export function registerApi(server: Server, deps: ApiDeps): TabApi {
  const log = deps.logger.child({ component: 'tab-api' });
  const authenticator = createAuthenticator(deps.config.tab, { now: deps.now, keys: deps.keys });
  // Expected on a developer's machine (no Entra settings): a note, not a warning; anywhere else it is one.
  if (authenticator.mode === 'local') {
    const level = deps.config.env === 'development' ? 'info' : 'warn';
    log[level](
      { identity: deps.config.tab.localIdentity },
      'tab API uses the local development identity (no Entra ID settings)',
    );
  }
  const guarded = authenticatedRoute(authenticator, log);
  const get = <S extends z.ZodType>(route: TabRoute<S>): void => {
    server.get(`${API_PREFIX}${route.path}`, guarded(route));
  };

  const tenants = new TenantSnapshots(deps, log);
  // The overview and payments read the tenant summary; the lists, CSV and deadlines every voucher.
  const summaries = new TenantSummaries(deps, log, tenants);
  const views = new TenantViews();
  get(overviewRoute(summaries, views));
  get(voucherListRoute(tenants, views));
  get(voucherCsvRoute(tenants, views));
  get(voucherDetailRoute(deps, tenants));
  get(deadlinesRoute(tenants, views));
  get(paymentsRoute(summaries));
  get(exportRoute(deps));
  if (deps.dialogs) {
    const post = (path: string, handle: PostHandler): void => {
      server.post(`${API_PREFIX}${path}`, guarded({ path, query: EmptyQuery, handle }));
    };
    const dialogs = dialogRoutes(deps.dialogs, deps.config.bot.appId, (tenantId) => {
      tenants.invalidate(tenantId);
      summaries.invalidate(tenantId);
    });
    post('/dialogs/open', dialogs.open);
    post('/dialogs/submit', dialogs.submit);
  }
  return {
    invalidate: (tenantId) => {
      tenants.invalidate(tenantId);
      summaries.invalidate(tenantId);
    },
    vouchersCsv: async (tenantId) => {
      tenants.invalidate(tenantId);
      const data = await tenants.load({ tenantId, userId: '', local: false });
      return rowsToCsv(views.projected(data).rows);
    },
  };
}
