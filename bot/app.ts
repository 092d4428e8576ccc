// Builds the whole application from a config: store (Azure Cosmos DB or the embedded server), adapter,
// bot, HTTP server. main.ts runs it; tests start it on port 0.
import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import { openStore, Readiness, startEmbeddedCosmos, type EmbeddedCosmos, type Store } from './store';
import {
  CompanionBot,
  createAdapter,
  installTurnErrorHandler,
  messagesEndpoint,
  reminderRenderer,
  say,
  turnOf,
  registerVoucherLinks,
} from './teams';
import type { Rules } from './program';
import { loadRules } from './rules';
import { Ledger, ReferenceStore, ReminderService } from './reminders';
import { createHttpServer, type HttpServer } from './server';
import { registerApi, registerTab, type TabApi } from './api';
import {
  RetentionJob,
  TenantDataService,
  TenantLifecycle,
  TenantRegistry,
  type TenantLifecycleHooks,
} from './tenants';
import path from 'node:path';

export interface App {
  config: Config;
  store: Store;
  http: HttpServer;
  embedded?: EmbeddedCosmos;
  tabApi: TabApi;
  /** The proactive reminders (ledger, sender, due index and scan): expiry always, reminders when enabled. */
  reminders: ReminderService;
  /** Tenant lifecycle: status, export and deletion, retention. */
  tenants: AppTenants;
  /** The app's clock: the real time, or shifted by DEV_CLOCK_OFFSET_DAYS in development. */
  now: () => Date;
  /** Base URL once listening, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Stop accepting, finish in-flight turns (bounded), flush and close the store. */
  stop(): Promise<void>;
}

export interface AppTenants {
  registry: TenantRegistry;
  lifecycle: TenantLifecycle;
  data: TenantDataService;
  retention: RetentionJob;
}

export interface StartOptions {
  now?: () => Date;
  /** Told when a tenant becomes inactive, active again, or is deleted (the due-work scheduler plugs in here). */
  tenantHooks?: TenantLifecycleHooks;
}

/** Where `npm run build:tab` writes the tab (tab/dist), from the source tree or from dist/ after `npm run build`. */
export function tabDistDir(): string {
  const fromSource = path.join(__dirname, '..', 'tab', 'dist');
  return __dirname.split(path.sep).includes('dist')
    ? path.join(__dirname, '..', '..', 'tab', 'dist')
    : fromSource;
}

export async function startApp(config: Config, logger: Logger, options: StartOptions = {}): Promise<App> {
  // Rules first: a bad rules file stops start-up before anything is started.
  const rules = loadRules(config.rules);
  const now = shiftedClock(config, logger, options.now ?? (() => new Date()));
  const { store, embedded } = await openDatabase(config, logger);
  const adapter = createAdapter(config.bot);
  // References (reminders) and the lifecycle need each other: the lifecycle asks whether a conversation is left,
  // the due index's start-up backfill which tenants are inactive. Each is built once; the calls come later.
  const tenants = buildTenants(config, logger, {
    store,
    now,
    hooks: dueIndexHooks(() => reminders, options.tenantHooks),
    hasActiveConversation: (tenantId) => references.hasActive(tenantId),
    vouchersCsv: (tenantId) => tabApi.vouchersCsv(tenantId),
  });
  const { references, ledger, reminders } = buildReminders(config, logger, {
    store,
    adapter,
    rules,
    now,
    inactiveTenants: () => tenants.lifecycle.inactiveTenants(),
  });
  // Payment received / denied is news: scan that tenant now rather than at the next interval.
  const afterChange = (tenantId: string, verb: string): void => {
    if (verb !== 'payment.recordOutcome') return;
    reminders
      .scanTenant(tenantId)
      .catch((err: unknown) => logger.error({ err, tenantId }, 'immediate reminder scan failed'));
  };

  const bot = new CompanionBot({
    logger,
    store,
    rules,
    initialGlobalAdmins: config.initialGlobalAdmins,
    defaultTimeZone: config.reminders.defaultTimeZone,
    readCacheMs: config.readCacheMs,
    businessHours: reminderHours(config),
    now,
    references,
    ledger,
    reminders,
    afterChange,
    tenants: {
      lifecycle: tenants.lifecycle,
      data: tenants.data,
      allowLoopbackUploads: config.env === 'development',
    },
    ...(config.publicHostname ? { publicHostname: config.publicHostname } : {}),
  });
  const readiness = readinessOf(config, store);
  installTurnErrorHandler(adapter, logger, (ctx, id) => say(turnOf(ctx).locale, 'error.turn', { id }));

  const http = createHttpServer({
    logger,
    messages: messagesEndpoint({
      logger,
      adapter,
      bot,
      tenants: config,
      authTimeoutMs: config.bot.authTimeoutMs,
    }),
    bodyLimitBytes: config.bodyLimitBytes,
    ready: () => readiness.check(),
  });
  const tabApi = registerApi(http.server, {
    config,
    logger,
    organizations: store.repos.organizations,
    people: store.repos.people,
    vouchers: store.repos.vouchers,
    rules,
    now,
    tenantExport: (tenantId, userId) => tenants.data.exportFor(tenantId, userId),
    dialogs: bot.tabDialogs(),
  });
  await registerTab(http.server, tabDistDir());
  registerVoucherLinks(http.server, config.teamsAppId ? { teamsAppId: config.teamsAppId } : {});
  const url = await listen(http, config);
  await startJobs(config, logger, reminders, tenants);
  const stop = stopper(config, logger, { http, reminders, retention: tenants.retention, store, embedded });
  return { config, store, http, embedded, tabApi, reminders, tenants, url, now, stop };
}

