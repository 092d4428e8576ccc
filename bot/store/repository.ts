// A typed, tenant-scoped repository over one Cosmos container. Every document carries `tenantId` (the
// partition key), every read is a point read or a single-partition query, every replace is ETag-checked.
import type { Container, QueryIterator, SqlParameter } from '@azure/cosmos';
import type { z } from 'zod';
import type { DocumentCache } from './cache';
import type { Stored, TenantDocument } from './documents';
import { DEFAULT_STORE_TIMEOUT_MS, scopedStoreBudget, StoreUnavailable, withinBudget } from './budget';
import { AlreadyExists, ConcurrencyConflict, CorruptDocument, NotFound, statusOf } from './errors';
import { PointBatcher } from './point-batch';
import { planless } from './query-plan';

export interface QuerySpec {
  /** SQL over alias `c`. The tenant filter is added by the repository: do not repeat it. */
  where?: string;
  orderBy?: string;
  parameters?: SqlParameter[];
  /** Upper bound on returned documents (paging is done by the SDK). */
  limit?: number;
  /** `SELECT TOP @top`: the server stops after this many (with `orderBy`, the first ones in that order). */
  top?: number;
  /** A result this process got at most this long ago, with no write of its own in the tenant since, will do. */
  maxAgeMs?: number | undefined;
}

export interface ChangeMarker {
  count: number;
  /** Cosmos `_ts` of the newest document, in whole seconds since the epoch (0 when there is none). */
  lastModified: number;
  /** Sum of every document's `_ts`: moves when any document is rewritten in a later second, not only the newest. */
  tsSum: number;
}

/** How current a read must be. Without options, the server is asked (a 304 when the cached version is current). */
export interface ReadOptions {
  /** A copy the server confirmed at most this long ago will do (a ReadPolicy is passed as it is). */
  maxAgeMs?: number | undefined;
  /** The caller will write with this ETag: if the cache holds exactly that version, it is used without a read. */
  atVersion?: string;
}

export interface RepositoryOptions {
  /** Called for each corrupt document met by a query (the query skips it and goes on). */
  onCorrupt?: (err: CorruptDocument) => void;
  /** Time budget of one operation (COSMOS_TIMEOUT_MS); past it the caller gets StoreUnavailable (store/budget.ts). */
  timeoutMs?: number;
  /** Called when a voucher write could not keep its tenant summary shard (store/summaries.ts drops it). */
  onSummaryError?: (tenantId: string, err: unknown) => void;
  /**
   * Point reads and replaces asked for at once travel together in bulk requests (store/point-batch.ts): for
   * documents the reminder sender reads and writes in bursts. A lone operation still leaves at once.
   */
  batchPointOperations?: boolean;
}

/** What a point read or replace answered, however it travelled. */
interface PointAnswer {
  statusCode: number;
  resource?: Record<string, unknown>;
  etag?: string;
}

/** Answers a batched operation gives as they are; anything else (429, 503, 408…) is asked again on its own. */
const FINAL_IN_BATCH = new Set([200, 201, 304, 404, 412]);

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn'] as const;

/**
 * 429 is retried inside the SDK (its throttle policy, honouring x-ms-retry-after-ms). The SDK retries 503 only
 * for reads failing over to another region, so a single-region account would surface it: retry it here, a
 * bounded number of times with backoff. A 503 means the request was not processed, so replaying a write is
 * safe; should a lost response ever hide a success, the replay meets 409/412 and surfaces as a typed error.
 */
async function withTransientRetry<R>(op: () => Promise<R>, signal?: AbortSignal, attempts = 4): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (statusOf(err) !== 503 || attempt >= attempts || signal?.aborted) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 50));
    }
  }
}

/**
 * A copy past half its allowed age is renewed in the background while it is still served, so a busy read-only
 * path never waits for the database and never serves a copy older than allowed. A failed renewal is not lost:
 * the copy then ages out and the next request asks in the foreground, where the error reaches the turn.
 */
function refreshAhead(renew: () => Promise<unknown>): void {
  renew().catch(() => undefined);
}

/** Built by the Store (Store.repository), with the one cache of its container. */
export class Repository<T extends TenantDocument> {
  private readonly batcher: PointBatcher | undefined;

  constructor(
    private readonly container: Container,
    private readonly cache: DocumentCache,
    private readonly schema: z.ZodType<T>,
    readonly kind: string,
    private readonly options: RepositoryOptions = {},
  ) {
    this.batcher = options.batchPointOperations ? new PointBatcher(container) : undefined;
  }

