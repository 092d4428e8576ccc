// Sliding-window rate limits per key ("at most N per T ms", several windows a key), reserved synchronously so
// concurrent sends in one process never overshoot; a key can also be blocked until an instant (Retry-After).

export interface Window {
  max: number;
  ms: number;
}

/** Teams: one bot in one conversation. */
export const CONVERSATION_LIMITS: Window[] = [
  { max: 7, ms: 1000 },
  { max: 8, ms: 2000 },
  { max: 60, ms: 30_000 },
  { max: 1800, ms: 3_600_000 },
];

/** Teams: one bot across a tenant, 50/s. At most 48 a second, 19 ms apart: an even pace cannot bunch up on arrival. */
export const TENANT_LIMITS: Window[] = [
  { max: 48, ms: 1000 },
  { max: 1, ms: 19 },
];

class KeyState {
  stamps: number[] = [];
  blockedUntil = 0;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly horizon: number;

  constructor(
    private readonly windowsFor: (key: string) => readonly Window[],
    private readonly now: () => number = () => Date.now(),
  ) {
    this.horizon = 3_600_000;
  }

  private state(key: string): KeyState {
    let s = this.keys.get(key);
    if (!s) {
      s = new KeyState();
      this.keys.set(key, s);
    }
    return s;
  }

  /** Milliseconds until `key` has room (0 = now). */
  waitFor(key: string, at = this.now()): number {
    const s = this.keys.get(key);
    if (!s) return 0;
    let wait = Math.max(0, s.blockedUntil - at);
    // A send stamped after `at` means the wall clock stepped back (NTP): count it as sent now, or the key
    // would stall for as long as the clock moved.
    for (let i = s.stamps.length - 1; i >= 0 && (s.stamps[i] as number) > at; i--) s.stamps[i] = at;
    const windows = this.windowsFor(key);
    const longest = Math.max(0, ...windows.map((w) => w.ms));
    while (s.stamps.length > 0 && (s.stamps[0] as number) <= at - Math.min(longest, this.horizon))
      s.stamps.shift();
    for (const w of windows) {
      let inside = 0;
      for (let i = s.stamps.length - 1; i >= 0 && (s.stamps[i] as number) > at - w.ms; i--) inside++;
      if (inside >= w.max) {
        const oldestCounted = s.stamps[s.stamps.length - w.max] as number;
        wait = Math.max(wait, oldestCounted + w.ms - at);
      }
    }
    return wait;
  }

  /** Reserves one send on every key if all have room now; otherwise returns how long to wait. */
  tryAcquire(keys: readonly string[]): number {
    const at = this.now();
    let wait = 0;
    for (const k of keys) wait = Math.max(wait, this.waitFor(k, at));
    if (wait > 0) return wait;
    for (const k of keys) this.state(k).stamps.push(at);
    return 0;
  }

  /** No sends on `key` before `until` (epoch ms). Never shortens an existing block. */
  block(key: string, until: number): void {
    const s = this.state(key);
    s.blockedUntil = Math.max(s.blockedUntil, until);
  }

  blockedUntil(key: string): number {
    return this.keys.get(key)?.blockedUntil ?? 0;
  }

  /** Forget idle keys (nothing in their longest window, no block). Call now and then. */
  prune(): void {
    const at = this.now();
    for (const [k, s] of this.keys) {
      if (
        s.blockedUntil <= at &&
        this.waitFor(k, at) === 0 &&
        (s.stamps.length === 0 || (s.stamps.at(-1) as number) <= at - this.horizon)
      ) {
        this.keys.delete(k);
      }
    }
  }

  get size(): number {
    return this.keys.size;
  }
}
