// Cosmos client, database and containers from configuration. The same code path serves Azure Cosmos DB
// and the embedded development server.
import { CosmosClient, type Container, type Database, type IndexingPolicy } from '@azure/cosmos';

/** Every container is partitioned by tenant: one partner organisation's data never crosses a partition. */
export const CONTAINERS = {
  /** One document per tenant: people and roles, eligibility, enrolments, profile, organisation settings. */
  organizations: 'organizations',
  /** One document per person: their own language, time zone and Teams user id (apart from the organisation's ETag). */
  people: 'people',
  /** One document per voucher with its reservation, report, redemption, payment and audit trail. */
  vouchers: 'vouchers',
  /** Conversation references captured from Teams, for proactive messages. */
  conversations: 'conversations',
  /** Reminder delivery ledger: one document per reminder key. */
  reminders: 'reminders',
  /** Tenant lifecycle: the tenant's status (active/inactive) and tombstones of deletions (no business data). */
  tenants: 'tenants',
  /** The due index: one small document per tenant (its next due time, active flag, scan lease). */
  tenantIndex: 'tenant-index',
  /** Per-tenant voucher summary for the tab's overview, in shards, kept on every voucher write. */
  summaries: 'summaries',
} as const;

/**
 * Containers whose documents are only point-read or listed per partition: their bulky parts are not indexed,
 * which keeps the RU of rewriting a summary shard close to its size (every row would otherwise be indexed).
 */
const INDEXING: Partial<Record<ContainerName, IndexingPolicy>> = {
  summaries: {
    indexingMode: 'consistent',
    includedPaths: [{ path: '/*' }],
    excludedPaths: [{ path: '/rows/*' }, { path: '/"_etag"/?' }],
  },
};

export type ContainerName = keyof typeof CONTAINERS;

export interface CosmosSettings {
  endpoint: string;
  auth: 'key' | 'managedIdentity';
  key?: string;
  managedIdentityClientId?: string;
  database: string;
  /** Local endpoints (embedded server) must not follow the account's advertised endpoints. */
  local?: boolean;
}

/** The client, the database and its containers, opened from configuration. */
export interface Connection {
  readonly client: CosmosClient;
  readonly database: Database;
  readonly containers: Readonly<Record<ContainerName, Container>>;
}

export async function createCosmosClient(s: CosmosSettings): Promise<CosmosClient> {
  const connectionPolicy = {
    enableEndpointDiscovery: !s.local,
    // A backstop only: user-path operations carry their own, shorter budget (store/budget.ts). The SDK's
    // default, 60 s, kept background work and sockets waiting on a database that never answers.
    requestTimeout: 10_000,
    // Throttling (429) is retried by the SDK's own policy; these bound it.
    retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 30 },
  };
  if (s.auth === 'managedIdentity') {
    // Loaded lazily: only production deployments with managed identity need it.
    const { DefaultAzureCredential, ManagedIdentityCredential } = await import('@azure/identity');
    const aadCredentials = s.managedIdentityClientId
      ? new ManagedIdentityCredential({ clientId: s.managedIdentityClientId })
      : new DefaultAzureCredential();
    return new CosmosClient({ endpoint: s.endpoint, aadCredentials, connectionPolicy });
  }
  return new CosmosClient({ endpoint: s.endpoint, key: s.key ?? '', connectionPolicy });
}

/** Opens (and creates if missing) the database and every container, partition key `/tenantId`. */
export async function connect(s: CosmosSettings): Promise<Connection> {
  const client = await createCosmosClient(s);
  const { database } = await client.databases.createIfNotExists({ id: s.database });
  const containers = {} as Record<ContainerName, Container>;
  for (const [key, id] of Object.entries(CONTAINERS) as [ContainerName, string][]) {
    const { container } = await database.containers.createIfNotExists({
      id,
      partitionKey: { paths: ['/tenantId'] },
      ...(INDEXING[key] ? { indexingPolicy: INDEXING[key] } : {}),
    });
    containers[key] = container;
  }
  return { client, database, containers };
}
