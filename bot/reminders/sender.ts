// The proactive sender: takes ledger entries that are due, claims each one, renders it in the recipient's
// language and posts it through botbuilder's CloudAdapter, then records the outcome in the ledger.
//
// Limits by design: every send first reserves room in a per-conversation limiter (7/1 s, 8/2 s, 60/30 s,
// 1,800/h) and a per-tenant one (50/s, kept at 48 to absorb network jitter), so a well-behaved run sees no
// 429 of its own making. With several app instances each has its own limiter: give each `tenantShare`
// = 1/instances of the tenant budget.
//
// Errors (botbuilder throws a RestError with `statusCode`; `response.headers` carries Retry-After):
//   429            retry after Retry-After (or exponential backoff with jitter when absent); the
//                  conversation is paused until then; when 429s become frequent across a tenant (not one
//                  unlucky conversation) the whole tenant is paused ("throttled until").
//   412, 5xx, I/O  retried with exponential backoff and jitter, up to `maxAttempts`; then failed.
//   403, 404       the bot was removed or the conversation is gone: the reference is marked inactive and
//                  the entry fails; nothing more is sent there.
//   other 4xx      failed at once.
// botbuilder's HTTP pipeline would itself retry 429 and 5xx up to three times, invisibly to the limiter
// and the ledger; the sender removes that policy from the per-turn connector client so every attempt is
// its own, counted and recorded.
//
// Duplicates (what "once" means here): an entry is claimed right before its request and its outcome is
// written right after the connector answers. An answer is taken at its word: a message the connector refused
// (429, 5xx, 4xx) is sent again or not at all, never twice. Bot Connector has no idempotency key, so a
// message is delivered twice exactly when the connector accepted it but the sender never learned so:
//   - a crash (or a failed ledger write) between the connector accepting a message and the ledger recording
//     `sent`: the claim expires after `leaseMs` and another sender delivers it again. At most `concurrency`
//     messages per crash (the sends in flight at that moment).
//   - a send timeout: no answer within `sendTimeoutMs` (30 s). The request is aborted (a signal on the
//     per-turn connector client) and its outcome is unknown: the entry stays claimed, is not sent again
//     before its lease (2 min from the claim) has run out, and is then sent again. If the connector had
//     accepted it, that is a duplicate; if the answer still arrives while the lease runs (an adapter that
//     cannot be aborted), the entry is recorded as sent and nothing more goes out.
// The lease is far longer than the send timeout, so a live sender never loses a claim to another one.
import { randomUUID } from 'node:crypto';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Stored } from '../store';
import { sendTimeBy, type BusinessHours } from './business-hours';
import type { Ledger, LedgerEntry } from './ledger';
import { CONVERSATION_LIMITS, RateLimiter, TENANT_LIMITS, type Window } from './limiter';
import { toConversationReference, type ReferenceStore, type ReferenceTarget } from './references';

/** What the sender needs of botbuilder's CloudAdapter. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
  readonly ConnectorClientKey?: symbol;
}

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
) => Partial<Activity> | Promise<Partial<Activity>>;

export interface SenderOptions {
  adapter: ProactiveAdapter;
  /** The bot's app id; empty in anonymous local mode. */
  botAppId: string;
  ledger: Ledger;
  references: ReferenceStore;
  render: RenderFn;
  businessHours: BusinessHours;
  logger?: Logger;
  /** Identifies this instance in claims. */
  owner?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  concurrency?: number;
  leaseMs?: number;
  sendTimeoutMs?: number;
  /** Attempts for 412/5xx/network failures before giving up. */
  maxAttempts?: number;
  /** Attempts for 429s before giving up. */
  maxThrottledAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long to wait before looking again at an entry whose recipient cannot be reached. */
  blockedRecheckMs?: number;
  defaultLocale?: string;
  conversationLimits?: Window[];
  tenantLimits?: Window[];
  /** Fraction of the tenant budget this instance may use (1 / number of instances). */
  tenantShare?: number;
}

/** `unknown`: the send timed out; it is tried again once its lease has run out. */
export type SendResult = 'sent' | 'retry' | 'failed' | 'blocked' | 'skipped' | 'lost' | 'unknown';

