// The bot over real HTTP for conversation tests: the production HTTP edge (restify + CloudAdapter in
// anonymous mode), the real store on the embedded Cosmos server, a fixed clock, and a local connector that
// captures what the bot sends. Invokes (Action.Execute) answer in the HTTP body.
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../bot/logger';
import { loadRules } from '../../bot/rules';
import { createHttpServer, type HttpServer } from '../../bot/server';
import { installTurnErrorHandler, messagesEndpoint } from '../../bot/teams/messages-endpoint';
import { createAdapter } from '../../bot/teams/adapter';
import { CompanionBot } from '../../bot/teams/bot';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore } from '../../bot/reminders/references';
import type { StoreRepositories } from '../../bot/store';
import { say } from '../../bot/teams/say';
import type { Organization, Voucher } from '../../bot/program';
import { invokeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { post } from '../support/app';
import { startLocalConnector, type Captured, type LocalConnector } from '../support/connector';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

export type Card = {
  type: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  refresh?: unknown;
  [k: string]: unknown;
};

export interface Harness {
  url: string;
  connector: LocalConnector;
  cosmos: TestCosmos;
  /** The store's repositories (current versions). */
  repos: StoreRepositories;
  /** The clock the bot reads; tests move it. */
  clock: { now: Date };
  /** Sends a message; resolves with the cards of the replies. */
  say(o: Partial<ActivityOptions>, text: string): Promise<Card[]>;
  /** Sends raw activity; returns the HTTP answer. */
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  /** An Action.Execute invoke; resolves with the card in the HTTP body. */
  act(
    o: Partial<ActivityOptions>,
    verb: string,
    data: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Promise<Card>;
  org(tenantId?: string): Promise<{ doc: Organization; etag: string }>;
  voucher(id: string, tenantId?: string): Promise<{ doc: Voucher; etag: string } | undefined>;
  stop(): Promise<void>;
}

export async function startHarness(
  now = new Date('2024-03-01T12:00:00Z'),
  env: { initialGlobalAdmins?: string[]; publicHostname?: string; bodyLimitBytes?: number } = {},
): Promise<Harness> {
  const connector = await startLocalConnector();
  const cosmos = await startTestCosmos();
  const logger = silentLogger();
  const clock = { now };
  const adapter = createAdapter({
    appId: '',
    appPassword: '',
    appType: 'MultiTenant',
    tenantId: '',
    anonymous: true,
  });
  installTurnErrorHandler(adapter, logger, (_ctx, id) => say('en', 'error.turn', { id }));
  const bot = new CompanionBot({
    logger,
    store: cosmos.store,
    references: new ReferenceStore(cosmos.store, { logger }),
    ledger: new Ledger(cosmos.store, { logger }),
    rules: loadRules({ profile: 'program-2020' }),
    now: () => clock.now,
    initialGlobalAdmins: env.initialGlobalAdmins ?? [],
    defaultTimeZone: 'UTC',
    ...(env.publicHostname ? { publicHostname: env.publicHostname } : {}),
  });
  const http: HttpServer = createHttpServer({
    logger,
    messages: messagesEndpoint({ logger, adapter, bot }),
    bodyLimitBytes: env.bodyLimitBytes ?? 262_144,
    ready: async () => true,
  });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const repos = cosmos.store.repos;
  const opts = (o: Partial<ActivityOptions>): ActivityOptions => ({ serviceUrl: connector.serviceUrl, ...o });

  const cardsOf = (captured: Captured[]): Card[] =>
    captured.flatMap((c) =>
      ((c.activity.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content),
    );

  return {
    url,
    connector,
    cosmos,
    repos,
    clock,
    async say(o, text) {
      const before = connector.received.length;
      const res = await post(`${url}/api/messages`, messageActivity(opts(o), text));
      if (res.status !== 200) throw new Error(`message turn answered ${res.status}: ${res.text}`);
      await connector.waitFor(before + 1);
      const replies = connector.received.slice(before);
      const texts = replies.filter(
        (r) =>
          typeof r.activity.text === 'string' && !(r.activity.attachments as unknown[] | undefined)?.length,
      );
      if (texts.length > 0 && cardsOf(replies).length === 0)
        return [{ type: 'text', body: [{ type: 'TextBlock', text: texts[0]?.activity.text }] }];
      return cardsOf(replies);
    },
    async post(activity) {
      const res = await post(`${url}/api/messages`, activity);
      return { status: res.status, body: res.body };
    },
    async act(o, verb, data, extra = {}) {
      const res = await post(`${url}/api/messages`, { ...invokeActivity(opts(o), verb, data), ...extra });
      if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${res.text}`);
      const body = res.body as { statusCode: number; type: string; value: Card };
      if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`invoke body: ${res.text}`);
      return body.value;
    },
    async org(tenantId = 'tenant-a') {
      const org = await repos.organizations.get(tenantId);
      if (!org) throw new Error(`no organisation for ${tenantId}`);
      return org;
    },
    voucher: (id, tenantId = 'tenant-a') => repos.vouchers.get(tenantId, id),
    async stop() {
      await new Promise<void>((resolve) => {
        http.server.close(() => resolve());
        http.server.server.closeAllConnections?.();
      });
      await cosmos.stop();
      await connector.stop();
    },
  };
}

/** All text of a card (TextBlocks, facts, labels, choices, action titles), for "says X" assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of ['text', 'title', 'value', 'label', 'placeholder'])
        if (typeof o[k] === 'string') out.push(o[k] as string);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Execute of a card: verb + data. */
export function actionsOf(card: unknown): { verb: string; data: Record<string, unknown>; title?: string }[] {
  const out: { verb: string; data: Record<string, unknown>; title?: string }[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string')
        out.push({
          verb: o.verb,
          data: (o.data as Record<string, unknown>) ?? {},
          title: o.title as string | undefined,
        });
      for (const [k, v] of Object.entries(o)) if (k !== 'refresh' && typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return out;
}

/** The ids of every input on a card. */
export function inputIds(card: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        out.push(o.id);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return out;
}

/** The message under a field (cards place `<id>-error` right after the input). */
export function fieldError(card: unknown, id: string): string | undefined {
  let found: string | undefined;
  const walk = (x: unknown): void => {
    if (found) return;
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.id === `${id}-error` && typeof o.text === 'string') found = o.text;
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return found;
}

/** The banner's lines (cards put the notice container with id "notice" first). */
export function noticeOf(card: unknown): string | undefined {
  const body = (card as Card).body ?? [];
  const notice = body.find((e) => e.id === 'notice');
  return notice ? cardText(notice) : undefined;
}
