// The per-tenant voucher summary the tab's overview reads instead of every voucher: each voucher's facts
// (program `VoucherFacts`, with the version's `_ts` and ETag) spread over SUMMARY_SHARDS documents of
// `summaries`, kept by VoucherRepository after every voucher write (ETag-checked, retried), checked
// against the vouchers' change marker after each read, and rebuilt from the vouchers when missing, outdated
// or out of step. A shard is a few dozen KB, so a voucher write rewrites 1/SUMMARY_SHARDS of the summary.
import { z } from 'zod';
import { Voucher, VoucherFacts, voucherFacts } from '../program';
import type { Stored } from './documents';
import { AlreadyExists, ConcurrencyConflict, NotFound } from './errors';
import type { ChangeMarker, Repository } from './repository';

/** Bump when VoucherFacts or the row change: shards of an older version are rebuilt by the first reader. */
export const SUMMARY_VERSION = 1;
export const SUMMARY_SHARDS = 32;
/** Conflicting writers of one shard retry this many times before giving the shard up (see `record`). */
const RECORD_ATTEMPTS = 6;

export const SummaryRow = z.object({
  /** `_ts` and ETag of the voucher version the facts were taken from. */
  ts: z.number().int().nonnegative(),
  etag: z.string(),
  voucher: VoucherFacts,
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const SummaryShard = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  version: z.number().int().positive(),
  shard: z.number().int().nonnegative(),
  shards: z.number().int().positive(),
  rows: z.array(SummaryRow),
});
export type SummaryShard = z.infer<typeof SummaryShard>;

/** What a read gives the tab: every voucher's facts and the change marker they stand for. */
export interface VoucherSummary {
  vouchers: VoucherFacts[];
  marker: ChangeMarker;
  /** summary: the shards as stored; rebuilt / full: from every voucher (full: a newer version's summary). */
  source: 'summary' | 'rebuilt' | 'full';
  /** For `summary`: checks the rows against the vouchers, repairs them if needed (false then). */
  verify?: () => Promise<boolean>;
}

