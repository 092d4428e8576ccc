// The tenants container: each tenant's status (ETag-checked writes) and tombstones; the one cross-partition
// query lists the inactive tenants (for retention, and for the due index's start-up backfill).
import { AlreadyExists, ConcurrencyConflict, type Repository, type Store, type Stored } from '../store';
import {
  TENANT_STATUS_ID,
  TenantsContainerDoc,
  tombstoneId,
  type TenantState,
  type TenantStatusDoc,
  type TombstoneDoc,
} from './documents';

/** What a status write did: the state before it (undefined: the tenant had no status yet). */
export interface StateChange {
  before?: TenantState;
  after: TenantState;
}

const DAY = 10;

export class TenantRegistry {
  private readonly repo: Repository<TenantsContainerDoc>;

  /** Built once, by the composition root. */
  constructor(private readonly store: Pick<Store, 'repository' | 'containers'>) {
    this.repo = store.repository('tenants', TenantsContainerDoc, 'tenant status');
  }

  async status(tenantId: string, maxAgeMs?: number): Promise<Stored<TenantStatusDoc> | undefined> {
    const found = await this.repo.read(tenantId, TENANT_STATUS_ID, { maxAgeMs });
    return found?.doc.type === 'tenantStatus' ? (found as Stored<TenantStatusDoc>) : undefined;
  }

  /**
   * Puts the tenant in `state` (creating its status on first contact) and records the day it was seen when
   * `seen`. Writes only when something changes; retried on an ETag conflict.
   */
  async set(tenantId: string, state: TenantState, now: Date, seen: boolean): Promise<StateChange> {
    const at = now.toISOString();
    for (let attempt = 0; ; attempt++) {
      const current = await this.status(tenantId);
      const before = current?.doc.state;
      const lastSeen = seen ? at : (current?.doc.lastSeen ?? at);
      const sameDay = current && current.doc.lastSeen.slice(0, DAY) === lastSeen.slice(0, DAY);
      if (current && before === state && (!seen || sameDay)) return { before, after: state };
      const doc: TenantStatusDoc = {
        id: TENANT_STATUS_ID,
        tenantId,
        type: 'tenantStatus',
        schemaVersion: 1,
        state,
        since: before === state && current ? current.doc.since : at,
        lastSeen,
      };
      try {
        if (current) await this.repo.replace(doc, current.etag);
        else await this.repo.create(doc);
        return { ...(before ? { before } : {}), after: state };
      } catch (err) {
        const raced = err instanceof ConcurrencyConflict || err instanceof AlreadyExists;
        if (!raced || attempt >= 4) throw err;
      }
    }
  }

  /**
   * Tenants marked inactive and since when (with `sinceAtOrBefore`, an ISO instant: only those inactive since
   * then or earlier): one cross-partition query.
   */
  async inactive(sinceAtOrBefore?: string): Promise<{ tenantId: string; since: string }[]> {
    const { resources } = await this.store.containers.tenants.items
      .query<{ tenantId?: unknown; since?: unknown }>({
        query:
          'SELECT c.tenantId, c.since FROM c WHERE c.id = @id AND c.state = @state' +
          (sinceAtOrBefore ? ' AND c.since <= @before' : ''),
        parameters: [
          { name: '@id', value: TENANT_STATUS_ID },
          { name: '@state', value: 'inactive' },
          ...(sinceAtOrBefore ? [{ name: '@before', value: sinceAtOrBefore }] : []),
        ],
      })
      .fetchAll();
    return resources.flatMap((r) =>
      typeof r.tenantId === 'string' && typeof r.since === 'string'
        ? [{ tenantId: r.tenantId, since: r.since }]
        : [],
    );
  }

  async tombstone(
    tenantId: string,
    by: string,
    reason: TombstoneDoc['reason'],
    now: Date,
  ): Promise<TombstoneDoc> {
    const doc: TombstoneDoc = {
      id: tombstoneId(now),
      tenantId,
      type: 'tombstone',
      schemaVersion: 1,
      deletedAt: now.toISOString(),
      deletedBy: by,
      reason,
    };
    await this.repo.upsert(doc);
    return doc;
  }

  async tombstones(tenantId: string): Promise<TombstoneDoc[]> {
    const found = await this.repo.query(tenantId, { where: "c.type = 'tombstone'" });
    return found.flatMap((s) => (s.doc.type === 'tombstone' ? [s.doc] : []));
  }
}
