// Turn benchmark: the conversational guide against a minimal echo bot on the same stack (restify edge,
// CloudAdapter in anonymous mode, local connector), with the embedded Cosmos server in the same process.
// Reports:
//   - median CPU per turn (process CPU, so the in-process store and connector count too) for message turns
//     and Action.Execute invokes, and the ratio to the echo bot (target ≤ 1.5×);
//   - p50 / p99 latency of message turns and invokes with 50 concurrent conversations (target p99 < 100 ms);
//   - store operations per single-voucher action, counted by a proxy around the containers
//     (target ≤ 2 point reads + 1 write, no queries).
// Run alone: npx tsx bench/turns.ts
import type { AddressInfo } from 'node:net';
import type { Container } from '@azure/cosmos';
import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';
import { silentLogger } from '../bot/logger';
import { loadRules } from '../bot/rules';
import { createHttpServer, type HttpServer } from '../bot/server';
import { createAdapter } from '../bot/teams/adapter';
import { CompanionBot } from '../bot/teams/bot';
import { createRepos } from '../bot/teams/repos';
import type { Store } from '../bot/store';
import { invokeActivity, messageActivity } from '../test/support/activities';
import { startLocalConnector } from '../test/support/connector';
import { startTestCosmos } from '../test/support/cosmos';
import { seedReadyOrganization, seedVoucher, ADMIN, CONSULTANT } from '../test/conversation/fixtures';

type Counts = Record<'read' | 'create' | 'replace' | 'upsert' | 'delete' | 'query', number>;

