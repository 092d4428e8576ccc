// The one owner of the store: the connection, one document cache per container, and every repository over
// them, built once when the store opens. Each read policy gets its own repositories over the same caches.
import type { z } from 'zod';
import { DEFAULT_STORE_TIMEOUT_MS, withinBudget } from './budget';
import { DocumentCache } from './cache';
import { CONTAINERS, connect, type Connection, type ContainerName, type CosmosSettings } from './cosmos';
import type { TenantDocument } from './documents';
import { OrganizationRepository } from './organizations';
import { Voucher } from '../program';
import { PersonSettingsRepository } from './people';
import { ReadPolicy } from './read-policy';
import { tenantData, type TenantData } from './tenant-data';
import { Repository, type RepositoryOptions } from './repository';
import { SummaryShard, VoucherSummaries } from './summaries';
import { VoucherRepository } from './vouchers';
import { WriteObservers } from './write-observers';

/** The repositories of the program's two aggregates, and of each person's own settings. */
export interface Repositories {
  readonly organizations: OrganizationRepository;
  readonly people: PersonSettingsRepository;
  readonly vouchers: VoucherRepository;
}

/** The store's repositories: they read current versions; `reading` gives them under another read policy. */
export interface StoreRepositories extends Repositories {
  /** Repositories reading as `policy` says, over the same caches (made once per policy, then reused). */
  reading(policy: ReadPolicy): Repositories;
}

export interface Store extends Connection {
  /** One cache per container, shared by every repository over it. */
  readonly caches: Readonly<Record<ContainerName, DocumentCache>>;
  readonly repos: StoreRepositories;
  /** Observers told after each write of an organisation or a voucher, through any repository. */
  readonly writes: WriteObservers;
  /**
   * A typed repository over one container with that container's cache, for documents defined outside the
   * store (conversation references, the reminder ledger). Its owner builds it once, when it is built.
   */
  repository<T extends TenantDocument>(
    container: ContainerName,
    schema: z.ZodType<T>,
    kind: string,
    options?: RepositoryOptions,
  ): Repository<T>;
  /** True when the database answers within `timeoutMs` (else the operation budget). Used by /readyz. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Every document of a tenant in every container: the export and the deletion of its data. */
  readonly tenantData: TenantData;
  close(): void;
}

/** Opens the database (creating what is missing) and builds the store over it. */
export async function openStore(settings: CosmosSettings, options: RepositoryOptions = {}): Promise<Store> {
  return storeOver(await connect(settings), options);
}

/** The store over an open connection (tests and the bench pass containers that count what is sent). */
/** `options.onCorrupt`: told of each stored document a query had to skip (the app logs it). */
export function storeOver(connection: Connection, options: RepositoryOptions = {}): Store {
  const { client, database, containers } = connection;
  const caches = {} as Record<ContainerName, DocumentCache>;
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) caches[name] = new DocumentCache();
  const writes = new WriteObservers();
  return {
    client,
    database,
    containers,
    caches,
    writes,
    repos: repositories(connection, caches, { ...options, writes }),
    tenantData: tenantData(containers, caches),
    repository: (name, schema, kind, own) =>
      new Repository(containers[name], caches[name], schema, kind, { ...options, ...own }),
    async ping(timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS) {
      try {
        await withinBudget((abortSignal) => database.read({ abortSignal }), {
          budgetMs: timeoutMs,
          write: false,
        });
        return true;
      } catch {
        return false;
      }
    },
    close() {
      client.dispose();
    },
  };
}

function repositories(
  { containers }: Connection,
  caches: Readonly<Record<ContainerName, DocumentCache>>,
  options: RepositoryOptions & { writes: WriteObservers },
): StoreRepositories {
  const views = new Map<number | undefined, Repositories>();
  // One summary for every read policy: it always reads current versions.
  const summaries = new VoucherSummaries(
    new Repository(containers.summaries, caches.summaries, SummaryShard, 'tenant-summary', options),
    new Repository(containers.vouchers, caches.vouchers, Voucher, 'voucher', options),
    { onError: options.onSummaryError },
  );
  const reading = (policy: ReadPolicy): Repositories => {
    let view = views.get(policy.maxAgeMs);
    if (!view) {
      const people = new PersonSettingsRepository(containers.people, caches.people, options, policy);
      view = {
        organizations: new OrganizationRepository(
          containers.organizations,
          caches.organizations,
          options,
          people,
          policy,
        ),
        people,
        vouchers: new VoucherRepository(containers.vouchers, caches.vouchers, options, policy, summaries),
      };
      views.set(policy.maxAgeMs, view);
    }
    return view;
  };
  return { ...reading(ReadPolicy.current), reading };
}