  /**
   * Every database call goes through here: bounded in time (store/budget.ts), 503 retried inside the budget.
   * A write whose outcome is unknown drops the cached copy, so the next read asks the server (its ETag tells).
   */
  private call<R>(
    op: (signal: AbortSignal) => Promise<R>,
    write?: { tenantId: string; id: string },
    retry = true,
  ): Promise<R> {
    const budgetMs = scopedStoreBudget() ?? this.options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    const attempt = retry ? (signal: AbortSignal) => withTransientRetry(() => op(signal), signal) : op;
    return withinBudget(attempt, {
      budgetMs,
      write: write !== undefined,
    }).catch((err: unknown) => {
      if (write && err instanceof StoreUnavailable && err.outcome === 'unknown')
        this.cache.drop(write.tenantId, write.id);
      throw err;
    });
  }

  async read(tenantId: string, id: string, opts: ReadOptions = {}): Promise<Stored<T> | undefined> {
    const cached = this.cache.get<T>(tenantId, id);
    const { maxAgeMs, atVersion } = opts;
    if (maxAgeMs === undefined) {
      if (cached && atVersion !== undefined && cached.stored.etag === atVersion) return cached.stored;
      return this.readFromServer(tenantId, id);
    }
    const renew = () => this.cache.shared(tenantId, `read:${id}`, () => this.readFromServer(tenantId, id));
    if (!cached || cached.ageMs > maxAgeMs) return renew();
    if (cached.ageMs > maxAgeMs / 2) refreshAhead(renew);
    return cached.stored;
  }

  private async readFromServer(tenantId: string, id: string): Promise<Stored<T> | undefined> {
    const cached = this.cache.get<T>(tenantId, id);
    try {
      const res = await this.call((abortSignal) =>
        this.pointRead(tenantId, id, cached?.stored.etag, abortSignal),
      );
      if (res.statusCode === 304 && cached) {
        this.cache.touch(tenantId, id);
        return cached.stored;
      }
      if (res.statusCode === 404 || !res.resource) {
        this.cache.drop(tenantId, id);
        return undefined;
      }
      const raw = res.resource;
      const etag = res.etag ?? (typeof raw._etag === 'string' ? raw._etag : '');
      return this.cache.confirmed(tenantId, id, etag, () => this.decode(raw, etag));
    } catch (err) {
      if (statusOf(err) === 404) {
        this.cache.drop(tenantId, id);
        return undefined;
      }
      throw err;
    }
  }

  /** A point read, conditional on `ifNoneMatch` (the cached version: a 304 when it is current). */
  private async pointRead(
    tenantId: string,
    id: string,
    ifNoneMatch: string | undefined,
    abortSignal: AbortSignal,
  ): Promise<PointAnswer> {
    const batched = await this.batcher?.run({
      operationType: 'Read',
      id,
      partitionKey: tenantId,
      ...(ifNoneMatch ? { ifNoneMatch } : {}),
    });
    if (batched && FINAL_IN_BATCH.has(batched.statusCode))
      return { statusCode: batched.statusCode, resource: batched.resourceBody, etag: batched.eTag };
    return this.container
      .item(id, tenantId)
      .read<Record<string, unknown>>(
        ifNoneMatch
          ? { accessCondition: { type: 'IfNoneMatch', condition: ifNoneMatch }, abortSignal }
          : { abortSignal },
      );
  }

  /** A replace of the version `etag` only; a 412 or 404 is thrown as the SDK throws it (`code`). */
  private async pointReplace(
    doc: T,
    body: Record<string, unknown>,
    etag: string,
    abortSignal: AbortSignal,
  ): Promise<PointAnswer> {
    const batched = await this.batcher?.run({
      operationType: 'Replace',
      id: doc.id,
      partitionKey: doc.tenantId,
      resourceBody: body as never,
      ifMatch: etag,
    });
    if (batched && FINAL_IN_BATCH.has(batched.statusCode)) {
      if (batched.statusCode >= 300)
        throw Object.assign(new Error(`replace answered ${batched.statusCode}`), {
          code: batched.statusCode,
        });
      return { statusCode: batched.statusCode, resource: batched.resourceBody, etag: batched.eTag };
    }
    return this.container.item(doc.id, doc.tenantId).replace<Record<string, unknown>>(body, {
      accessCondition: { type: 'IfMatch', condition: etag },
      abortSignal,
    });
  }

