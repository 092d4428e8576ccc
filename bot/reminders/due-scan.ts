// The scan of due work: one query for the tenants whose next due time has passed, each claimed with an
// ETag-checked lease (so instances share a cycle without a coordinator), worked, and given back with its
// recomputed next due time. A crashed instance's leases run out and the tenants are taken over.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { BACKGROUND_STORE_TIMEOUT_MS, StoreUnavailable, withStoreBudget, type Stored } from '../store';
import type { DueIndex, TenantDue } from './due-index';
import { RepeatingRun } from './timed-job';

/** What working one tenant gives: when it is next due, or 'gone' when the tenant has no organisation. */
export type TenantWork = (tenantId: string, now: Date) => Promise<Date | 'gone'>;

export interface DueScanDeps {
  index: DueIndex;
  work: TenantWork;
  intervalSeconds: number;
  /** Identifies this instance in leases. */
  owner?: string;
  /** How long a claim lasts: longer than any tenant's work, short enough to take over a crashed instance's. */
  leaseMs?: number;
  /** Tenants worked at once by this instance. */
  concurrency?: number;
  /** Tenants asked for per query. */
  batch?: number;
  /** When a tenant's work fails, it is due again this much later. */
  retryMs?: number;
  now?: () => number;
  logger?: Logger;
}

export interface DueScanSummary {
  /** Tenants this instance worked. */
  tenants: number;
  /** Queries of the index. */
  queries: number;
  /** Claims lost to another instance. */
  lostClaims: number;
  /** Tenants with no organisation any more, removed from the index. */
  forgotten: number;
  errors: number;
  /** The database did not answer: the cycle stopped there, the rest waits for the next one. */
  deferred: boolean;
}

export const DUE_LEASE_MS = 300_000;

export class DueScan {
  readonly owner: string;
  private readonly repeating: RepeatingRun<DueScanSummary>;
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly batch: number;
  private readonly retryMs: number;
  private stopped = false;
  private cyclesRun = 0;

  constructor(private readonly deps: DueScanDeps) {
    this.owner = deps.owner ?? `scan-${randomUUID()}`;
    this.now = deps.now ?? (() => Date.now());
    this.leaseMs = deps.leaseMs ?? DUE_LEASE_MS;
    this.concurrency = deps.concurrency ?? 4;
    this.batch = deps.batch ?? 100;
    this.retryMs = deps.retryMs ?? deps.intervalSeconds * 1000;
    // No person waits on the scan: its store operations get the background budget, not a turn's.
    this.repeating = new RepeatingRun(
      () => withStoreBudget(BACKGROUND_STORE_TIMEOUT_MS, () => this.cycle()),
      deps.intervalSeconds,
    );
  }

  /** A cycle now and then every `intervalSeconds`. */
  start(): void {
    this.stopped = false;
    this.repeating.start();
  }

  /** No more cycles; the tenants in progress finish and are given back. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.repeating.stop();
  }

  /** Cycles run since start, on the interval or asked for (one in progress shared by two asks counts once). */
  get cycles(): number {
    return this.cyclesRun;
  }

  /** One cycle now (or the one in progress): every due tenant this instance can claim. */
  scanOnce(): Promise<DueScanSummary> {
    return this.repeating.once();
  }

  /** Works one tenant now, outside the cycle (news to send at once); false when another instance holds it. */
  runTenant(tenantId: string): Promise<boolean> {
    return withStoreBudget(BACKGROUND_STORE_TIMEOUT_MS, () => this.runOne(tenantId));
  }

  private async runOne(tenantId: string): Promise<boolean> {
    const entry = await this.deps.index.get(tenantId);
    if (!entry || !entry.doc.active) return false;
    const summary = emptySummary();
    await this.claimAndWork(entry, summary);
    return summary.tenants === 1;
  }

  private async cycle(): Promise<DueScanSummary> {
    this.cyclesRun++;
    const summary = emptySummary();
    // Each round takes the earliest due; worked tenants leave the result (their next time is later), so the
    // rounds end. The bound only guards against an index that never settles.
    for (let round = 0; round < 10_000 && !this.stopped && !summary.deferred; round++) {
      let due: Stored<TenantDue>[];
      try {
        summary.queries++;
        due = await this.deps.index.listDue(this.batch, this.now());
      } catch (err) {
        this.failed(summary, err, undefined, 'due scan could not query the index');
        break;
      }
      if (due.length === 0) break;
      // Instances reading the same result start at different places and walk on from there. Once another
      // instance's claims are met (lost claims), the rest of this result is stale: ask again — the index leaves
      // out leased tenants — instead of trying every entry the others already hold.
      const lostBefore = summary.lostClaims;
      const lostEnough = () => summary.lostClaims - lostBefore >= this.concurrency;
      await this.pool(rotate(due), summary, lostEnough, (entry) => this.claimAndWork(entry, summary));
      if (due.length < this.batch && !lostEnough()) break;
    }
    if (summary.tenants > 0 || summary.errors > 0) this.deps.logger?.debug({ ...summary }, 'due scan done');
    return summary;
  }

  private async pool<T>(
    items: T[],
    summary: DueScanSummary,
    enough: () => boolean,
    run: (item: T) => Promise<void>,
  ): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length && !this.stopped && !summary.deferred && !enough())
        await run(items[next++] as T);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));
  }

  private async claimAndWork(entry: Stored<TenantDue>, summary: DueScanSummary): Promise<void> {
    const { index, work } = this.deps;
    const tenantId = entry.doc.tenantId;
    let claimed: Stored<TenantDue> | undefined;
    try {
      claimed = await index.claim(entry, this.owner, this.leaseMs);
    } catch (err) {
      this.failed(summary, err, tenantId, 'due scan could not claim a tenant');
      return;
    }
    if (!claimed) {
      summary.lostClaims++;
      return;
    }
    const now = this.now();
    let next: Date;
    try {
      const result = await work(tenantId, new Date(now));
      summary.tenants++;
      if (result === 'gone') {
        await index.forget(tenantId);
        summary.forgotten++;
        return;
      }
      // Never due again within this cycle: a tenant worked now is looked at again later at the earliest.
      next = new Date(Math.max(result.getTime(), now + 60_000));
    } catch (err) {
      this.failed(summary, err, tenantId, 'due work failed for a tenant');
      next = new Date(now + this.retryMs);
    }
    try {
      await index.release(claimed, this.owner, next);
    } catch (err) {
      // The lease runs out on its own; the tenant is then taken over.
      this.failed(summary, err, tenantId, 'due scan could not give a tenant back');
    }
  }

  /**
   * Counts and logs a failure. A database that does not answer ends the cycle: the other due tenants wait for
   * the next interval instead of each costing a full store budget (they stay due; nothing is lost).
   */
  private failed(summary: DueScanSummary, err: unknown, tenantId: string | undefined, what: string): void {
    summary.errors++;
    if (err instanceof StoreUnavailable) {
      summary.deferred = true;
      this.deps.logger?.warn({ err, tenantId }, `${what}: database busy, the rest waits for the next cycle`);
    } else this.deps.logger?.error({ err, tenantId }, what);
  }
}

function emptySummary(): DueScanSummary {
  return { tenants: 0, queries: 0, lostClaims: 0, forgotten: 0, errors: 0, deferred: false };
}

/** The items from a random place onward, wrapping round. */
function rotate<T>(items: T[]): T[] {
  const at = Math.floor(Math.random() * items.length);
  return [...items.slice(at), ...items.slice(0, at)];
}
