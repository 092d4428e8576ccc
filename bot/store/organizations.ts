// The organisation document of each tenant (id 'organization'), with ETag-checked writes. Every call names
// the tenant; nothing here can reach another tenant's partition.
import type { Container } from '@azure/cosmos';
import { applyPinnedAdmins, newOrganization, Organization, ORGANIZATION_ID } from '../program';
import { AlreadyExists, StoreError } from './errors';
import { Repository, type ReadOptions, type RepositoryOptions, type Stored } from './repository';

export class OrganizationRepository {
  private readonly repo: Repository<Organization>;

  constructor(
    private readonly container: Container,
    options: RepositoryOptions = {},
  ) {
    this.repo = new Repository<Organization>(container, Organization, 'organization', options);
  }

  /**
   * Every tenant that has an organisation: the one cross-partition query of the app, for the reminder scan
   * (which then reads each organisation with a point read in its own partition).
   */
  async listTenantIds(): Promise<string[]> {
    const iterator = this.container.items.query<{ tenantId?: unknown }>({
      query: 'SELECT c.tenantId FROM c WHERE c.id = @id',
      parameters: [{ name: '@id', value: ORGANIZATION_ID }],
    });
    const { resources } = await iterator.fetchAll();
    const ids = resources.map((r) => r.tenantId).filter((t): t is string => typeof t === 'string' && t !== '');
    return [...new Set(ids)].sort();
  }

  get(tenantId: string, opts: ReadOptions = {}): Promise<Stored<Organization> | undefined> {
    return this.repo.read(tenantId, ORGANIZATION_ID, opts);
  }

  /**
   * The tenant's organisation, created on first use with the operator-pinned Global admins. Pins added to
   * the configuration later are applied too. Safe under races: a lost create reads the winner's document.
   */
  async getOrCreate(
    tenantId: string,
    now: Date,
    initialGlobalAdmins: readonly string[] = [],
    opts: ReadOptions = {},
  ): Promise<Stored<Organization>> {
    let stored = await this.get(tenantId, opts);
    if (!stored) {
      try {
        stored = await this.repo.create(newOrganization(tenantId, now, initialGlobalAdmins));
      } catch (err) {
        if (!(err instanceof AlreadyExists)) throw err;
        stored = await this.get(tenantId);
        if (!stored) throw err;
      }
    }
    const pinned = applyPinnedAdmins(stored.doc, initialGlobalAdmins, now);
    return pinned.changed ? this.save(tenantId, pinned.org, stored.etag) : stored;
  }

  /** Writes `org` only if it still has `etag` (else ConcurrencyConflict). */
  async save(tenantId: string, org: Organization, etag: string): Promise<Stored<Organization>> {
    assertTenant(tenantId, org.tenantId);
    return this.repo.replace(org, etag);
  }
}

/** A write named one tenant but carried another tenant's document: a programming error, never retried. */
export class TenantMismatch extends StoreError {
  constructor(
    readonly tenantId: string,
    readonly documentTenantId: string,
  ) {
    super(`tenant mismatch: ${tenantId} cannot write a document of ${documentTenantId}`);
    this.name = 'TenantMismatch';
  }
}

export function assertTenant(tenantId: string, docTenant: string): void {
  if (tenantId !== docTenant) throw new TenantMismatch(tenantId, docTenant);
}
