// Voucher documents, one per voucher (id `v-<number>` while that is free, else a random UUID), partitioned by
// tenant, ETag-checked writes. The queries the voucher guards need live here, each under its own name.
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import {
  ACTIVE_VOUCHER_STATES,
  Voucher,
  voucherNumberKey,
  type IsoDate,
  type VoucherState,
} from '../program';
import type { DocumentCache } from './cache';
import type { Stored } from './documents';
import { assertTenant } from './errors';
import { ReadPolicy } from './read-policy';
import { Repository, type ChangeMarker, type QuerySpec, type RepositoryOptions } from './repository';
import type { WriteObservers } from './write-observers';
import type { VoucherSummaries, VoucherSummary } from './summaries';

/** Ids of documents the app creates (vouchers, the organisation): what a card may carry back as an id. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** A page of a listing: how many to pass over, how many to return. */
export interface Page {
  skip: number;
  count: number;
}

/** The deepest a paged listing reads (skip + count): beyond it a page is empty rather than a long scan. */
export const MAX_PAGE_WINDOW = 500;

/** The page in whole numbers, and how many documents to ask for (0: the page is past the window). */
function windowOf(page: Page): { skip: number; top: number } {
  const skip = Math.max(0, Math.floor(page.skip) || 0);
  const count = Math.max(0, Math.floor(page.count) || 0);
  return { skip, top: skip >= MAX_PAGE_WINDOW ? 0 : Math.min(skip + count, MAX_PAGE_WINDOW) };
}

/** Built by the Store, once per read policy (Store.repos, Store.repos.reading). */
export class VoucherRepository {
  private readonly repo: Repository<Voucher>;
  private readonly writes?: WriteObservers;

  constructor(
    container: Container,
    cache: DocumentCache,
    options: RepositoryOptions & { writes?: WriteObservers } = {},
    private readonly policy: ReadPolicy = ReadPolicy.current,
    /** Kept after every write here; absent only where a test builds a bare repository. */
    private readonly summaries?: VoucherSummaries,
  ) {
    this.writes = options.writes;
    this.repo = new Repository<Voucher>(container, cache, Voucher, 'voucher', options);
  }

  /**
   * The document id of a new voucher: `v-<number>` while no voucher with this number holds it, so the same
   * voucher recorded twice at the same moment meets a 409 instead of becoming two documents; else (the number
   * is only unique while active, or makes no valid id) a random UUID. `sameNumber`: findByNumber's answer.
   */
  newDocumentId(voucherNumber: string, sameNumber: readonly { doc: { id: string } }[]): string {
    const derived = `v-${voucherNumberKey(voucherNumber)}`;
    const free = DOCUMENT_ID_PATTERN.test(derived) && !sameNumber.some((s) => s.doc.id === derived);
    return free ? derived : randomUUID();
  }

  /** One voucher, as current as this repository's read policy asks. */
  get(tenantId: string, id: string): Promise<Stored<Voucher> | undefined> {
    return this.repo.read(tenantId, id, this.policy);
  }

  /**
   * The version a card was rendered from, for a change: taken from this instance's copy without a read when it
   * holds exactly that version (the write is ETag-checked anyway), else the current version.
   */
  atVersion(tenantId: string, id: string, etag: string): Promise<Stored<Voucher> | undefined> {
    return this.repo.read(tenantId, id, { atVersion: etag });
  }

  async create(tenantId: string, voucher: Voucher): Promise<Stored<Voucher>> {
    assertTenant(tenantId, voucher.tenantId);
    const written = await this.repo.create(voucher);
    await this.summaries?.record(tenantId, written, undefined);
    return this.written(written);
  }

  /** Writes `voucher` only if it still has `etag` (else ConcurrencyConflict; NotFound if it is not this tenant's). */
  async save(tenantId: string, voucher: Voucher, etag: string): Promise<Stored<Voucher>> {
    assertTenant(tenantId, voucher.tenantId);
    const written = await this.repo.replace(voucher, etag);
    await this.summaries?.record(tenantId, written, etag);
    return this.written(written);
  }

  private async written(stored: Stored<Voucher>): Promise<Stored<Voucher>> {
    await this.writes?.notify({ container: 'vouchers', tenantId: stored.doc.tenantId, doc: stored.doc });
    return stored;
  }

  /** Count and newest write of the tenant's vouchers: tells a cache whether anything changed since it read. */
  changeMarker(tenantId: string): Promise<ChangeMarker> {
    return this.repo.changeMarker(tenantId);
  }

  /**
   * Every voucher's facts for the tab's overview, from the tenant summary (store/summaries.ts) when it is in
   * step with the vouchers, else rebuilt from them. Always current (the read policy does not apply).
   */
  summary(tenantId: string): Promise<VoucherSummary> {
    if (!this.summaries) throw new Error('VoucherRepository.summary: built without a summary');
    return this.summaries.read(tenantId);
  }

