// One send of a claimed ledger entry: render it in the recipient's language, post it, and record in the ledger
// what the connector answered (sent, retry later, failed, or outcome unknown after a timeout).
import type { Logger } from '../logger';
import type { Stored } from '../store';
import { sendTimeBy, type BusinessHours } from './business-hours';
import type { Ledger, LedgerEntry } from './ledger';
import {
  postProactive,
  type OutgoingMessage,
  type PostResult,
  type ProactiveAdapter,
  type SendTimeout,
} from './proactive-post';
import { toConversationReference, type ConversationRefDoc, type ReferenceStore } from './references';
import type { SendThrottle, ThrottleKeys } from './send-throttle';

/** Which ledger entry a message is for: card actions (reminder.snooze / reminder.done) carry `entryId`. */
export interface RenderContext {
  entryId: string;
  tenantId: string;
  target: LedgerEntry['target'];
  /** The recipient's time zone (their "today" for due dates). */
  timeZone: string;
}

/** Builds the message for a reminder in a language (the cards module supplies the real one). */
export type RenderFn = (
  reminder: Record<string, unknown>,
  locale: string,
  context: RenderContext,
) => OutgoingMessage | Promise<OutgoingMessage>;

/** `unknown`: the send timed out; it is tried again once its lease has run out. */
export type SendResult = 'sent' | 'retry' | 'failed' | 'blocked' | 'skipped' | 'lost' | 'unknown';

export interface SendOutcome {
  id: string;
  result: SendResult;
  status?: number;
  reason?: string;
  activityId?: string;
}

/** What one send came to, and what it says about the connector. */
export interface AttemptResult {
  outcome: SendOutcome;
  /** Look at the entry again at this instant (a retry; the end of the lease after a timeout). */
  retryAt?: number;
  /** The version the ledger write just left (a retry claims it without reading it again). */
  entry?: Stored<LedgerEntry>;
  /** The connector answered 429. */
  throttled?: boolean;
  /** The connector answered 5xx. */
  serverError?: boolean;
  /** The 429s are frequent across the tenant: all its sends are paused. */
  tenantPaused?: boolean;
}

