// Overview API for an organisation with 5,000 vouchers on the embedded store: server time (from the
// Server-Timing header the API sets) cold (every request reads the store) and warm (the per-tenant snapshot
// cache), payload sizes, and the tab bundle size. Runs alone with `npx tsx bench/overview.ts`, or from
// `npm run bench` through runOverviewBench(). Figures, not assertions; targets: p95 ≤ 150 ms, ≤ 250 KB.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import restify from 'restify';
import { registerApi } from '../bot/api';
import { overviewOf, projectionContext } from '../bot/api/projection';
import { seedDemoData } from '../bot/dev/seed';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { builtInRules, DEFAULT_PROFILE } from '../bot/program';
import { openStore } from '../bot/store';
import { startEmbeddedCosmos } from '../bot/store/embedded';
import { buildTab } from '../tab/build';
import { startStoreCounter, type StoreCounts } from './store-counter';

const VOUCHERS = Number(process.env.BENCH_OVERVIEW_VOUCHERS ?? 5000);
const WARM_REQUESTS = 200;
const COLD_REQUESTS = 8;
/** Cold after a change: a voucher written through another instance, then the overview asked for. */
const AFTER_WRITE_REQUESTS = 12;
/** First request on a new instance (empty caches). */
const NEW_INSTANCES = 5;

function settingsOf(endpoint: string) {
  return { endpoint, auth: 'key' as const, key: 'bench', database: 'bench-overview', local: true };
}
const TENANT = 'bench0000-0000-4000-8000-000000005000';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

/** Heap in use after a full collection (NaN unless node runs with --expose-gc, as `npm run bench` does). */
function settledHeapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

interface Timed {
  serverMs: number[];
  bytes: number;
  gzipBytes: number;
}

async function measure(url: string, count: number): Promise<Timed> {
  const serverMs: number[] = [];
  let body = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const res = await fetch(url);
    body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200)
      throw new Error(`${url}: HTTP ${res.status} ${body.toString('utf8').slice(0, 200)}`);
    const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    serverMs.push(Number(timing?.[1] ?? NaN));
  }
  serverMs.sort((a, b) => a - b);
  return { serverMs, bytes: body.length, gzipBytes: gzipSync(body).length };
}

function perRequest(counts: StoreCounts, n: number): StoreCounts {
  const out = { ...counts };
  for (const k of Object.keys(out) as (keyof StoreCounts)[]) out[k] = round(out[k] / n);
  return out;
}

type Counter = Awaited<ReturnType<typeof startStoreCounter>>;

function zeroCounts(): StoreCounts {
  return {
    requests: 0,
    documents: 0,
    notModified: 0,
    writes: 0,
    queries: 0,
    responseBytes: 0,
    requestBytes: 0,
  };
}

function add(total: StoreCounts, more: StoreCounts): void {
  for (const k of Object.keys(total) as (keyof StoreCounts)[]) total[k] += more[k];
}

/**
 * The overview right after a voucher changed on another instance (the snapshot's change marker moved): what
 * the tab pays for its first request after every change. The writer has its own counter: what one voucher
 * write costs in store requests, the tenant summary's upkeep included.
 */
async function coldAfterWrite(
  writer: { store: Awaited<ReturnType<typeof openStore>>; counter: Counter },
  url: string,
  counter: Counter,
): Promise<{ serverMs: number[]; counts: StoreCounts; writeCounts: StoreCounts }> {
  const vouchers = (await writer.store.repos.vouchers.list(TENANT)).slice(0, AFTER_WRITE_REQUESTS);
  const serverMs: number[] = [];
  const total = zeroCounts();
  const writes = zeroCounts();
  for (const [i, v] of vouchers.entries()) {
    const changed = { ...v.doc, customer: { ...v.doc.customer, division: `Bench ${i}` } };
    writer.counter.reset();
    await writer.store.repos.vouchers.save(TENANT, changed, v.etag);
    add(writes, writer.counter.counts);
    // `_ts` has whole seconds: let the write's second end so the marker can tell it from the next one.
    await new Promise((r) => setTimeout(r, 1_100));
    counter.reset();
    serverMs.push(...(await measure(url, 1)).serverMs);
    add(total, counter.counts);
  }
  serverMs.sort((a, b) => a - b);
  return {
    serverMs,
    counts: perRequest(total, vouchers.length),
    writeCounts: perRequest(writes, vouchers.length),
  };
}

