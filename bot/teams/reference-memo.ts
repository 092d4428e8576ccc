// Which conversation references this process stored recently, so a person's next message in the same
// conversation does not cost another point read (~2 ms CPU in the Cosmos SDK) only to find the reference
// unchanged. The key is everything from the activity that ends up in the stored reference (service URL,
// bot, conversation, person, team/channel, locale and time zone): when any of it changes, the reference is
// captured again. Entries expire after `ttlMs`, so a reference another part of the app changed (the
// reminder sender marking it inactive, say) is captured again on the first message after that. Install,
// uninstall and membership events always capture (and forget the conversation's entries).
import type { Activity } from 'botbuilder';
import { clientInfo } from '../reminders/references';

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
  isFresh(activity: Partial<Activity>): boolean {
    const key = keyOf(activity);
    const until = key ? this.seen.get(key) : undefined;
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.seen.delete(key as string);
    return false;
  }

  remember(activity: Partial<Activity>): void {
    const key = keyOf(activity);
    if (!key) return;
    // Bounded: past maxEntries start over rather than grow (the cost is one point read per conversation).
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.set(key, this.now() + this.ttlMs);
  }

  /** Forget every entry of the activity's conversation (membership changed, app installed or removed). */
  forget(activity: Partial<Activity>): void {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    const prefix = `${JSON.stringify(conversationId)}|`;
    for (const key of this.seen.keys()) if (key.startsWith(prefix)) this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}

function keyOf(activity: Partial<Activity>): string | undefined {
  const conversationId = activity.conversation?.id;
  if (!conversationId) return undefined;
  const cd = activity.channelData as
    { tenant?: { id?: unknown }; team?: { id?: unknown }; channel?: { id?: unknown } } | undefined;
  const info = clientInfo(activity);
  return `${JSON.stringify(conversationId)}|${JSON.stringify([
    cd?.tenant?.id,
    activity.conversation?.tenantId,
    activity.conversation?.conversationType,
    activity.conversation?.isGroup,
    activity.serviceUrl,
    activity.channelId,
    activity.recipient?.id,
    activity.recipient?.name,
    activity.from?.id,
    activity.from?.aadObjectId,
    activity.from?.name,
    cd?.team?.id,
    cd?.channel?.id,
    info.locale,
    info.timeZone,
  ])}`;
}
