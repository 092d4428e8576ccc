// The organisation document of each tenant (id 'organization'), with ETag-checked writes. Every call names
// the tenant; nothing here can reach another tenant's partition. The document keeps only the newest audit
// entries; older ones live in archive documents beside it (organization-audit.ts).
import type { Container } from '@azure/cosmos';
import {
  applyPinnedAdmins,
  newOrganization,
  Organization,
  ORGANIZATION_ID,
  type AuditEntry,
} from '../program';
import { AlreadyExists, ConcurrencyConflict, StoreError } from './errors';
import { OrganizationAuditArchiveStore, type AuditArchiveOptions } from './organization-audit';
import { Repository, type ReadOptions, type RepositoryOptions, type Stored } from './repository';

export type OrganizationRepositoryOptions = RepositoryOptions & AuditArchiveOptions;

export class OrganizationRepository {
  private readonly repo: Repository<Organization>;
  private readonly archive: OrganizationAuditArchiveStore;

  constructor(
    private readonly container: Container,
    options: OrganizationRepositoryOptions = {},
  ) {
    this.repo = new Repository<Organization>(container, Organization, 'organization', options);
    this.archive = new OrganizationAuditArchiveStore(container, options);
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
    const ids = resources
      .map((r) => r.tenantId)
      .filter((t): t is string => typeof t === 'string' && t !== '');
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
        // Racing creators carry different entries, so a new document is created whole and trimmed by a normal
        // write once its entries are committed (only with more pinned admins than the document keeps).
        if (stored.doc.audit.length > this.archive.keep)
          stored = await this.save(tenantId, stored.doc, stored.etag);
      } catch (err) {
        if (!(err instanceof AlreadyExists) && !(err instanceof ConcurrencyConflict)) throw err;
        stored = await this.get(tenantId);
        if (!stored) throw err;
      }
    }
    const pinned = applyPinnedAdmins(stored.doc, initialGlobalAdmins, now);
    return pinned.changed ? this.save(tenantId, pinned.org, stored.etag) : stored;
  }

  /**
   * Writes `org` only if it still has `etag` (else ConcurrencyConflict). Audit entries beyond the newest the
   * document keeps are archived first (the stored document, returned, then has fewer than `org`).
   */
  async save(tenantId: string, org: Organization, etag: string): Promise<Stored<Organization>> {
    assertTenant(tenantId, org.tenantId);
    const trimmed = await this.archive.trim(tenantId, org, () => this.version(tenantId, etag));
    return this.repo.replace(trimmed, etag);
  }

  /** The tenant's whole audit trail, oldest first: archived entries, then the organisation's own (operators, tests). */
  async auditTrail(tenantId: string): Promise<AuditEntry[]> {
    const stored = await this.get(tenantId);
    return stored ? this.archive.trail(tenantId, stored.doc) : [];
  }

  /** The organisation exactly at `etag` (normally from the cache: the caller has just read it), else undefined. */
  private async version(tenantId: string, etag: string): Promise<Organization | undefined> {
    const stored = await this.repo.read(tenantId, ORGANIZATION_ID, { atVersion: etag });
    return stored?.etag === etag ? stored.doc : undefined;
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