/** The timed work: the due scan (expiry always, reminders when enabled) and the tenant retention job. */
async function startJobs(
  config: Config,
  logger: Logger,
  reminders: ReminderService,
  tenants: AppTenants,
): Promise<void> {
  // A database older than the due index: every tenant without an entry gets one, due now (create-only).
  const backfilled = await reminders.backfillDueIndex();
  if (backfilled > 0) logger.info({ tenants: backfilled }, 'due index entries created for existing tenants');
  // The due scan always runs: vouchers expire with reminders off too; reminders only when enabled.
  reminders.start();
  logger.info(
    {
      scanSeconds: config.reminders.scanSeconds,
      reminders: config.reminders.enabled,
      businessHours: config.reminders.businessHours,
    },
    'due scan started',
  );
  tenants.retention.start();
}

/** /readyz: the database pinged with its own short timeout, the answer reused briefly. */
function readinessOf(config: Config, store: Store): Readiness {
  return new Readiness({
    ping: (ms) => store.ping(ms),
    timeoutMs: config.budgets.readyMs,
    cacheMs: config.budgets.readyCacheMs,
  });
}

const DAY_MS = 86_400_000;

/** The clock moved by DEV_CLOCK_OFFSET_DAYS, so a local tenant can reach steps 6–8 without waiting days. */
export function shiftedClock(config: Config, logger: Logger, base: () => Date): () => Date {
  const days = config.devClockOffsetDays;
  if (days === 0) return base;
  // Config validation already refuses this; a hand-built config must not move production's clock either.
  if (config.env === 'production') throw new Error('DEV_CLOCK_OFFSET_DAYS: must be 0 in production');
  const now = (): Date => new Date(base().getTime() + days * DAY_MS);
  logger.info({ offsetDays: days, now: now().toISOString() }, `development clock shifted by ${days} days`);
  return now;
}

/** The store over Azure Cosmos DB, or (development only) over the embedded server started here. */
async function openDatabase(
  config: Config,
  logger: Logger,
): Promise<{ store: Store; embedded?: EmbeddedCosmos }> {
  let embedded: EmbeddedCosmos | undefined;
  let endpoint = config.cosmos.endpoint;
  if (!endpoint) {
    if (config.env === 'production') throw new Error('COSMOS_ENDPOINT: required in production');
    // Development only: the server package is a devDependency, loaded lazily inside startEmbeddedCosmos.
    embedded = await startEmbeddedCosmos({
      port: config.cosmos.embeddedPort,
      dataDir: config.dataDir,
      flushSeconds: config.cosmos.embeddedFlushSeconds,
      onError: (err) => logger.error({ err }, 'embedded database flush failed'),
    });
    endpoint = embedded.endpoint;
    logger.info({ endpoint, dataFile: embedded.dataFile }, 'embedded Cosmos DB-compatible server started');
  }
  const store = await openStore(
    {
      endpoint,
      auth: embedded ? 'key' : config.cosmos.auth,
      key: embedded ? 'embedded' : config.cosmos.key,
      managedIdentityClientId: config.cosmos.managedIdentityClientId,
      database: config.cosmos.database,
      // Loopback endpoints (embedded server, Cosmos emulator) must not follow the account's advertised endpoints.
      local: Boolean(embedded) || isLoopback(endpoint),
    },
    {
      // A stored document no schema of this version reads is skipped by lists and scans: never silently.
      onCorrupt: (err) => logger.error({ err }, 'stored document skipped: it does not match its schema'),
      timeoutMs: config.budgets.storeMs,
      onSummaryError: (tenantId, err) =>
        logger.warn(
          { err, tenantId },
          'tenant summary shard dropped after a voucher write; rebuilt on next read',
        ),
    },
  );
  return { store, ...(embedded ? { embedded } : {}) };
}

/**
 * The lifecycle's hooks: the due index first (an inactive or deleted tenant leaves the scan, a reactivated one
 * rejoins it), then any the caller adds (tests).
 */
function dueIndexHooks(
  reminders: () => ReminderService,
  extra: TenantLifecycleHooks = {},
): TenantLifecycleHooks {
  return {
    async deactivated(tenantId) {
      await reminders().deactivateTenant(tenantId);
      await extra.deactivated?.(tenantId);
    },
    async reactivated(tenantId) {
      await reminders().reactivateTenant(tenantId);
      await extra.reactivated?.(tenantId);
    },
    async deleted(tenantId) {
      await reminders().forgetTenant(tenantId);
      await extra.deleted?.(tenantId);
    },
  };
}

