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
export {
  BACKGROUND_STORE_TIMEOUT_MS,
  DEFAULT_STORE_TIMEOUT_MS,
  StoreUnavailable,
  unavailableFrom,
  withinBudget,
  withStoreBudget,
  type StoreOutcome,
} from './budget';
export { Repository, type ChangeMarker, type RepositoryOptions } from './repository';
export { CONTAINERS, type Connection, type ContainerName, type CosmosSettings } from './cosmos';
export { openStore, storeOver, type Repositories, type Store, type StoreRepositories } from './store';
export { ReadPolicy } from './read-policy';
export { OrganizationRepository, type OrganizationChange } from './organizations';
export { PersonSettingsRepository, ROSTER_MAX_AGE_MS, withSettings } from './people';
export { DOCUMENT_ID_PATTERN, MAX_PAGE_WINDOW, VoucherRepository, type Page } from './vouchers';
export { WriteObservers, type WriteObserver, type WrittenDocument } from './write-observers';
export { SUMMARY_SHARDS, SUMMARY_VERSION, type VoucherSummary } from './summaries';
export { deepFreeze, DocumentCache } from './cache';
export type { KeepDocument, TenantData, TenantDocuments } from './tenant-data';
export { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded';
export { Readiness, type ReadinessOptions } from './readiness';
