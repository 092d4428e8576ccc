// The organisation's data as a whole: exported (every document of the tenant in every container, plus the
// vouchers CSV) and deleted (every document, then a tombstone without business data). Only a Global admin may
// ask; the retention job deletes as `system:retention`.
import { checkRole, GLOBAL_ADMIN_ONLY, refusal, type Organization, type Refusal } from '../program';
import type { Logger } from '../logger';
import type { Store, TenantDocuments } from '../store';
import { isTombstone, type TombstoneDoc } from './documents';
import type { TenantLifecycle } from './lifecycle';
import type { TenantRegistry } from './registry';

export const EXPORT_FORMAT = 'planning-services-companion/tenant-export';

/** One JSON document set: every container's documents of the tenant, and the vouchers as the tab's CSV. */
export interface TenantExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  tenantId: string;
  exportedAt: string;
  containers: TenantDocuments;
  vouchersCsv: string;
}

export interface TenantDataDeps {
  store: Pick<Store, 'tenantData'>;
  registry: TenantRegistry;
  lifecycle: TenantLifecycle;
  /** The tenant's vouchers as the tab's CSV (the tab API's one CSV writer). */
  vouchersCsv(tenantId: string): Promise<string>;
  /** The tenant's organisation as it is now (roles decide who may export or delete). */
  organization(tenantId: string): Promise<Organization | undefined>;
  now: () => Date;
  logger?: Logger;
}

export type TenantCommand = 'tenant.export' | 'tenant.delete';

/** Undefined for a Global admin; otherwise the refusal naming the role (the domain's role check). */
export function tenantDataRefusal(
  org: Organization | undefined,
  userId: string,
  command: TenantCommand,
): Refusal | undefined {
  if (!org)
    return refusal('role.required', {
      command,
      requiredRoles: ['globalAdmin'],
      holders: [],
      holderNames: [],
    });
  return checkRole(org, { kind: 'user', userId }, { command, ...GLOBAL_ADMIN_ONLY });
}

/** A person's request: done, or refused naming the role it needs. */
export type Requested<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export class TenantDataService {
  constructor(private readonly deps: TenantDataDeps) {}

  /** Export for a person: a Global admin only (the bot's verb and the tab's route both come here). */
  async exportFor(tenantId: string, userId: string): Promise<Requested<TenantExport>> {
    const refused = tenantDataRefusal(await this.deps.organization(tenantId), userId, 'tenant.export');
    return refused ? { ok: false, refusal: refused } : { ok: true, value: await this.exportData(tenantId) };
  }

  /** Deletion for a person: a Global admin only; the tombstone names them. */
  async eraseFor(tenantId: string, userId: string): Promise<Requested<TombstoneDoc>> {
    const refused = tenantDataRefusal(await this.deps.organization(tenantId), userId, 'tenant.delete');
    if (refused) return { ok: false, refusal: refused };
    return { ok: true, value: await this.erase(tenantId, userId, 'request') };
  }

  async exportData(tenantId: string): Promise<TenantExport> {
    const containers = await this.deps.store.tenantData.list(tenantId);
    return {
      format: EXPORT_FORMAT,
      version: 1,
      tenantId,
      exportedAt: this.deps.now().toISOString(),
      containers,
      vouchersCsv: await this.deps.vouchersCsv(tenantId),
    };
  }

  /**
   * Removes every document of the tenant (earlier tombstones stay), then records a tombstone. The tenant is
   * marked inactive first, so no scan starts on it while its documents go.
   */
  async erase(tenantId: string, by: string, reason: TombstoneDoc['reason']): Promise<TombstoneDoc> {
    const { registry, lifecycle, logger } = this.deps;
    await registry.set(tenantId, 'inactive', this.deps.now(), false);
    await lifecycle.hooks.deactivated?.(tenantId);
    const removed = await this.deps.store.tenantData.remove(
      tenantId,
      (container, doc) => container === 'tenants' && isTombstone(doc),
    );
    const tombstone = await registry.tombstone(tenantId, by, reason, this.deps.now());
    logger?.info({ tenantId, by, reason, removed }, 'tenant data deleted');
    await lifecycle.hooks.deleted?.(tenantId);
    return tombstone;
  }
}
