// The caller's tenant as the overview reads it: the organisation and every voucher's facts from the store's
// tenant summary (no voucher documents), reused while a cheap check (organisation ETag, the vouchers' change
// marker) says nothing changed; each load's summary is checked against the vouchers right after answering.
// A source without a summary falls back to the full snapshot.
import type { Logger } from '../logger';
import type { Organization, VoucherFacts } from '../program';
import type { Caller } from './auth';
import type { ApiDeps, VoucherMarker } from './deps';
import type { ProjectionContext } from './projection';
import { SnapshotCache } from './snapshot-cache';
import type { TenantSnapshots } from './tenant-snapshots';

interface SummaryDocuments {
  org?: Organization;
  orgEtag?: string;
  vouchers: VoucherFacts[];
  /** The vouchers' change marker the facts match. */
  marker: VoucherMarker;
  /** Wall-clock second at which the read started. */
  readStartSec: number;
}

/** What the overview is computed from; `docs` identifies the loaded version (the views' memo key). */
export interface OverviewData {
  caller: Caller;
  /** The caller's own language choice (TenantData.callerLocale). */
  callerLocale?: string | null;
  ctx: ProjectionContext;
  vouchers: readonly VoucherFacts[];
  docs: object;
}

export class TenantSummaries {
  private readonly cache: SnapshotCache<SummaryDocuments>;

  constructor(
    private readonly deps: ApiDeps,
    private readonly log: Logger,
    private readonly snapshots: TenantSnapshots,
  ) {
    this.cache = new SnapshotCache<SummaryDocuments>({
      ttlMs: deps.cacheTtlMs ?? 15_000,
      verifyAfterMs: deps.snapshotFreshMs ?? 2_000,
      onError: (tenantId, err) => log.error({ err, tenantId }, 'tab API: background summary reload failed'),
    });
  }

  async load(caller: Caller): Promise<OverviewData> {
    if (!this.deps.vouchers.summary) return this.snapshots.load(caller);
    const [docs, own] = await Promise.all([
      this.cache.get(
        caller.tenantId,
        () => this.read(caller.tenantId),
        (cached) => this.isCurrent(caller.tenantId, cached),
      ),
      this.deps.people?.get(caller.tenantId, caller.userId),
    ]);
    const data: OverviewData = {
      caller,
      ctx: this.snapshots.contextFor(docs.org),
      vouchers: docs.vouchers,
      docs,
    };
    if (own) data.callerLocale = own.doc.locale ?? null;
    return data;
  }

  invalidate(tenantId: string): void {
    this.cache.invalidate(tenantId);
  }

  private async read(tenantId: string): Promise<SummaryDocuments> {
    const { organizations, vouchers } = this.deps;
    if (!vouchers.summary) throw new Error('TenantSummaries: the voucher source has no summary');
    const readStartSec = Math.floor(Date.now() / 1000);
    const [org, facts] = await Promise.all([organizations.get(tenantId), vouchers.summary(tenantId)]);
    if (facts.verify) this.verifyLater(tenantId, facts.verify);
    return {
      org: org?.doc,
      orgEtag: org?.etag,
      vouchers: facts.vouchers,
      marker: facts.marker,
      readStartSec,
    };
  }

  /**
   * The summary's check against the vouchers runs once the answer is on its way (setImmediate): only a lost
   * update makes it fail, and then the copy is dropped, so the next request reads the repaired summary.
   */
  private verifyLater(tenantId: string, verify: () => Promise<boolean>): void {
    setImmediate(() => {
      verify().then(
        (ok) => {
          if (!ok) this.cache.invalidate(tenantId);
        },
        (err: unknown) => this.log.error({ err, tenantId }, 'tab API: tenant summary check failed'),
      );
    });
  }

  private async isCurrent(tenantId: string, docs: SummaryDocuments): Promise<boolean> {
    const { organizations, vouchers } = this.deps;
    if (!vouchers.changeMarker) return false;
    // `_ts` has whole seconds: a second write within the newest write's second could share its marker.
    if (docs.marker.lastModified >= docs.readStartSec - 1) return false;
    const [org, now] = await Promise.all([organizations.get(tenantId), vouchers.changeMarker(tenantId)]);
    return (
      org?.etag === docs.orgEtag &&
      now.count === docs.marker.count &&
      now.lastModified === docs.marker.lastModified &&
      (now.tsSum === undefined || now.tsSum === docs.marker.tsSum)
    );
  }
}
