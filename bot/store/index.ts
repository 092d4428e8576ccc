// The store's public surface: openStore builds every repository once; each read policy gets its own, over the same caches.
export {
  AlreadyExists,
  ConcurrencyConflict,
  CorruptDocument,
  NotFound,
  StoreError,
  TenantMismatch,
} from './errors';
export type { Stored, TenantDocument } from './documents';
export { Repository, type ChangeMarker, type RepositoryOptions } from './repository';
export { CONTAINERS, type Connection, type ContainerName, type CosmosSettings } from './cosmos';
export { openStore, storeOver, type Repositories, type Store, type StoreRepositories } from './store';
export { ReadPolicy } from './read-policy';
export { OrganizationRepository, type OrganizationChange } from './organizations';
export { PersonSettingsRepository, ROSTER_MAX_AGE_MS, withSettings } from './people';
export { DOCUMENT_ID_PATTERN, VoucherRepository } from './vouchers';
export { deepFreeze, DocumentCache } from './cache';
export { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded';