export async function runOverviewBench(): Promise<Record<string, number | string>> {
  const loaded = loadConfig({ LOG_LEVEL: 'silent', LOCAL_TENANT_ID: TENANT });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const config = loaded.config;
  const rulesResult = builtInRules(DEFAULT_PROFILE);
  if (!rulesResult.ok) throw new Error(rulesResult.errors.join('; '));
  const rules = rulesResult.rules;
  const now = new Date();

  const embedded = await startEmbeddedCosmos();
  const store = await openStore({
    endpoint: embedded.endpoint,
    auth: 'key',
    key: 'bench',
    database: 'bench-overview',
    local: true,
  });
  // The tab API reads through a counting proxy (what one instance asks of the database); the seed and the
  // writes "from another instance" go straight to the server.
  const counter = await startStoreCounter(embedded.endpoint);
  const apiStore = await openStore({
    endpoint: counter.endpoint,
    auth: 'key',
    key: 'bench',
    database: 'bench-overview',
    local: true,
  });
  const writerCounter = await startStoreCounter(embedded.endpoint);
  const writerStore = await openStore({
    endpoint: writerCounter.endpoint,
    auth: 'key',
    key: 'bench',
    database: 'bench-overview',
    local: true,
  });
  const servers: restify.Server[] = [];
  try {
    const heapBeforeMB = settledHeapMB();
    let t = performance.now();
    await seedDemoData(store, TENANT, now, { vouchers: VOUCHERS, rules, concurrency: 16 });
    const seedMs = performance.now() - t;

    const start = async (
      cacheTtlMs: number,
      snapshotFreshMs?: number,
      over: Awaited<ReturnType<typeof openStore>> = apiStore,
    ): Promise<string> => {
      const server = restify.createServer({ handleUncaughtExceptions: false });
      registerApi(server, {
        config,
        // Errors only, to stderr: a failed request then says why.
        logger: createLogger('error', process.stderr),
        organizations: over.repos.organizations,
        vouchers: over.repos.vouchers,
        rules,
        now: () => new Date(),
        cacheTtlMs,
        snapshotFreshMs,
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/tab`;
    };

    const coldBase = await start(0);
    const warmBase = await start(60 * 60 * 1000);
    // Checks the store on every request, so the first request after a write is the cold one.
    const checkedBase = await start(60 * 60 * 1000, 0);

    // The in-process projection alone (what a warm request pays once a minute, or after a reload).
    const seeded = await store.repos.vouchers.list(TENANT);
    const org = (await store.repos.organizations.get(TENANT))?.doc;
    const projectMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const ctx = projectionContext(rules, org, new Date());
      overviewOf(
        seeded.map((s) => s.doc),
        ctx,
        { tenantId: TENANT, userId: 'bench', role: 'Member', localIdentity: true },
      );
      projectMs.push(performance.now() - t0);
    }
    projectMs.sort((a, b) => a - b);

    // The tenant's first overview ever (no summary yet: built from every voucher, once per tenant).
    counter.reset();
    const firstEver = await measure(`${coldBase}/overview`, 1);
    const firstEverCounts = { ...counter.counts };
    // The first request on a new instance: a store with empty caches (every shard comes with its body).
    const newInstance: number[] = [];
    const newInstanceCounts = zeroCounts();
    for (let i = 0; i < NEW_INSTANCES; i++) {
      const fresh = await openStore({ ...settingsOf(counter.endpoint) });
      counter.reset();
      newInstance.push(...(await measure(`${await start(0, undefined, fresh)}/overview`, 1)).serverMs);
      add(newInstanceCounts, counter.counts);
      fresh.close();
    }
    newInstance.sort((a, b) => a - b);
    const perNewInstance = perRequest(newInstanceCounts, NEW_INSTANCES);
    counter.reset();
    const cold = await measure(`${coldBase}/overview`, COLD_REQUESTS);
    const coldCounts = perRequest(counter.counts, COLD_REQUESTS);
    await measure(`${checkedBase}/overview`, 1);
    const afterWrite = await coldAfterWrite(
      { store: writerStore, counter: writerCounter },
      `${checkedBase}/overview`,
      counter,
    );
    t = performance.now();
    await measure(`${warmBase}/overview`, 1); // fills the cache
    const firstLoadMs = performance.now() - t;
    const warm = await measure(`${warmBase}/overview`, WARM_REQUESTS);
    const list = await measure(`${warmBase}/vouchers?state=Reserved,Delivered&sort=customer&pageSize=50`, 50);
    const csv = await measure(`${warmBase}/vouchers.csv`, 5);
    // What holding the tenant costs, against the heap before it was seeded: its vouchers in the store's
    // document cache (bot/store/cache.ts, at most 5,000) and the warm snapshot, which share the same frozen
    // objects, and the snapshot's projections.
    const heapHeldMB = settledHeapMB() - heapBeforeMB;

    const tabOut = mkdtempSync(path.join(os.tmpdir(), 'bench-tab-'));
    const tab = await buildTab({ outDir: tabOut });
    const { readFile } = await import('node:fs/promises');
    const bundle = await readFile(path.join(tabOut, 'tab.js'));
    const css = await readFile(path.join(tabOut, 'styles.css'));

    return {
      vouchers: VOUCHERS,
      seedSeconds: round(seedMs / 1000),
      overviewWarmP50Ms: round(percentile(warm.serverMs, 50)),
      overviewWarmP95Ms: round(percentile(warm.serverMs, 95)),
      overviewWarmMaxMs: round(warm.serverMs[warm.serverMs.length - 1] ?? 0),
      overviewColdP50Ms: round(percentile(cold.serverMs, 50)),
      overviewColdP95Ms: round(percentile(cold.serverMs, 95)),
      overviewFirstLoadMs: round(firstLoadMs),
      overviewFirstEverMs: round(firstEver.serverMs[0] ?? NaN),
      overviewFirstEverRequests: firstEverCounts.requests,
      overviewFirstEverDocuments: firstEverCounts.documents,
      overviewFirstEverWrites: firstEverCounts.writes,
      overviewNewInstanceP50Ms: round(percentile(newInstance, 50)),
      overviewNewInstanceP95Ms: round(percentile(newInstance, 95)),
      overviewNewInstanceRequests: perNewInstance.requests,
      overviewNewInstanceDocuments: perNewInstance.documents,
      overviewNewInstanceKB: round(perNewInstance.responseBytes / 1024),
      overviewColdRequests: coldCounts.requests,
      overviewColdDocuments: coldCounts.documents,
      overviewColdKB: round(coldCounts.responseBytes / 1024),
      overviewAfterWriteP50Ms: round(percentile(afterWrite.serverMs, 50)),
      overviewAfterWriteP95Ms: round(percentile(afterWrite.serverMs, 95)),
      overviewAfterWriteRequests: afterWrite.counts.requests,
      overviewAfterWriteDocuments: afterWrite.counts.documents,
      overviewAfterWriteKB: round(afterWrite.counts.responseBytes / 1024),
      voucherWriteRequests: afterWrite.writeCounts.requests,
      voucherWriteWrites: afterWrite.writeCounts.writes,
      voucherWriteSentKB: round(afterWrite.writeCounts.requestBytes / 1024),
      voucherWriteReceivedKB: round(afterWrite.writeCounts.responseBytes / 1024),
      projectionOnlyP50Ms: round(percentile(projectMs, 50)),
      overviewPayloadKB: round(warm.bytes / 1024),
      overviewPayloadGzipKB: round(warm.gzipBytes / 1024),
      voucherPageWarmP95Ms: round(percentile(list.serverMs, 95)),
      voucherPagePayloadKB: round(list.bytes / 1024),
      csvAllWarmP95Ms: round(percentile(csv.serverMs, 95)),
      csvAllKB: round(csv.bytes / 1024),
      tabBundleKB: round(tab.bundleBytes / 1024),
      tabBundleGzipKB: round(gzipSync(bundle).length / 1024),
      tabCssKB: round(css.length / 1024),
      heapHeldForTenantMB: round(heapHeldMB),
      note: 'warm = per-tenant snapshot (re-checked against the store at most every 2 s with a change marker); cold = every request asks the store again (the organisation and the tenant summary, checked against the vouchers’ change marker); first ever = the summary built from every voucher; after write = first request after a voucher write on another instance; counts = requests, documents and bytes seen by a proxy in front of the embedded server; local identity (no JWT check)',
    };
  } finally {
    for (const s of servers) s.close();
    apiStore.close();
    writerStore.close();
    await counter.close();
    await writerCounter.close();
    store.close();
    await embedded.stop();
  }
}

if (require.main === module) {
  runOverviewBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
