// What the `tenants` container holds, partitioned by tenant: one status document per tenant and a tombstone
// per deletion. Neither carries business data: a tombstone says only which tenant, when, by whom and why.
import { z } from 'zod';

export const TENANT_STATUS_ID = 'tenant';

export const TenantState = z.enum(['active', 'inactive']);
export type TenantState = z.infer<typeof TenantState>;

export const TenantStatusDoc = z.object({
  id: z.literal(TENANT_STATUS_ID),
  tenantId: z.string().min(1),
  type: z.literal('tenantStatus'),
  schemaVersion: z.literal(1),
  state: TenantState,
  /** When the tenant entered this state (ISO instant). */
  since: z.string(),
  /** The last turn from the tenant, to the day (written at most once a day). */
  lastSeen: z.string(),
});
export type TenantStatusDoc = z.infer<typeof TenantStatusDoc>;

export const TombstoneDoc = z.object({
  id: z.string().regex(/^tombstone-/),
  tenantId: z.string().min(1),
  type: z.literal('tombstone'),
  schemaVersion: z.literal(1),
  deletedAt: z.string(),
  /** The Global admin's Entra object id, or `system:retention`. */
  deletedBy: z.string().min(1).max(128),
  reason: z.enum(['request', 'retention']),
});
export type TombstoneDoc = z.infer<typeof TombstoneDoc>;

export const TenantsContainerDoc = z.discriminatedUnion('type', [TenantStatusDoc, TombstoneDoc]);
export type TenantsContainerDoc = z.infer<typeof TenantsContainerDoc>;

export const tombstoneId = (at: Date): string => `tombstone-${at.toISOString()}`;
export const isTombstone = (doc: { id?: unknown }): boolean =>
  typeof doc.id === 'string' && doc.id.startsWith('tombstone-');
