// /readyz's view of the database: a ping with its own short timeout, shared by concurrent probes and kept for a
// moment, so a load balancer probing often never piles requests onto a database that does not answer.

export interface ReadinessOptions {
  /** Pings the database within the given time; true when it answered. */
  ping: (timeoutMs: number) => Promise<boolean>;
  /** READY_TIMEOUT_MS: a probe answers within about this long. */
  timeoutMs: number;
  /** READY_CACHE_MS: a result this recent is reused (0 = every probe pings, concurrent ones still share). */
  cacheMs: number;
  now?: () => number;
}

export class Readiness {
  private last: { ok: boolean; at: number } | undefined;
  private pending: Promise<boolean> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ReadinessOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** True when the database answered a recent ping. */
  check(): Promise<boolean> {
    const { last } = this;
    if (last && this.now() - last.at < this.options.cacheMs) return Promise.resolve(last.ok);
    this.pending ??= this.options
      .ping(this.options.timeoutMs)
      .catch(() => false)
      .then((ok) => {
        this.last = { ok, at: this.now() };
        return ok;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
