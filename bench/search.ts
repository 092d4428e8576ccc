// "Find voucher" search on the embedded store: how many database requests and documents one results page
// costs (SELECT TOP skip+count, cut in memory — the embedded server has no OFFSET/LIMIT), against listing the
// whole tenant, and the time per query. A counting proxy between the SDK and the embedded server sees every
// request. Runs alone with `npx tsx bench/search.ts`, or from `npm run bench -- search`. Figures, not assertions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemoData } from '../bot/dev/seed';
import { builtInRules, DEFAULT_PROFILE } from '../bot/program';
import { openStore, ReadPolicy } from '../bot/store';
import { startEmbeddedCosmos } from '../bot/store/embedded';

const VOUCHERS = Number(process.env.BENCH_SEARCH_VOUCHERS ?? 2000);
const TENANT = 'bench0000-0000-4000-8000-00000000search';
const RUNS = 20;

/** Forwards to the embedded server, counting requests and the documents query pages return. */
async function countingProxy(
  target: URL,
): Promise<{ url: string; counts: { requests: number; documents: number }; close(): void }> {
  const counts = { requests: 0, documents: 0 };
  const server = http.createServer((req, res) => {
    counts.requests++;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        counts.documents += Number(up.headers['x-ms-item-count'] ?? 0);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    counts,
    close: () => server.close(),
  };
}

export async function runSearchBench(): Promise<Record<string, number | string>> {
  const rules = builtInRules(DEFAULT_PROFILE);
  if (!rules.ok) throw new Error(rules.errors.join('; '));
  const embedded = await startEmbeddedCosmos();
  const proxy = await countingProxy(new URL(embedded.endpoint));
  const store = await openStore({
    endpoint: proxy.url,
    auth: 'key',
    key: 'bench',
    database: 'bench-search',
    local: true,
  });
  try {
    await seedDemoData(store, TENANT, new Date(), {
      vouchers: VOUCHERS,
      rules: rules.rules,
      concurrency: 16,
    });
    // Current reads: every query goes to the server, as a search right after a change would.
    const vouchers = store.repos.reading(ReadPolicy.current).vouchers;
    const cases: Record<string, () => Promise<unknown>> = {
      searchPage1: () => vouchers.searchPage(TENANT, { text: 'a', states: [] }, { skip: 0, count: 25 }),
      searchPage5: () => vouchers.searchPage(TENANT, { text: 'a', states: [] }, { skip: 100, count: 25 }),
      dueSoonestPage1: () => vouchers.dueSoonestPage(TENANT, { skip: 0, count: 25 }),
      wholeTenantList: () => vouchers.list(TENANT),
    };
    const out: Record<string, number | string> = { vouchers: VOUCHERS };
    for (const [name, run] of Object.entries(cases)) {
      await run();
      const before = { ...proxy.counts };
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await run();
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      out[`${name}.requestsPerQuery`] = (proxy.counts.requests - before.requests) / RUNS;
      out[`${name}.documentsPerQuery`] = (proxy.counts.documents - before.documents) / RUNS;
      out[`${name}.medianMs`] = Math.round((ms[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
    }
    return out;
  } finally {
    store.close();
    proxy.close();
    await embedded.stop();
  }
}

if (require.main === module) {
  runSearchBench().then(
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