/** The tenant lifecycle, the organisation's data (export, deletion) and the retention job: each built once. */
function buildTenants(
  config: Config,
  logger: Logger,
  parts: {
    store: Store;
    now: () => Date;
    hooks?: TenantLifecycleHooks;
    hasActiveConversation: (tenantId: string) => Promise<boolean>;
    vouchersCsv: (tenantId: string) => Promise<string>;
  },
): AppTenants {
  const { store, now } = parts;
  const registry = new TenantRegistry(store);
  const lifecycle = new TenantLifecycle({
    registry,
    hasActiveConversation: parts.hasActiveConversation,
    now,
    ...(parts.hooks ? { hooks: parts.hooks } : {}),
    logger,
  });
  const data = new TenantDataService({
    store,
    registry,
    lifecycle,
    vouchersCsv: parts.vouchersCsv,
    organization: async (tenantId) => (await store.repos.organizations.get(tenantId))?.doc,
    now,
    logger,
  });
  const retention = new RetentionJob({ registry, data, days: config.tenantRetentionDays, now, logger });
  return { registry, lifecycle, data, retention };
}

/** References captured by the bot, the delivery ledger, the throttled sender and the scan: each built once. */
function buildReminders(
  config: Config,
  logger: Logger,
  parts: {
    store: Store;
    adapter: CloudAdapter;
    rules: Rules;
    now: () => Date;
    inactiveTenants: () => Promise<ReadonlySet<string>>;
  },
): { references: ReferenceStore; ledger: Ledger; reminders: ReminderService } {
  const { store, adapter, rules, now, inactiveTenants } = parts;
  const references = new ReferenceStore(store, { serviceUrlAllowlist: serviceUrlAllowlist(config), logger });
  const ledger = new Ledger(store, { now: () => now().getTime(), logger });
  const reminders = new ReminderService({
    store,
    ledger,
    adapter,
    botAppId: config.bot.appId,
    references,
    rules,
    render: reminderRenderer({ vouchers: store.repos.vouchers, rules, now }),
    scanSeconds: config.reminders.scanSeconds,
    defaultTimeZone: config.reminders.defaultTimeZone,
    businessHours: reminderHours(config),
    tenantShare: config.reminders.tenantShare,
    inactiveTenants,
    remindersEnabled: config.reminders.enabled,
    now,
    logger,
  });
  return { references, ledger, reminders };
}

/** Listens on the configured port; the base URL, e.g. http://127.0.0.1:3978. */
async function listen(http: HttpServer, config: Config): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.server.address() as AddressInfo;
  return `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
}

/** Stop accepting, finish in-flight turns (bounded), then the reminders, then the store. Once. */
function stopper(
  config: Config,
  logger: Logger,
  parts: {
    http: HttpServer;
    reminders: ReminderService;
    retention: RetentionJob;
    store: Store;
    embedded?: EmbeddedCosmos;
  },
): () => Promise<void> {
  const { http, reminders, retention, store, embedded } = parts;
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      // Stop accepting; restify's close waits for open connections, in-flight turns finish (bounded).
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      const deadline = Date.now() + config.shutdownTimeoutMs;
      while (http.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      http.server.server.closeIdleConnections?.();
      if (http.inFlight() > 0)
        logger.warn({ inFlight: http.inFlight() }, 'shutdown timeout: closing with turns in flight');
      http.server.server.closeAllConnections?.();
      await closed;
      // No scan or send may outlive the store: stop scanning, record the sends in flight, then close.
      await reminders.stop().catch((err: unknown) => logger.error({ err }, 'reminders did not stop cleanly'));
      await retention.stop();
      store.close();
      if (embedded) await embedded.stop();
      logger.info('stopped');
    })());
}

/**
 * Where proactive messages may go besides Teams' own hosts: the configured extras and, in development only,
 * loopback (the Agents Playground's connector at http://localhost:56150/_connector, local test connectors).
 */
export function serviceUrlAllowlist(config: Pick<Config, 'env' | 'reminders'>): string[] {
  const extra = config.reminders.serviceUrlAllowlist;
  if (config.env === 'development') return [...new Set([...extra, ...LOOPBACK_HOSTS])];
  // Production never posts to loopback, whatever the configuration says.
  return extra.filter((entry) => !isLoopbackEntry(entry));
}

/** BUSINESS_HOURS=0-24 means any time: weekends too (handy to watch reminders arrive in development). */
export function reminderHours(config: Pick<Config, 'reminders'>): {
  start: number;
  end: number;
  weekends: boolean;
} {
  const { start, end } = config.reminders.businessHours;
  return { start, end, weekends: start === 0 && end === 24 };
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function isLoopbackEntry(entry: string): boolean {
  const raw = entry.trim().toLowerCase();
  let host = raw;
  try {
    host = raw.includes('://')
      ? new URL(raw).hostname
      : raw.startsWith('[')
        ? raw.slice(0, raw.indexOf(']') + 1)
        : (raw.split(':')[0] ?? raw);
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.') || host.endsWith('.localhost');
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
