// Environment → one typed, validated configuration object. Every bad value is named at start-up.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { isTimeZone } from './program';
import { derivedTeamsAppId } from './app-id';

export { isTimeZone };

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

const port = z.coerce.number().int().min(0).max(65535);

/** READ_CACHE_MS when not set: the same "current within 2 s" bound the tab's snapshot has. */
export const DEFAULT_READ_CACHE_MS = 2_000;

/** Raw environment variables and their rules. Empty strings count as "not set". */
const envSchema = z.object({
  APP_ENV: z.enum(['development', 'production']).default('development'),
  HOST: z.string().min(1).optional(),
  PORT: port.default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_READ_CACHE_MS),
  // The same default as the store's own (store/budget.ts DEFAULT_STORE_TIMEOUT_MS).
  COSMOS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  READY_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1_500),
  READY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),

  BOT_APP_ID: z.guid('must be the Entra application (client) id, a GUID').optional(),
  BOT_APP_PASSWORD: z.string().min(1).optional(),
  BOT_APP_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).optional(),
  BOT_TENANT_ID: z.guid('must be the Entra tenant id, a GUID').optional(),
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  BOT_AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),

  COSMOS_ENDPOINT: z
    .string()
    .url('must be a URL such as https://<account>.documents.azure.com:443/')
    .optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_AUTH: z.enum(['key', 'managedIdentity']).optional(),
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: z.guid().optional(),
  COSMOS_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, "-" and "_" only')
    .default('planning-services'),
  EMBEDDED_COSMOS_PORT: port.default(0),
  EMBEDDED_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),

  RULES_PROFILE: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a profile name such as program-2020')
    .default('program-2020'),
  RULES_FILE: z.string().min(1).optional(),
  INITIAL_GLOBAL_ADMINS: csv.optional(),

  REMINDER_SCAN_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  REMINDERS_ENABLED: bool.default(true),
  DEFAULT_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Lisbon')
    .default('UTC'),
  BUSINESS_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-4])$/, 'must look like 9-17')
    .default('9-17'),
  SERVICE_URL_ALLOWLIST: csv.optional(),
  APP_INSTANCES: z.coerce.number().int().min(1).max(100).default(1),

  ENTRA_CLIENT_ID: z.guid().optional(),
  ENTRA_APP_ID_URI: z.string().min(1).optional(),
  /** Tenant ids, or `*` (explicit) for every tenant that installs the app. */
  ALLOWED_TENANTS: csv.optional(),
  DENIED_TENANTS: csv.optional(),
  TENANT_RETENTION_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(0)
    .max(36_500)
    .default(180),
  /** Earlier name of ALLOWED_TENANTS (tab only); still read, merged in. */
  TAB_ALLOWED_TENANTS: csv.optional(),
  ENTRA_JWKS_URI: z.string().url().optional(),
  ENTRA_AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  // Defaults are the Agents Playground's mock tenant and user, so the tab shows what you did in the Playground.
  LOCAL_TENANT_ID: z.string().min(1).default('00000000-0000-0000-0000-0000000000001'),
  LOCAL_USER_ID: z.string().min(1).default('00000000-0000-0000-0000-0000000000020'),
  LOCAL_USER_NAME: z.string().min(1).default('Alex Wilber'),

  PUBLIC_HOSTNAME: z.string().min(1).optional(),
  TEAMS_APP_ID: z.guid('must be the Teams app id (the manifest id), a GUID').optional(),
  PLAYGROUND_PORT: port.default(56150),
  // Development only: move the app's clock so steps 6–8 (dates after a reservation) can be shown locally.
  DEV_CLOCK_OFFSET_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(-3650)
    .max(3650)
    .default(0),
});

export type AppEnv = 'development' | 'production';