  async create(doc: T): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await this.call(
        (abortSignal) => this.container.items.create<Record<string, unknown>>(body, { abortSignal }),
        doc,
      );
      return this.written(doc, body, res.resource, res.etag);
    } catch (err) {
      if (statusOf(err) === 409) {
        this.cache.drop(doc.tenantId, doc.id);
        throw new AlreadyExists(this.kind, doc.id);
      }
      throw err;
    }
  }

  /** Replaces the document only if it still has `etag`. */
  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await this.call((abortSignal) => this.pointReplace(doc, body, etag, abortSignal), doc);
      return this.written(doc, body, res.resource, res.etag);
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || status === 404) this.cache.drop(doc.tenantId, doc.id);
      if (status === 412) throw new ConcurrencyConflict(this.kind, doc.id);
      if (status === 404) throw new NotFound(this.kind, doc.id);
      throw err;
    }
  }

  /** Creates or overwrites. With `etag`, overwrites only that version (412 → ConcurrencyConflict). */
  async upsert(doc: T, etag?: string): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await this.call(
        (abortSignal) =>
          this.container.items.upsert<Record<string, unknown>>(
            body,
            etag ? { accessCondition: { type: 'IfMatch', condition: etag }, abortSignal } : { abortSignal },
          ),
        doc,
      );
      return this.written(doc, body, res.resource, res.etag);
    } catch (err) {
      if (statusOf(err) === 412) {
        this.cache.drop(doc.tenantId, doc.id);
        throw new ConcurrencyConflict(this.kind, doc.id);
      }
      throw err;
    }
  }

  /** Deletes; with `etag` only that version. Deleting what is not there is a no-op. */
  async delete(tenantId: string, id: string, etag?: string): Promise<void> {
    this.cache.drop(tenantId, id, true);
    try {
      await this.call(
        (abortSignal) =>
          this.container
            .item(id, tenantId)
            .delete(
              etag ? { accessCondition: { type: 'IfMatch', condition: etag }, abortSignal } : { abortSignal },
            ),
        { tenantId, id },
      );
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return;
      if (status === 412) throw new ConcurrencyConflict(this.kind, id);
      throw err;
    }
  }

  /** A parameterised query inside one tenant's partition. */
  async query(tenantId: string, spec: QuerySpec = {}): Promise<Stored<T>[]> {
    const where = spec.where ? ` AND (${spec.where})` : '';
    const order = spec.orderBy ? ` ORDER BY ${spec.orderBy}` : '';
    const top = spec.top === undefined ? '' : 'TOP @top ';
    const query = {
      query: `SELECT ${top}* FROM c WHERE c.tenantId = @tenantId${where}${order}`,
      parameters: [
        { name: '@tenantId', value: tenantId },
        ...(spec.top === undefined ? [] : [{ name: '@top', value: spec.top }]),
        ...(spec.parameters ?? []),
      ],
    };
    const cacheKey = `${query.query}\u0000${JSON.stringify(query.parameters)}\u0000${spec.limit ?? ''}`;
    if (spec.maxAgeMs !== undefined) {
      const renew = () =>
        this.cache.shared(tenantId, `query:${cacheKey}`, () =>
          this.queryFromServer(tenantId, query, spec, cacheKey),
        );
      const hit = this.cachedQuery(tenantId, cacheKey, spec.maxAgeMs);
      if (hit) {
        if (hit.ageMs > spec.maxAgeMs / 2) refreshAhead(renew);
        return hit.docs;
      }
      // Each caller gets its own array (callers may sort it); the documents are shared, frozen copies.
      return [...(await renew())];
    }
    return this.queryFromServer(tenantId, query, spec, cacheKey);
  }

  private async queryFromServer(
    tenantId: string,
    query: { query: string; parameters: SqlParameter[] },
    spec: QuerySpec,
    cacheKey: string,
  ): Promise<Stored<T>[]> {
    const generation = this.cache.generation(tenantId);
    const startedAt = this.cache.clock();
    const out = await this.runQuery(tenantId, query, spec);
    this.cache.rememberQuery(
      tenantId,
      cacheKey,
      out.map((s) => s.doc.id),
      generation,
      startedAt,
    );
    return out;
  }

  /** A remembered result whose every document is still in the cache (else a miss). */
  private cachedQuery(
    tenantId: string,
    cacheKey: string,
    maxAgeMs: number,
  ): { docs: Stored<T>[]; ageMs: number } | undefined {
    const result = this.cache.queryResult(tenantId, cacheKey, maxAgeMs);
    if (!result) return undefined;
    const docs: Stored<T>[] = [];
    for (const id of result.ids) {
      const hit = this.cache.get<T>(tenantId, id);
      if (!hit) return undefined;
      docs.push(hit.stored);
    }
    return { docs, ageMs: result.ageMs };
  }

  private async runQuery(
    tenantId: string,
    query: { query: string; parameters: SqlParameter[] },
    spec: QuerySpec,
  ): Promise<Stored<T>[]> {
    return this.call(
      (abortSignal) => {
        const start = () =>
          this.container.items.query<Record<string, unknown>>(query, {
            partitionKey: tenantId,
            maxItemCount: Math.min(spec.limit ?? 1000, 1000),
            abortSignal,
          });
        return planless(start, (iterator) => this.collect(tenantId, iterator, spec, abortSignal));
      },
      undefined,
      false,
    );
  }

  private async collect(
    tenantId: string,
    iterator: QueryIterator<Record<string, unknown>>,
    spec: QuerySpec,
    signal: AbortSignal,
  ): Promise<Stored<T>[]> {
    const out: Stored<T>[] = [];
    while (iterator.hasMoreResults()) {
      const page = await withTransientRetry(() => iterator.fetchNext(), signal);
      for (const raw of page.resources ?? []) {
        try {
          const etag = typeof raw._etag === 'string' ? raw._etag : '';
          const id = typeof raw.id === 'string' ? raw.id : undefined;
          out.push(
            id === undefined
              ? this.decode(raw, etag)
              : this.cache.confirmed(tenantId, id, etag, () => this.decode(raw, etag)),
          );
        } catch (err) {
          if (err instanceof CorruptDocument && this.options.onCorrupt) this.options.onCorrupt(err);
          else if (!(err instanceof CorruptDocument)) throw err;
        }
        if (spec.limit !== undefined && out.length >= spec.limit) return out;
      }
    }
    return out;
  }

  /**
   * How many documents the tenant has here and when the newest write happened (Cosmos `_ts`, whole seconds).
   * A cheap aggregate that lets a cache tell whether anything changed, on any instance, since it read.
   */
  async changeMarker(tenantId: string): Promise<ChangeMarker> {
    const resources = await this.call(
      (abortSignal) => {
        const start = () =>
          this.container.items.query<{ n?: number; ts?: number; s?: number }>(
            {
              query:
                'SELECT COUNT(1) AS n, MAX(c._ts) AS ts, SUM(c._ts) AS s FROM c WHERE c.tenantId = @tenantId',
              parameters: [{ name: '@tenantId', value: tenantId }],
            },
            { partitionKey: tenantId, abortSignal },
          );
        // fetchNext, not fetchAll: fetchAll resets the iterator, plan slot included.
        return planless(start, async (iterator) => {
          const rows: { n?: number; ts?: number; s?: number }[] = [];
          while (iterator.hasMoreResults())
            rows.push(
              ...((await withTransientRetry(() => iterator.fetchNext(), abortSignal)).resources ?? []),
            );
          return rows;
        });
      },
      undefined,
      false,
    );
    const row = resources[0] ?? {};
    return { count: row.n ?? 0, lastModified: row.ts ?? 0, tsSum: row.s ?? 0 };
  }

  private encode(doc: T): Record<string, unknown> {
    const checked = this.schema.safeParse(doc);
    if (!checked.success) {
      throw new CorruptDocument(
        this.kind,
        doc.id,
        checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    return checked.data as unknown as Record<string, unknown>;
  }

  /**
   * A write's answer: the body is what encode() has just validated, so it is not parsed again (that doubled the
   * zod cost of every write); only the new ETag is taken from the response. Reads still validate.
   */
  private written(
    doc: T,
    body: Record<string, unknown>,
    resource: Record<string, unknown> | undefined,
    etag: string | undefined,
  ): Stored<T> {
    const fromResource = typeof resource?._etag === 'string' ? resource._etag : '';
    const stored: Stored<T> = { doc: body as unknown as T, etag: etag ?? fromResource };
    if (typeof resource?._ts === 'number') stored.ts = resource._ts;
    return this.cache.written(doc.tenantId, doc.id, stored);
  }

  private decode(raw: Record<string, unknown>, etag: string | undefined): Stored<T> {
    const plain: Record<string, unknown> = { ...raw };
    for (const f of SYSTEM_FIELDS) delete plain[f];
    const checked = this.schema.safeParse(plain);
    if (!checked.success) {
      throw new CorruptDocument(
        this.kind,
        String(raw.id ?? '(no id)'),
        checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    }
    const stored: Stored<T> = {
      doc: checked.data,
      etag: etag ?? (typeof raw._etag === 'string' ? raw._etag : ''),
    };
    if (typeof raw._ts === 'number') stored.ts = raw._ts;
    return stored;
  }
}
