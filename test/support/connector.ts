// A minimal local Bot Connector: captures what the bot sends to {serviceUrl}/v3/conversations/... so tests
// can assert on the replies of a turn (many turn failures still answer HTTP 200).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  path: string;
  conversationId: string;
  activity: Record<string, unknown>;
}

export interface LocalConnector {
  serviceUrl: string;
  received: Captured[];
  /** Waits until at least `count` activities arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<Captured[]>;
  clear(): void;
  stop(): Promise<void>;
}

export async function startLocalConnector(): Promise<LocalConnector> {
  const received: Captured[] = [];
  const waiters: (() => void)[] = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length
          ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
          : {};
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (m) {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          conversationId: decodeURIComponent(m[1] ?? ''),
          activity: body,
        });
        waiters.splice(0).forEach((w) => w());
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++seq}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    async waitFor(count, ms = 5000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`connector: expected ${count} activities, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return received;
    },
    clear() {
      received.length = 0;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
