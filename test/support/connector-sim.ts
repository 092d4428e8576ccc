// A local Bot Connector (the service Teams runs behind `serviceUrl`) for tests and benchmarks.
// It records every request and every delivered activity per conversation, enforces the Teams bot rate
// limits with 429 + Retry-After, and fails requests on demand (queued per conversation, permanently per
// conversation, or at random rates from a seeded generator so runs are repeatable).
// The same seeded generator the demo seed uses: picks which requests fail, repeatably.
import { rng as seeded } from '../../bot/dev/random';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  conversationId?: string;
  tenantId?: string;
  status: number;
  /** Why the simulator answered as it did: 'ok', 'limit', 'injected', 'rate', 'not-found'. */
  cause: string;
}

export interface DeliveredActivity {
  id: string;
  conversationId: string;
  replyToId?: string;
  at: number;
  activity: Record<string, unknown>;
  /** Later versions written by PUT (updateActivity). */
  updates: Record<string, unknown>[];
}

export interface InjectedFailure {
  status: number;
  /** Seconds for the Retry-After header (omit for none). */
  retryAfter?: number;
}

export interface RandomFailures {
  /** Fraction of otherwise-accepted sends answered 429. */
  throttle?: number;
  /** Retry-After seconds sent with random 429s; omit for none. */
  throttleRetryAfter?: number;
  /** Fraction answered with a 5xx from `serverErrorStatuses`. */
  serverError?: number;
  serverErrorStatuses?: number[];
  /** Seed for the generator (default 1). */
  seed?: number;
}

/** One sliding window: at most `max` accepted sends per `ms`. */
export interface Window {
  max: number;
  ms: number;
}

/** The documented Teams limits for one bot in one conversation. */
export const TEAMS_CONVERSATION_WINDOWS: Window[] = [
  { max: 7, ms: 1000 },
  { max: 8, ms: 2000 },
  { max: 60, ms: 30_000 },
  { max: 1800, ms: 3_600_000 },
];
/** The per-tenant limit for one bot across all its conversations. */
export const TEAMS_TENANT_WINDOWS: Window[] = [{ max: 50, ms: 1000 }];

export interface ConnectorSimOptions {
  /** Time source; defaults to Date.now (sinon fake timers fake it too). */
  now?: () => number;
  enforceLimits?: boolean;
  conversationWindows?: Window[];
  tenantWindows?: Window[];
  random?: RandomFailures;
}

export interface ConnectorSim {
  /** Base URL to use as a reference's serviceUrl, e.g. http://127.0.0.1:34567/ */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Activities accepted for a conversation, in arrival order. */
  activities(conversationId: string): DeliveredActivity[];
  /** Every accepted activity across conversations. */
  allActivities(): DeliveredActivity[];
  /** Conversation ids that received at least one activity. */
  conversations(): string[];
  /** Requests for one conversation (or all). */
  requestCount(conversationId?: string): number;
  /** Queue failures answered to the next requests for a conversation, in order. */
  failNext(conversationId: string, ...failures: InjectedFailure[]): void;
  /** Answer every request for a conversation with this status until cleared (e.g. 403 after uninstall). */
  failAlways(conversationId: string, status: number | undefined): void;
  setRandomFailures(random: RandomFailures | undefined): void;
  setEnforceLimits(on: boolean): void;
  /** Conversations created through POST /v3/conversations. */
  readonly created: { id: string; body: Record<string, unknown> }[];
  reset(): void;
  close(): Promise<void>;
}

class SlidingWindows {
  private readonly stamps = new Map<string, number[]>();
  constructor(private readonly windows: Window[]) {}

  private longest(): number {
    return Math.max(0, ...this.windows.map((w) => w.ms));
  }

  /** Milliseconds until one more send is allowed for `key` (0 = now). */
  waitFor(key: string, now: number): number {
    const list = this.stamps.get(key);
    if (!list) return 0;
    const horizon = now - this.longest();
    while (list.length > 0 && (list[0] as number) <= horizon) list.shift();
    let wait = 0;
    for (const w of this.windows) {
      // Count sends inside (now - w.ms, now]; if full, the oldest of the last `max` must leave the window.
      const inside = list.filter((t) => t > now - w.ms);
      if (inside.length >= w.max) {
        const oldest = inside[inside.length - w.max] as number;
        wait = Math.max(wait, oldest + w.ms - now + 1);
      }
    }
    return wait;
  }

  record(key: string, now: number): void {
    const list = this.stamps.get(key) ?? [];
    list.push(now);
    this.stamps.set(key, list);
  }

