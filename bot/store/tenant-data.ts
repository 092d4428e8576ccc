// Every document of one tenant, in every container: listed for an export, removed for a deletion. It walks
// CONTAINERS and asks each by partition key, so a container added later is covered without a change here.
import type { Container } from '@azure/cosmos';
import type { DocumentCache } from './cache';
import { CONTAINERS, type ContainerName } from './cosmos';
import { statusOf } from './errors';

/** A tenant's documents per container, without Cosmos' system fields. */
export type TenantDocuments = Record<ContainerName, Record<string, unknown>[]>;

/** Documents a removal leaves in place (the tombstone that records it). */
export type KeepDocument = (container: ContainerName, doc: Record<string, unknown>) => boolean;

export interface TenantData {
  /** Every document the tenant has, container by container. */
  list(tenantId: string): Promise<TenantDocuments>;
  /** Removes every document of the tenant except those `keep` names; how many went, per container. */
  remove(tenantId: string, keep?: KeepDocument): Promise<Record<ContainerName, number>>;
}

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn']);

/** Sweeps a removal repeats at most: a write already in flight when it started (a send's outcome) is caught. */
const SWEEPS = 3;

export function tenantData(
  containers: Readonly<Record<ContainerName, Container>>,
  caches: Readonly<Record<ContainerName, DocumentCache>>,
): TenantData {
  const names = Object.keys(CONTAINERS) as ContainerName[];
  const all = async (name: ContainerName, tenantId: string): Promise<Record<string, unknown>[]> => {
    const { resources } = await containers[name].items
      .query<Record<string, unknown>>(
        { query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: tenantId }] },
        { partitionKey: tenantId },
      )
      .fetchAll();
    // A document of another tenant can never match, but the check costs nothing and bounds a mistake.
    return resources.filter((d) => d.tenantId === tenantId);
  };
  return {
    async list(tenantId) {
      const out = {} as TenantDocuments;
      for (const name of names) {
        const docs = await all(name, tenantId);
        out[name] = docs.map((d) =>
          Object.fromEntries(Object.entries(d).filter(([k]) => !SYSTEM_FIELDS.has(k))),
        );
      }
      return out;
    },
    async remove(tenantId, keep = () => false) {
      const removed = Object.fromEntries(names.map((n) => [n, 0])) as Record<ContainerName, number>;
      for (let sweep = 0; sweep < SWEEPS; sweep++) {
        let found = 0;
        for (const name of names) {
          for (const doc of await all(name, tenantId)) {
            if (keep(name, doc) || typeof doc.id !== 'string') continue;
            found++;
            caches[name].drop(tenantId, doc.id, true);
            try {
              await containers[name].item(doc.id, tenantId).delete();
              removed[name]++;
            } catch (err) {
              if (statusOf(err) !== 404) throw err;
            }
          }
        }
        if (found === 0) break;
      }
      return removed;
    },
  };
}
