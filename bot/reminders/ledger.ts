// The delivery ledger: one document per (reminder key × recipient) in the `reminders` container, so every
// reminder reaches every recipient at most once per due date, across restarts and instances. Its operations
// (enqueue, claim with a lease, outcome, snooze, done) are described in docs/architecture.md.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../logger';
import {
  AlreadyExists,
  ConcurrencyConflict,
  NotFound,
  type Repository,
  type Store,
  type Stored,
} from '../store';

export const DeliveryTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('channel'), channelId: z.string().min(1) }),
]);
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;

export const DeliveryState = z.enum(['pending', 'claimed', 'sent', 'failed', 'dropped', 'snoozed', 'done']);
export type DeliveryState = z.infer<typeof DeliveryState>;

const Iso = z.string().min(20);

export const LedgerEntry = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  type: z.literal('delivery'),
  reminderKey: z.string().min(1),
  /** The reminder key without its offset: all offsets of one cause share it. */
  causeKey: z.string().min(1),
  target: DeliveryTarget,
  /** The reminder as the domain produced it; the renderer gets it back at send time. */
  payload: z.record(z.string(), z.unknown()),
  timeZone: z.string().min(1),
  /** Explicit language choice of the recipient (overrides the Teams locale). */
  locale: z.string().optional(),
  state: DeliveryState,
  /** Earliest send instant (inside business hours of `timeZone`). */
  notBefore: Iso,
  /**
   * Last local day (`YYYY-MM-DD`, in `timeZone`) the message is worth sending, for reminders before their
   * due date: business hours give way to it (see sendTimeBy).
   */
  sendBy: z.string().optional(),
  attempts: z.number().int().min(0),
  sendCount: z.number().int().min(0).default(0),
  claim: z.object({ owner: z.string(), at: Iso, until: Iso, from: DeliveryState }).optional(),
  sentAt: Iso.optional(),
  activityId: z.string().optional(),
  lastError: z.object({ reason: z.string(), status: z.number().int().optional(), at: Iso }).optional(),
  blocked: z.object({ reason: z.string(), at: Iso }).optional(),
  droppedReason: z.string().optional(),
  snoozedUntil: Iso.optional(),
  doneBy: z.string().optional(),
  createdAt: Iso,
  updatedAt: Iso,
  history: z.array(z.object({ at: Iso, state: DeliveryState, note: z.string().optional() })).default([]),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Marks "done for this cause" for one recipient; later offsets of the cause are dropped on enqueue. */
export const CauseDone = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  type: z.literal('causeDone'),
  causeKey: z.string(),
  target: DeliveryTarget,
  by: z.string(),
  at: Iso,
});
export type CauseDone = z.infer<typeof CauseDone>;

const HISTORY_LIMIT = 30;

export function targetKey(t: DeliveryTarget): string {
  return t.kind === 'user' ? `user:${t.userId}` : `channel:${t.channelId}`;
}

