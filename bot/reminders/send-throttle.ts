// Pacing of proactive sends: room in the conversation's and the tenant's rate windows before each send, and
// pauses after Teams answers 429 (the conversation; the whole tenant when 429s are frequent across it).
import { CONVERSATION_LIMITS, RateLimiter, TENANT_LIMITS, type Window } from './limiter';

/** The rate-limiter keys one send counts against. */
export interface ThrottleKeys {
  conversation: string;
  tenant: string;
}

export interface SendThrottleOptions {
  conversationLimits?: Window[];
  tenantLimits?: Window[];
  /** Fraction of the tenant budget this instance may use (1 / number of instances). */
  tenantShare?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** A share of a tenant budget: fewer sends per window, and proportionally wider gaps for a pacing window. */
export function sharedWindows(limits: readonly Window[], share: number): Window[] {
  return limits.map((w) =>
    w.max === 1
      ? { ms: Math.ceil(w.ms / share), max: 1 }
      : { ms: w.ms, max: Math.max(1, Math.floor(w.max * share)) },
  );
}

/** Recent answers per tenant, to tell tenant-wide throttling from one conversation's bad luck. */
class TenantThrottleDetector {
  private readonly recent = new Map<string, { at: number; throttled: boolean }[]>();
  constructor(private readonly spanMs = 2000) {}

  /** Records an answer; true when it is a 429 and 429s are frequent across the tenant. */
  record(tenantId: string, at: number, throttled: boolean): boolean {
    const list = this.recent.get(tenantId) ?? [];
    list.push({ at, throttled });
    while (list.length > 0 && (list[0]?.at ?? at) < at - this.spanMs) list.shift();
    this.recent.set(tenantId, list);
    const count = list.filter((r) => r.throttled).length;
    return throttled && count >= 3 && count >= list.length * 0.25;
  }
}

export class SendThrottle {
  private readonly limiter: RateLimiter;
  private readonly detector = new TenantThrottleDetector();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private sleeping = 0;

  constructor(options: SendThrottleOptions) {
    this.now = options.now;
    this.sleep = options.sleep;
    const share = Math.min(1, Math.max(0.01, options.tenantShare ?? 1));
    const tenantLimits = sharedWindows(options.tenantLimits ?? TENANT_LIMITS, share);
    const conversationLimits = options.conversationLimits ?? CONVERSATION_LIMITS;
    this.limiter = new RateLimiter(
      (key) => (key.startsWith('t|') ? tenantLimits : conversationLimits),
      this.now,
    );
  }

  keys(tenantId: string, conversation: { serviceUrl: string; conversationId: string }): ThrottleKeys {
    return {
      conversation: `c|${conversation.serviceUrl}|${conversation.conversationId}`,
      tenant: `t|${tenantId}`,
    };
  }

  /** Milliseconds until the tenant's window has room (0 = now): the sender starts only tenants that can send. */
  tenantWait(tenantId: string): number {
    return this.limiter.waitFor(`t|${tenantId}`);
  }

  /** Milliseconds until both keys have room (0 = now). */
  roomIn(keys: ThrottleKeys): number {
    return Math.max(this.limiter.waitFor(keys.conversation), this.limiter.waitFor(keys.tenant));
  }

  /** Sends sleeping for room in a window (tests use it to know when only the clock can help). */
  get waiting(): number {
    return this.sleeping;
  }

  /** Sleeps until both keys have room; false when `stopped()` holds while there is none. */
  async waitForRoom(keys: ThrottleKeys, stopped: () => boolean): Promise<boolean> {
    const both = [keys.conversation, keys.tenant];
    for (;;) {
      const wait = Math.max(...both.map((k) => this.limiter.waitFor(k)));
      if (wait === 0) return true;
      if (stopped()) return false;
      await this.sleepFor(wait);
    }
  }

  /** Takes a slot on both keys, sleeping until there is room (a claimed entry does not give up). */
  async reserve(keys: ThrottleKeys): Promise<void> {
    for (;;) {
      const wait = this.limiter.tryAcquire([keys.conversation, keys.tenant]);
      if (wait === 0) return;
      await this.sleepFor(wait);
    }
  }

  /** The connector answered without a 429. */
  recordAnswered(tenantId: string, at = this.now()): void {
    this.detector.record(tenantId, at, false);
  }

  /**
   * The connector answered 429: the conversation pauses for `delayMs`, and the whole tenant too when 429s are
   * frequent across it. True when the tenant was paused.
   */
  recordThrottled(keys: ThrottleKeys, tenantId: string, at: number, delayMs: number): boolean {
    this.limiter.block(keys.conversation, at + delayMs);
    if (!this.detector.record(tenantId, at, true)) return false;
    this.limiter.block(keys.tenant, at + delayMs);
    return true;
  }

  private async sleepFor(ms: number): Promise<void> {
    this.sleeping++;
    try {
      await this.sleep(ms);
    } finally {
      this.sleeping--;
    }
  }
}