export interface SendOutcome {
  id: string;
  result: SendResult;
  status?: number;
  reason?: string;
  activityId?: string;
}

export interface SenderStats {
  sent: number;
  retries: number;
  failed: number;
  blocked: number;
  skipped: number;
  lost: number;
  unknown: number;
  throttled: number;
  serverErrors: number;
  tenantPauses: number;
  requests: number;
}

interface QueueItem {
  tenantId: string;
  id: string;
  at: number;
  /** The version the caller just read (saves a read; a stale one only makes the ETag claim fail). */
  entry?: Stored<LedgerEntry>;
}

const RETRYABLE = new Set([412, 500, 502, 503, 504]);

/** Why an entry could not be sent, as people need to know it (see the blocked reasons in process()). */
export type BlockedKind = 'noChat' | 'inactive' | 'refused' | 'unreachable';

export function blockedKind(reason: string): BlockedKind {
  if (reason.startsWith('no conversation reference')) return 'noChat';
  if (reason.startsWith('conversation inactive')) return 'inactive';
  if (reason.startsWith('service URL refused')) return 'refused';
  return 'unreachable';
}

/** Status and Retry-After (ms) from whatever the SDK threw. */
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

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer from the connector within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Recent outcomes per tenant, to tell tenant-wide throttling from one conversation's bad luck. */
class ThrottleTracker {
  private readonly recent = new Map<string, { at: number; throttled: boolean }[]>();
  constructor(private readonly spanMs = 2000) {}

  record(tenantId: string, at: number, throttled: boolean): boolean {
    const list = this.recent.get(tenantId) ?? [];
    list.push({ at, throttled });
    while (list.length > 0 && (list[0]?.at ?? at) < at - this.spanMs) list.shift();
    this.recent.set(tenantId, list);
    const count = list.filter((r) => r.throttled).length;
    return throttled && count >= 3 && count >= list.length * 0.25;
  }
}

export class ReminderSender {
  readonly owner: string;
  readonly stats: SenderStats = {
    sent: 0,
    retries: 0,
    failed: 0,
    blocked: 0,
    skipped: 0,
    lost: 0,
    unknown: 0,
    throttled: 0,
    serverErrors: 0,
    tenantPauses: 0,
    requests: 0,
  };
  private readonly o: Required<Omit<SenderOptions, 'logger' | 'owner'>> & { logger?: Logger };
  private readonly limiter: RateLimiter;
  private readonly throttle = new ThrottleTracker();
  private readonly queue: QueueItem[] = [];
  private readonly known = new Set<string>();
  private running = 0;
  private sleeping = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private stopped = false;
  private abandoned = false;
  private idleWaiters: (() => void)[] = [];
  private quietWaiters: (() => void)[] = [];
  private readonly listeners: ((o: SendOutcome) => void)[] = [];

  constructor(options: SenderOptions) {
    const now = options.now ?? (() => Date.now());
    this.owner = options.owner ?? `sender-${randomUUID()}`;
    const share = Math.min(1, Math.max(0.01, options.tenantShare ?? 1));
    // A share of the budget: fewer per window, and proportionally wider gaps for the pacing window.
    const tenantLimits = (options.tenantLimits ?? TENANT_LIMITS).map((w) =>
      w.max === 1
        ? { ms: Math.ceil(w.ms / share), max: 1 }
        : { ms: w.ms, max: Math.max(1, Math.floor(w.max * share)) },
    );
    this.o = {
      ...options,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      concurrency: options.concurrency ?? 16,
      leaseMs: options.leaseMs ?? 120_000,
      sendTimeoutMs: options.sendTimeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 6,
      maxThrottledAttempts: options.maxThrottledAttempts ?? 12,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 300_000,
      blockedRecheckMs: options.blockedRecheckMs ?? 3_600_000,
      defaultLocale: options.defaultLocale ?? 'en',
      conversationLimits: options.conversationLimits ?? CONVERSATION_LIMITS,
      tenantLimits,
      tenantShare: share,
    };
    const convWindows = this.o.conversationLimits;
    this.limiter = new RateLimiter((key) => (key.startsWith('t|') ? tenantLimits : convWindows), now);
  }