/** Deterministic ledger id: the same reminder to the same recipient is always the same document. */
export function ledgerId(reminderKey: string, target: DeliveryTarget): string {
  return `d-${createHash('sha256')
    .update(`${reminderKey}\n${targetKey(target)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

function causeDoneId(causeKey: string, target: DeliveryTarget): string {
  return `x-${createHash('sha256')
    .update(`${causeKey}\n${targetKey(target)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

/** `<kind>:<subject>:<dueDate>:<offset>` → `<kind>:<subject>:<dueDate>`. */
export function defaultCauseOf(reminderKey: string): string {
  const i = reminderKey.lastIndexOf(':');
  return i > 0 ? reminderKey.slice(0, i) : reminderKey;
}

export interface EnqueueInput {
  tenantId: string;
  reminderKey: string;
  target: DeliveryTarget;
  payload: Record<string, unknown>;
  timeZone: string;
  locale?: string;
  notBefore: Date;
  sendBy?: string;
}

export type ActionResult =
  | { ok: true; entry: Stored<LedgerEntry> }
  | { ok: false; reason: 'notFound' | 'busy' | 'final' | 'conflict' };

export interface LedgerOptions {
  now?: () => number;
  logger?: Logger;
  causeOf?: (reminderKey: string) => string;
}

export class Ledger {
  readonly repo: Repository<LedgerEntry>;
  private readonly markers: Repository<CauseDone>;
  private readonly now: () => number;
  private readonly causeOf: (key: string) => string;
  private readonly logger?: Logger;

  /** Built once, by the composition root (bot/app.ts). */
  constructor(store: Pick<Store, 'repository'>, options: LedgerOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.logger = options.logger;
    this.causeOf = options.causeOf ?? defaultCauseOf;
    this.repo = store.repository('reminders', LedgerEntry, 'reminder delivery', {
      onCorrupt: (e) => this.logger?.warn({ id: e.id, problems: e.problems }, 'corrupt ledger entry skipped'),
      // The sender claims and records many entries at once across tenants: one request carries many.
      batchPointOperations: true,
    });
    this.markers = store.repository('reminders', CauseDone, 'reminder cause marker');
  }

  private iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  private step(entry: LedgerEntry, state: DeliveryState, note?: string): LedgerEntry {
    const at = this.iso();
    const history = [...entry.history, { at, state, note }].slice(-HISTORY_LIMIT);
    return { ...entry, state, updatedAt: at, history };
  }

  async read(tenantId: string, id: string): Promise<Stored<LedgerEntry> | undefined> {
    return this.repo.read(tenantId, id);
  }

  /** Creates the entry unless it exists (then nothing changes: the first scan's version stands). */
  async enqueue(input: EnqueueInput): Promise<{ created: boolean; id: string; entry?: Stored<LedgerEntry> }> {
    const id = ledgerId(input.reminderKey, input.target);
    const causeKey = this.causeOf(input.reminderKey);
    const at = this.iso();
    const suppressed = await this.markers.read(input.tenantId, causeDoneId(causeKey, input.target));
    const doc: LedgerEntry = {
      id,
      tenantId: input.tenantId,
      type: 'delivery',
      reminderKey: input.reminderKey,
      causeKey,
      target: input.target,
      payload: input.payload,
      timeZone: input.timeZone,
      locale: input.locale,
      ...(input.sendBy ? { sendBy: input.sendBy } : {}),
      state: suppressed ? 'dropped' : 'pending',
      droppedReason: suppressed ? 'markedDone' : undefined,
      notBefore: input.notBefore.toISOString(),
      attempts: 0,
      sendCount: 0,
      createdAt: at,
      updatedAt: at,
      history: [
        { at, state: suppressed ? 'dropped' : 'pending', note: suppressed ? 'markedDone' : undefined },
      ],
    };
    try {
      return { created: true, id, entry: await this.repo.create(doc) };
    } catch (err) {
      if (err instanceof AlreadyExists) return { created: false, id };
      throw err;
    }
  }

  /** True when the entry may be claimed now. */
  isClaimable(e: LedgerEntry, nowMs = this.now()): boolean {
    const now = this.iso(nowMs);
    if (e.state === 'pending') return e.notBefore <= now;
    if (e.state === 'snoozed') return (e.snoozedUntil ?? e.notBefore) <= now;
    if (e.state === 'claimed') return (e.claim?.until ?? '') <= now;
    return false;
  }

  /** Entries that may be claimed now: due pending, due snoozed, and claims whose lease ran out. */
  async listReady(tenantId: string, limit = 1000): Promise<Stored<LedgerEntry>[]> {
    const now = this.iso();
    return this.repo.query(tenantId, {
      where:
        "c.type = 'delivery' AND ((c.state = 'pending' AND c.notBefore <= @now) OR (c.state = 'snoozed' AND c.snoozedUntil <= @now) OR (c.state = 'claimed' AND c.claim.until <= @now))",
      parameters: [{ name: '@now', value: now }],
      orderBy: 'c.notBefore',
      limit,
    });
  }

  /** Entries not yet delivered (pending, snoozed, claimed). */
  async listOpen(tenantId: string): Promise<Stored<LedgerEntry>[]> {
    return this.repo.query(tenantId, {
      where: "c.type = 'delivery' AND (c.state = 'pending' OR c.state = 'snoozed' OR c.state = 'claimed')",
    });
  }

  /** Every recipient's entry of the given reminder keys (what the "reminders" list shows). */
  async listByKeys(tenantId: string, keys: readonly string[]): Promise<Stored<LedgerEntry>[]> {
    if (keys.length === 0) return [];
    return this.repo.query(tenantId, {
      where: "c.type = 'delivery' AND ARRAY_CONTAINS(@keys, c.reminderKey)",
      parameters: [{ name: '@keys', value: [...keys] }],
    });
  }

  /** What a scan needs in one query: every open entry, and any entry (whatever its state) of `keys`. */
  async listForScan(tenantId: string, keys: readonly string[]): Promise<Stored<LedgerEntry>[]> {
    return this.repo.query(tenantId, {
      where:
        "c.type = 'delivery' AND (c.state = 'pending' OR c.state = 'snoozed' OR c.state = 'claimed' OR ARRAY_CONTAINS(@keys, c.reminderKey))",
      parameters: [{ name: '@keys', value: [...keys] }],
    });
  }

  async listAll(tenantId: string): Promise<Stored<LedgerEntry>[]> {
    return this.repo.query(tenantId, { where: "c.type = 'delivery'" });
  }

  /** Takes the entry for `owner` for `leaseMs`. Undefined when it is not claimable or another instance won. */
  async claim(
    entry: Stored<LedgerEntry>,
    owner: string,
    leaseMs: number,
  ): Promise<Stored<LedgerEntry> | undefined> {
    const nowMs = this.now();
    if (!this.isClaimable(entry.doc, nowMs)) return undefined;
    const takeover = entry.doc.state === 'claimed';
    if (takeover)
      this.logger?.warn(
        { id: entry.doc.id, previous: entry.doc.claim?.owner, owner },
        'taking over an expired reminder claim',
      );
    const from = takeover ? (entry.doc.claim?.from ?? 'pending') : entry.doc.state;
    const next: LedgerEntry = {
      ...this.step(entry.doc, 'claimed', takeover ? `takeover from ${entry.doc.claim?.owner ?? '?'}` : owner),
      claim: { owner, at: this.iso(nowMs), until: this.iso(nowMs + leaseMs), from },
    };
    try {
      return await this.repo.replace(next, entry.etag);
    } catch (err) {
      if (err instanceof ConcurrencyConflict || err instanceof NotFound) return undefined;
      throw err;
    }
  }

  private async commit(
    claimed: Stored<LedgerEntry>,
    next: LedgerEntry,
  ): Promise<Stored<LedgerEntry> | undefined> {
    try {
      return await this.repo.replace(next, claimed.etag);
    } catch (err) {
      if (err instanceof ConcurrencyConflict || err instanceof NotFound) {
        this.logger?.warn(
          { id: claimed.doc.id, state: next.state },
          'reminder claim lost before its outcome was recorded',
        );
        return undefined;
      }
      throw err;
    }
  }

  async markSent(claimed: Stored<LedgerEntry>, activityId: string): Promise<Stored<LedgerEntry> | undefined> {
    const d = claimed.doc;
    return this.commit(claimed, {
      ...this.step(d, 'sent', activityId),
      claim: undefined,
      sentAt: this.iso(),
      activityId,
      attempts: d.attempts + 1,
      sendCount: d.sendCount + 1,
      blocked: undefined,
      snoozedUntil: undefined,
    });
  }

  /** A retryable failure: back to pending (or snoozed, if it came from a snooze) at `retryAt`. */
  async markRetry(
    claimed: Stored<LedgerEntry>,
    reason: string,
    status: number | undefined,
    retryAt: Date,
  ): Promise<Stored<LedgerEntry> | undefined> {
    const d = claimed.doc;
    const at = this.iso();
    const back: DeliveryState = d.claim?.from === 'snoozed' ? 'snoozed' : 'pending';
    return this.commit(claimed, {
      ...this.step(d, back, `retry: ${reason}`),
      claim: undefined,
      blocked: undefined, // it got as far as the connector: reachable again
      attempts: d.attempts + 1,
      lastError: { reason, status, at },
      notBefore: retryAt.toISOString(),
      snoozedUntil: back === 'snoozed' ? retryAt.toISOString() : undefined,
    });
  }

  /**
   * A send whose outcome is unknown (it timed out): still claimed by the same owner until the lease runs
   * out, so nobody sends it again before then; counted as an attempt.
   */
  async markUnknown(claimed: Stored<LedgerEntry>, reason: string): Promise<Stored<LedgerEntry> | undefined> {
    const d = claimed.doc;
    const at = this.iso();
    return this.commit(claimed, {
      ...this.step(d, 'claimed', `outcome unknown: ${reason}`),
      attempts: d.attempts + 1,
      lastError: { reason, at },
    });
  }

  /** Not sendable now for a reason outside the message (no reference, uninstalled): try again later. */
  async markBlocked(
    claimed: Stored<LedgerEntry>,
    reason: string,
    retryAt: Date,
  ): Promise<Stored<LedgerEntry> | undefined> {
    const d = claimed.doc;
    const back: DeliveryState = d.claim?.from === 'snoozed' ? 'snoozed' : 'pending';
    return this.commit(claimed, {
      ...this.step(d, back, `blocked: ${reason}`),
      claim: undefined,
      blocked: { reason, at: this.iso() },
      notBefore: retryAt.toISOString(),
      snoozedUntil: back === 'snoozed' ? retryAt.toISOString() : undefined,
    });
  }

  async markFailed(
    claimed: Stored<LedgerEntry>,
    reason: string,
    status?: number,
  ): Promise<Stored<LedgerEntry> | undefined> {
    const d = claimed.doc;
    return this.commit(claimed, {
      ...this.step(d, 'failed', reason),
      claim: undefined,
      attempts: d.attempts + 1,
      lastError: { reason, status, at: this.iso() },
    });
  }

  /** Drops an open entry (its cause was resolved). ETag-checked; false when it changed meanwhile. */
  async drop(entry: Stored<LedgerEntry>, reason: string): Promise<boolean> {
    const d = entry.doc;
    if (d.state !== 'pending' && d.state !== 'snoozed') return false;
    try {
      await this.repo.replace({ ...this.step(d, 'dropped', reason), droppedReason: reason }, entry.etag);
      return true;
    } catch (err) {
      if (err instanceof ConcurrencyConflict || err instanceof NotFound) return false;
      throw err;
    }
  }

  private async update(
    tenantId: string,
    id: string,
    change: (d: LedgerEntry) => LedgerEntry | 'busy' | 'final',
  ): Promise<ActionResult> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.repo.read(tenantId, id);
      if (!current) return { ok: false, reason: 'notFound' };
      const next = change(current.doc);
      if (next === 'busy' || next === 'final') return { ok: false, reason: next };
      try {
        return { ok: true, entry: await this.repo.replace(next, current.etag) };
      } catch (err) {
        if (err instanceof ConcurrencyConflict) continue;
        if (err instanceof NotFound) return { ok: false, reason: 'notFound' };
        throw err;
      }
    }
    return { ok: false, reason: 'conflict' };
  }

  /** The card action reminder.snooze: deliver this reminder again at `until` (moved into business hours by the caller). */
  async snooze(tenantId: string, id: string, until: Date, by: string): Promise<ActionResult> {
    return this.update(tenantId, id, (d) => {
      if (d.state === 'claimed' && !this.isClaimable(d)) return 'busy';
      if (d.state === 'dropped' || d.state === 'done') return 'final';
      return {
        ...this.step(d, 'snoozed', `by ${by}`),
        claim: undefined,
        snoozedUntil: until.toISOString(),
        notBefore: until.toISOString(),
      };
    });
  }

  /** The card action reminder.done: handled; no more reminders of this cause to this recipient. */
  async markDone(tenantId: string, id: string, by: string): Promise<ActionResult> {
    const result = await this.update(tenantId, id, (d) => {
      if (d.state === 'claimed' && !this.isClaimable(d)) return 'busy';
      if (d.state === 'done') return 'final';
      return { ...this.step(d, 'done', `by ${by}`), claim: undefined, doneBy: by };
    });
    if (!result.ok) return result;
    const { causeKey, target } = result.entry.doc;
    await this.markers.upsert({
      id: causeDoneId(causeKey, target),
      tenantId,
      type: 'causeDone',
      causeKey,
      target,
      by,
      at: this.iso(),
    });
    const siblings = await this.repo.query(tenantId, {
      where: "c.type = 'delivery' AND c.causeKey = @cause AND (c.state = 'pending' OR c.state = 'snoozed')",
      parameters: [{ name: '@cause', value: causeKey }],
    });
    for (const s of siblings) {
      if (targetKey(s.doc.target) === targetKey(target)) await this.drop(s, 'markedDone');
    }
    return result;
  }
}
