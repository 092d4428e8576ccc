// What a ReminderSender is built from, and the defaults of its limits, timeouts and retries.
import type { Logger } from '../logger';
import type { BusinessHours } from './business-hours';
import type { Ledger } from './ledger';
import type { Window } from './limiter';
import type { ProactiveAdapter } from './proactive-post';
import type { ReferenceStore } from './references';
import type { RenderFn, RetryPolicy } from './send-attempt';

export interface SenderOptions {
  adapter: ProactiveAdapter;
  /** The bot's app id; empty in anonymous local mode. */
  botAppId: string;
  ledger: Ledger;
  references: ReferenceStore;
  render: RenderFn;
  businessHours: BusinessHours;
  logger?: Logger;
  /** Identifies this instance in claims. */
  owner?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  concurrency?: number;
  leaseMs?: number;
  sendTimeoutMs?: number;
  /** Attempts for 412/5xx/network failures before giving up. */
  maxAttempts?: number;
  /** Attempts for 429s before giving up. */
  maxThrottledAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long to wait before looking again at an entry whose recipient cannot be reached. */
  blockedRecheckMs?: number;
  defaultLocale?: string;
  conversationLimits?: Window[];
  tenantLimits?: Window[];
  /** Fraction of the tenant budget this instance may use (1 / number of instances). */
  tenantShare?: number;
}

/** The options with every default filled in. */
export interface SenderSettings {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  concurrency: number;
  blockedRecheckMs: number;
  defaultLocale: string;
  retry: RetryPolicy;
}

export function senderSettings(options: SenderOptions): SenderSettings {
  return {
    now: options.now ?? (() => Date.now()),
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    random: options.random ?? Math.random,
    concurrency: options.concurrency ?? 16,
    blockedRecheckMs: options.blockedRecheckMs ?? 3_600_000,
    defaultLocale: options.defaultLocale ?? 'en',
    retry: {
      // Far longer than the send timeout, so a live sender never loses a claim to another one.
      leaseMs: options.leaseMs ?? 120_000,
      sendTimeoutMs: options.sendTimeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 6,
      maxThrottledAttempts: options.maxThrottledAttempts ?? 12,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 300_000,
    },
  };
}