/** Wraps every container so each SDK operation is counted (point reads, writes, queries). */
function countingStore(store: Store): { store: Store; counts: Counts; reset(): void } {
  const counts: Counts = { read: 0, create: 0, replace: 0, upsert: 0, delete: 0, query: 0 };
  const wrapItem = (item: object) =>
    new Proxy(item, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'read' || prop === 'replace' || prop === 'delete') {
          return (...args: unknown[]) => {
            counts[prop]++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const wrapItems = (items: object) =>
    new Proxy(items, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'create' || prop === 'upsert' || prop === 'query') {
          return (...args: unknown[]) => {
            counts[prop]++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const containers = {} as Store['containers'];
  for (const [name, container] of Object.entries(store.containers) as [keyof Store['containers'], Container][]) {
    containers[name] = new Proxy(container, {
      get(target, prop, receiver) {
        if (prop === 'items') return wrapItems(target.items);
        if (prop === 'item') return (id: string, pk: string) => wrapItem(target.item(id, pk));
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
  return {
    store: { ...store, containers },
    counts,
    reset: () => {
      for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] = 0;
    },
  };
}

/** The smallest bot on the same stack: echo text, answer invokes with a one-line card. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: context.activity.text ?? '' }] })));
      await next();
    });
  }

  protected override async onInvokeActivity(): Promise<{ status: number; body: unknown }> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] } } };
  }
}

async function listen(bot: ActivityHandler): Promise<{ http: HttpServer; url: string }> {
  const logger = silentLogger();
  const adapter = createAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', anonymous: true });
  const http = createHttpServer({ logger, adapter, bot, bodyLimitBytes: 262_144, ready: async () => true });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', () => resolve()));
  return { http, url: `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/api/messages` };
}

async function send(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.text();
  if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median over batches of the CPU microseconds one turn costs (user + system of the whole process). */
async function cpuPerTurn(turn: (i: number) => Promise<void>, batches = 7, perBatch = 40): Promise<number> {
  for (let i = 0; i < 20; i++) await turn(i); // warm up
  const samples: number[] = [];
  let n = 0;
  for (let b = 0; b < batches; b++) {
    const start = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) await turn(n++);
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / perBatch);
  }
  return median(samples);
}

/** Latencies of `perConversation` turns in each of `conversations` conversations running at once. */
async function concurrentLatency(turn: (conversation: number, i: number) => Promise<void>, conversations = 50, perConversation = 10): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      for (let i = 0; i < perConversation; i++) {
        const t0 = process.hrtime.bigint();
        await turn(c, i);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

export async function runTurnsBench(): Promise<Record<string, number | string>> {
  const cosmos = await startTestCosmos(`bench-turns-${process.pid}`);
  const connector = await startLocalConnector();
  const counting = countingStore(cosmos.store);
  const now = new Date('2026-04-13T12:00:00Z');
  const bot = new CompanionBot({ logger: silentLogger(), store: counting.store, rules: loadRules({ profile: 'program-2020' }), now: () => now, defaultTimeZone: 'UTC' });
  const companion = await listen(bot);
  const echo = await listen(new EchoBot());
  const serviceUrl = connector.serviceUrl;
  const tenantId = 'bench-tenant';
  const harness = { repos: createRepos(cosmos.store) } as Parameters<typeof seedReadyOrganization>[0];
  try {
    await seedReadyOrganization(harness, tenantId);
    await seedVoucher(harness, tenantId, 'v-BENCH-SHOW', 'Reserved');
    const me = { serviceUrl, tenantId, userId: ADMIN, userName: 'Ana Souza' };
    const msg = (text: string, c = 0) => messageActivity({ ...me, conversationId: `a:bench-${c}` }, text);
    const show = (c = 0) => invokeActivity({ ...me, conversationId: `a:bench-${c}` }, 'voucher.show', { voucherId: 'v-BENCH-SHOW' });

    // Keep the connector's capture list from growing without bound.
    const trim = () => {
      if (connector.received.length > 1000) connector.clear();
    };

    // CPU per turn
    const echoMsg = await cpuPerTurn(async () => { await send(echo.url, msg('help')); trim(); });
    const botMsg = await cpuPerTurn(async () => { await send(companion.url, msg('help')); trim(); });
    const botNext = await cpuPerTurn(async () => { await send(companion.url, msg("what's next")); trim(); });
    const echoInvoke = await cpuPerTurn(async () => send(echo.url, show()));
    const botInvoke = await cpuPerTurn(async () => send(companion.url, show()));

    // A mutating invoke: reserve a fresh voucher each time (its ETag read outside the turn).
    let seq = 0;
    const reserveData = { step: 'submit', engagementId: 'sdps-sharepoint', deliveryCountry: 'BR', partnerLocationId: 'sp-br', plannedStart: '2026-05-04', plannedEnd: '2026-05-08', consultants: CONSULTANT, offsiteDays: '0' };
    const freshVoucher = async () => {
      const id = `v-BENCH-${++seq}`;
      const v = await seedVoucher(harness, tenantId, id, 'Assigned', { customer: { name: `Bench customer ${seq}` } });
      return { id, etag: v.etag };
    };
    const mutatingSamples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const v = await freshVoucher();
      const start = process.cpuUsage();
      await send(companion.url, invokeActivity(me, 'voucher.reserve', { ...reserveData, voucherId: v.id, etag: v.etag }));
      const used = process.cpuUsage(start);
      if (i >= 10) mutatingSamples.push(used.user + used.system);
    }

    // Latency with 50 concurrent conversations
    const echoLatency = await concurrentLatency((c) => send(echo.url, msg('help', c)).then(trim));
    const msgLatency = await concurrentLatency((c) => send(companion.url, msg('help', c)).then(trim));
    const invokeLatency = await concurrentLatency((c) => send(companion.url, show(c)));

    // Store operations of one single-voucher action each
    const ops: Record<string, string> = {};
    const opsOf = async (verb: string, state: Parameters<typeof seedVoucher>[3], inputs: Record<string, unknown>) => {
      const id = `v-OPS-${verb.replace(/\W/g, '')}`;
      const v = await seedVoucher(harness, tenantId, id, state, { customer: { name: `Ops customer ${verb}` } });
      await send(companion.url, msg('hello')); // the person is known: the turn itself writes nothing
      counting.reset();
      await send(companion.url, invokeActivity(me, verb, { ...inputs, voucherId: id, etag: v.etag, step: 'submit' }));
      const c = counting.counts;
      ops[verb] = `${c.read} reads, ${c.create + c.replace + c.upsert + c.delete} writes, ${c.query} queries`;
    };
    await opsOf('voucher.reserve', 'Assigned', reserveData);
    await opsOf('voucher.cancelReservation', 'Reserved', { reason: 'postponed' });
    await opsOf('voucher.markDelivered', 'Reserved', {});
    await opsOf('report.submit', 'Delivered', {
      actualStart: '2026-04-06',
      actualEnd: '2026-04-10',
      daysDelivered: '5',
      deliverableType1: 'architecture',
      deliverableReference1: 'doc',
      [`assessment-${CONSULTANT}`]: 'assessment-1',
      contactName: 'Maria',
    });
    await opsOf('voucher.redeem', 'ReportSubmitted', {});
    await opsOf('payment.recordOutcome', 'PaymentRequested', { outcome: 'approved' });
    counting.reset();
    await send(companion.url, show());
    ops['voucher.show'] = `${counting.counts.read} reads, ${counting.counts.query} queries`;

    return {
      cpu_us_per_message_turn_echo: round(echoMsg, 0),
      cpu_us_per_message_turn_help: round(botMsg, 0),
      cpu_us_per_message_turn_whats_next: round(botNext, 0),
      cpu_ratio_message_help_vs_echo: round(botMsg / echoMsg),
      cpu_us_per_invoke_echo: round(echoInvoke, 0),
      cpu_us_per_invoke_voucher_show: round(botInvoke, 0),
      cpu_ratio_invoke_show_vs_echo: round(botInvoke / echoInvoke),
      cpu_us_per_invoke_voucher_reserve: round(median(mutatingSamples), 0),
      cpu_ratio_invoke_reserve_vs_echo: round(median(mutatingSamples) / echoInvoke),
      latency_50_conversations_echo_message_p50_ms: echoLatency.p50,
      latency_50_conversations_echo_message_p99_ms: echoLatency.p99,
      latency_50_conversations_message_p50_ms: msgLatency.p50,
      latency_50_conversations_message_p99_ms: msgLatency.p99,
      latency_50_conversations_invoke_p50_ms: invokeLatency.p50,
      latency_50_conversations_invoke_p99_ms: invokeLatency.p99,
      ...Object.fromEntries(Object.entries(ops).map(([k, v]) => [`store_ops_${k}`, v])),
    };
  } finally {
    for (const s of [companion, echo]) {
      s.http.server.server.closeAllConnections?.();
      await new Promise<void>((resolve) => s.http.server.close(() => resolve()));
    }
    await connector.stop();
    await cosmos.stop();
  }
}

if (require.main === module) {
  runTurnsBench().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
