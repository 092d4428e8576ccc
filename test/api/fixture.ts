// A tab API on a free loopback port: embedded Cosmos with two seeded tenants, a local "Entra ID" that
// publishes a signing key as a JWKS over HTTP, and helpers to sign Teams-like SSO tokens with it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { JWK, KeyObject } from 'jose' with { 'resolution-mode': 'import' };
import { loadConfig, type Config } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { builtInRules, type Rules } from '../../bot/program';
import type { OrganizationRepository } from '../../bot/store/organizations';
import { blankPersonSettings } from '../../bot/program';
import type { PersonSettingsRepository } from '../../bot/store/people';
import type { VoucherRepository } from '../../bot/store/vouchers';
import { loadJose, registerApi, registerTab, type TabApi } from '../../bot/api';
import { seedDemoData, type SeedResult } from '../../bot/dev/seed';
import { TenantDataService, TenantLifecycle, TenantRegistry } from '../../bot/tenants';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { CompanionBot } from '../../bot/teams';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore } from '../../bot/reminders/references';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const APP_ID_URI = `api://tab.partner.example/${CLIENT_ID}`;
export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const NOW = new Date('2025-03-10T10:00:00.000Z');

export interface ApiFixture {
  baseUrl: string;
  config: Config;
  rules: Rules;
  seedA: SeedResult;
  seedB: SeedResult;
  /** Signs a token with the published key; `claims` override the valid defaults (undefined removes one). */
  sign(claims?: Record<string, unknown>, options?: SignOptions): Promise<string>;
  get(
    path: string,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; text: string; headers: Headers }>;
  /** POSTs JSON (the dialogs routes). */
  post(
    path: string,
    body: unknown,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; text: string }>;
  api: TabApi;
  organizations: OrganizationRepository;
  people: PersonSettingsRepository;
  vouchers: VoucherRepository;
  /** Requests the JWKS endpoint answered. */
  jwksHits(): number;
  stop(): Promise<void>;
}

export interface FixtureOptions {
  env?: Record<string, string>;
  /** Serve the built tab too (browser tests). */
  tabDir?: string;
  /** Extra routes (e.g. the fake Teams host page) added before listening. */
  extraRoutes?: (server: Server) => void;
  vouchersA?: number;
  vouchersB?: number;
}

type SignOptions = { key?: 'published' | 'unpublished'; alg?: string; kid?: string };
type Jose = Awaited<ReturnType<typeof loadJose>>;

/** A local "Entra ID" publishing one signing key as a JWKS; `unpublished` is a key it does not publish. */
async function startKeyServer(jose: Jose) {
  const published = await jose.generateKeyPair('RS256', { extractable: true });
  const unpublished = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = {
    ...(await jose.exportJWK(published.publicKey)),
    kid: 'test-key-1',
    use: 'sig',
    alg: 'RS256',
  };
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    if (req.url !== '/common/discovery/v2.0/keys') {
      res.statusCode = 404;
      res.end();
      return;
    }
    // (restify patches ServerResponse globally; plain statements avoid relying on writeHead's return value)
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/common/discovery/v2.0/keys`,
    published,
    unpublished,
    hits: () => hits,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** Signs Teams-like SSO tokens for Ana in tenant A, valid at NOW; `claims` override the defaults. */
function tokenSigner(jose: Jose, keys: Awaited<ReturnType<typeof startKeyServer>>) {
  const nowSec = Math.floor(NOW.getTime() / 1000);
  return async (claims: Record<string, unknown> = {}, opts: SignOptions = {}): Promise<string> => {
    const payload: Record<string, unknown> = {
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT_A}/v2.0`,
      tid: TENANT_A,
      oid: SEED_PEOPLE.globalAdmin.userId,
      name: SEED_PEOPLE.globalAdmin.name,
      scp: 'access_as_user',
      ver: '2.0',
      iat: nowSec - 60,
      nbf: nowSec - 60,
      exp: nowSec + 3600,
      ...claims,
    };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
    const key: KeyObject | CryptoKey =
      opts.key === 'unpublished' ? keys.unpublished.privateKey : keys.published.privateKey;
    return new jose.SignJWT(payload)
      .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'test-key-1', typ: 'JWT' })
      .sign(key);
  };
}