/** FNV-1a of the voucher id: a stable shard for each voucher. */
export function shardOf(voucherId: string, shards = SUMMARY_SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < voucherId.length; i++) {
    h ^= voucherId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

export function shardId(shard: number): string {
  return `vouchers-${String(shard).padStart(2, '0')}`;
}

function rowOf(stored: Stored<Voucher>): SummaryRow {
  return { ts: stored.ts ?? 0, etag: stored.etag, voucher: voucherFacts(stored.doc) };
}

/** The change marker the rows stand for: equal to the vouchers' own when the summary is in step with them. */
export function markerOf(rows: readonly SummaryRow[]): ChangeMarker {
  let lastModified = 0;
  let tsSum = 0;
  for (const r of rows) {
    tsSum += r.ts;
    if (r.ts > lastModified) lastModified = r.ts;
  }
  return { count: rows.length, lastModified, tsSum };
}

function sameMarker(a: ChangeMarker, b: ChangeMarker): boolean {
  return a.count === b.count && a.tsSum === b.tsSum && a.lastModified === b.lastModified;
}

const isCurrent = (s: SummaryShard): boolean => s.version === SUMMARY_VERSION && s.shards === SUMMARY_SHARDS;

export interface SummaryOptions {
  /** Told when a shard could not be kept after a voucher write (it is then dropped, so it gets rebuilt). */
  onError?: (tenantId: string, err: unknown) => void;
}

/** Built once by the store, shared by the voucher repositories of every read policy. */
export class VoucherSummaries {
  constructor(
    private readonly shards: Repository<SummaryShard>,
    private readonly vouchers: Repository<Voucher>,
    private readonly options: SummaryOptions = {},
  ) {}

  /**
   * After a voucher write (`previousEtag`: the version it replaced; undefined for a create): its row in its
   * shard, ETag-checked. A row that is not at `previousEtag` means writes of this voucher reached the summary
   * out of order, so the voucher's current version is written instead. Never throws: the voucher is written
   * already; a shard that cannot be kept is deleted, and the next reader rebuilds the summary.
   */
  async record(tenantId: string, written: Stored<Voucher>, previousEtag: string | undefined): Promise<void> {
    const id = shardId(shardOf(written.doc.id));
    try {
      for (let attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
        const stored = await this.shards.read(tenantId, id);
        // No summary (or another version's): nothing to keep; the next reader builds it from the vouchers.
        if (!stored || !isCurrent(stored.doc)) return;
        const row = await this.nextRow(tenantId, stored.doc, written, previousEtag);
        if (row === 'unchanged') return;
        const rows = stored.doc.rows.filter((r) => r.voucher.id !== written.doc.id);
        if (row) rows.push(row);
        try {
          await this.shards.replace({ ...stored.doc, rows }, stored.etag);
          return;
        } catch (err) {
          if (!(err instanceof ConcurrencyConflict)) throw err;
        }
      }
      throw new ConcurrencyConflict(this.shards.kind, id);
    } catch (err) {
      this.options.onError?.(tenantId, err);
      await this.shards.delete(tenantId, id).catch(() => undefined);
    }
  }

  private async nextRow(
    tenantId: string,
    shard: SummaryShard,
    written: Stored<Voucher>,
    previousEtag: string | undefined,
  ): Promise<SummaryRow | undefined | 'unchanged'> {
    const row = shard.rows.find((r) => r.voucher.id === written.doc.id);
    if (row?.etag === written.etag) return 'unchanged';
    const inOrder = row ? row.etag === previousEtag : previousEtag === undefined;
    if (inOrder) return rowOf(written);
    const current = await this.vouchers.read(tenantId, written.doc.id);
    if (current && row?.etag === current.etag) return 'unchanged';
    return current && rowOf(current);
  }

  /**
   * Every voucher's facts for the overview: the shards as stored when they are all there and of this version
   * (else rebuilt from the vouchers). Their check against the vouchers is left to `verify`, which the caller
   * runs after answering: it costs a scan of the vouchers' index, and only a lost update can make it fail.
   */
  async read(tenantId: string): Promise<VoucherSummary> {
    // Point reads, not one query: each asks with the cached ETag, so an unchanged shard answers 304 without a
    // body, and after a write only its one shard travels (a query would send every shard again).
    const found = await Promise.all(
      Array.from({ length: SUMMARY_SHARDS }, (_, n) => this.shards.read(tenantId, shardId(n))),
    );
    const shards = found.filter((s): s is Stored<SummaryShard> => s !== undefined);
    // A newer instance's summary (rolling deploy): used by nobody here, and not overwritten.
    if (shards.some((s) => s.doc.version > SUMMARY_VERSION)) return this.full(tenantId);
    if (shards.length < SUMMARY_SHARDS || !shards.every((s) => isCurrent(s.doc)))
      return this.rebuild(tenantId, shards);
    const rows = shards.flatMap((s) => s.doc.rows);
    return {
      vouchers: rows.map((r) => r.voucher),
      marker: markerOf(rows),
      source: 'summary',
      verify: () => this.verify(tenantId, shards, rows),
    };
  }

  /**
   * True when the rows match the vouchers' change marker (count, newest and summed `_ts`). Otherwise the rows
   * are repaired — from the vouchers written since the newest row when that accounts for the difference (an
   * update on its way, or lost by a crash just now), else by a rebuild — and the answer is false.
   */
  async verify(tenantId: string, shards: Stored<SummaryShard>[], rows: SummaryRow[]): Promise<boolean> {
    const marker = await this.vouchers.changeMarker(tenantId);
    if (sameMarker(markerOf(rows), marker)) return true;
    const recent = await this.vouchers.query(tenantId, {
      where: 'c._ts >= @since',
      parameters: [{ name: '@since', value: markerOf(rows).lastModified }],
    });
    const byId = new Map(rows.map((r) => [r.voucher.id, r]));
    for (const v of recent) byId.set(v.doc.id, rowOf(v));
    if (sameMarker(markerOf([...byId.values()]), marker)) await this.repair(tenantId, shards, recent);
    else await this.rebuild(tenantId, shards);
    return false;
  }

  /**
   * Puts these vouchers' versions in their rows, each shard at the ETag read before the vouchers were: a
   * shard changed meanwhile was written by a later update, which has the newer version.
   */
  private async repair(tenantId: string, shards: Stored<SummaryShard>[], vouchers: Stored<Voucher>[]) {
    const byShard = new Map(shards.map((s) => [s.doc.shard, s]));
    const changes = new Map<number, Stored<Voucher>[]>();
    for (const v of vouchers) {
      const n = shardOf(v.doc.id);
      changes.set(n, [...(changes.get(n) ?? []), v]);
    }
    for (const [n, changed] of changes) {
      const shard = byShard.get(n);
      if (!shard) continue;
      const ids = new Set(changed.map((v) => v.doc.id));
      const rows = [...shard.doc.rows.filter((r) => !ids.has(r.voucher.id)), ...changed.map(rowOf)];
      await this.shards.replace({ ...shard.doc, rows }, shard.etag).catch((err: unknown) => {
        if (!(err instanceof ConcurrencyConflict || err instanceof NotFound)) throw err;
      });
    }
  }

  /**
   * Reads every voucher once and writes each shard (create, or replace at the ETag read before the vouchers:
   * a shard a writer changed meanwhile is left to it). The answer is the vouchers read, whatever was written.
   */
  private async rebuild(tenantId: string, existing: Stored<SummaryShard>[]): Promise<VoucherSummary> {
    const all = await this.vouchers.query(tenantId);
    const rows = all.map(rowOf);
    const answer: VoucherSummary = {
      vouchers: rows.map((r) => r.voucher),
      marker: markerOf(rows),
      source: 'rebuilt',
    };
    // A tenant without vouchers gets no shards (an unknown caller creates nothing); its first voucher's
    // writer finds none and leaves the building to the next reader.
    if (rows.length === 0 && existing.length === 0) return answer;
    const byShard: SummaryRow[][] = Array.from({ length: SUMMARY_SHARDS }, () => []);
    for (const r of rows) byShard[shardOf(r.voucher.id)]?.push(r);
    const before = new Map(existing.map((s) => [s.doc.id, s.etag]));
    await Promise.all(
      byShard.map(async (shardRows, shard) => {
        const doc: SummaryShard = {
          id: shardId(shard),
          tenantId,
          schemaVersion: 1,
          version: SUMMARY_VERSION,
          shard,
          shards: SUMMARY_SHARDS,
          rows: shardRows,
        };
        const etag = before.get(doc.id);
        try {
          await (etag ? this.shards.replace(doc, etag) : this.shards.create(doc));
        } catch (err) {
          const raced =
            err instanceof ConcurrencyConflict || err instanceof AlreadyExists || err instanceof NotFound;
          if (!raced) throw err;
        }
      }),
    );
    return answer;
  }

  private async full(tenantId: string): Promise<VoucherSummary> {
    const rows = (await this.vouchers.query(tenantId)).map(rowOf);
    return { vouchers: rows.map((r) => r.voucher), marker: markerOf(rows), source: 'full' };
  }
}
