// The decoded copy of each document version this instance has read or written, one per container (a field
// of the Store). Why each use of it is safe is in docs/architecture.md ("Store").
import { performance } from 'node:perf_hooks';
import type { Stored } from './documents';

interface Entry {
  stored: Stored<unknown>;
  /** When the server last confirmed this version (monotonic ms). */
  at: number;
}

interface QueryEntry {
  keys: string[];
  at: number;
  /** The tenant's write generation when the query ran: any later local write makes the result unusable. */
  generation: number;
}

export interface CacheOptions {
  /** Most documents kept; the least recently used go first. */
  maxDocuments?: number;
  /** Most query results kept. */
  maxQueries?: number;
  clock?: () => number;
}

/** Freezes an object and everything in it, so code that tries to change a shared copy throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

const key = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

export class DocumentCache {
  private readonly docs = new Map<string, Entry>();
  private readonly queries = new Map<string, QueryEntry>();
  /** Per tenant: bumped on every write this process makes in the container. */
  private readonly generations = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly maxDocuments: number;
  private readonly maxQueries: number;
  readonly clock: () => number;

  constructor(options: CacheOptions = {}) {
    this.maxDocuments = options.maxDocuments ?? 5_000;
    this.maxQueries = options.maxQueries ?? 2_000;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The cached version of a document and how old its last confirmation is. */
  get<T>(tenantId: string, id: string): { stored: Stored<T>; ageMs: number } | undefined {
    const k = key(tenantId, id);
    const entry = this.docs.get(k);
    if (!entry) return undefined;
    this.docs.delete(k);
    this.docs.set(k, entry); // most recently used last
    return { stored: entry.stored as Stored<T>, ageMs: this.clock() - entry.at };
  }

  /**
   * Records a version the server just returned (read or query) and gives back the copy to use: the cached one
   * when the ETag is the same (no second decode), else the freshly decoded one.
   */
  confirmed<T>(tenantId: string, id: string, etag: string, decode: () => Stored<T>): Stored<T> {
    const k = key(tenantId, id);
    const entry = this.docs.get(k);
    if (entry && etag !== '' && entry.stored.etag === etag) {
      entry.at = this.clock();
      return entry.stored as Stored<T>;
    }
    const stored = decode();
    this.put(tenantId, id, stored);
    return stored;
  }

  /** The server confirmed the cached version is still current (a 304). */
  touch(tenantId: string, id: string): void {
    const entry = this.docs.get(key(tenantId, id));
    if (entry) entry.at = this.clock();
  }

  /** A version this process wrote. */
  written<T>(tenantId: string, id: string, stored: Stored<T>): Stored<T> {
    this.bump(tenantId);
    this.put(tenantId, id, stored);
    return stored;
  }

  /** Gone, or known to be outdated (a 404, a 412, a delete). */
  drop(tenantId: string, id: string, wrote = false): void {
    if (wrote) this.bump(tenantId);
    this.docs.delete(key(tenantId, id));
  }

  /** Ids of a query's result if it ran within `maxAgeMs` and this process wrote nothing in the tenant since. */
  queryResult(
    tenantId: string,
    text: string,
    maxAgeMs: number,
  ): { ids: string[]; ageMs: number } | undefined {
    const entry = this.queries.get(key(tenantId, text));
    if (!entry || entry.generation !== (this.generations.get(tenantId) ?? 0)) return undefined;
    const ageMs = this.clock() - entry.at;
    return ageMs > maxAgeMs ? undefined : { ids: entry.keys, ageMs };
  }

  rememberQuery(tenantId: string, text: string, ids: string[], generation: number, at: number): void {
    const k = key(tenantId, text);
    this.queries.delete(k);
    this.queries.set(k, { keys: ids, at, generation });
    while (this.queries.size > this.maxQueries)
      this.queries.delete(this.queries.keys().next().value as string);
  }

  /**
   * Read-only requests for the same thing at the same time share one round trip (fifty people opening the
   * same card after its copy expired make one read, not fifty). A local write since it started keeps it
   * from being shared: later callers must see that write.
   */
  shared<R>(tenantId: string, what: string, run: () => Promise<R>): Promise<R> {
    const k = `${key(tenantId, what)}\u0000${this.generation(tenantId)}`;
    const pending = this.inFlight.get(k);
    if (pending) return pending as Promise<R>;
    const started = run().finally(() => this.inFlight.delete(k));
    this.inFlight.set(k, started);
    return started;
  }

  generation(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }

  private bump(tenantId: string): void {
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
  }

  private put(tenantId: string, id: string, stored: Stored<unknown>): void {
    const k = key(tenantId, id);
    this.docs.delete(k);
    this.docs.set(k, { stored: deepFreeze(stored), at: this.clock() });
    while (this.docs.size > this.maxDocuments) this.docs.delete(this.docs.keys().next().value as string);
  }
}
