// The due index (`tenant-index` container): one small document per tenant with the instant its next due work
// starts, whether it is active, and the lease of the instance working it. Every write is ETag-checked.
import { z } from 'zod';
import type { Logger } from '../logger';
import {
  AlreadyExists,
  ConcurrencyConflict,
  CorruptDocument,
  NotFound,
  type Repository,
  type Store,
  type Stored,
} from '../store';

export const DUE_ID = 'due';

const Iso = z.string().min(20);

export const TenantDue = z.object({
  id: z.literal(DUE_ID),
  tenantId: z.string().min(1),
  type: z.literal('tenantDue'),
  /** False while the tenant is inactive (app uninstalled): never scanned. */
  active: z.boolean(),
  /** The instant the tenant's next due work starts (ISO, UTC): the scan asks for those already past. */
  nextDueAt: Iso,
  /** The instance working the tenant now; an expired lease is taken over. */
  lease: z.object({ owner: z.string().min(1), until: Iso }).optional(),
  updatedAt: Iso,
});
export type TenantDue = z.infer<typeof TenantDue>;

/** How often an ETag-checked change that lost its race is tried again on the current version. */
const ATTEMPTS = 6;

export interface DueIndexOptions {
  now?: () => number;
  logger?: Logger;
}

export class DueIndex {
  readonly repo: Repository<TenantDue>;
  private readonly container: Store['containers']['tenantIndex'];
  private readonly now: () => number;
  private readonly logger?: Logger;

  constructor(store: Pick<Store, 'repository' | 'containers'>, options: DueIndexOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.logger = options.logger;
    this.container = store.containers.tenantIndex;
    this.repo = store.repository('tenantIndex', TenantDue, 'tenant due index', {
      onCorrupt: (e) =>
        this.logger?.warn({ id: e.id, problems: e.problems }, 'corrupt due index entry skipped'),
    });
  }

  private iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  get(tenantId: string): Promise<Stored<TenantDue> | undefined> {
    return this.repo.read(tenantId, DUE_ID);
  }

  /**
   * The one query of an idle scan: up to `limit` active tenants whose next due time has passed and whose lease
   * (if any) has run out, earliest first. Cross-partition: the index is the only container read across tenants.
   */
  async listDue(limit: number, nowMs = this.now()): Promise<Stored<TenantDue>[]> {
    const now = this.iso(nowMs);
    const iterator = this.container.items.query<Record<string, unknown>>(
      {
        query:
          'SELECT TOP @n * FROM c WHERE c.type = @type AND c.active = true AND c.nextDueAt <= @now' +
          ' AND (NOT IS_DEFINED(c.lease) OR c.lease.until <= @now) ORDER BY c.nextDueAt',
        parameters: [
          { name: '@n', value: limit },
          { name: '@type', value: 'tenantDue' },
          { name: '@now', value: now },
        ],
      },
      { maxItemCount: limit },
    );
    const { resources } = await iterator.fetchAll();
    const out: Stored<TenantDue>[] = [];
    for (const raw of resources) {
      const etag = typeof raw._etag === 'string' ? raw._etag : '';
      const parsed = TenantDue.safeParse(raw);
      if (parsed.success) out.push({ doc: parsed.data, etag });
      else this.logger?.warn({ tenantId: raw.tenantId }, 'corrupt due index entry skipped');
    }
    return out;
  }

  /** Takes the tenant for `owner` for `leaseMs`; undefined when another instance took it first. */
  async claim(
    entry: Stored<TenantDue>,
    owner: string,
    leaseMs: number,
  ): Promise<Stored<TenantDue> | undefined> {
    const now = this.now();
    const lease = entry.doc.lease;
    if (lease && lease.owner !== owner && lease.until > this.iso(now)) return undefined;
    const until = this.iso(now + leaseMs);
    // Due again when the lease ends (a crashed holder's tenant is taken over then); a write while the tenant
    // is worked lowers this, and the give-back keeps the lower time.
    const doc: TenantDue = {
      ...entry.doc,
      nextDueAt: until,
      lease: { owner, until },
      updatedAt: this.iso(now),
    };
    try {
      return await this.repo.replace(doc, entry.etag);
    } catch (err) {
      if (err instanceof ConcurrencyConflict || err instanceof NotFound) return undefined;
      throw err;
    }
  }