export interface Config {
  env: AppEnv;
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  /**
   * How old a copy of a document a read-only turn someone asked for (a card, "what's next"; not Teams' automatic
   * refresh) may be served from this instance's cache. Changes always read the current version. 0 = always ask.
   */
  readCacheMs: number;
  /** Time budgets (store/budget.ts, store/readiness.ts): a database that never answers costs a turn this long. */
  budgets: {
    /** COSMOS_TIMEOUT_MS: one database operation on a user's path. */
    storeMs: number;
    /** READY_TIMEOUT_MS: /readyz's own ping. */
    readyMs: number;
    /** READY_CACHE_MS: how long /readyz reuses its last answer. */
    readyCacheMs: number;
  };
  bot: {
    /** Empty in anonymous (local) mode. */
    appId: string;
    appPassword: string;
    appType: 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
    tenantId: string;
    anonymous: boolean;
    /** BOT_OPENID_METADATA_URL: where the Bot Framework signing keys are published (default: the SDK's). */
    openIdMetadataUrl?: string;
    /** BOT_AUTH_TIMEOUT_MS: longest wait for the signing keys before answering 503. */
    authTimeoutMs: number;
  };
  cosmos: {
    /** Undefined: start the embedded server (development only). */
    endpoint?: string;
    auth: 'key' | 'managedIdentity';
    key?: string;
    managedIdentityClientId?: string;
    database: string;
    embeddedPort: number;
    embeddedFlushSeconds: number;
  };
  rules: { profile: string; file?: string };
  initialGlobalAdmins: string[];
  reminders: {
    enabled: boolean;
    scanSeconds: number;
    defaultTimeZone: string;
    businessHours: { start: number; end: number };
    serviceUrlAllowlist: string[];
    /** Share of the Teams per-tenant send limit this instance may use (1 / APP_INSTANCES). */
    tenantShare: number;
  };
  tab: {
    clientId?: string;
    appIdUri?: string;
    allowedTenants: string[];
    deniedTenants: string[];
    jwksUri?: string;
    authorityHost: string;
    /** Development without Entra settings: every API call acts as this identity. */
    localIdentity?: { tenantId: string; userId: string; name: string };
  };
  publicHostname?: string;
  /** The Teams app id (manifest `id`): TEAMS_APP_ID, else derived from BOT_APP_ID; for deep links into Teams. */
  teamsAppId?: string;
  playgroundPort: number;
  /** Development only: whole days added to the app's clock (0 = the real date); production refuses non-zero. */
  devClockOffsetDays: number;
  /** Tenants the app serves (bot and tab), lower case; empty = any (`ALLOWED_TENANTS=*`, or the development default). */
  allowedTenants: string[];
  /** Tenants refused even when the allowed list would serve them, lower case. */
  deniedTenants: string[];
  /** Days an inactive tenant's data is kept before it is purged; 0 = kept. */
  tenantRetentionDays: number;
}

/** Which tenants the app serves: `allowedTenants` empty = any, minus `deniedTenants`. Ids compared lower case. */
export interface TenantPolicy {
  readonly allowedTenants: readonly string[];
  readonly deniedTenants: readonly string[];
}

