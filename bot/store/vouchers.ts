// Voucher documents (one per voucher, id generated), partitioned by tenant, ETag-checked writes. Listing by
// state and by due date rely on the `dueOn` field the engine keeps on every command.
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { Voucher, voucherNumberKey, type IsoDate, type VoucherState } from '../program';
import { assertTenant } from './organizations';
import {
  Repository,
  type ChangeMarker,
  type ReadOptions,
  type RepositoryOptions,
  type Stored,
} from './repository';

const ACTIVE_STATES: VoucherState[] = [
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
];

export class VoucherRepository {
  private readonly repo: Repository<Voucher>;

  constructor(container: Container, options: RepositoryOptions = {}) {
    this.repo = new Repository<Voucher>(container, Voucher, 'voucher', options);
  }

  /** A fresh document id (never the voucher number, which is only unique while active). */
  static newId(): string {
    return randomUUID();
  }

  get(tenantId: string, id: string, opts: ReadOptions = {}): Promise<Stored<Voucher> | undefined> {
    return this.repo.read(tenantId, id, opts);
  }

  async create(tenantId: string, voucher: Voucher): Promise<Stored<Voucher>> {
    assertTenant(tenantId, voucher.tenantId);
    return this.repo.create(voucher);
  }

  /** Writes `voucher` only if it still has `etag` (else ConcurrencyConflict; NotFound if it is not this tenant's). */
  async save(tenantId: string, voucher: Voucher, etag: string): Promise<Stored<Voucher>> {
    assertTenant(tenantId, voucher.tenantId);
    return this.repo.replace(voucher, etag);
  }

  /** Count and newest write of the tenant's vouchers: tells a cache whether anything changed since it read. */
  changeMarker(tenantId: string): Promise<ChangeMarker> {
    return this.repo.changeMarker(tenantId);
  }

  /** All of a tenant's vouchers, oldest intake first. `maxAgeMs`: a result this process got that recently will do. */
  list(tenantId: string, opts: Pick<ReadOptions, 'maxAgeMs'> = {}): Promise<Stored<Voucher>[]> {
    return this.repo.query(tenantId, { orderBy: 'c.stateSince ASC', ...opts });
  }

  listByState(
    tenantId: string,
    states: readonly VoucherState[],
    opts: Pick<ReadOptions, 'maxAgeMs'> = {},
  ): Promise<Stored<Voucher>[]> {
    if (states.length === 0) return Promise.resolve([]);
    const names = states.map((_, i) => `@s${i}`);
    return this.repo.query(tenantId, {
      where: `c.state IN (${names.join(', ')})`,
      orderBy: 'c.stateSince ASC',
      parameters: states.map((s, i) => ({ name: names[i] as string, value: s })),
      ...opts,
    });
  }

  /** Vouchers with a deadline, soonest first; `until` keeps those due on or before that day. */
  listByDueDate(tenantId: string, until?: IsoDate): Promise<Stored<Voucher>[]> {
    return this.repo.query(tenantId, {
      where: until ? 'IS_DEFINED(c.dueOn) AND c.dueOn <= @until' : 'IS_DEFINED(c.dueOn)',
      orderBy: 'c.dueOn ASC',
      parameters: until ? [{ name: '@until', value: until }] : [],
    });
  }

  /** Every voucher (any state) with this voucher number, whatever its case (documents stored before numbers
   *  were upper-cased at intake included). */
  findByNumber(tenantId: string, voucherNumber: string): Promise<Stored<Voucher>[]> {
    return this.repo.query(tenantId, {
      where: 'UPPER(c.voucherNumber) = @n',
      parameters: [{ name: '@n', value: voucherNumberKey(voucherNumber) }],
    });
  }

  /** The active voucher with this number, if any (the "same voucher ID not already active" guard). */
  async findActiveByNumber(tenantId: string, voucherNumber: string): Promise<Stored<Voucher> | undefined> {
    const all = await this.findByNumber(tenantId, voucherNumber);
    return all.find((s) => ACTIVE_STATES.includes(s.doc.state));
  }
}
