// The sender's queue: ledger entries waiting for their time, worked by up to `concurrency` sends at once, tenants
// served in turn and only when their rate window has room (so many due tenants send in parallel, each within its
// own limit); each entry is claimed in the ledger (ETag + lease) right before its one send (send-attempt.ts).
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { BACKGROUND_STORE_TIMEOUT_MS, withStoreBudget, type Stored } from '../store';
import { sendTimeBy } from './business-hours';
import type { Ledger, LedgerEntry } from './ledger';
import { reachRecipient } from './reachability';
import type { ReferenceStore } from './references';
import { sendClaimedEntry, type AttemptResult, type SendAttemptDeps, type SendOutcome } from './send-attempt';
import { FairQueue, type QueueItem } from './send-queue';
import { SendThrottle } from './send-throttle';
import { senderSettings, type SenderOptions, type SenderSettings } from './sender-options';

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

/** Entries of one tenant started and not yet past their rate reservation: more would only wait for room. */
const STARTING_PER_TENANT = 2;
/** A wait for room up to this long is slept through; a longer one gives the worker back (the entry waits queued). */
const SHORT_WAIT_MS = 50;

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
  private readonly settings: SenderSettings;
  private readonly ledger: Ledger;
  private readonly references: ReferenceStore;
  private readonly logger?: Logger;
  private readonly throttle: SendThrottle;
  private readonly attemptDeps: SendAttemptDeps;
  private readonly queue = new FairQueue();
  /** Per tenant, entries started and not yet past their rate reservation. */
  private readonly starting = new Map<string, number>();
  /** Ids queued or in flight: a second submit of one is ignored. */
  private readonly known = new Set<string>();
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private stopped = false;
  private abandoned = false;
  private idleWaiters: (() => void)[] = [];
  private quietWaiters: (() => void)[] = [];
  private readonly listeners: ((o: SendOutcome) => void)[] = [];

  constructor(options: SenderOptions) {
    this.settings = senderSettings(options);
    this.owner = options.owner ?? `sender-${randomUUID()}`;
    this.ledger = options.ledger;
    this.references = options.references;
    this.logger = options.logger;
    const { now, sleep, random, retry, defaultLocale } = this.settings;
    this.throttle = new SendThrottle({
      conversationLimits: options.conversationLimits,
      tenantLimits: options.tenantLimits,
      tenantShare: options.tenantShare,
      now,
      sleep,
    });
    this.attemptDeps = {
      adapter: options.adapter,
      botAppId: options.botAppId,
      render: options.render,
      ledger: options.ledger,
      references: options.references,
      throttle: this.throttle,
      businessHours: options.businessHours,
      retry,
      defaultLocale,
      now,
      random,
      logger: options.logger,
    };
  }

  /** Called with every outcome (tests, metrics). */
  onOutcome(listener: (o: SendOutcome) => void): void {
    this.listeners.push(listener);
  }

  /** Queues an entry for delivery at `at` (default now). Already queued or in flight: ignored. */
  submit(tenantId: string, id: string, at = this.settings.now(), entry?: Stored<LedgerEntry>): void {
    if (this.stopped || this.known.has(id)) return;
    this.known.add(id);
    this.queue.push({ tenantId, id, at, entry });
    this.pump();
  }

  /** Number of entries queued or in flight. */
  get pending(): number {
    return this.known.size;
  }

  /** Sends waiting for room in a rate window (tests use it to know when only the clock can help). */
  get waiting(): number {
    return this.throttle.waiting;
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

  /** Resolves when nothing is in flight and nothing queued is due within `horizonMs`. */
  async settled(horizonMs = 60_000): Promise<void> {
    for (;;) {
      const soon = this.settings.now() + horizonMs;
      if (this.running === 0 && !this.queue.anyDueBy(soon)) return;
      await (this.running > 0 ? this.quiet() : new Promise((r) => setTimeout(r, 10)));
    }
  }

  /** Stops taking work; waits (at most the send timeout) for sends in flight to be recorded. */
  async stop(): Promise<void> {
    if (this.abandoned) return;
    this.abandon();
    this.abandoned = false;
    const { now, retry } = this.settings;
    const deadline = now() + retry.sendTimeoutMs + 1000;
    while (this.running > 0 && now() < deadline) await new Promise((r) => setImmediate(r));
  }

  /** Stops at once without waiting for anything (what a crash looks like to the ledger). */
  abandon(): void {
    this.abandoned = true;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.clear();
    this.known.clear();
  }

  /** Starts due entries while there are workers, tenant by tenant in turn, and sets a timer for the next one. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.settings.now();
    const { concurrency } = this.settings;
    const startingOf = (t: string): number => this.starting.get(t) ?? 0;
    const canStart = (t: string): boolean =>
      startingOf(t) < STARTING_PER_TENANT && this.throttle.tenantWait(t) <= SHORT_WAIT_MS;
    while (this.running < concurrency) {
      const item = this.queue.take(now, canStart);
      if (!item) break;
      this.work(item);
    }
    if (this.running >= concurrency) return;
    // A tenant with entries starting is woken by their end; others when due and their window has room.
    const next = this.queue.nextAt(now, (t) =>
      startingOf(t) >= STARTING_PER_TENANT
        ? Infinity
        : Math.max(0, this.throttle.tenantWait(t) - SHORT_WAIT_MS),
    );
    if (next !== undefined && Number.isFinite(next) && next < this.timerAt) {
      if (this.timer) clearTimeout(this.timer);
      // Node turns a delay above 2^31-1 ms (~24.8 days; a 30-day snooze) into 1 ms: look again within the hour.
      const delay = Math.min(Math.max(1, next - now), 3_600_000);
      this.timerAt = now + delay;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      }, delay);
    }
  }

  private work(item: QueueItem): void {
    this.running++;
    const tenantId = item.tenantId;
    this.starting.set(tenantId, (this.starting.get(tenantId) ?? 0) + 1);
    let started = true;
    const pastStart = (): void => {
      if (!started) return;
      started = false;
      const left = (this.starting.get(tenantId) ?? 1) - 1;
      if (left > 0) this.starting.set(tenantId, left);
      else this.starting.delete(tenantId);
    };
    // No person waits on a send: its store operations get the background budget.
    void withStoreBudget(BACKGROUND_STORE_TIMEOUT_MS, () => this.process(item, pastStart))
      .catch((err: unknown) => {
        // The entry stays in the ledger; its claim (if any) expires and a later scan picks it up.
        this.logger?.error({ err, id: item.id }, 'reminder delivery crashed');
      })
      .finally(() => {
        pastStart();
        this.running--;
        if (!this.queue.has(item.id)) this.known.delete(item.id);
        this.pump();
        if (this.running === 0) for (const w of this.quietWaiters.splice(0)) w();
        if (this.known.size === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
  }

  private later(item: QueueItem, at: number, entry?: Stored<LedgerEntry>): void {
    if (this.stopped) return;
    this.queue.push({ tenantId: item.tenantId, id: item.id, at, ...(entry ? { entry } : {}) });
  }

  private emit(o: SendOutcome): SendOutcome {
    this.stats[o.result === 'retry' ? 'retries' : o.result]++;
    for (const l of this.listeners) l(o);
    return o;
  }

  /** One entry: ready? reachable? then room in the rate windows, the claim, and its one send. */
  private async process(item: QueueItem, pastStart: () => void): Promise<SendOutcome | undefined> {
    const current = item.entry ?? (await this.ledger.read(item.tenantId, item.id));
    if (!current) return this.emit({ id: item.id, result: 'skipped', reason: 'not in the ledger' });
    const notYet = this.notYet(item, current.doc);
    if (notYet) return this.emit(notYet);
    const reach = await reachRecipient(this.references, item.tenantId, current.doc.target, this.logger);
    if (!reach.ok) return this.emit(await this.block(item, current, reach.reason));

    // Wait for room, claim, then reserve the slot right before the request so the time the connector
    // counts is the time the limiter counted. A long wait (the conversation's window is full) gives the worker
    // back to other tenants: the entry waits in the queue, unclaimed.
    const keys = this.throttle.keys(item.tenantId, reach.reference.doc);
    const room = this.throttle.roomIn(keys);
    if (room > SHORT_WAIT_MS) {
      this.later(item, this.settings.now() + room, current);
      return undefined;
    }
    if (!(await this.throttle.waitForRoom(keys, () => this.stopped)))
      return this.emit({ id: item.id, result: 'skipped', reason: 'stopped' });
    const claimed = await this.claim(item, current);
    if (!claimed) return this.emit({ id: item.id, result: 'skipped', reason: 'claimed elsewhere' });
    // Another send may have taken the room meanwhile; the wait is short next to the lease.
    await this.throttle.reserve(keys);
    pastStart();
    this.pump(); // the tenant may start its next entry while this one is sent
    this.stats.requests++;
    const attempt = await sendClaimedEntry(claimed, reach.reference, keys, this.attemptDeps);
    this.count(attempt);
    // A retry comes back with the version its ledger write left: its claim needs no read first.
    const retryEntry = attempt.outcome.result === 'retry' ? attempt.entry : undefined;
    if (attempt.retryAt !== undefined) this.later(item, attempt.retryAt, retryEntry);
    return this.emit(attempt.outcome);
  }

  /**
   * Why an entry is not sent now: not claimable (queued again for when it wakes), or outside business hours
   * (queued for opening, never past its `sendBy` day). A test reminder (`anyHour`) ignores the hours.
   */
  private notYet(item: QueueItem, entry: LedgerEntry): SendOutcome | undefined {
    const now = this.settings.now();
    if (!this.ledger.isClaimable(entry)) {
      const wakeAt =
        entry.state === 'pending'
          ? Date.parse(entry.notBefore)
          : entry.state === 'snoozed'
            ? Date.parse(entry.snoozedUntil ?? entry.notBefore)
            : NaN;
      if (Number.isFinite(wakeAt) && wakeAt > now) this.later(item, wakeAt);
      return { id: item.id, result: 'skipped', reason: `state ${entry.state}` };
    }
    const hours = this.attemptDeps.businessHours;
    const opening = sendTimeBy(new Date(now), entry.timeZone, hours, entry.sendBy).getTime();
    if (opening > now && entry.payload.anyHour !== true) {
      this.later(item, opening);
      return { id: item.id, result: 'skipped', reason: 'outside business hours' };
    }
    return undefined;
  }

  /** The recipient cannot be reached: the entry waits `blockedRecheckMs` (in business hours) with the reason. */
  private async block(item: QueueItem, current: Stored<LedgerEntry>, reason: string): Promise<SendOutcome> {
    const claimed = await this.ledger.claim(current, this.owner, this.settings.retry.leaseMs);
    if (!claimed) return { id: item.id, result: 'skipped', reason: 'claimed elsewhere' };
    const entry = current.doc;
    const recheck = new Date(this.settings.now() + this.settings.blockedRecheckMs);
    const hours = this.attemptDeps.businessHours;
    await this.ledger.markBlocked(claimed, reason, sendTimeBy(recheck, entry.timeZone, hours, entry.sendBy));
    return { id: item.id, result: 'blocked', reason };
  }

  /** Claims the entry; when the caller's copy was stale, reads it again once. */
  private async claim(
    item: QueueItem,
    current: Stored<LedgerEntry>,
  ): Promise<Stored<LedgerEntry> | undefined> {
    const { leaseMs } = this.settings.retry;
    const claimed = await this.ledger.claim(current, this.owner, leaseMs);
    if (claimed || !item.entry) return claimed;
    const fresh = await this.ledger.read(item.tenantId, item.id);
    // Snoozed or moved meanwhile: queued again for when it wakes, as a first look would have done.
    if (!fresh || this.notYet(item, fresh.doc)) return undefined;
    return this.ledger.claim(fresh, this.owner, leaseMs);
  }

  private count(attempt: AttemptResult): void {
    if (attempt.throttled) this.stats.throttled++;
    if (attempt.tenantPaused) this.stats.tenantPauses++;
    if (attempt.serverError) this.stats.serverErrors++;
  }
}
