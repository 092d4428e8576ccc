// Time budgets for database operations on a user's path. The Cosmos SDK waits up to its request timeout (60 s by
// default) for a database that accepts connections and never answers; Teams gives a bot seconds. Each operation
// gets an abort signal and a deadline: past it, the caller gets a typed StoreUnavailable at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError, statusOf } from './errors';

/** COSMOS_TIMEOUT_MS when not set: a turn has ~5 s in Teams, and a turn makes at most a few operations. */
export const DEFAULT_STORE_TIMEOUT_MS = 2_000;

/**
 * Background work (the due scan, the sender) has no person waiting: its operations get the SDK's own request
 * timeout instead, so a busy database slows it down rather than failing it.
 */
export const BACKGROUND_STORE_TIMEOUT_MS = 10_000;

const budgetScope = new AsyncLocalStorage<number>();

/** Runs `work` with every store operation it starts (however deep) under `budgetMs` instead of the turn budget. */
export function withStoreBudget<R>(budgetMs: number, work: () => Promise<R>): Promise<R> {
  return budgetScope.run(budgetMs, work);
}

/** The budget set by withStoreBudget around the current operation, if any. */
export function scopedStoreBudget(): number | undefined {
  return budgetScope.getStore();
}

/**
 * Whether the database did what was asked. `notApplied`: it was a read, or the request never reached the
 * database, or the database said it did not process it. `unknown`: a write whose answer never came — it may
 * have been applied; the next read (the ETag) tells.
 */
export type StoreOutcome = 'notApplied' | 'unknown';

/** The database did not answer within the budget, or could not be reached. */
export class StoreUnavailable extends StoreError {
  constructor(
    readonly outcome: StoreOutcome,
    readonly reason: string,
  ) {
    super(`database unavailable (${reason}); outcome ${outcome}`);
    this.name = 'StoreUnavailable';
  }
}

/** Errors that say the request was never sent or never processed. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Errors that say the connection broke or timed out: a write may or may not have been applied. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'TimeoutError', 'UND_ERR_SOCKET']);

function codeOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a failure that means "the database is not answering" to StoreUnavailable; anything else is returned as is. */
export function unavailableFrom(err: unknown, write: boolean): unknown {
  if (err instanceof StoreUnavailable) return err;
  const status = statusOf(err);
  if (status === 503 || status === 449) return new StoreUnavailable('notApplied', `status ${status}`);
  if (status === 408) return new StoreUnavailable(write ? 'unknown' : 'notApplied', 'status 408');
  const code = codeOf(err);
  if (code && NOT_SENT.has(code)) return new StoreUnavailable('notApplied', code);
  if ((code && BROKEN.has(code)) || (err as { name?: unknown } | null)?.name === 'AbortError')
    return new StoreUnavailable(write ? 'unknown' : 'notApplied', code ?? 'aborted');
  return err;
}

export interface BudgetOptions {
  budgetMs: number;
  /** A write: a timeout leaves its outcome unknown. */
  write: boolean;
}

/**
 * Runs `op` with an abort signal that fires after `budgetMs`, and rejects with StoreUnavailable at that moment
 * even if the SDK has not noticed the signal yet (so the caller's time is bounded whatever the SDK does).
 */
export async function withinBudget<R>(
  op: (signal: AbortSignal) => Promise<R>,
  { budgetMs, write }: BudgetOptions,
): Promise<R> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StoreUnavailable(write ? 'unknown' : 'notApplied', `no answer within ${budgetMs} ms`));
    }, budgetMs);
  });
  try {
    return await Promise.race([op(controller.signal), deadline]);
  } catch (err) {
    throw unavailableFrom(err, write);
  } finally {
    clearTimeout(timer);
  }
}
