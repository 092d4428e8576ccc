// Retention: the data of a tenant inactive for longer than TENANT_RETENTION_DAYS is deleted (0 = kept).
import type { Logger } from '../logger';
import type { TenantDataService } from './data';
import type { TenantRegistry } from './registry';

export interface RetentionDeps {
  registry: TenantRegistry;
  data: TenantDataService;
  /** Days an inactive tenant's data is kept; 0 = kept for ever. */
  days: number;
  now: () => Date;
  logger?: Logger;
}

const DAY_MS = 86_400_000;
/** Retention is measured in days: a run every few hours is on time. */
const INTERVAL_MS = 6 * 3_600_000;
/** The first run waits a minute: start-up (and a stop right after it) is not slowed by a cross-partition query. */
const FIRST_RUN_MS = 60_000;

export class RetentionJob {
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<string[]> | undefined;

  constructor(private readonly deps: RetentionDeps) {}

  /** Runs in a minute and then every few hours (nothing when retention is 0). */
  start(): void {
    if (this.deps.days === 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), INTERVAL_MS);
    this.timer.unref?.();
    this.first = setTimeout(() => void this.runOnce(), FIRST_RUN_MS);
    this.first.unref?.();
  }

  async stop(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Deletes the data of every tenant inactive for longer than the retention; the tenants it deleted. */
  runOnce(): Promise<string[]> {
    this.running ??= this.purge().finally(() => (this.running = undefined));
    return this.running;
  }

  private async purge(): Promise<string[]> {
    const { days, registry, data, logger } = this.deps;
    if (days === 0) return [];
    const cutoff = this.deps.now().getTime() - days * DAY_MS;
    const purged: string[] = [];
    try {
      // Only the tenants past the retention are listed: a run reads what it purges, not every inactive tenant.
      for (const { tenantId } of await registry.inactive(new Date(cutoff).toISOString())) {
        // Reactivated since it was listed (someone reinstalled the app): its data stays.
        if ((await registry.status(tenantId))?.doc.state !== 'inactive') continue;
        await data.erase(tenantId, 'system:retention', 'retention');
        purged.push(tenantId);
      }
    } catch (err) {
      logger?.error({ err }, 'tenant retention run failed');
    }
    return purged;
  }
}
