// A tenant's life: active while the app is installed somewhere in it; inactive once it is removed from the
// tenant's last conversation (no reminders, no scans); active again, with its data, on any new contact.
import type { Logger } from '../logger';
import type { TenantRegistry } from './registry';

/** Told of lifecycle changes (the scheduler drops or picks up a tenant's due work). Each call is awaited. */
export interface TenantLifecycleHooks {
  deactivated?(tenantId: string): Promise<void> | void;
  reactivated?(tenantId: string): Promise<void> | void;
  deleted?(tenantId: string): Promise<void> | void;
}

export interface TenantLifecycleDeps {
  registry: TenantRegistry;
  /** Whether the app is still in at least one of the tenant's conversations (an active reference). */
  hasActiveConversation(tenantId: string): Promise<boolean>;
  now: () => Date;
  hooks?: TenantLifecycleHooks;
  logger?: Logger;
}

/**
 * How old this instance's copy of a tenant's status may be when a turn only needs to know it is active: one
 * point read per tenant and minute at most. A reinstall always reads the current status.
 */
const SEEN_CACHE_MS = 60_000;

export class TenantLifecycle {
  constructor(private readonly deps: TenantLifecycleDeps) {}

  /**
   * A turn from the tenant (a message, a card action, an install): the tenant is active. `installed`: the app
   * was just added, so the current status is read rather than a recent copy.
   */
  async seen(tenantId: string, installed = false): Promise<void> {
    const now = this.deps.now();
    const known = await this.deps.registry.status(tenantId, installed ? undefined : SEEN_CACHE_MS);
    const today = now.toISOString().slice(0, 10);
    if (known?.doc.state === 'active' && known.doc.lastSeen.slice(0, 10) === today) return;
    const change = await this.deps.registry.set(tenantId, 'active', now, true);
    if (change.before === 'inactive') {
      this.deps.logger?.info({ tenantId }, 'tenant reactivated');
      await this.deps.hooks?.reactivated?.(tenantId);
    }
  }

  /** The app left one of the tenant's conversations: if it was the last, the tenant becomes inactive. */
  async conversationLeft(tenantId: string): Promise<boolean> {
    if (await this.deps.hasActiveConversation(tenantId)) return false;
    const change = await this.deps.registry.set(tenantId, 'inactive', this.deps.now(), false);
    if (change.before === 'inactive') return false;
    this.deps.logger?.info({ tenantId }, 'tenant inactive: the app left its last conversation');
    await this.deps.hooks?.deactivated?.(tenantId);
    return true;
  }

  /** The tenants inactive now (the due index's start-up backfill gives them an inactive entry). */
  async inactiveTenants(): Promise<Set<string>> {
    return new Set((await this.deps.registry.inactive()).map((t) => t.tenantId));
  }

  /** False only for a tenant marked inactive (a tenant without status is one from before the lifecycle). */
  async isActive(tenantId: string): Promise<boolean> {
    return (await this.deps.registry.status(tenantId))?.doc.state !== 'inactive';
  }

  get hooks(): TenantLifecycleHooks {
    return this.deps.hooks ?? {};
  }
}
