// Who is calling the tab API: the Teams SSO token checked against Entra ID (keys, issuer, audience, scope,
// validity, tenant allow-list), or in development without Entra settings the configured local identity.
import type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { servesTenant, type Config } from '../config';

// jose is an ES module and this project compiles to CommonJS: load it once, on first use.
type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
let josePromise: Promise<Jose> | undefined;
export function loadJose(): Promise<Jose> {
  josePromise ??= import('jose');
  return josePromise;
}

export interface Caller {
  tenantId: string;
  /** Entra object id (`oid`) of the user. */
  userId: string;
  name?: string;
  /** True for the development identity (no token was checked). */
  local: boolean;
}

/** Why a request was refused. For the log only: every refusal answers the same 401 with no data. */
export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'tenant'
  | 'signature'
  | 'expired'
  | 'notYetValid'
  | 'issuer'
  | 'audience'
  | 'scope'
  | 'claims'
  | 'keys';

export type AuthOutcome = { ok: true; caller: Caller } | { ok: false; failure: AuthFailure; detail?: string };

export interface Authenticator {
  readonly mode: 'sso' | 'local';
  authenticate(authorization: string | undefined): Promise<AuthOutcome>;
}

export interface AuthenticatorOptions {
  now: () => Date;
  /** Key source; defaults to Entra ID's JWKS (config.tab.jwksUri or the authority's common keys). */
  keys?: JWTVerifyGetKey;
  /** Allowed clock skew between Entra ID and this server. */
  clockToleranceSeconds?: number;
}

export const REQUIRED_SCOPE = 'access_as_user';
/** Real SSO tokens are 1–3 KB; anything far larger is refused before any parsing. */
export const MAX_TOKEN_LENGTH = 8192;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function jwksUrlFor(tab: Config['tab']): URL {
  return new URL(tab.jwksUri ?? `${tab.authorityHost.replace(/\/+$/, '')}/common/discovery/v2.0/keys`);
}

/** The issuers Entra ID uses for a tenant: the v2.0 endpoint and the v1 security token service. */
export function issuersFor(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createAuthenticator(tab: Config['tab'], options: AuthenticatorOptions): Authenticator {
  const local = tab.localIdentity;
  if (local) {
    return {
      mode: 'local',
      authenticate: () =>
        Promise.resolve({
          ok: true,
          caller: { tenantId: local.tenantId, userId: local.userId, name: local.name, local: true },
        }),
    };
  }

  const audiences = [tab.clientId, tab.appIdUri].filter((a): a is string => Boolean(a));
  if (audiences.length === 0) throw new Error('tab authentication needs ENTRA_CLIENT_ID or ENTRA_APP_ID_URI');
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  let remoteKeys: JWTVerifyGetKey | undefined;

  async function authenticate(authorization: string | undefined): Promise<AuthOutcome> {
    const jose = await loadJose();
    // One key set per authenticator: jose caches the fetched keys and refetches on an unknown key id.
    const keys =
      options.keys ??
      (remoteKeys ??= jose.createRemoteJWKSet(jwksUrlFor(tab), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
      }));
    if (!authorization) return { ok: false, failure: 'missing' };
    const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token || token.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(token))
      return { ok: false, failure: 'malformed' };

    // The tenant decides the expected issuer, so it is read before verification; nothing is trusted until
    // the signature and the issuer built from it both check out.
    let unverified: JWTPayload;
    try {
      unverified = jose.decodeJwt(token);
    } catch {
      return { ok: false, failure: 'malformed' };
    }
    const tid = unverified.tid;
    if (typeof tid !== 'string' || !TENANT_ID.test(tid))
      return { ok: false, failure: 'claims', detail: 'tid' };
    if (!servesTenant(tab, tid)) return { ok: false, failure: 'tenant', detail: tid };

    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: issuersFor(tid),
        audience: audiences,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
        clockTolerance,
        currentDate: options.now(),
      }));
    } catch (err) {
      return { ok: false, ...classify(jose.errors, err) };
    }

    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) return { ok: false, failure: 'scope' };
    const oid = payload.oid;
    if (typeof oid !== 'string' || oid.length === 0 || oid.length > 64)
      return { ok: false, failure: 'claims', detail: 'oid' };
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 200) : undefined;
    return { ok: true, caller: { tenantId: tid.toLowerCase(), userId: oid, name, local: false } };
  }

  return { mode: 'sso', authenticate };
}

function classify(joseErrors: Jose['errors'], err: unknown): { failure: AuthFailure; detail?: string } {
  if (err instanceof joseErrors.JWTExpired) return { failure: 'expired' };
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return { failure: 'notYetValid', detail: err.claim };
    if (err.claim === 'iss') return { failure: 'issuer' };
    if (err.claim === 'aud') return { failure: 'audience' };
    return { failure: 'claims', detail: err.claim };
  }
  if (
    err instanceof joseErrors.JWSSignatureVerificationFailed ||
    err instanceof joseErrors.JWKSNoMatchingKey
  ) {
    return { failure: 'signature' };
  }
  if (
    err instanceof joseErrors.JOSEAlgNotAllowed ||
    err instanceof joseErrors.JWSInvalid ||
    err instanceof joseErrors.JWTInvalid
  ) {
    return { failure: 'malformed' };
  }
  if (
    err instanceof joseErrors.JWKSTimeout ||
    err instanceof joseErrors.JWKSInvalid ||
    err instanceof joseErrors.JWKSMultipleMatchingKeys
  ) {
    return { failure: 'keys', detail: err.code };
  }
  return { failure: 'keys', detail: err instanceof Error ? err.message : String(err) };
}
