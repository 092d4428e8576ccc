// The repositories the bot works with, over the store's containers. Every read is a point read or a
// single-partition query scoped by the caller's tenant.
import { Voucher } from '../program';
import { OrganizationRepository, Repository, VoucherRepository, type Store } from '../store';

export interface Repos {
  organizations: OrganizationRepository;
  vouchers: VoucherRepository;
  /** Targeted single-partition voucher queries the voucher repository has no method for. */
  voucherQueries: Repository<Voucher>;
}

export function createRepos(store: Pick<Store, 'containers'>): Repos {
  return {
    organizations: new OrganizationRepository(store.containers.organizations),
    vouchers: new VoucherRepository(store.containers.vouchers),
    voucherQueries: new Repository(store.containers.vouchers, Voucher, 'voucher'),
  };
}
