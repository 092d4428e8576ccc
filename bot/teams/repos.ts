// The repositories the bot works with. Built over the store's containers; every read is a point read or a
// single-partition query scoped by the caller's tenant.
import { Organization, Voucher } from '../program/model';
import { Repository, type Store } from '../store';

export interface Repos {
  organizations: Repository<Organization>;
  vouchers: Repository<Voucher>;
}

export function createRepos(store: Pick<Store, 'containers'>): Repos {
  return {
    organizations: new Repository(store.containers.organizations, Organization, 'organization'),
    vouchers: new Repository(store.containers.vouchers, Voucher, 'voucher'),
  };
}
