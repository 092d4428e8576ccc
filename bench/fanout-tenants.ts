// Cross-tenant fan-out benchmark (issue #12): 200 tenants × 50 reminders due at the same moment (1 January
// renewals), one instance's sender through the real CloudAdapter to the connector simulator, which enforces the
// Teams limits (50/s per tenant, the conversation windows) with 429. Reports sends per second, the busiest second
// of any tenant, duplicates, losses and peak RSS. The embedded Cosmos server runs in a child process.
// Run alone: npx tsx bench/fanout-tenants.ts [tenants] [perTenant]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { silentLogger } from '../bot/logger';
import { Ledger, LedgerEntry, ledgerId } from '../bot/reminders/ledger';
import { ConversationRefDoc, ReferenceStore, referenceId } from '../bot/reminders/references';
import { ReminderSender } from '../bot/reminders/sender';
import { openStore, type Store, type Stored } from '../bot/store';
import { startConnectorSim, type ConnectorSim } from '../test/support/connector-sim';
import { startCountingProxy } from '../test/support/counting-proxy';
import { startCosmosServerProcess } from './reminders';

/** Creates the documents in bulk; returns each one's ETag, in order. */
async function bulk(
  store: Store,
  container: 'conversations' | 'reminders',
  docs: object[],
): Promise<string[]> {
  const etags: string[] = [];
  for (let i = 0; i < docs.length; i += 100) {
    const ops = docs
      .slice(i, i + 100)
      .map((d) => ({ operationType: 'Create' as const, resourceBody: d as never }));
    const res = await store.containers[container].items.bulk(ops);
    if (res.some((r) => r.statusCode >= 300)) throw new Error(`bulk create into ${container} failed`);
    etags.push(...res.map((r) => r.eTag ?? ''));
  }
  return etags;
}

/** CPU seconds (user + system) of this process's child processes (the Cosmos server), from /proc (Linux). */
function childCpuSeconds(): number {
  try {
    const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let ticks = 0;
    for (const pid of pids) {
      let stat = '';
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // `ps` itself, gone already
      }
      if (!stat.includes('(node)')) continue; // tsx's esbuild service
      const fields = stat.split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime (fields 14, 15)
    }
    return ticks / 100; // USER_HZ
  } catch {
    return NaN;
  }
}

function documents(tenantId: string, perTenant: number, serviceUrl: string, at: string) {
  const refs: object[] = [];
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < perTenant; i++) {
    const userId = `${tenantId}-u${i}`;
    refs.push(
      ConversationRefDoc.parse({
        id: referenceId({ kind: 'user', userId }),
        tenantId,
        type: 'conversationRef',
        scope: 'personal',
        userId,
        conversationId: `a:${userId}`,
        serviceUrl,
        bot: { id: '28:bot', name: 'Companion' },
        user: { id: `29:${userId}`, name: userId, aadObjectId: userId },
        locale: 'en-US',
        active: true,
        capturedAt: at,
        updatedAt: at,
      }),
    );
    const key = `enrollmentRenewal:SDPS:2027-01-01:-${i}`;
    const target = { kind: 'user' as const, userId };
    entries.push(
      LedgerEntry.parse({
        id: ledgerId(key, target),
        tenantId,
        type: 'delivery',
        reminderKey: key,
        causeKey: key,
        target,
        payload: { key },
        timeZone: 'UTC',
        state: 'pending',
        notBefore: at,
        attempts: 0,
        sendCount: 0,
        createdAt: at,
        updatedAt: at,
        history: [],
      }),
    );
  }
  return { refs, entries };
}

type Queued = { tenantId: string; id: string; entry: Stored<LedgerEntry> }[];

/** Seeds `perTenant` recipients and due ledger entries per tenant; the entries with their ETags, in order. */
async function seed(store: Store, ids: string[], perTenant: number, serviceUrl: string): Promise<Queued> {
  const at = new Date().toISOString();
  const queued: Queued = [];
  for (const tenantId of ids) {
    const { refs, entries } = documents(tenantId, perTenant, serviceUrl, at);
    await bulk(store, 'conversations', refs);
    const etags = await bulk(store, 'reminders', entries);
    entries.forEach((e, i) => queued.push({ tenantId, id: e.id, entry: { doc: e, etag: etags[i] ?? '' } }));
  }
  return queued;
}

/** One instance's sender works the queued entries through the real CloudAdapter; seconds until all are done. */
async function fanOut(store: Store, serviceUrl: string, queued: Queued): Promise<number> {
  const logger = silentLogger();
  const sender = new ReminderSender({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    botAppId: '',
    ledger: new Ledger(store, { logger }),
    references: new ReferenceStore(store, { serviceUrlAllowlist: [new URL(serviceUrl).origin], logger }),
    render: (r, locale) => ({ type: 'message', text: `[${locale}] ${String(r.key)}` }),
    businessHours: { start: 0, end: 24, weekends: true },
    logger,
    ...(process.env.FANOUT_CONCURRENCY ? { concurrency: Number(process.env.FANOUT_CONCURRENCY) } : {}),
  });
  const started = performance.now();
  // As the due scan submits them: tenant after tenant, every entry due now, with the version it listed.
  for (const q of queued) sender.submit(q.tenantId, q.id, undefined, q.entry);
  await sender.idle();
  const elapsedS = (performance.now() - started) / 1000;
  await sender.stop();
  return elapsedS;
}

