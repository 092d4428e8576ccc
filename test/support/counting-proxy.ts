// An HTTP proxy in front of a Cosmos endpoint (the embedded server) that counts what the app asks for, per
// container: requests, point reads, queries, writes, and documents returned — seen from outside the app.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ContainerCounts {
  requests: number;
  reads: number;
  queries: number;
  /** Query plan requests the SDK sends before a cross-partition query (not a query, not a write). */
  plans: number;
  writes: number;
  /** Documents in query answers plus documents returned by point reads (200). */
  documents: number;
  /** x-ms-request-charge summed, where the server reports it (real Cosmos does; the embedded one does not). */
  requestCharge: number;
}

export interface CountingProxy {
  url: string;
  /** Every request, whatever it addressed (database, containers, partition key ranges, plans…). */
  total(): number;
  /** Counts per container id ('' for requests not addressed to a container). */
  container(id: string): ContainerCounts;
  containers(): Record<string, ContainerCounts>;
  reset(): void;
  stop(): Promise<void>;
}

const empty = (): ContainerCounts => ({
  requests: 0,
  reads: 0,
  queries: 0,
  plans: 0,
  writes: 0,
  documents: 0,
  requestCharge: 0,
});

/**
 * `latencyMs` holds every request that long before passing it on: the round trip of a database that is not on
 * this machine (benches only; loopback answers in well under a millisecond).
 */
export async function startCountingProxy(
  target: string,
  opts: { latencyMs?: number } = {},
): Promise<CountingProxy> {
  let total = 0;
  let counts = new Map<string, ContainerCounts>();
  const of = (id: string): ContainerCounts => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = empty()));
    return c;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    const coll = /\/colls\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
    const c = of(decodeURIComponent(coll));
    total++;
    c.requests++;
    const isDoc = /\/docs\/[^/]+$/.test(url.pathname);
    const isDocs = /\/docs$/.test(url.pathname);
    const isQuery = isDocs && req.method === 'POST' && Boolean(req.headers['x-ms-documentdb-isquery']);
    const isPlan = isDocs && req.headers['x-ms-cosmos-is-query-plan-request'] !== undefined;
    if (isDoc && req.method === 'GET') c.reads++;
    else if (isPlan) c.plans++;
    else if (isQuery) c.queries++;
    else if ((isDoc || isDocs) && req.method !== 'GET') c.writes++;
    if (opts.latencyMs) setTimeout(() => forward(req, res, url, c, isQuery, isDoc), opts.latencyMs);
    else forward(req, res, url, c, isQuery, isDoc);
  });
  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    c: ContainerCounts,
    isQuery: boolean,
    isDoc: boolean,
  ): void => {
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (up) => {
      const charge = Number(up.headers['x-ms-request-charge'] ?? 0);
      if (Number.isFinite(charge)) c.requestCharge += charge;
      const counted = (isQuery || (isDoc && req.method === 'GET')) && up.statusCode === 200;
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!counted) {
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (d: Buffer) => chunks.push(d));
      up.on('end', () => {
        const body = Buffer.concat(chunks);
        if (isQuery) {
          try {
            const parsed = JSON.parse(body.toString('utf8')) as { _count?: number; Documents?: unknown[] };
            c.documents += parsed._count ?? parsed.Documents?.length ?? 0;
          } catch {
            // not JSON: nothing to count
          }
        } else c.documents++;
        res.end(body);
      });
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    total: () => total,
    container: (id) => ({ ...(counts.get(id) ?? empty()) }),
    containers: () => Object.fromEntries([...counts].map(([k, v]) => [k, { ...v }])),
    reset: () => {
      total = 0;
      counts = new Map();
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
