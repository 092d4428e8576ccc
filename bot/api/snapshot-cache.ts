// A short-lived per-tenant copy for the tab API: one load at a time per tenant, fresh for `ttlMs`, then served
// stale while one background reload runs, or checked with `isCurrent`; `invalidate` drops a tenant's copy.
import { performance } from 'node:perf_hooks';

export interface SnapshotCacheOptions {
  /** How long a loaded snapshot is served without reloading. 0 disables caching. */
  ttlMs: number;
  /** With `isCurrent`: a snapshot younger than this is served without asking (default 0: always ask). */
  verifyAfterMs?: number;
  /** Upper bound on cached tenants; the least recently used is dropped. */
  maxTenants?: number;
  /** Reports background reload failures (the stale copy keeps being served). */
  onError?: (tenantId: string, err: unknown) => void;
  /** Monotonic milliseconds (tests inject their own). */
  clock?: () => number;
}

interface Entry<T> {
  value?: T;
  loadedAt: number;
  /** Last time `isCurrent` confirmed the value. */
  verifiedAt?: number;
  loading?: Promise<T>;
  /** Bumped by invalidate(); a load that started before it is not stored as fresh. */
  generation: number;
}

export class SnapshotCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxTenants: number;
  private readonly clock: () => number;

  constructor(private readonly options: SnapshotCacheOptions) {
    this.maxTenants = Math.max(1, options.maxTenants ?? 200);
    this.clock = options.clock ?? (() => performance.now());
  }

  /**
   * With `isCurrent`, a cached copy is served only after it confirms nothing changed (a cheap check against
   * the store, so writes made by any instance show at once); otherwise it is reloaded before answering.
   */
  async get(
    tenantId: string,
    load: () => Promise<T>,
    isCurrent?: (value: T) => Promise<boolean>,
  ): Promise<T> {
    if (this.options.ttlMs <= 0) return load();
    let entry = this.entries.get(tenantId);
    if (entry) {
      // Refresh recency for the LRU bound.
      this.entries.delete(tenantId);
      this.entries.set(tenantId, entry);
    } else {
      entry = { loadedAt: -Infinity, generation: 0 };
      this.entries.set(tenantId, entry);
      this.evict();
    }
    const age =
      this.clock() - (isCurrent ? Math.max(entry.loadedAt, entry.verifiedAt ?? -Infinity) : entry.loadedAt);
    if (isCurrent) {
      const cached = entry.value;
      if (cached !== undefined && age < this.options.ttlMs) {
        if (age < (this.options.verifyAfterMs ?? 0)) return cached;
        const checkedAt = this.clock();
        if ((await isCurrent(cached)) && entry.value === cached) {
          // Confirmed current: served without asking for another `verifyAfterMs`.
          entry.verifiedAt = checkedAt;
          return cached;
        }
      }
      return entry.loading ?? this.start(tenantId, entry, load);
    }
    if (entry.value !== undefined && age < this.options.ttlMs) return entry.value;
    if (entry.value !== undefined) {
      // Stale: answer now, reload once in the background.
      if (!entry.loading) {
        this.start(tenantId, entry, load).catch((err: unknown) => this.options.onError?.(tenantId, err));
      }
      return entry.value;
    }
    return entry.loading ?? this.start(tenantId, entry, load);
  }

  /** Drops the tenant's copy: the next request loads from the store. */
  invalidate(tenantId: string): void {
    const entry = this.entries.get(tenantId);
    if (!entry) return;
    entry.generation++;
    entry.value = undefined;
    entry.loading = undefined;
    entry.loadedAt = -Infinity;
    entry.verifiedAt = undefined;
  }

  clear(): void {
    this.entries.clear();
  }

  private start(tenantId: string, entry: Entry<T>, load: () => Promise<T>): Promise<T> {
    const generation = entry.generation;
    const promise = load().then(
      (value) => {
        if (entry.loading === promise) entry.loading = undefined;
        if (entry.generation === generation && this.entries.get(tenantId) === entry) {
          entry.value = value;
          entry.loadedAt = this.clock();
        }
        return value;
      },
      (err: unknown) => {
        if (entry.loading === promise) entry.loading = undefined;
        throw err;
      },
    );
    entry.loading = promise;
    return promise;
  }

  private evict(): void {
    while (this.entries.size > this.maxTenants) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
