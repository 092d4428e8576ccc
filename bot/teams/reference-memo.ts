// Which conversation references this process stored recently, so a person's next message in the same
// conversation does not cost a point read only to find the reference unchanged. The key is the whole reference
// draft; entries expire after `ttlMs`, so a reference changed elsewhere (the sender marking it inactive) is
// captured again on the first message after that.
import type { ReferenceDraft } from '../reminders';

export interface ReferenceMemoOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class ReferenceMemo {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ReferenceMemoOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** True when the same reference was stored from this process less than `ttlMs` ago. */
  isFresh(reference: ReferenceDraft): boolean {
    const key = keyOf(reference);
    const until = this.seen.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.seen.delete(key);
    return false;
  }

  remember(reference: ReferenceDraft): void {
    const key = keyOf(reference);
    // Bounded: past maxEntries start over rather than grow (the cost is one point read per conversation).
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.set(key, this.now() + this.ttlMs);
  }

  /** Forget every entry of the activity's conversation (membership changed, app installed or removed). */
  forget(reference: ReferenceDraft): void {
    const prefix = `${JSON.stringify(reference.conversationId)}|`;
    for (const key of this.seen.keys()) if (key.startsWith(prefix)) this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** The conversation first (so `forget` finds its entries), then everything that goes into the stored reference. */
function keyOf(r: ReferenceDraft): string {
  return `${JSON.stringify(r.conversationId)}|${JSON.stringify([
    r.tenantId,
    r.conversationType,
    r.isGroup,
    r.serviceUrl,
    r.channelId,
    r.bot?.id,
    r.bot?.name,
    r.from?.id,
    r.from?.aadObjectId,
    r.from?.name,
    r.teamId,
    r.teamsChannelId,
    r.locale,
    r.timeZone,
    r.removed,
  ])}`;
}
