// The older part of an organisation's audit trail, in archive documents beside it (id
// `organization-audit-<n>`), so the organisation stays far below Cosmos DB's 2 MB item limit. Why nothing is
// lost or doubled is in docs/architecture.md ("Data model").
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { DocumentCache } from './cache';
import { AuditEntry, type Organization } from '../program';
import { CorruptDocument } from './errors';
import type { Stored } from './documents';
import { Repository, type RepositoryOptions } from './repository';

export const AUDIT_ARCHIVE_PREFIX = 'organization-audit-';
const ID_DIGITS = 10;
const KIND = 'organization audit archive';

export const OrganizationAuditArchive = z.object({
  id: z.string().regex(new RegExp(`^${AUDIT_ARCHIVE_PREFIX}\\d{${ID_DIGITS}}$`)),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  /** Position in the whole trail of the first entry here (= entries archived before this document). */
  from: z.number().int().nonnegative(),
  entries: z.array(AuditEntry).min(1),
});
export type OrganizationAuditArchive = z.infer<typeof OrganizationAuditArchive>;

export function auditArchiveId(from: number): string {
  return `${AUDIT_ARCHIVE_PREFIX}${String(from).padStart(ID_DIGITS, '0')}`;
}

export interface AuditArchiveOptions {
  /** Most audit entries an organisation document keeps (default 200). */
  auditKeep?: number;
  /** Entries per archive document (default 100, at most `auditKeep`); the same on every instance. */
  auditChunk?: number;
}

const WRITES_AT_ONCE = 8;

export class OrganizationAuditArchiveStore {
  readonly keep: number;
  readonly chunk: number;
  private readonly repo: Repository<OrganizationAuditArchive>;

  constructor(
    container: Container,
    cache: DocumentCache,
    options: AuditArchiveOptions & RepositoryOptions = {},
  ) {
    this.keep = options.auditKeep ?? 200;
    this.chunk = options.auditChunk ?? Math.min(100, this.keep);
    if (!Number.isInteger(this.keep) || this.keep < 1)
      throw new RangeError(`auditKeep must be a positive integer, not ${this.keep}`);
    if (!Number.isInteger(this.chunk) || this.chunk < 1 || this.chunk > this.keep) {
      throw new RangeError(
        `auditChunk must be an integer from 1 to auditKeep (${this.keep}), not ${this.chunk}`,
      );
    }
    this.repo = new Repository(container, cache, OrganizationAuditArchive, KIND, options);
  }

  /**
   * `org` as it should be written over the version `committed()` returns (undefined: not known, so nothing is
   * archived this time): when it has more than `keep` entries, whole runs of its oldest committed entries are
   * written to archive documents first, and the result keeps the rest.
   */
  async trim(
    tenantId: string,
    org: Organization,
    committed: () => Promise<Organization | undefined>,
  ): Promise<Organization> {
    if (org.audit.length <= this.keep) return org;
    const base = await committed();
    if (!base) return org;
    const settled = sharedPrefix(base.audit, org.audit);
    let moved = 0;
    while (org.audit.length - moved > this.keep && moved + this.chunk <= settled) moved += this.chunk;
    if (moved === 0) return org;
    // Both start where the committed version's entries start in the trail.
    const start = base.auditArchived ?? (await this.position(tenantId, base.audit));
    const docs: OrganizationAuditArchive[] = [];
    for (let i = 0; i < moved; i += this.chunk) {
      docs.push({
        id: auditArchiveId(start + i),
        tenantId,
        schemaVersion: 1,
        from: start + i,
        entries: org.audit.slice(i, i + this.chunk),
      });
    }
    for (let i = 0; i < docs.length; i += WRITES_AT_ONCE) {
      await Promise.all(docs.slice(i, i + WRITES_AT_ONCE).map((d) => this.repo.upsert(d)));
    }
    return { ...org, auditArchived: start + moved, audit: org.audit.slice(moved) };
  }

  /** The whole trail of `org` (as read from the store), oldest first. */
  async trail(tenantId: string, org: Organization): Promise<OrganizationAuditArchive['entries']> {
    const archives = await this.list(tenantId);
    const archived = org.auditArchived ?? positionIn(archives, org.audit);
    return [...upTo(archives, archived), ...org.audit];
  }

  /** The tenant's archive documents, by id (= position). */
  list(tenantId: string): Promise<Stored<OrganizationAuditArchive>[]> {
    return this.repo.query(tenantId, {
      where: 'STARTSWITH(c.id, @prefix)',
      parameters: [{ name: '@prefix', value: AUDIT_ARCHIVE_PREFIX }],
      orderBy: 'c.id',
    });
  }

  private async position(tenantId: string, audit: readonly AuditEntry[]): Promise<number> {
    return positionIn(await this.list(tenantId), audit);
  }
}

/** The first `count` archived entries, by position (a document overlapping its predecessor adds only the rest). */
function upTo(archives: readonly Stored<OrganizationAuditArchive>[], count: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const { doc } of archives) {
    if (out.length >= count) break;
    if (doc.from > out.length)
      throw new CorruptDocument(KIND, doc.id, [
        `starts at entry ${doc.from}; entries ${out.length}–${doc.from - 1} are missing`,
      ]);
    out.push(...doc.entries.slice(out.length - doc.from, count - doc.from));
  }
  if (out.length < count)
    throw new CorruptDocument(KIND, auditArchiveId(out.length), [
      `entries ${out.length}–${count - 1} are missing`,
    ]);
  return out;
}

/**
 * Where entries `audit` (of an organisation without a counter) start in the trail: at the earliest archived
 * position from which the archive's tail equals their head (the leftover of a write that lost its race), else
 * right after the archive (0 when there is none).
 */
function positionIn(
  archives: readonly Stored<OrganizationAuditArchive>[],
  audit: readonly AuditEntry[],
): number {
  const last = archives.at(-1)?.doc;
  if (!last) return 0;
  const end = last.from + last.entries.length;
  const flat = upTo(archives, end);
  for (let q = Math.max(0, end - audit.length); q < end; q++) {
    let same = true;
    for (let i = q; i < end && same; i++) same = sameEntry(flat[i] as AuditEntry, audit[i - q] as AuditEntry);
    if (same) return q;
  }
  return end;
}

/** How many leading entries `b` shares with `a`. */
function sharedPrefix(a: readonly AuditEntry[], b: readonly AuditEntry[]): number {
  let n = 0;
  while (n < a.length && n < b.length && sameEntry(a[n] as AuditEntry, b[n] as AuditEntry)) n++;
  return n;
}

function sameEntry(a: AuditEntry, b: AuditEntry): boolean {
  return a === b || canonical(a) === canonical(b);
}

function canonical(e: AuditEntry): string {
  const sorted = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return JSON.stringify(
    sorted(e).map(([k, v]) => [k, k === 'details' && v && typeof v === 'object' ? sorted(v as object) : v]),
  );
}