/** The one tenant check of the bot endpoint and the tab API. */
export function servesTenant(policy: TenantPolicy, tenantId: string | undefined): boolean {
  const tenant = tenantId?.trim().toLowerCase();
  // No tenant id (not Teams): served only where any tenant is; the bot then says it needs a Teams tenant.
  if (!tenant) return policy.allowedTenants.length === 0;
  if (policy.deniedTenants.includes(tenant)) return false;
  return policy.allowedTenants.length === 0 || policy.allowedTenants.includes(tenant);
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Loads the configuration from the process environment (and `.env`); on problems prints each and exits 2. */
export function configFromProcessOrExit(): Config {
  loadDotenv({ quiet: true });
  const result = loadConfig(process.env);
  if (result.ok) return result.config;
  console.error('Configuration is not valid:');
  for (const line of result.errors) console.error(`  - ${line}`);
  process.exit(2);
}

/** Reads configuration from an environment map. Never throws; problems come back one line each. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    };
  }
  const errors = combinationProblems(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: configOf(parsed.data) };
}

type Env = z.infer<typeof envSchema>;

const appTypeOf = (e: Env) => e.BOT_APP_TYPE ?? (e.BOT_APP_ID ? 'SingleTenant' : 'MultiTenant');
const cosmosAuthOf = (e: Env) =>
  e.COSMOS_AUTH ?? (e.COSMOS_KEY || !e.COSMOS_ENDPOINT ? 'key' : 'managedIdentity');
const businessHoursOf = (e: Env) => {
  const [start, end] = e.BUSINESS_HOURS.split('-').map(Number) as [number, number];
  return { start, end };
};

/** Values that are each valid but do not go together (production needs more than development). */
function combinationProblems(e: Env): string[] {
  const errors: string[] = [];
  const production = e.APP_ENV === 'production';
  const appType = appTypeOf(e);
  if (production) {
    if (!e.BOT_APP_ID)
      errors.push('BOT_APP_ID: required in production (anonymous mode is for local use only)');
    if (e.BOT_APP_ID && appType !== 'UserAssignedMSI' && !e.BOT_APP_PASSWORD) {
      errors.push('BOT_APP_PASSWORD: required in production unless BOT_APP_TYPE=UserAssignedMSI');
    }
    if (appType !== 'MultiTenant' && !e.BOT_TENANT_ID) {
      errors.push(`BOT_TENANT_ID: required in production for BOT_APP_TYPE=${appType}`);
    }
    if (!e.COSMOS_ENDPOINT)
      errors.push('COSMOS_ENDPOINT: required in production (the embedded database is for development)');
    if (e.BOT_APP_ID && appType === 'MultiTenant') {
      errors.push(
        'BOT_APP_TYPE: MultiTenant bot registrations are retired; use SingleTenant or UserAssignedMSI',
      );
    }
  } else if (e.BOT_APP_ID && appType !== 'UserAssignedMSI' && !e.BOT_APP_PASSWORD) {
    errors.push(
      'BOT_APP_PASSWORD: required when BOT_APP_ID is set (or leave both empty for anonymous local mode)',
    );
  }
  if (e.COSMOS_ENDPOINT && cosmosAuthOf(e) === 'key' && !e.COSMOS_KEY) {
    errors.push('COSMOS_KEY: required when COSMOS_AUTH=key and COSMOS_ENDPOINT is set');
  }
  const hours = businessHoursOf(e);
  if (hours.start >= hours.end) errors.push('BUSINESS_HOURS: the start hour must be before the end hour');
  if (e.ALLOWED_TENANTS?.includes('*') && e.ALLOWED_TENANTS.length > 1) {
    errors.push('ALLOWED_TENANTS: either * (every tenant) or a list of tenant ids, not both');
  }
  if (production && e.DEV_CLOCK_OFFSET_DAYS !== 0) {
    errors.push(
      'DEV_CLOCK_OFFSET_DAYS: must be 0 (or unset) in production; the development clock is for local use only',
    );
  }
  if (production && !e.ENTRA_CLIENT_ID) {
    errors.push(
      'ENTRA_CLIENT_ID: required in production (the tab signs in with Teams SSO; the local identity is for development)',
    );
  }
  return errors;
}

function configOf(e: Env): Config {
  const production = e.APP_ENV === 'production';
  // Tenant ids are GUIDs; Teams and Entra may differ in case. One lower-case list guards the bot and the tab.
  // `*` must be written out: production never serves every tenant by default (it defaults to the bot's own).
  const anyTenant = e.ALLOWED_TENANTS?.includes('*') ?? false;
  const listed = [...(e.ALLOWED_TENANTS ?? []), ...(e.TAB_ALLOWED_TENANTS ?? [])].map((t) => t.toLowerCase());
  const allowedTenants = anyTenant
    ? []
    : listed.length > 0
      ? [...new Set(listed)]
      : production && e.BOT_TENANT_ID
        ? [e.BOT_TENANT_ID.toLowerCase()]
        : [];
  const deniedTenants = [...new Set((e.DENIED_TENANTS ?? []).map((t) => t.toLowerCase()))];
  return {
    env: e.APP_ENV,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    readCacheMs: e.READ_CACHE_MS,
    budgets: { storeMs: e.COSMOS_TIMEOUT_MS, readyMs: e.READY_TIMEOUT_MS, readyCacheMs: e.READY_CACHE_MS },
    bot: {
      appId: e.BOT_APP_ID ?? '',
      appPassword: e.BOT_APP_PASSWORD ?? '',
      appType: appTypeOf(e),
      tenantId: e.BOT_TENANT_ID ?? '',
      anonymous: !e.BOT_APP_ID,
      ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
      authTimeoutMs: e.BOT_AUTH_TIMEOUT_MS,
    },
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      auth: cosmosAuthOf(e),
      key: e.COSMOS_KEY,
      managedIdentityClientId: e.COSMOS_MANAGED_IDENTITY_CLIENT_ID,
      database: e.COSMOS_DATABASE,
      embeddedPort: e.EMBEDDED_COSMOS_PORT,
      embeddedFlushSeconds: e.EMBEDDED_FLUSH_SECONDS,
    },
    rules: { profile: e.RULES_PROFILE, file: e.RULES_FILE },
    initialGlobalAdmins: e.INITIAL_GLOBAL_ADMINS ?? [],
    reminders: {
      enabled: e.REMINDERS_ENABLED,
      scanSeconds: e.REMINDER_SCAN_SECONDS,
      defaultTimeZone: e.DEFAULT_TIME_ZONE,
      businessHours: businessHoursOf(e),
      serviceUrlAllowlist: e.SERVICE_URL_ALLOWLIST ?? [],
      tenantShare: 1 / e.APP_INSTANCES,
    },
    tab: {
      clientId: e.ENTRA_CLIENT_ID,
      appIdUri: e.ENTRA_APP_ID_URI,
      allowedTenants,
      deniedTenants,
      jwksUri: e.ENTRA_JWKS_URI,
      authorityHost: e.ENTRA_AUTHORITY_HOST,
      localIdentity: e.ENTRA_CLIENT_ID
        ? undefined
        : { tenantId: e.LOCAL_TENANT_ID, userId: e.LOCAL_USER_ID, name: e.LOCAL_USER_NAME },
    },
    publicHostname: e.PUBLIC_HOSTNAME,
    teamsAppId: e.TEAMS_APP_ID ?? (e.BOT_APP_ID ? derivedTeamsAppId(e.BOT_APP_ID) || undefined : undefined),
    playgroundPort: e.PLAYGROUND_PORT,
    devClockOffsetDays: e.DEV_CLOCK_OFFSET_DAYS,
    allowedTenants,
    deniedTenants,
    tenantRetentionDays: e.TENANT_RETENTION_DAYS,
  };
}