  clear(): void {
    this.stamps.clear();
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function tenantOf(body: Record<string, unknown>): string | undefined {
  const conv = body.conversation as { tenantId?: unknown } | undefined;
  if (typeof conv?.tenantId === 'string') return conv.tenantId;
  const cd = body.channelData as { tenant?: { id?: unknown } } | undefined;
  if (typeof cd?.tenant?.id === 'string') return cd.tenant.id;
  return undefined;
}

export async function startConnectorSim(options: ConnectorSimOptions = {}): Promise<ConnectorSim> {
  const now = options.now ?? (() => Date.now());
  let enforce = options.enforceLimits ?? true;
  const convLimits = new SlidingWindows(options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS);
  const tenantLimits = new SlidingWindows(options.tenantWindows ?? TEAMS_TENANT_WINDOWS);
  let random = options.random;
  let rng = seeded(random?.seed ?? 1);
  const requests: RecordedRequest[] = [];
  const delivered = new Map<string, DeliveredActivity[]>();
  const byId = new Map<string, DeliveredActivity>();
  const queued = new Map<string, InjectedFailure[]>();
  const always = new Map<string, number>();
  const created: { id: string; body: Record<string, unknown> }[] = [];
  let seq = 0;
  let nextId = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };

  const errorBody = (status: number, message: string) => ({ error: { code: String(status), message } });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sim');
    const parts = url.pathname
      .split('/')
      .filter((p) => p.length > 0)
      .map(decodeURIComponent);
    const body = await readBody(req);
    const at = now();
    const record = (status: number, cause: string, conversationId?: string, tenantId?: string) => {
      requests.push({ seq: ++seq, at, method, path: url.pathname, conversationId, tenantId, status, cause });
    };

    // POST /v3/conversations — create a conversation (proactive 1:1 with a user).
    if (parts.length === 2 && parts[0] === 'v3' && parts[1] === 'conversations' && method === 'POST') {
      const id = `a:sim-created-${created.length + 1}`;
      created.push({ id, body });
      record(201, 'ok', id, tenantOf(body));
      send(res, 201, { id });
      return;
    }

    // /v3/conversations/{id}/activities[/{activityId}]
    const isActivities =
      parts.length >= 4 && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities';
    if (!isActivities || parts.length > 5 || (method !== 'POST' && method !== 'PUT')) {
      record(404, 'not-found');
      send(res, 404, errorBody(404, 'no such route'));
      return;
    }
    const conversationId = parts[2] as string;
    const activityId = parts[4];
    const tenantId = tenantOf(body) ?? 'unknown-tenant';

    const permanent = always.get(conversationId);
    if (permanent !== undefined) {
      record(permanent, 'injected', conversationId, tenantId);
      send(res, permanent, errorBody(permanent, 'injected failure'));
      return;
    }
    const q = queued.get(conversationId);
    const injected = q?.shift();
    if (injected) {
      record(injected.status, 'injected', conversationId, tenantId);
      const headers: Record<string, string> =
        injected.retryAfter !== undefined ? { 'retry-after': String(injected.retryAfter) } : {};
      send(res, injected.status, errorBody(injected.status, 'injected failure'), headers);
      return;
    }

    if (enforce) {
      const wait = Math.max(convLimits.waitFor(conversationId, at), tenantLimits.waitFor(tenantId, at));
      if (wait > 0) {
        record(429, 'limit', conversationId, tenantId);
        send(res, 429, errorBody(429, 'too many requests'), {
          'retry-after': String(Math.max(1, Math.ceil(wait / 1000))),
        });
        return;
      }
    }

    if (random) {
      const r = rng();
      const throttle = random.throttle ?? 0;
      const server = random.serverError ?? 0;
      if (r < throttle) {
        record(429, 'rate', conversationId, tenantId);
        const headers: Record<string, string> =
          random.throttleRetryAfter !== undefined ? { 'retry-after': String(random.throttleRetryAfter) } : {};
        send(res, 429, errorBody(429, 'too many requests'), headers);
        return;
      }
      if (r < throttle + server) {
        const statuses = random.serverErrorStatuses ?? [500, 502, 503, 504];
        const status = statuses[Math.floor(rng() * statuses.length)] ?? 500;
        record(status, 'rate', conversationId, tenantId);
        send(res, status, errorBody(status, 'random failure'));
        return;
      }
    }

    convLimits.record(conversationId, at);
    tenantLimits.record(tenantId, at);

    if (method === 'PUT') {
      const existing = activityId ? byId.get(activityId) : undefined;
      if (!existing || existing.conversationId !== conversationId) {
        record(404, 'not-found', conversationId, tenantId);
        send(res, 404, errorBody(404, 'no such activity'));
        return;
      }
      existing.updates.push(body);
      record(200, 'ok', conversationId, tenantId);
      send(res, 200, { id: existing.id });
      return;
    }

    const id = `sim-${++nextId}`;
    const entry: DeliveredActivity = {
      id,
      conversationId,
      replyToId: activityId,
      at,
      activity: body,
      updates: [],
    };
    const list = delivered.get(conversationId) ?? [];
    list.push(entry);
    delivered.set(conversationId, list);
    byId.set(id, entry);
    record(201, 'ok', conversationId, tenantId);
    send(res, 201, { id });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(500, String(err)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    created,
    activities: (conversationId) => [...(delivered.get(conversationId) ?? [])],
    allActivities: () => [...delivered.values()].flat(),
    conversations: () => [...delivered.keys()],
    requestCount: (conversationId) =>
      conversationId === undefined
        ? requests.length
        : requests.filter((r) => r.conversationId === conversationId).length,
    failNext(conversationId, ...failures) {
      queued.set(conversationId, [...(queued.get(conversationId) ?? []), ...failures]);
    },
    failAlways(conversationId, status) {
      if (status === undefined) always.delete(conversationId);
      else always.set(conversationId, status);
    },
    setRandomFailures(r) {
      random = r;
      rng = seeded(r?.seed ?? 1);
    },
    setEnforceLimits(on) {
      enforce = on;
    },
    reset() {
      requests.length = 0;
      created.length = 0;
      delivered.clear();
      byId.clear();
      queued.clear();
      always.clear();
      convLimits.clear();
      tenantLimits.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
