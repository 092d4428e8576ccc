// Tenant lifecycle as the rest of the app sees it: status, lifecycle hooks, export, deletion, retention.
export { TenantRegistry } from './registry';
export { TenantLifecycle, type TenantLifecycleDeps, type TenantLifecycleHooks } from './lifecycle';
export {
  EXPORT_FORMAT,
  TenantDataService,
  tenantDataRefusal,
  type TenantCommand,
  type Requested,
  type TenantExport,
} from './data';
export { RetentionJob } from './retention';
export { isTombstone, type TenantStatusDoc, type TombstoneDoc } from './documents';
