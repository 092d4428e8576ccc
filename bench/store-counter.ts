// A counting HTTP proxy between the Cosmos SDK and the embedded server: what the app asks of the database
// (requests, documents returned, bytes) as a real account would bill it, without touching the app's code.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoreCounts {
  requests: number;
  /** Point reads answered with a body, plus every document a query page returned. */
  documents: number;
  /** Point reads answered 304 (the cached copy was current). */
  notModified: number;
  writes: number;
  queries: number;
  responseBytes: number;
  requestBytes: number;
}

export interface StoreCounter {
  endpoint: string;
  counts: StoreCounts;
  reset(): void;
  close(): Promise<void>;
}

const zero = (): StoreCounts => ({
  requests: 0,
  documents: 0,
  notModified: 0,
  writes: 0,
  queries: 0,
  responseBytes: 0,
  requestBytes: 0,
});

/** Starts a proxy on a free loopback port forwarding to `target` (the embedded server's endpoint). */
export async function startStoreCounter(target: string): Promise<StoreCounter> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const counter: StoreCounter = {
    endpoint: '',
    counts: zero(),
    reset: () => Object.assign(counter.counts, zero()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const c = counter.counts;
    const isDocs = /\/docs(\/|$)/.test(req.url ?? '');
    const isQuery = req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === 'true';
    if (isDocs) {
      c.requests++;
      if (isQuery) c.queries++;
      else if (req.method !== 'GET') c.writes++;
    }
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        if (isDocs) {
          const items = Number(answer.headers['x-ms-item-count'] ?? NaN);
          if (answer.statusCode === 304) c.notModified++;
          else if (!Number.isNaN(items)) c.documents += items;
          else if (req.method === 'GET' && answer.statusCode === 200) c.documents++;
          answer.on('data', (chunk: Buffer) => (c.responseBytes += chunk.length));
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    if (isDocs) req.on('data', (chunk: Buffer) => (c.requestBytes += chunk.length));
    out.on('error', (err) => res.destroy(err));
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return counter;
}
