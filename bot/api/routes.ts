// The tab's read-only HTTP API. Every route authenticates first (no data before that), then loads the
// caller's tenant only, projects it to the view model and answers JSON (or CSV).
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { performance } from 'node:perf_hooks';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { Config } from '../config';
import { supportedLocale } from '../i18n';
import type { Logger } from '../logger';
import type { Organization, Rules, Voucher } from '../program';
import { createAuthenticator, type Caller } from './auth';
import { rowsToCsv } from './csv';
import { SnapshotCache } from './snapshot';
import {
  groupDeadlines,
  overviewOf,
  paymentsOf,
  project,
  projectionContext,
  roleOf,
  toDetail,
  type Projected,
  type ProjectionContext,
} from './projection';
import {
  DeadlinesQuery,
  EmptyQuery,
  filterRows,
  parseQuery,
  sortRows,
  VoucherCsvQuery,
  VoucherIdParam,
  VoucherListQuery,
} from './query';
import type { ApiErrorView, CallerView, OverviewView, VoucherListView } from './view-model';

/** What the API reads: the store's OrganizationRepository and VoucherRepository fit as they are. */
export interface OrganizationSource {
  get(tenantId: string): Promise<{ doc: Organization; etag?: string } | undefined>;
}
export interface VoucherSource {
  get(tenantId: string, id: string): Promise<{ doc: Voucher } | undefined>;
  list(tenantId: string): Promise<{ doc: Voucher }[]>;
  /** Count and newest write (whole seconds) of the tenant's vouchers; lets the cache see any instance's writes. */
  changeMarker?(tenantId: string): Promise<{ count: number; lastModified: number }>;
}

/** What a snapshot was read at: the organisation's ETag and the vouchers' change marker, taken before reading. */
interface SnapshotVersion {
  orgEtag?: string;
  count: number;
  lastModified: number;
  /** Wall-clock second at which the read started. */
  readStartSec: number;
}

export interface ApiDeps {
  config: Config;
  logger: Logger;
  organizations: OrganizationSource;
  vouchers: VoucherSource;
  rules: Rules;
  now: () => Date;
  /** Signing keys override (tests); defaults to Entra ID's JWKS from config. */
  keys?: JWTVerifyGetKey;
  /** How long a tenant's documents are reused between requests (default 15 s; 0 = read the store every time). */
  cacheTtlMs?: number;
  /**
   * With a voucher source that has change markers: a snapshot checked less than this long ago is served without
   * asking the store again (default 2 s). That bounds how stale the tab can be after a write on any instance.
   */
  snapshotFreshMs?: number;
}

/** What registerApi hands back: writers call `invalidate` so the tab shows their change at once. */
export interface TabApi {
  invalidate(tenantId: string): void;
}

interface TenantDocuments {
  org?: Organization;
  vouchers: Voucher[];
  version?: SnapshotVersion;
}

export const API_PREFIX = '/api/tab';
const DEFAULT_PAGE_SIZE = 50;

interface TenantData {
  caller: Caller;
  ctx: ProjectionContext;
  vouchers: Voucher[];
  docs: TenantDocuments;
}