export interface RetryPolicy {
  leaseMs: number;
  sendTimeoutMs: number;
  /** Attempts for 412/5xx/network failures (and timeouts) before giving up. */
  maxAttempts: number;
  /** Attempts for 429s before giving up. */
  maxThrottledAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface SendAttemptDeps {
  adapter: ProactiveAdapter;
  botAppId: string;
  render: RenderFn;
  ledger: Ledger;
  references: ReferenceStore;
  throttle: SendThrottle;
  businessHours: BusinessHours;
  retry: RetryPolicy;
  /** Language when neither the recipient nor Teams gave one. */
  defaultLocale: string;
  now: () => number;
  random: () => number;
  logger?: Logger;
}

const RETRYABLE = new Set([412, 500, 502, 503, 504]);

/** Status and Retry-After (ms) from whatever the SDK threw (a RestError carries `statusCode` and headers). */
export function describeError(
  err: unknown,
  nowMs: number,
): { status?: number; retryAfterMs?: number; message: string } {
  const e = err as {
    statusCode?: unknown;
    response?: { headers?: { get?: (n: string) => string | undefined } };
    message?: unknown;
  };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  let retryAfterMs: number | undefined;
  const raw = e?.response?.headers?.get?.('retry-after');
  if (typeof raw === 'string' && raw.trim() !== '') {
    const secs = Number(raw);
    if (Number.isFinite(secs) && secs >= 0) retryAfterMs = secs * 1000;
    else {
      const date = Date.parse(raw);
      if (Number.isFinite(date)) retryAfterMs = Math.max(0, date - nowMs);
    }
  }
  const message = typeof e?.message === 'string' ? e.message.slice(0, 200) : String(err).slice(0, 200);
  return { status, retryAfterMs, message };
}

/** Sends a claimed entry to its recipient's conversation and records the answer. */
export async function sendClaimedEntry(
  claimed: Stored<LedgerEntry>,
  reference: Stored<ConversationRefDoc>,
  keys: ThrottleKeys,
  deps: SendAttemptDeps,
): Promise<AttemptResult> {
  const entry = claimed.doc;
  const locale = entry.locale ?? reference.doc.locale ?? deps.defaultLocale;
  let posted: PostResult;
  try {
    const message = await deps.render(entry.payload, locale, {
      entryId: entry.id,
      tenantId: entry.tenantId,
      target: entry.target,
      timeZone: entry.timeZone,
    });
    const target = {
      adapter: deps.adapter,
      botAppId: deps.botAppId,
      reference: toConversationReference(reference.doc),
    };
    posted = await postProactive(target, message, deps.retry.sendTimeoutMs);
  } catch (err) {
    posted = { kind: 'failed', error: err };
  }
  if (posted.kind === 'timedOut') return afterTimeout(claimed, posted.error, posted.late, deps);
  if (posted.kind === 'failed') return afterFailure(claimed, reference.doc.id, keys, posted.error, deps);
  deps.throttle.recordAnswered(entry.tenantId);
  const recorded = await deps.ledger.markSent(claimed, posted.activityId);
  return { outcome: { id: entry.id, result: recorded ? 'sent' : 'lost', activityId: posted.activityId } };
}

/**
 * No answer in time: the connector may have accepted the message. The entry stays claimed (nobody sends it while
 * the lease runs) and is looked at again when the lease has run out; a late answer is recorded as sent.
 */
async function afterTimeout(
  claimed: Stored<LedgerEntry>,
  error: SendTimeout,
  late: Promise<string | undefined>,
  deps: SendAttemptDeps,
): Promise<AttemptResult> {
  const { ledger } = deps;
  const id = claimed.doc.id;
  const reason = `${error.message}; outcome unknown`;
  if (claimed.doc.attempts + 1 >= deps.retry.maxAttempts) {
    const failed = await ledger.markFailed(claimed, `attempts exhausted: ${reason}`);
    return { outcome: { id, result: failed ? 'failed' : 'lost', reason } };
  }
  const unknown = await ledger.markUnknown(claimed, reason);
  if (!unknown) return { outcome: { id, result: 'lost', reason } };
  void late
    .then(async (activityId) => {
      if (activityId !== undefined && (await ledger.markSent(unknown, activityId)))
        deps.logger?.info({ id }, 'a reminder send that timed out was answered later; recorded as sent');
    })
    .catch((err: unknown) => deps.logger?.warn({ err, id }, 'recording a late answer failed'));
  const leaseEnd =
    unknown.doc.claim?.until ??
    claimed.doc.claim?.until ??
    new Date(deps.now() + deps.retry.leaseMs).toISOString();
  return { outcome: { id, result: 'unknown', reason }, retryAt: Date.parse(leaseEnd) };
}

/** The connector refused (or could not be reached): retry, give up, or mark the conversation gone. */
async function afterFailure(
  claimed: Stored<LedgerEntry>,
  referenceId: string,
  keys: ThrottleKeys,
  err: unknown,
  deps: SendAttemptDeps,
): Promise<AttemptResult> {
  const now = deps.now();
  const failure = describeError(err, now);
  const { status, message } = failure;
  if (status === 429) return afterThrottled(claimed, keys, failure.retryAfterMs, now, deps);
  const id = claimed.doc.id;
  deps.throttle.recordAnswered(claimed.doc.tenantId, now);
  if (status === 403 || status === 404) {
    await deps.references.markInactive(
      claimed.doc.tenantId,
      referenceId,
      status === 403 ? 'forbidden (403)' : 'not found (404)',
    );
    const reason = status === 403 ? 'forbidden' : 'conversation not found';
    return recorded(deps.ledger.markFailed(claimed, reason, status), {
      outcome: { id, result: 'failed', status },
    });
  }
  const serverError = status !== undefined && status >= 500;
  const transient = status === undefined || RETRYABLE.has(status);
  if (!transient || claimed.doc.attempts + 1 >= deps.retry.maxAttempts) {
    const reason = transient ? `attempts exhausted: ${message}` : message;
    return recorded(deps.ledger.markFailed(claimed, reason, status), {
      outcome: { id, result: 'failed', status, reason: message },
      serverError,
    });
  }
  const at = retryInstant(claimed.doc, failure.retryAfterMs ?? backoff(claimed.doc.attempts + 1, deps), deps);
  return recorded(deps.ledger.markRetry(claimed, status ? `HTTP ${status}` : message, status, at), {
    outcome: { id, result: 'retry', status },
    retryAt: at.getTime(),
    serverError,
  });
}

/** 429: wait for Retry-After (else backoff with jitter); the conversation, and maybe the tenant, pause. */
async function afterThrottled(
  claimed: Stored<LedgerEntry>,
  keys: ThrottleKeys,
  retryAfterMs: number | undefined,
  now: number,
  deps: SendAttemptDeps,
): Promise<AttemptResult> {
  const entry = claimed.doc;
  const attempt = entry.attempts + 1;
  const delay = retryAfterMs ?? backoff(attempt, deps);
  const tenantPaused = deps.throttle.recordThrottled(keys, entry.tenantId, now, delay);
  if (tenantPaused)
    deps.logger?.warn(
      { tenantId: entry.tenantId, ms: delay },
      'tenant throttled by Teams; pausing its sends',
    );
  const status = 429;
  if (attempt >= deps.retry.maxThrottledAttempts) {
    return recorded(deps.ledger.markFailed(claimed, 'throttled: attempts exhausted', status), {
      outcome: { id: entry.id, result: 'failed', status, reason: 'throttled' },
      throttled: true,
      tenantPaused,
    });
  }
  const at = retryInstant(entry, delay, deps);
  const reason = retryAfterMs !== undefined ? 'throttled (Retry-After)' : 'throttled';
  return recorded(deps.ledger.markRetry(claimed, reason, status, at), {
    outcome: { id: entry.id, result: 'retry', status },
    retryAt: at.getTime(),
    throttled: true,
    tenantPaused,
  });
}

/** The result as planned when its ledger write went through (with the version it left); `lost` when the claim was lost meanwhile. */
async function recorded(
  write: Promise<Stored<LedgerEntry> | undefined>,
  result: AttemptResult,
): Promise<AttemptResult> {
  const entry = await write;
  return entry ? { ...result, entry } : { ...result, outcome: { ...result.outcome, result: 'lost' } };
}

/** The next business-hours instant `afterMs` from now (never past the entry's `sendBy` day). */
function retryInstant(entry: LedgerEntry, afterMs: number, deps: SendAttemptDeps): Date {
  return sendTimeBy(new Date(deps.now() + afterMs), entry.timeZone, deps.businessHours, entry.sendBy);
}

/** Exponential backoff with jitter: half the capped delay, plus up to the other half at random. */
function backoff(attempt: number, deps: SendAttemptDeps): number {
  const { backoffBaseMs, backoffMaxMs } = deps.retry;
  const capped = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + (deps.random() * capped) / 2);
}
