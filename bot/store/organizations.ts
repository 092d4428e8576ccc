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
import type { DocumentCache } from './cache';
import type { Stored } from './documents';
import { AlreadyExists, assertTenant, ConcurrencyConflict } from './errors';
import { OrganizationAuditArchiveStore, type AuditArchiveOptions } from './organization-audit';
import { withoutSettings, withSettings, type PersonSettingsRepository } from './people';
import { ReadPolicy } from './read-policy';
import { Repository, type RepositoryOptions } from './repository';
import type { WriteObservers } from './write-observers';

export type OrganizationRepositoryOptions = RepositoryOptions &
  AuditArchiveOptions & {
    /** Told of every organisation written (Store.writes). */
    writes?: WriteObservers;
  };

/** What to change in an organisation just read: the new document, or undefined when nothing changes. */
export type OrganizationChange = (org: Organization) => Organization | undefined;

/** How often a change that lost its race is tried again on the current version. */
const CHANGE_ATTEMPTS = 4;

/** Built by the Store, once per read policy (Store.repos, Store.repos.reading). */
export class OrganizationRepository {
  private readonly repo: Repository<Organization>;
  private readonly archive: OrganizationAuditArchiveStore;
  private readonly writes?: WriteObservers;

  constructor(
    private readonly container: Container,
    cache: DocumentCache,
    options: OrganizationRepositoryOptions = {},
    private readonly people: PersonSettingsRepository,
    private readonly policy: ReadPolicy = ReadPolicy.current,
  ) {
    this.writes = options.writes;
    this.repo = new Repository<Organization>(container, cache, Organization, 'organization', options);
    this.archive = new OrganizationAuditArchiveStore(container, cache, options);
  }

  /**
   * Every tenant that has an organisation (one cross-partition query of every organisation): only for the
   * due index's backfill, once at start-up. Nothing on an interval lists every tenant.
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

  /**
   * The tenant's organisation, as current as this repository's read policy asks, its people shown with their
   * own settings (people.ts; the organisation's ETag does not cover them).
   */
  async get(tenantId: string): Promise<Stored<Organization> | undefined> {
    const stored = await this.repo.read(tenantId, ORGANIZATION_ID, this.policy);
    return stored && this.withPeopleSettings(stored);
  }

  /**
   * The tenant's organisation, created on first use with the operator-pinned Global admins (pins added to the
   * configuration later are applied too), then `change` applied and saved when it changes something. Safe
   * under races: a lost create reads the winner's document, a lost write is tried again on the current version.
   */
  async getOrCreate(
    tenantId: string,
    now: Date,
    initialGlobalAdmins: readonly string[] = [],
    change?: OrganizationChange,
  ): Promise<Stored<Organization>> {
    let stored = await this.withPeopleSettings(
      await this.getOrCreateAs(this.policy, tenantId, now, initialGlobalAdmins),
    );
    for (let attempt = 1; change; attempt++) {
      const changed = change(stored.doc);
      if (!changed) return stored;
      try {
        return await this.save(tenantId, changed, stored.etag);
      } catch (err) {
        if (!(err instanceof ConcurrencyConflict) || attempt >= CHANGE_ATTEMPTS) throw err;
        stored = await this.withPeopleSettings(
          await this.getOrCreateAs(ReadPolicy.current, tenantId, now, initialGlobalAdmins),
        );
      }
    }
    return stored;
  }

  /**
   * Writes `org` only if it still has `etag` (else ConcurrencyConflict). Audit entries beyond the newest the
   * document keeps are archived first (the stored document, returned, then has fewer than `org`). People's
   * settings are not written here: any still embedded become their own documents first (lazy migration).
   */
  async save(tenantId: string, org: Organization, etag: string): Promise<Stored<Organization>> {
    return this.withPeopleSettings(await this.write(tenantId, org, etag));
  }

  private async write(tenantId: string, org: Organization, etag: string): Promise<Stored<Organization>> {
    assertTenant(tenantId, org.tenantId);
    await this.people.adoptEmbedded(tenantId, org.people);
    const bare = { ...org, people: withoutSettings(org.people) };
    const trimmed = await this.archive.trim(tenantId, bare, () => this.version(tenantId, etag));
    return this.written(await this.repo.replace(trimmed, etag));
  }

  private async written(stored: Stored<Organization>): Promise<Stored<Organization>> {
    await this.writes?.notify({ container: 'organizations', tenantId: stored.doc.tenantId, doc: stored.doc });
    return stored;
  }

  /** The organisation with each person's own settings document (a roster query, a minute old at most). */
  private async withPeopleSettings(stored: Stored<Organization>): Promise<Stored<Organization>> {
    if (stored.doc.people.length === 0) return stored;
    const roster = await this.people.roster(stored.doc.tenantId);
    return { etag: stored.etag, doc: { ...stored.doc, people: withSettings(stored.doc.people, roster) } };
  }

  /** The tenant's whole audit trail, oldest first: archived entries, then the organisation's own (operators, tests). */
  async auditTrail(tenantId: string): Promise<AuditEntry[]> {
    const stored = await this.repo.read(tenantId, ORGANIZATION_ID);
    return stored ? this.archive.trail(tenantId, stored.doc) : [];
  }

  private async getOrCreateAs(
    policy: ReadPolicy,
    tenantId: string,
    now: Date,
    initialGlobalAdmins: readonly string[],
  ): Promise<Stored<Organization>> {
    let stored = await this.repo.read(tenantId, ORGANIZATION_ID, policy);
    if (!stored) {
      try {
        stored = await this.written(
          await this.repo.create(newOrganization(tenantId, now, initialGlobalAdmins)),
        );
        // Racing creators carry different entries, so a new document is created whole and trimmed by a normal
        // write once its entries are committed (only with more pinned admins than the document keeps).
        if (stored.doc.audit.length > this.archive.keep)
          stored = await this.write(tenantId, stored.doc, stored.etag);
      } catch (err) {
        if (!(err instanceof AlreadyExists) && !(err instanceof ConcurrencyConflict)) throw err;
        stored = await this.repo.read(tenantId, ORGANIZATION_ID);
        if (!stored) throw err;
      }
    }
    const pinned = applyPinnedAdmins(stored.doc, initialGlobalAdmins, now);
    return pinned.changed ? this.write(tenantId, pinned.org, stored.etag) : stored;
  }

  /** The organisation exactly at `etag` (normally from the cache: the caller has just read it), else undefined. */
  private async version(tenantId: string, etag: string): Promise<Organization | undefined> {
    const stored = await this.repo.read(tenantId, ORGANIZATION_ID, { atVersion: etag });
    return stored?.etag === etag ? stored.doc : undefined;
  }
}