  /** All of a tenant's vouchers, oldest state change first. */
  list(tenantId: string): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, { orderBy: 'c.stateSince ASC' });
  }

  listByState(tenantId: string, states: readonly VoucherState[]): Promise<Stored<Voucher>[]> {
    if (states.length === 0) return Promise.resolve([]);
    const names = states.map((_, i) => `@s${i}`);
    return this.query(tenantId, {
      where: `c.state IN (${names.join(', ')})`,
      orderBy: 'c.stateSince ASC',
      parameters: states.map((s, i) => ({ name: names[i] as string, value: s })),
    });
  }

  /** Vouchers with a deadline, soonest first; `until` keeps those due on or before that day. */
  listByDueDate(tenantId: string, until?: IsoDate): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, {
      where: until ? 'IS_DEFINED(c.dueOn) AND c.dueOn <= @until' : 'IS_DEFINED(c.dueOn)',
      orderBy: 'c.dueOn ASC',
      parameters: until ? [{ name: '@until', value: until }] : [],
    });
  }

  /** Every redeemed voucher (the enrolment card: "SAVB registration needed" after an offering's first redemption). */
  listRedeemed(tenantId: string): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, { where: 'IS_DEFINED(c.redemption)' });
  }

  /** One redeemed voucher of the offering, if there is any (SAVB registration: "after the first redemption"). */
  anyRedeemedFor(tenantId: string, offeringId: string): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, {
      where: 'c.offeringId = @offering AND IS_DEFINED(c.redemption)',
      parameters: [{ name: '@offering', value: offeringId }],
      limit: 1,
    });
  }

  /** The tenant's other vouchers with this voucher's number or customer (the 15-day rule, "already active"). */
  othersWithSameNumberOrCustomer(tenantId: string, voucher: Voucher): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, {
      where: 'c.id != @id AND (UPPER(c.voucherNumber) = @number OR LOWER(c.customer.name) = @customer)',
      parameters: [
        { name: '@id', value: voucher.id },
        { name: '@number', value: voucherNumberKey(voucher.voucherNumber) },
        { name: '@customer', value: voucher.customer.name.trim().toLowerCase() },
      ],
    });
  }

  /** The tenant's other vouchers with this voucher's number (an Expired voucher comes back only if none is active). */
  othersWithSameNumber(tenantId: string, voucher: Voucher): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, {
      where: 'c.id != @id AND UPPER(c.voucherNumber) = @number',
      parameters: [
        { name: '@id', value: voucher.id },
        { name: '@number', value: voucherNumberKey(voucher.voucherNumber) },
      ],
    });
  }

  /** Every voucher (any state) with this voucher number, whatever its case (documents stored before numbers
   *  were upper-cased at intake included). */
  findByNumber(tenantId: string, voucherNumber: string): Promise<Stored<Voucher>[]> {
    return this.query(tenantId, {
      where: 'UPPER(c.voucherNumber) = @n',
      parameters: [{ name: '@n', value: voucherNumberKey(voucherNumber) }],
    });
  }

  /** The active voucher with this number, if any (the "same voucher ID not already active" guard). */
  async findActiveByNumber(tenantId: string, voucherNumber: string): Promise<Stored<Voucher> | undefined> {
    const all = await this.findByNumber(tenantId, voucherNumber);
    return all.find((s) => ACTIVE_VOUCHER_STATES.includes(s.doc.state));
  }

  /**
   * One page of the tenant's vouchers whose number or customer contains `text` (case-insensitive, literal: the
   * text is a parameter, so `%`, `_` or quotes mean themselves) or whose state is one of `states`, most
   * recent state change first. The embedded server has no OFFSET/LIMIT: `TOP skip+count`, then the page is cut.
   */
  async searchPage(
    tenantId: string,
    search: { text: string; states: readonly VoucherState[] },
    page: Page,
  ): Promise<Stored<Voucher>[]> {
    const { skip, top } = windowOf(page);
    if (top <= skip) return [];
    const names = search.states.map((_, i) => `@s${i}`);
    const conditions = [
      'CONTAINS(UPPER(c.voucherNumber), @number)',
      'CONTAINS(LOWER(c.customer.name), @customer)',
    ];
    if (names.length > 0) conditions.push(`c.state IN (${names.join(', ')})`);
    const found = await this.query(tenantId, {
      where: conditions.join(' OR '),
      orderBy: 'c.stateSince DESC',
      top,
      parameters: [
        { name: '@number', value: search.text.toUpperCase() },
        { name: '@customer', value: search.text.toLowerCase() },
        ...search.states.map((state, i) => ({ name: names[i] as string, value: state })),
      ],
    });
    return found.slice(skip);
  }

  /** One page of the tenant's vouchers with a deadline, soonest first (what needs action soonest). */
  async dueSoonestPage(tenantId: string, page: Page): Promise<Stored<Voucher>[]> {
    const { skip, top } = windowOf(page);
    if (top <= skip) return [];
    const found = await this.query(tenantId, { where: 'IS_DEFINED(c.dueOn)', orderBy: 'c.dueOn ASC', top });
    return found.slice(skip);
  }

  private query(tenantId: string, spec: QuerySpec): Promise<Stored<Voucher>[]> {
    return this.repo.query(
      tenantId,
      this.policy.maxAgeMs === undefined ? spec : { ...spec, maxAgeMs: this.policy.maxAgeMs },
    );
  }
}