function fixtureConfig(
  jwksUri: string,
  extra: Record<string, string> = {},
): { config: Config; rules: Rules } {
  const loaded = loadConfig({
    LOG_LEVEL: 'silent',
    ENTRA_CLIENT_ID: CLIENT_ID,
    ENTRA_APP_ID_URI: APP_ID_URI,
    ENTRA_JWKS_URI: jwksUri,
    ...extra,
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const rulesResult = builtInRules('program-2020');
  if (!rulesResult.ok) throw new Error(rulesResult.errors.join('\n'));
  return { config: loaded.config, rules: rulesResult.rules };
}

/** Tenants A and B, and the local identity's tenant when the config has one (local mode acts as it). */
async function seedTenants(cosmos: TestCosmos, config: Config, rules: Rules, options: FixtureOptions) {
  const seedA = await seedDemoData(cosmos.store, TENANT_A, NOW, { vouchers: options.vouchersA ?? 12, rules });
  const seedB = await seedDemoData(cosmos.store, TENANT_B, NOW, { vouchers: options.vouchersB ?? 3, rules });
  const local = config.tab.localIdentity;
  if (local && local.tenantId !== TENANT_A && local.tenantId !== TENANT_B) {
    await seedDemoData(cosmos.store, local.tenantId, NOW, { vouchers: options.vouchersA ?? 12, rules });
  }
  return { seedA, seedB };
}

function getter(baseUrl: string): ApiFixture['get'] {
  return async (path, token, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${path}`, { headers: h });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text, headers: res.headers };
  };
}

function poster(baseUrl: string): ApiFixture['post'] {
  return async (path, body, token, headers = {}) => {
    const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: h,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text };
  };
}

export async function startApiFixture(options: FixtureOptions = {}): Promise<ApiFixture> {
  const jose = await loadJose();
  const keys = await startKeyServer(jose);
  const { config, rules } = fixtureConfig(keys.jwksUri, options.env);
  const cosmos: TestCosmos = await startTestCosmos();
  const { seedA, seedB } = await seedTenants(cosmos, config, rules, options);

  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: 262_144, mapParams: false, rejectUnknown: true }));
  const { vouchers, organizations, people } = cosmos.store.repos;
  const logger = silentLogger();
  // The dialogs run the bot's verb handlers, as in the app (bot/app.ts).
  const bot = new CompanionBot({
    logger,
    store: cosmos.store,
    rules,
    now: () => NOW,
    defaultTimeZone: config.reminders.defaultTimeZone,
    references: new ReferenceStore(cosmos.store, { logger }),
    ledger: new Ledger(cosmos.store, { logger }),
  });
  // The organisation's data export as the app wires it (bot/app.ts), over the fixture's store.
  const registry = new TenantRegistry(cosmos.store);
  const tenantData = new TenantDataService({
    store: cosmos.store,
    registry,
    lifecycle: new TenantLifecycle({ registry, hasActiveConversation: async () => true, now: () => NOW }),
    vouchersCsv: (tenantId) => api.vouchersCsv(tenantId),
    organization: async (tenantId) => (await organizations.get(tenantId))?.doc,
    now: () => NOW,
  });
  const api = registerApi(server, {
    config,
    logger,
    organizations,
    people,
    vouchers,
    rules,
    now: () => NOW,
    dialogs: bot.tabDialogs(),
    // Check freshness on every request, so a test sees a write at its very next request.
    snapshotFreshMs: 0,
    tenantExport: (tenantId, userId) => tenantData.exportFor(tenantId, userId),
  });
  if (options.tabDir) await registerTab(server, options.tabDir);
  options.extraRoutes?.(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    config,
    rules,
    seedA,
    seedB,
    sign: tokenSigner(jose, keys),
    get: getter(baseUrl),
    post: poster(baseUrl),
    api,
    organizations,
    people,
    vouchers,
    jwksHits: keys.hits,
    async stop() {
      server.close();
      await keys.stop();
      await cosmos.stop();
    },
  };
}

/**
 * Stores (or with `undefined` removes) one person's language override in their own settings document, as the
 * bot's settings card does, with an ETag-checked write. The value is written as given: tests use it to store
 * values the bot itself would refuse.
 */
export async function setLocaleOverride(
  fx: ApiFixture,
  tenantId: string,
  userId: string,
  locale: string | undefined,
): Promise<void> {
  const stored = await fx.people.get(tenantId, userId);
  const doc = { ...(stored?.doc ?? blankPersonSettings(tenantId, userId)) };
  if (locale === undefined) delete doc.locale;
  else doc.locale = locale;
  await fx.people.save({ ...doc, revision: doc.revision + 1 }, stored?.etag);
}