  /** Called with every outcome (tests, metrics). */
  onOutcome(listener: (o: SendOutcome) => void): void {
    this.listeners.push(listener);
  }

  /** Queues an entry for delivery at `at` (default now). Already queued or in flight: ignored. */
  submit(tenantId: string, id: string, at = this.o.now(), entry?: Stored<LedgerEntry>): void {
    if (this.stopped || this.known.has(id)) return;
    this.known.add(id);
    this.queue.push({ tenantId, id, at, entry });
    this.pump();
  }

  /** Number of entries queued or in flight. */
  get pending(): number {
    return this.known.size;
  }

  /** Workers waiting for room in a rate window (tests use it to know when only the clock can help). */
  get waiting(): number {
    return this.sleeping;
  }

  /** Entries being processed right now. */
  get inFlight(): number {
    return this.running;
  }

  /** Resolves when no entry is being processed (queued ones may wait for their time). */
  quiet(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.known.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves when nothing is in flight and nothing queued is due within `horizonMs` (a reminder snoozed for
   * days does not count; a retry a second away does).
   */
  async settled(horizonMs = 60_000): Promise<void> {
    for (;;) {
      const soon = this.o.now() + horizonMs;
      if (this.running === 0 && !this.queue.some((q) => q.at <= soon)) return;
      await (this.running > 0 ? this.quiet() : new Promise((r) => setTimeout(r, 10)));
    }
  }

  /**
   * Stops taking work; waits (at most the send timeout) for sends in flight to be recorded. Queued entries
   * stay in the ledger for the next scan or instance.
   */
  async stop(): Promise<void> {
    if (this.abandoned) return;
    this.abandon();
    this.abandoned = false;
    const deadline = this.o.now() + this.o.sendTimeoutMs + 1000;
    while (this.running > 0 && this.o.now() < deadline) await new Promise((r) => setImmediate(r));
  }

  /** Stops at once without waiting for anything (what a crash looks like to the ledger). */
  abandon(): void {
    this.abandoned = true;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
    this.known.clear();
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.o.now();
    this.queue.sort((a, b) => a.at - b.at);
    while (
      this.running < this.o.concurrency &&
      this.queue.length > 0 &&
      (this.queue[0] as QueueItem).at <= now
    ) {
      const item = this.queue.shift() as QueueItem;
      this.running++;
      void this.process(item)
        .catch((err: unknown) => {
          this.o.logger?.error({ err, id: item.id }, 'reminder delivery crashed');
          // Leave the entry in the ledger; its claim (if any) expires and a later scan picks it up.
        })
        .finally(() => {
          this.running--;
          if (!this.queue.some((q) => q.id === item.id)) this.known.delete(item.id);
          this.pump();
          if (this.running === 0) for (const w of this.quietWaiters.splice(0)) w();
          if (this.known.size === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
    }
    const next = this.queue[0];
    if (next && this.running < this.o.concurrency && next.at > now && next.at < this.timerAt) {
      if (this.timer) clearTimeout(this.timer);
      // Node turns a delay above 2^31-1 ms (~24.8 days; a 30-day snooze) into 1 ms: wake up within the hour
      // instead and look again.
      const delay = Math.min(next.at - now, 3_600_000);
      this.timerAt = now + delay;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      }, delay);
    }
  }

  private later(item: QueueItem, at: number): void {
    if (this.stopped) return;
    this.queue.push({ tenantId: item.tenantId, id: item.id, at });
  }

  private emit(o: SendOutcome): SendOutcome {
    this.stats[o.result === 'retry' ? 'retries' : o.result]++;
    for (const l of this.listeners) l(o);
    return o;
  }

  /** Sleeps until every key has room; with `reserve`, takes the slot. False when stopped while waiting. */
  private async waitForRoom(keys: string[], reserve: boolean): Promise<boolean> {
    for (;;) {
      const wait = reserve
        ? this.limiter.tryAcquire(keys)
        : Math.max(...keys.map((k) => this.limiter.waitFor(k)));
      if (wait === 0) return true;
      if (this.stopped && !reserve) return false;
      this.sleeping++;
      try {
        await this.o.sleep(wait);
      } finally {
        this.sleeping--;
      }
    }
  }

  private sendTime(at: number, entry: LedgerEntry): Date {
    return sendTimeBy(new Date(at), entry.timeZone, this.o.businessHours, entry.sendBy);
  }

  private retryInstant(entry: LedgerEntry, afterMs: number): Date {
    return this.sendTime(this.o.now() + afterMs, entry);
  }

  private backoff(attempt: number): number {
    const capped = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(capped / 2 + (this.o.random() * capped) / 2);
  }

  private async process(item: QueueItem): Promise<SendOutcome> {
    const { ledger, references } = this.o;
    const current = item.entry ?? (await ledger.read(item.tenantId, item.id));
    if (!current) return this.emit({ id: item.id, result: 'skipped', reason: 'not in the ledger' });
    if (!ledger.isClaimable(current.doc)) {
      const d = current.doc;
      const wakeAt =
        d.state === 'pending'
          ? Date.parse(d.notBefore)
          : d.state === 'snoozed'
            ? Date.parse(d.snoozedUntil ?? d.notBefore)
            : NaN;
      if (Number.isFinite(wakeAt) && wakeAt > this.o.now()) this.later(item, wakeAt);
      return this.emit({ id: item.id, result: 'skipped', reason: `state ${d.state}` });
    }
    // Outside business hours (a takeover, a snooze, a retry that crossed closing time): wait for opening,
    // but never past the last day the reminder is worth sending (`sendBy`). A reminder someone asked for
    // right now (the test reminder) is marked `anyHour`.
    const opening = this.sendTime(this.o.now(), current.doc).getTime();
    if (opening > this.o.now() && current.doc.payload.anyHour !== true) {
      this.later(item, opening);
      return this.emit({ id: item.id, result: 'skipped', reason: 'outside business hours' });
    }
    const target: ReferenceTarget =
      current.doc.target.kind === 'user'
        ? { kind: 'user', userId: current.doc.target.userId }
        : { kind: 'channel', channelId: current.doc.target.channelId };
    const ref = await references.get(item.tenantId, target);
    let blockedReason: string | undefined;
    if (!ref) blockedReason = 'no conversation reference';
    else if (!ref.doc.active)
      blockedReason = `conversation inactive (${ref.doc.inactiveReason ?? 'unknown'})`;
    else {
      const check = references.checkServiceUrl(ref.doc.serviceUrl);
      if (!check.ok) {
        blockedReason = `service URL refused: ${check.reason}`;
        this.o.logger?.warn(
          { tenantId: item.tenantId, referenceId: ref.doc.id, serviceUrl: ref.doc.serviceUrl },
          'stored reference has a service URL outside the allowlist; not calling it',
        );
      }
    }
    if (blockedReason || !ref) {
      const claimed = await ledger.claim(current, this.owner, this.o.leaseMs);
      if (!claimed) return this.emit({ id: item.id, result: 'skipped', reason: 'claimed elsewhere' });
      await ledger.markBlocked(
        claimed,
        blockedReason ?? 'unreachable',
        this.retryInstant(current.doc, this.o.blockedRecheckMs),
      );
      return this.emit({ id: item.id, result: 'blocked', reason: blockedReason });
    }

    // Wait for room in the conversation's and the tenant's windows, claim, then reserve the slot right
    // before the request so the time the connector counts is the time the limiter counted.
    const convKey = `c|${ref.doc.serviceUrl}|${ref.doc.conversationId}`;
    const tenantKey = `t|${item.tenantId}`;
    if (!(await this.waitForRoom([convKey, tenantKey], false)))
      return this.emit({ id: item.id, result: 'skipped', reason: 'stopped' });
    let claimed = await ledger.claim(current, this.owner, this.o.leaseMs);
    if (!claimed && item.entry) {
      // The caller's copy was stale: look again once.
      const fresh = await ledger.read(item.tenantId, item.id);
      claimed = fresh ? await ledger.claim(fresh, this.owner, this.o.leaseMs) : undefined;
    }
    if (!claimed) return this.emit({ id: item.id, result: 'skipped', reason: 'claimed elsewhere' });
    // Another worker may have taken the room meanwhile; the wait is short next to the lease.
    await this.waitForRoom([convKey, tenantKey], true);

    const locale = claimed.doc.locale ?? ref.doc.locale ?? this.o.defaultLocale;
    let activityId = '';
    let sending: Promise<boolean> | undefined;
    this.stats.requests++;
    try {
      const message = await this.o.render(claimed.doc.payload, locale, {
        entryId: claimed.doc.id,
        tenantId: claimed.doc.tenantId,
        target: claimed.doc.target,
        timeZone: claimed.doc.timeZone,
      });
      // The send's own error is kept here rather than thrown inside the turn: an adapter with onTurnError
      // (the app's) would swallow it, tell the recipient "something went wrong", and make a failed send look
      // delivered.
      let sendFailed = false;
      let sendError: unknown;
      const abort = new AbortController();
      sending = this.o.adapter
        .continueConversationAsync(this.o.botAppId, toConversationReference(ref.doc), async (context) => {
          this.ownRetries(context);
          this.abortWith(context, abort.signal);
          // A continuation activity carries a random id that would make this a reply to nothing.
          (context.activity as { id?: string }).id = undefined;
          try {
            const res = await context.sendActivity(message);
            activityId = res?.id ?? '';
          } catch (err) {
            sendFailed = true;
            sendError = err;
          }
        })
        .then(() => !sendFailed);
      const delivered = await this.withTimeout(sending, () => abort.abort());
      if (!delivered) throw sendError;
    } catch (err) {
      if (err instanceof TimeoutError && sending)
        return this.afterTimeout(item, claimed, sending, () => activityId, err);
      return this.afterError(item, claimed, ref.doc.id, convKey, err);
    }
    this.throttle.record(item.tenantId, this.o.now(), false);
    const recorded = await ledger.markSent(claimed, activityId);
    return this.emit({ id: item.id, result: recorded ? 'sent' : 'lost', activityId });
  }

  /**
   * No answer within the send timeout: the request was aborted, but the connector may have accepted it.
   * The entry stays claimed (nobody sends it while the lease runs) and this sender looks at it again when
   * the lease has run out. Should the send still complete meanwhile, it is recorded as sent.
   */
  private async afterTimeout(
    item: QueueItem,
    claimed: Stored<LedgerEntry>,
    sending: Promise<boolean>,
    activityId: () => string,
    err: TimeoutError,
  ): Promise<SendOutcome> {
    const { ledger } = this.o;
    const reason = `${err.message}; outcome unknown`;
    if (claimed.doc.attempts + 1 >= this.o.maxAttempts) {
      const failed = await ledger.markFailed(claimed, `attempts exhausted: ${reason}`);
      return this.emit({ id: item.id, result: failed ? 'failed' : 'lost', reason });
    }
    const unknown = await ledger.markUnknown(claimed, reason);
    if (!unknown) return this.emit({ id: item.id, result: 'lost', reason });
    void sending.then(
      async (ok) => {
        if (ok && (await ledger.markSent(unknown, activityId()))) {
          this.o.logger?.info(
            { id: item.id },
            'a reminder send that timed out was answered later; recorded as sent',
          );
        }
      },
      () => undefined,
    );
    this.later(
      item,
      Date.parse(
        unknown.doc.claim?.until ??
          claimed.doc.claim?.until ??
          new Date(this.o.now() + this.o.leaseMs).toISOString(),
      ),
    );
    return this.emit({ id: item.id, result: 'unknown', reason });
  }

  private async afterError(
    item: QueueItem,
    claimed: Stored<LedgerEntry>,
    referenceId: string,
    convKey: string,
    err: unknown,
  ): Promise<SendOutcome> {
    const { ledger } = this.o;
    const now = this.o.now();
    const { status, retryAfterMs, message } = describeError(err, now);
    const entry = claimed.doc;
    const attempt = entry.attempts + 1;
    const tenantKey = `t|${item.tenantId}`;
    const record = async (
      res: Promise<Stored<LedgerEntry> | undefined>,
      outcome: SendOutcome,
    ): Promise<SendOutcome> => ((await res) ? this.emit(outcome) : this.emit({ ...outcome, result: 'lost' }));

    if (status === 429) {
      this.stats.throttled++;
      const delay = retryAfterMs ?? this.backoff(attempt);
      this.limiter.block(convKey, now + delay);
      if (this.throttle.record(item.tenantId, now, true)) {
        this.stats.tenantPauses++;
        this.limiter.block(tenantKey, now + delay);
        this.o.logger?.warn(
          { tenantId: item.tenantId, ms: delay },
          'tenant throttled by Teams; pausing its sends',
        );
      }
      if (attempt >= this.o.maxThrottledAttempts) {
        return record(ledger.markFailed(claimed, 'throttled: attempts exhausted', 429), {
          id: item.id,
          result: 'failed',
          status,
          reason: 'throttled',
        });
      }
      const at = this.retryInstant(entry, delay);
      this.later(item, at.getTime());
      return record(
        ledger.markRetry(
          claimed,
          retryAfterMs !== undefined ? 'throttled (Retry-After)' : 'throttled',
          429,
          at,
        ),
        {
          id: item.id,
          result: 'retry',
          status,
        },
      );
    }
    this.throttle.record(item.tenantId, now, false);

    if (status === 403 || status === 404) {
      await this.o.references.markInactive(
        item.tenantId,
        referenceId,
        status === 403 ? 'forbidden (403)' : 'not found (404)',
      );
      return record(
        ledger.markFailed(claimed, status === 403 ? 'forbidden' : 'conversation not found', status),
        {
          id: item.id,
          result: 'failed',
          status,
        },
      );
    }

    const transient = status === undefined || RETRYABLE.has(status);
    if (status !== undefined && status >= 500) this.stats.serverErrors++;
    if (!transient) {
      return record(ledger.markFailed(claimed, message, status), {
        id: item.id,
        result: 'failed',
        status,
        reason: message,
      });
    }
    if (attempt >= this.o.maxAttempts) {
      return record(ledger.markFailed(claimed, `attempts exhausted: ${message}`, status), {
        id: item.id,
        result: 'failed',
        status,
        reason: message,
      });
    }
    const at = this.retryInstant(entry, retryAfterMs ?? this.backoff(attempt));
    this.later(item, at.getTime());
    return record(ledger.markRetry(claimed, status ? `HTTP ${status}` : message, status, at), {
      id: item.id,
      result: 'retry',
      status,
    });
  }

  /** Removes botbuilder's own retry policy from this turn's connector client (see the header comment). */
  private ownRetries(context: TurnContext): void {
    const key = this.o.adapter.ConnectorClientKey;
    if (!key) return;
    const client = context.turnState.get(key) as
      { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined;
    client?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
  }

  /**
   * Makes this turn's requests abortable: the connector client is created per turn, so the policy lives and
   * dies with it. (botbuilder's sendActivity takes no options; the pipeline is the one place a signal fits.)
   */
  private abortWith(context: TurnContext, signal: AbortSignal): void {
    const key = this.o.adapter.ConnectorClientKey;
    if (!key) return;
    type Policy = {
      name: string;
      sendRequest: (
        request: { abortSignal?: AbortSignal },
        next: (r: unknown) => Promise<unknown>,
      ) => Promise<unknown>;
    };
    const client = context.turnState.get(key) as
      { client?: { pipeline?: { addPolicy?: (p: Policy) => unknown } } } | undefined;
    client?.client?.pipeline?.addPolicy?.({
      name: 'reminderSendAbort',
      sendRequest: (request, next) => {
        request.abortSignal = signal;
        return next(request);
      },
    });
  }

  private withTimeout<T>(p: Promise<T>, onTimeout?: () => void): Promise<T> {
    const ms = Math.min(this.o.sendTimeoutMs, 2_147_483_647); // larger values overflow to 1 ms in Node
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new TimeoutError(ms));
        onTimeout?.();
      }, ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }
}
