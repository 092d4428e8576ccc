// The sender's waiting entries, one line per tenant, served in turn: when many tenants are due at once, a worker
// takes the next tenant that can send now instead of waiting behind one tenant's rate limit.
import type { Stored } from '../store';
import type { LedgerEntry } from './ledger';

export interface QueueItem {
  tenantId: string;
  id: string;
  at: number;
  /** The version the caller just read (saves a read; a stale one only makes the ETag claim fail). */
  entry?: Stored<LedgerEntry>;
}

export class FairQueue {
  /** Per tenant, its items soonest first. */
  private readonly lines = new Map<string, QueueItem[]>();
  /** Tenants in the order they are served; `cursor` is the next to be asked. */
  private order: string[] = [];
  private cursor = 0;
  private count = 0;
  /** How many times each id waits (an id is normally queued once). */
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.count;
  }

  push(item: QueueItem): void {
    let line = this.lines.get(item.tenantId);
    if (!line) {
      line = [];
      this.lines.set(item.tenantId, line);
      this.order.push(item.tenantId);
    }
    // Mostly appended in time order: walk back from the end.
    let i = line.length;
    while (i > 0 && (line[i - 1] as QueueItem).at > item.at) i--;
    line.splice(i, 0, item);
    this.count++;
    this.ids.set(item.id, (this.ids.get(item.id) ?? 0) + 1);
  }

  /**
   * The next item to start: due at `now`, from the first tenant after the last one served that `canStart`.
   * Undefined when no tenant has an item it may start now.
   */
  take(now: number, canStart: (tenantId: string) => boolean): QueueItem | undefined {
    const n = this.order.length;
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      const tenantId = this.order[i] as string;
      const line = this.lines.get(tenantId) as QueueItem[];
      if ((line[0] as QueueItem).at > now || !canStart(tenantId)) continue;
      const item = line.shift() as QueueItem;
      this.count--;
      const left = (this.ids.get(item.id) ?? 1) - 1;
      if (left > 0) this.ids.set(item.id, left);
      else this.ids.delete(item.id);
      if (line.length === 0) {
        this.lines.delete(tenantId);
        this.order.splice(i, 1);
        this.cursor = n > 1 ? i % (n - 1) : 0;
      } else this.cursor = (i + 1) % n;
      return item;
    }
    return undefined;
  }

  /** The earliest instant a waiting item becomes due, no earlier than its tenant's `waitMs(tenant)` from `now`. */
  nextAt(now: number, waitMs: (tenantId: string) => number): number | undefined {
    let next: number | undefined;
    for (const [tenantId, line] of this.lines) {
      const at = Math.max((line[0] as QueueItem).at, now + waitMs(tenantId));
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** True when an item is due by `at`. */
  anyDueBy(at: number): boolean {
    for (const line of this.lines.values()) if ((line[0] as QueueItem).at <= at) return true;
    return false;
  }

  clear(): void {
    this.lines.clear();
    this.order = [];
    this.cursor = 0;
    this.count = 0;
    this.ids.clear();
  }
}