  /**
   * Gives the tenant back with its recomputed next due time. A change made meanwhile (a write lowered the
   * time) wins when it is earlier: the lower of the two is kept.
   */
  async release(claimed: Stored<TenantDue>, owner: string, nextDueAt: Date): Promise<void> {
    const next = this.iso(nextDueAt.getTime());
    await this.change(claimed.doc.tenantId, claimed, (doc, etag) => {
      // Another version than the one claimed: someone changed it meanwhile, and only ever lowers the time.
      const lowered = etag !== claimed.etag && doc.nextDueAt < next;
      return {
        ...doc,
        nextDueAt: lowered ? doc.nextDueAt : next,
        lease: doc.lease?.owner === owner ? undefined : doc.lease,
      };
    });
  }

  /**
   * Brings the tenant's next due time down to `at` (never up); creates the entry, active, when the tenant has
   * none yet. What every write of an organisation or a voucher calls.
   */
  async lower(tenantId: string, at: Date): Promise<void> {
    const next = this.iso(at.getTime());
    await this.change(
      tenantId,
      undefined,
      (doc) => (doc.nextDueAt <= next ? undefined : { ...doc, nextDueAt: next }),
      {
        active: true,
        nextDueAt: next,
      },
    );
  }

  /** No scans for the tenant until it is reactivated (app uninstalled from its last conversation). */
  async deactivate(tenantId: string): Promise<void> {
    await this.change(tenantId, undefined, (doc) => (doc.active ? { ...doc, active: false } : undefined), {
      active: false,
      nextDueAt: this.iso(),
    });
  }

  /** Scanned again, at once (reinstalled): the next scan recomputes its due time from its documents. */
  async reactivate(tenantId: string): Promise<void> {
    const now = this.iso();
    await this.change(tenantId, undefined, (doc) => ({ ...doc, active: true, nextDueAt: now }), {
      active: true,
      nextDueAt: now,
    });
  }

  /** Removes the tenant's entry (its data was deleted). */
  async forget(tenantId: string): Promise<void> {
    await this.repo.delete(tenantId, DUE_ID);
  }

  /**
   * Tenants with no entry yet get one, due now (start-up migration of a database older than the index): one
   * cross-partition query for the tenants already indexed, then a create-only write per missing one. A tenant
   * in `inactive` (the app removed from its last conversation) gets an inactive entry: never scanned.
   */
  async backfill(tenantIds: readonly string[], inactive: ReadonlySet<string> = new Set()): Promise<number> {
    const { resources } = await this.container.items
      .query<{ tenantId?: unknown }>({
        query: 'SELECT c.tenantId FROM c WHERE c.id = @id',
        parameters: [{ name: '@id', value: DUE_ID }],
      })
      .fetchAll();
    const indexed = new Set(resources.map((r) => r.tenantId));
    let created = 0;
    for (const tenantId of tenantIds) {
      if (indexed.has(tenantId)) continue;
      const active = !inactive.has(tenantId);
      if (await this.createIfMissing(tenantId, { active, nextDueAt: this.iso() })) created++;
    }
    return created;
  }

  /** Read → change → ETag-checked write, again on the current version after a lost race; creates if missing. */
  private async change(
    tenantId: string,
    known: Stored<TenantDue> | undefined,
    update: (doc: TenantDue, etag: string) => TenantDue | undefined,
    create?: Pick<TenantDue, 'active' | 'nextDueAt'>,
  ): Promise<void> {
    let current = known;
    for (let attempt = 1; ; attempt++) {
      current ??= await this.get(tenantId);
      try {
        if (!current) {
          if (create) await this.createIfMissingOrThrow(tenantId, create);
          return;
        }
        const next = update(current.doc, current.etag);
        if (!next) return;
        await this.repo.replace({ ...next, updatedAt: this.iso() }, current.etag);
        return;
      } catch (err) {
        const retry =
          err instanceof ConcurrencyConflict || err instanceof AlreadyExists || err instanceof NotFound;
        if (!retry || attempt >= ATTEMPTS) throw err;
        current = undefined;
      }
    }
  }

  private async createIfMissing(
    tenantId: string,
    init: Pick<TenantDue, 'active' | 'nextDueAt'>,
  ): Promise<boolean> {
    try {
      await this.createIfMissingOrThrow(tenantId, init);
      return true;
    } catch (err) {
      if (err instanceof AlreadyExists) return false;
      if (err instanceof CorruptDocument) this.logger?.warn({ tenantId }, 'due index entry not created');
      throw err;
    }
  }

  private async createIfMissingOrThrow(
    tenantId: string,
    init: Pick<TenantDue, 'active' | 'nextDueAt'>,
  ): Promise<void> {
    await this.repo.create({ id: DUE_ID, tenantId, type: 'tenantDue', ...init, updatedAt: this.iso() });
  }
}
