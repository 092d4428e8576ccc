// A real TCP proxy in front of a server (the embedded Cosmos store), for outage tests. It can pass traffic,
// refuse connections (the port closed), black-hole them (accept, never answer) or delay every chunk.
import net from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'blackhole' | 'delay';

export interface TcpProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  readonly mode: ProxyMode;
  /** Switches mode; `delayMs` applies to 'delay' (default 10 s). Open connections follow the new mode. */
  setMode(mode: ProxyMode, delayMs?: number): Promise<void>;
  stop(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream?: net.Socket;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  let delayMs = 10_000;
  const pairs = new Set<Pair>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  /** Forwards a chunk as the current mode says: now, later, or never. */
  const forward = (to: net.Socket | undefined, chunk: Buffer) => {
    if (!to || to.destroyed) return;
    if (mode === 'pass') to.write(chunk);
    else if (mode === 'delay') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!to.destroyed) to.write(chunk);
      }, delayMs);
      timers.add(timer);
    }
    // 'blackhole': dropped.
  };

  const close = (pair: Pair) => {
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };

  const server = net.createServer((client) => {
    const pair: Pair = { client };
    pairs.add(pair);
    client.on('error', () => close(pair));
    client.on('close', () => close(pair));
    if (mode !== 'blackhole') {
      const upstream = net.connect(targetPort, targetHost);
      pair.upstream = upstream;
      upstream.on('error', () => close(pair));
      upstream.on('close', () => close(pair));
      upstream.on('data', (chunk: Buffer) => forward(client, chunk));
    }
    client.on('data', (chunk: Buffer) => forward(pair.upstream, chunk));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const unlisten = () => new Promise<void>((resolve) => server.close(() => resolve()));

  await listen(0);
  const { port } = server.address() as net.AddressInfo;

  const dropAll = () => {
    for (const pair of [...pairs]) close(pair);
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get mode() {
      return mode;
    },
    async setMode(next, nextDelayMs = 10_000) {
      const previous = mode;
      mode = next;
      delayMs = nextDelayMs;
      // Connections that lost data mid-request are of no use any more: the client opens new ones.
      if (previous !== 'pass') dropAll();
      if (next === 'refuse' && previous !== 'refuse') {
        dropAll();
        await unlisten();
      }
      if (previous === 'refuse' && next !== 'refuse') await listen(port);
    },
    async stop() {
      dropAll();
      if (mode !== 'refuse') await unlisten();
    },
  };
}
