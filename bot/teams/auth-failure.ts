// What a failed authentication of /api/messages answers. botbuilder's CloudAdapter sent 500 with the raw error
// (host names, "getaddrinfo ENOTFOUND …") when the signing keys could not be fetched, and 500 for a token whose
// signature did not verify. Here: a token that does not verify → 401, keys that cannot be had → 503, each with
// a generic body; the details go to the log only, with the correlation id.

export type AuthFailureKind = 'invalidToken' | 'keysUnavailable' | 'internal';

export interface AuthFailure {
  kind: AuthFailureKind;
  status: 401 | 503 | 500;
  body: { error: string; message: string; correlationId: string };
}

/** The signing keys did not arrive within BOT_AUTH_TIMEOUT_MS. */
export class AuthTimeout extends Error {
  constructor(readonly ms: number) {
    super(`signing keys not available within ${ms} ms`);
    this.name = 'AuthTimeout';
  }
}

/** jsonwebtoken's verification failures, thrown by botframework-connector as they are. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/** Sorts an authentication error (botframework-connector's classes are read by their shape, not imported). */
export function classifyAuthFailure(err: unknown): AuthFailureKind {
  const name = field(err, 'name');
  if (err instanceof AuthTimeout) return 'keysUnavailable';
  if (typeof name === 'string' && TOKEN_ERRORS.has(name)) return 'invalidToken';
  // node-fetch's FetchError (DNS, refused, reset) while loading the OpenID metadata or the keys.
  if (name === 'FetchError' || typeof field(err, 'errno') === 'string') return 'keysUnavailable';
  if (name === 'AuthenticationError' || typeof field(err, 'statusCode') === 'number') {
    // AuthenticationError carries 401 for a token that does not verify, 500 for "Failed to load keys".
    return field(err, 'statusCode') === 401 ? 'invalidToken' : 'keysUnavailable';
  }
  return 'internal';
}

const ANSWERS: Record<
  AuthFailureKind,
  Omit<AuthFailure['body'], 'correlationId'> & { status: 401 | 503 | 500 }
> = {
  invalidToken: { status: 401, error: 'unauthorized', message: 'The request is not authorized.' },
  keysUnavailable: {
    status: 503,
    error: 'unavailable',
    message: 'The request could not be authenticated right now. Try again shortly.',
  },
  internal: { status: 500, error: 'internal', message: 'The request could not be processed.' },
};

/** The answer for an authentication failure: status and a body with nothing from the error itself. */
export function authFailureAnswer(err: unknown, correlationId: string): AuthFailure {
  const kind = classifyAuthFailure(err);
  const { status, error, message } = ANSWERS[kind];
  return { kind, status, body: { error, message, correlationId } };
}

/** `work`, or AuthTimeout after `ms` (the SDK's key fetch has no timeout of its own). */
export async function withAuthTimeout<R>(work: Promise<R>, ms: number): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuthTimeout(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
