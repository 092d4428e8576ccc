export { AlreadyExists, ConcurrencyConflict, CorruptDocument, NotFound, StoreError } from './errors';
export {
  Repository,
  type ChangeMarker,
  type ReadOptions,
  type Stored,
  type QuerySpec,
  type TenantDocument,
} from './repository';
export { CONTAINERS, openStore, type Store, type ContainerName, type CosmosSettings } from './cosmos';
export { OrganizationRepository, TenantMismatch } from './organizations';
export { VoucherRepository } from './vouchers';
export { deepFreeze } from './cache';