/** Deliveries per conversation at the connector, and the busiest second of any tenant (every request counted). */
function delivery(sim: ConnectorSim): { delivered: number; duplicates: number; busiest: number } {
  const perConversation = new Map<string, number>();
  for (const a of sim.allActivities())
    perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
  let duplicates = 0;
  for (const n of perConversation.values()) if (n > 1) duplicates += n - 1;
  let busiest = 0;
  const byTenant = new Map<string, number[]>();
  for (const r of sim.requests) {
    const list = byTenant.get(r.tenantId ?? '') ?? [];
    list.push(r.at);
    byTenant.set(r.tenantId ?? '', list);
  }
  for (const list of byTenant.values()) {
    let lo = 0;
    for (let hi = 0; hi < list.length; hi++) {
      while ((list[hi] as number) - (list[lo] as number) >= 1000) lo++;
      busiest = Math.max(busiest, hi - lo + 1);
    }
  }
  return { delivered: perConversation.size, duplicates, busiest };
}

/** Database requests per send, counted by a proxy in front of the server on a smaller run of its own. */
async function requestsPerSend(endpoint: string, tenants: number, perTenant: number): Promise<number> {
  const proxy = await startCountingProxy(endpoint);
  const sim = await startConnectorSim();
  const store = await openStore({
    endpoint: proxy.url,
    auth: 'key',
    key: 'bench',
    database: 'bench-fanout',
    local: true,
  });
  try {
    const ids = Array.from({ length: tenants }, (_, t) => `cnt-${String(t).padStart(4, '0')}`);
    const queued = await seed(store, ids, perTenant, sim.url);
    proxy.reset();
    await fanOut(store, sim.url, queued);
    return proxy.total() / delivery(sim).delivered;
  } finally {
    store.close();
    await sim.close();
    await proxy.stop();
  }
}

export async function runFanoutTenantsBench(
  tenants = 200,
  perTenant = 50,
): Promise<Record<string, number | string>> {
  const cosmos = await startCosmosServerProcess();
  const sim = await startConnectorSim();
  try {
    const store = await openStore({
      endpoint: cosmos.endpoint,
      auth: 'key',
      key: 'bench',
      database: 'bench-fanout',
      local: true,
    });
    const ids = Array.from({ length: tenants }, (_, t) => `fan-${String(t).padStart(4, '0')}`);
    const seeding = performance.now();
    const queued = await seed(store, ids, perTenant, sim.url);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const cpuBefore = process.cpuUsage();
    const childBefore = childCpuSeconds();
    const elapsedS = await fanOut(store, sim.url, queued);
    const cpu = process.cpuUsage(cpuBefore);
    const childCpu = childCpuSeconds() - childBefore;
    const { delivered, duplicates, busiest } = delivery(sim);
    const expected = tenants * perTenant;
    const refused = sim.requests.filter((r) => r.cause === 'limit').length;
    const httpRequests = sim.requests.length;
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const dbRequestsPerSend = await requestsPerSend(cosmos.endpoint, Math.max(1, tenants / 10), perTenant);
    return {
      tenants,
      remindersPerTenant: perTenant,
      reminders: expected,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      delivered,
      duplicates,
      lost: expected - delivered,
      elapsedSeconds: Number(elapsedS.toFixed(2)),
      sendsPerSecondOneInstance: Number((delivered / elapsedS).toFixed(1)),
      cpuMsPerSendBenchProcess: Number(((cpu.user + cpu.system) / 1000 / expected).toFixed(2)),
      cpuMsPerSendCosmosProcess: Number(((childCpu * 1000) / expected).toFixed(2)),
      dbRequestsPerSend: Number(dbRequestsPerSend.toFixed(2)),
      httpRequests,
      refusedByTenantOrConversationLimit: refused,
      busiestTenantSecond: busiest,
      tenantLimitPerSecond: 50,
      peakRssMB,
      loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
      note: 'one instance (tenantShare 1), sender concurrency 16 (the default; FANOUT_CONCURRENCY overrides); peak RSS of the bench process (sender, CloudAdapter, simulator); Cosmos in a child process; CPU per send of each process; database requests per send counted by a proxy on a run of a tenth of the tenants',
    };
  } finally {
    await sim.close();
    cosmos.stop();
  }
}

if (require.main === module) {
  const [tenants, perTenant] = process.argv.slice(2).map(Number);
  runFanoutTenantsBench(tenants || undefined, perTenant || undefined)
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
