// A typed, tenant-scoped repository over one Cosmos container. Every document carries `tenantId` (the
// partition key), every read is a point read or a single-partition query, every replace is ETag-checked.
import type { Container, SqlParameter } from '@azure/cosmos';
import type { z } from 'zod';
import { AlreadyExists, ConcurrencyConflict, CorruptDocument, NotFound, statusOf } from './errors';

export interface TenantDocument {
  id: string;
  tenantId: string;
}

export interface Stored<T> {
  doc: T;
  etag: string;
}

export interface QuerySpec {
  /** SQL over alias `c`. The tenant filter is added by the repository: do not repeat it. */
  where?: string;
  orderBy?: string;
  parameters?: SqlParameter[];
  /** Upper bound on returned documents (paging is done by the SDK). */
  limit?: number;
}

export interface ChangeMarker {
  count: number;
  /** Cosmos `_ts` of the newest document, in whole seconds since the epoch (0 when there is none). */
  lastModified: number;
}

export interface RepositoryOptions {
  /** Called for each corrupt document met by a query (the query skips it and goes on). */
  onCorrupt?: (err: CorruptDocument) => void;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn'] as const;

/**
 * 429 is retried inside the SDK (its throttle policy, honouring x-ms-retry-after-ms). The SDK retries 503 only
 * for reads failing over to another region, so a single-region account would surface it: retry it here, a
 * bounded number of times with backoff. A 503 means the request was not processed, so replaying a write is
 * safe; should a lost response ever hide a success, the replay meets 409/412 and surfaces as a typed error.
 */
async function withTransientRetry<R>(op: () => Promise<R>, attempts = 4): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (statusOf(err) !== 503 || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 50));
    }
  }
}

export class Repository<T extends TenantDocument> {
  constructor(
    private readonly container: Container,
    private readonly schema: z.ZodType<T>,
    readonly kind: string,
    private readonly options: RepositoryOptions = {},
  ) {}

  async read(tenantId: string, id: string): Promise<Stored<T> | undefined> {
    try {
      const res = await withTransientRetry(() => this.container.item(id, tenantId).read<Record<string, unknown>>());
      if (res.statusCode === 404 || !res.resource) return undefined;
      return this.decode(res.resource, res.etag);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async create(doc: T): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await withTransientRetry(() => this.container.items.create<Record<string, unknown>>(body));
      return this.written(body, res.resource, res.etag);
    } catch (err) {
      if (statusOf(err) === 409) throw new AlreadyExists(this.kind, doc.id);
      throw err;
    }
  }

  /** Replaces the document only if it still has `etag`. */
  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await withTransientRetry(() =>
        this.container
          .item(doc.id, doc.tenantId)
          .replace<Record<string, unknown>>(body, { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return this.written(body, res.resource, res.etag);
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) throw new ConcurrencyConflict(this.kind, doc.id);
      if (status === 404) throw new NotFound(this.kind, doc.id);
      throw err;
    }
  }

  /** Creates or overwrites. With `etag`, overwrites only that version (412 → ConcurrencyConflict). */
  async upsert(doc: T, etag?: string): Promise<Stored<T>> {
    const body = this.encode(doc);
    try {
      const res = await withTransientRetry(() =>
        this.container.items.upsert<Record<string, unknown>>(
          body,
          etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined,
        ),
      );
      return this.written(body, res.resource, res.etag);
    } catch (err) {
      if (statusOf(err) === 412) throw new ConcurrencyConflict(this.kind, doc.id);
      throw err;
    }
  }

  /** Deletes; with `etag` only that version. Deleting what is not there is a no-op. */
  async delete(tenantId: string, id: string, etag?: string): Promise<void> {
    try {
      await withTransientRetry(() =>
        this.container.item(id, tenantId).delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined),
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
    const query = {
      query: `SELECT * FROM c WHERE c.tenantId = @tenantId${where}${order}`,
      parameters: [{ name: '@tenantId', value: tenantId }, ...(spec.parameters ?? [])],
    };
    const iterator = this.container.items.query<Record<string, unknown>>(query, {
      partitionKey: tenantId,
      maxItemCount: Math.min(spec.limit ?? 1000, 1000),
    });
    const out: Stored<T>[] = [];
    while (iterator.hasMoreResults()) {
      const page = await withTransientRetry(() => iterator.fetchNext());
      for (const raw of page.resources ?? []) {
        try {
          out.push(this.decode(raw, typeof raw._etag === 'string' ? raw._etag : ''));
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
    const iterator = this.container.items.query<{ n?: number; ts?: number }>(
      { query: 'SELECT COUNT(1) AS n, MAX(c._ts) AS ts FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] },
      { partitionKey: tenantId },
    );
    const { resources } = await withTransientRetry(() => iterator.fetchAll());
    const row = resources[0] ?? {};
    return { count: row.n ?? 0, lastModified: row.ts ?? 0 };
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
  private written(body: Record<string, unknown>, resource: Record<string, unknown> | undefined, etag: string | undefined): Stored<T> {
    const fromResource = typeof resource?._etag === 'string' ? resource._etag : '';
    return { doc: body as unknown as T, etag: etag ?? fromResource };
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
    return { doc: checked.data, etag: etag ?? (typeof raw._etag === 'string' ? raw._etag : '') };
  }
}