export function registerApi(server: Server, deps: ApiDeps): TabApi {
  const log = deps.logger.child({ component: 'tab-api' });
  const cache = new SnapshotCache<TenantDocuments>({
    ttlMs: deps.cacheTtlMs ?? 15_000,
    verifyAfterMs: deps.snapshotFreshMs ?? 2_000,
    onError: (tenantId, err) => log.error({ err, tenantId }, 'tab API: background reload failed'),
  });
  const authenticator = createAuthenticator(deps.config.tab, { now: deps.now, keys: deps.keys });
  if (authenticator.mode === 'local') {
    log.warn(
      { identity: deps.config.tab.localIdentity },
      'tab API uses the local development identity (no Entra ID settings)',
    );
  }

  function fail(res: Response, status: number, error: string, message: string): void {
    const body: ApiErrorView = { error, message };
    res.header('Cache-Control', 'no-store');
    res.send(status, body);
  }

  function ok(res: Response, body: unknown): void {
    res.header('Cache-Control', 'no-store');
    res.header('Vary', 'Authorization');
    res.send(200, body);
  }

  /** Authenticates, validates the query, and runs the handler; every failure path answers without data. */
  function route<S extends z.ZodType>(
    schema: S,
    handler: (req: Request, res: Response, caller: Caller, query: z.output<S>) => Promise<void>,
  ) {
    return async (req: Request, res: Response): Promise<void> => {
      const started = performance.now();
      // Server time for the browser's dev tools and the bench (header set before the body is sent).
      const timing = (): void => {
        res.header('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
      };
      res.once('header', timing);
      try {
        const outcome = await authenticator.authenticate(req.headers.authorization);
        if (!outcome.ok) {
          if (outcome.failure === 'keys') {
            log.error({ detail: outcome.detail }, 'tab API: signing keys unavailable');
            fail(res, 503, 'unavailable', 'Sign-in could not be checked right now. Try again in a minute.');
            return;
          }
          log.info(
            { failure: outcome.failure, detail: outcome.detail, path: req.path() },
            'tab API: request refused',
          );
          res.header('WWW-Authenticate', 'Bearer error="invalid_token"');
          fail(res, 401, 'unauthorized', 'Sign in again: the request did not carry a valid Teams token.');
          return;
        }
        const query = parseQuery(req.url, schema);
        if (!query.ok) {
          fail(res, 400, 'badRequest', query.message);
          return;
        }
        await handler(req, res, outcome.caller, query.value);
      } catch (err) {
        log.error({ err, path: req.path() }, 'tab API: request failed');
        fail(res, 500, 'internal', 'Something went wrong on our side. Try again later.');
      }
    };
  }

  async function versionOf(tenantId: string): Promise<SnapshotVersion | undefined> {
    if (!deps.vouchers.changeMarker) return undefined;
    const readStartSec = Math.floor(Date.now() / 1000);
    const [org, marker] = await Promise.all([
      deps.organizations.get(tenantId),
      deps.vouchers.changeMarker(tenantId),
    ]);
    return { orgEtag: org?.etag, ...marker, readStartSec };
  }

  async function readTenant(tenantId: string): Promise<TenantDocuments> {
    // The version is taken before the documents: a write that lands during the read makes it differ next time.
    const version = await versionOf(tenantId);
    const [org, stored] = await Promise.all([deps.organizations.get(tenantId), deps.vouchers.list(tenantId)]);
    // The repositories query one partition; the check guards against a wrongly wired source.
    const vouchers = stored.map((s) => s.doc).filter((v) => v.tenantId === tenantId);
    return { org: org?.doc, vouchers, version };
  }

  async function isCurrent(tenantId: string, docs: TenantDocuments): Promise<boolean> {
    const then = docs.version;
    if (!then) return true; // a source without change markers relies on the TTL and invalidate()
    // `_ts` has whole-second resolution: a second write within the newest write's second could share its marker.
    // Trust the snapshot only when that second had ended well before the read started (1 s covers clock skew).
    if (then.lastModified >= then.readStartSec - 1) return false;
    const now = await versionOf(tenantId);
    return (
      !!now &&
      now.orgEtag === then.orgEtag &&
      now.count === then.count &&
      now.lastModified === then.lastModified
    );
  }

  async function load(caller: Caller): Promise<TenantData> {
    const docs = await cache.get(
      caller.tenantId,
      () => readTenant(caller.tenantId),
      (cached) => isCurrent(caller.tenantId, cached),
    );
    const ctx = projectionContext(deps.rules, docs.org, deps.now(), deps.config.reminders.defaultTimeZone);
    return { caller, ctx, vouchers: docs.vouchers, docs };
  }

  // Projecting thousands of vouchers costs tens of milliseconds; a snapshot's projection is reused for
  // requests within the same minute (days-in-state and days-left move in whole days).
  const projections = new WeakMap<
    TenantDocuments,
    { key: string; projected: Projected; overview?: OverviewView }
  >();

  function memo(data: TenantData): { key: string; projected: Projected; overview?: OverviewView } {
    const key = `${data.ctx.today}|${Math.floor(data.ctx.now.getTime() / 60_000)}`;
    const hit = projections.get(data.docs);
    if (hit && hit.key === key) return hit;
    const entry = { key, projected: project(data.vouchers, data.ctx) };
    projections.set(data.docs, entry);
    return entry;
  }

  function overviewFor(data: TenantData): OverviewView {
    const entry = memo(data);
    entry.overview ??= overviewOf(data.vouchers, data.ctx, callerView(data), entry.projected);
    return { ...entry.overview, caller: callerView(data) };
  }

  function callerView(data: TenantData): CallerView {
    const view: CallerView = {
      tenantId: data.caller.tenantId,
      userId: data.caller.userId,
      role: roleOf(data.ctx.org, data.caller.userId),
      localIdentity: data.caller.local,
    };
    const name = data.ctx.people.get(data.caller.userId) ?? data.caller.name;
    if (name) view.name = name;
    // The caller's own language choice only (never another person's); a value that is not one of the app's
    // languages (hand-edited, or from an older version) is left out, so the tab falls back to the Teams locale.
    const override = data.ctx.org?.people.find((p) => p.userId === data.caller.userId)?.settings.locale;
    // The same reading of the stored choice as the bot's (resolveLocale), so bot and tab never disagree.
    const chosen = supportedLocale(override);
    if (chosen) view.locale = chosen;
    return view;
  }

  server.get(
    `${API_PREFIX}/overview`,
    route(EmptyQuery, async (_req, res, caller) => {
      const data = await load(caller);
      ok(res, overviewFor(data));
    }),
  );

  server.get(
    `${API_PREFIX}/vouchers`,
    route(VoucherListQuery, async (_req, res, caller, q) => {
      const data = await load(caller);
      const { rows } = memo(data).projected;
      const sorted = sortRows(filterRows(rows, q), q.sort, q.dir);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
      const body: VoucherListView = {
        items: sorted.slice((page - 1) * pageSize, page * pageSize),
        total: sorted.length,
        page,
        pageSize,
      };
      ok(res, body);
    }),
  );

  server.get(
    `${API_PREFIX}/vouchers.csv`,
    route(VoucherCsvQuery, async (_req, res, caller, q) => {
      const data = await load(caller);
      const { rows } = memo(data).projected;
      const csv = rowsToCsv(sortRows(filterRows(rows, q), q.sort, q.dir));
      const day = data.ctx.today;
      res.header('Cache-Control', 'no-store');
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="vouchers-${day}.csv"`);
      res.sendRaw(200, csv);
    }),
  );

  server.get(
    `${API_PREFIX}/vouchers/:id`,
    route(EmptyQuery, async (req, res, caller) => {
      const id = VoucherIdParam.safeParse(req.params?.id);
      if (!id.success) {
        fail(res, 400, 'badRequest', 'id: is not a voucher id');
        return;
      }
      // A point read inside the caller's partition: another tenant's voucher is simply not there.
      const [stored, org] = await Promise.all([
        deps.vouchers.get(caller.tenantId, id.data),
        deps.organizations.get(caller.tenantId),
      ]);
      if (!stored || stored.doc.tenantId !== caller.tenantId) {
        fail(res, 404, 'notFound', 'No voucher with this id in your organization.');
        return;
      }
      const ctx = projectionContext(deps.rules, org?.doc, deps.now(), deps.config.reminders.defaultTimeZone);
      ok(res, toDetail(stored.doc, ctx));
    }),
  );

  server.get(
    `${API_PREFIX}/deadlines`,
    route(DeadlinesQuery, async (_req, res, caller, q) => {
      const data = await load(caller);
      const { deadlines } = memo(data).projected;
      const offerings = new Set(q.offering);
      const scoped =
        offerings.size === 0 ? deadlines : deadlines.filter((d) => !d.offering || offerings.has(d.offering));
      const windowDays = q.days ?? 30;
      ok(res, { ...groupDeadlines(scoped, windowDays), windowDays });
    }),
  );

  server.get(
    `${API_PREFIX}/payments`,
    route(EmptyQuery, async (_req, res, caller) => {
      const data = await load(caller);
      ok(res, paymentsOf(data.vouchers));
    }),
  );

  return { invalidate: (tenantId) => cache.invalidate(tenantId) };
}
