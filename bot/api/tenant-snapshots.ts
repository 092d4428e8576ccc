// The caller's tenant as the routes read it: a per-tenant snapshot of the organisation and its vouchers,
// reused while a cheap version check (organisation ETag, vouchers' count and newest `_ts`) says nothing changed.
import type { Logger } from '../logger';
import type { Organization, Voucher } from '../program';
import type { Caller } from './auth';
import type { ApiDeps } from './deps';
import { projectionContext, type ProjectionContext } from './projection';
import { SnapshotCache } from './snapshot-cache';

/** What a snapshot was read at: the organisation's ETag and the vouchers' change marker, taken before reading. */
interface SnapshotVersion {
  orgEtag?: string;
  count: number;
  lastModified: number;
  /** Wall-clock second at which the read started. */
  readStartSec: number;
}

export interface TenantDocuments {
  org?: Organization;
  vouchers: Voucher[];
  version?: SnapshotVersion;
}

export interface TenantData {
  caller: Caller;
  /** The caller's own language choice, read with the request (the snapshot's check does not cover it); null:
   *  their document says none; absent: they have no document (the organisation's copy applies). */
  callerLocale?: string | null;
  ctx: ProjectionContext;
  vouchers: Voucher[];
  docs: TenantDocuments;
}

export class TenantSnapshots {
  private readonly cache: SnapshotCache<TenantDocuments>;

  constructor(
    private readonly deps: ApiDeps,
    log: Logger,
  ) {
    this.cache = new SnapshotCache<TenantDocuments>({
      ttlMs: deps.cacheTtlMs ?? 15_000,
      verifyAfterMs: deps.snapshotFreshMs ?? 2_000,
      onError: (tenantId, err) => log.error({ err, tenantId }, 'tab API: background reload failed'),
    });
  }

  async load(caller: Caller): Promise<TenantData> {
    const [docs, own] = await Promise.all([
      this.cache.get(
        caller.tenantId,
        () => this.read(caller.tenantId),
        (cached) => this.isCurrent(caller.tenantId, cached),
      ),
      this.deps.people?.get(caller.tenantId, caller.userId),
    ]);
    const data: TenantData = { caller, ctx: this.contextFor(docs.org), vouchers: docs.vouchers, docs };
    if (own) data.callerLocale = own.doc.locale ?? null;
    return data;
  }

  /** The projection context at this moment, in the organisation's time zone. */
  contextFor(org: Organization | undefined): ProjectionContext {
    const { rules, now, config } = this.deps;
    return projectionContext(rules, org, now(), config.reminders.defaultTimeZone);
  }

  invalidate(tenantId: string): void {
    this.cache.invalidate(tenantId);
  }

  private async versionOf(tenantId: string): Promise<SnapshotVersion | undefined> {
    const { organizations, vouchers } = this.deps;
    if (!vouchers.changeMarker) return undefined;
    const readStartSec = Math.floor(Date.now() / 1000);
    const [org, marker] = await Promise.all([organizations.get(tenantId), vouchers.changeMarker(tenantId)]);
    return { orgEtag: org?.etag, ...marker, readStartSec };
  }

  private async read(tenantId: string): Promise<TenantDocuments> {
    // The version is taken before the documents: a write that lands during the read makes it differ next time.
    const version = await this.versionOf(tenantId);
    const [org, stored] = await Promise.all([
      this.deps.organizations.get(tenantId),
      this.deps.vouchers.list(tenantId),
    ]);
    // The repositories query one partition; the check guards against a wrongly wired source.
    const vouchers = stored.map((s) => s.doc).filter((v) => v.tenantId === tenantId);
    return { org: org?.doc, vouchers, version };
  }

  private async isCurrent(tenantId: string, docs: TenantDocuments): Promise<boolean> {
    const then = docs.version;
    if (!then) return true; // a source without change markers relies on the TTL and invalidate()
    // `_ts` has whole-second resolution: a second write within the newest write's second could share its marker.
    // Trust the snapshot only when that second had ended well before the read started (1 s covers clock skew).
    if (then.lastModified >= then.readStartSec - 1) return false;
    const now = await this.versionOf(tenantId);
    return (
      !!now &&
      now.orgEtag === then.orgEtag &&
      now.count === then.count &&
      now.lastModified === then.lastModified
    );
  }
}
