// The embedded Cosmos DB-compatible server for development and tests (@vercel/cosmosdb-server), driven
// through the real @azure/cosmos SDK. It keeps data in memory; this module makes local data survive a
// restart by dumping every container to a JSON file (on flush, periodically and at shutdown) and loading it
// back at start. Never used in production: the package is a devDependency and is loaded lazily.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { installPartitionScopedQueries, withRequestPartition } from './embedded-partitions';

export interface EmbeddedCosmos {
  endpoint: string;
  /** File the data is persisted to, or undefined for a memory-only server. */
  dataFile?: string;
  /** Writes the current data to the data file (no-op when memory-only). */
  flush(): Promise<void>;
  /** Flushes, then stops the server. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  port?: number;
  /** Folder for the persisted data; omit for memory only (tests). */
  dataDir?: string;
  /** Periodic flush interval in seconds (0 = only on stop/explicit flush). */
  flushSeconds?: number;
  onError?: (err: unknown) => void;
}

interface Dump {
  version: 1;
  savedAt: string;
  databases: {
    id: string;
    containers: { id: string; partitionKeyPaths: string[]; items: Record<string, unknown>[] }[];
  }[];
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];

export async function startEmbeddedCosmos(opts: EmbeddedOptions = {}): Promise<EmbeddedCosmos> {
  const { createHttpServer } = await import('@vercel/cosmosdb-server');
  installPartitionScopedQueries();
  // Keep-alive as real Cosmos DB does: the server's default answers every request with `connection: close`,
  // so the SDK opened a new TCP connection per operation (a fifth of a point read's CPU in bench/profile.ts).
  const server: Server = createHttpServer({ keepAlive: true });
  patchRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CosmosClient({
    endpoint,
    key: 'embedded',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const dataFile = opts.dataDir ? path.resolve(opts.dataDir, 'cosmos.json') : undefined;

  if (dataFile) await restore(client, dataFile);

  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (!dataFile) return Promise.resolve();
    // Serialise flushes so a periodic one never races the shutdown one.
    flushing = flushing.then(() => dump(client, dataFile)).catch((err) => opts.onError?.(err));
    return flushing;
  };

  const timer =
    dataFile && opts.flushSeconds && opts.flushSeconds > 0
      ? setInterval(() => void flush(), opts.flushSeconds * 1000)
      : undefined;
  timer?.unref();

  let stopped = false;
  return {
    endpoint,
    dataFile,
    flush,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await flush();
      client.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Two ways the embedded server is brought closer to real Cosmos DB, on every request:
 * - A point read whose If-None-Match names the current version gets 304 and no body; the server ignores the
 *   header. Its handler sets the document's ETag before ending the response, so a 200 for that very version is
 *   turned into the 304 real Cosmos would send (the change-feed use of the header, with A-IM, is left alone).
 * - A query with a partition key runs over that partition only (embedded-partitions.ts).
 */
function patchRequests(server: Server): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const ifNoneMatch = req.headers['if-none-match'];
    if (
      req.method === 'GET' &&
      ifNoneMatch &&
      !req.headers['a-im'] &&
      /\/docs\/[^/]+\/?$/.test(req.url ?? '')
    ) {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode === 200 && res.getHeader('etag') === ifNoneMatch) {
          res.statusCode = 304;
          res.removeHeader('content-type');
          return end();
        }
        return end(...args);
      }) as ServerResponse['end'];
    }
    withRequestPartition(req, () => {
      for (const handle of handlers) handle(req, res);
    });
  });
}

async function dump(client: CosmosClient, file: string): Promise<void> {
  const out: Dump = { version: 1, savedAt: new Date().toISOString(), databases: [] };
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  for (const db of dbs) {
    const database = client.database(db.id);
    const { resources: colls } = await database.containers.readAll().fetchAll();
    const containers: Dump['databases'][number]['containers'] = [];
    for (const coll of colls) {
      const { resources: items } = await database.container(coll.id).items.readAll().fetchAll();
      containers.push({
        id: coll.id,
        partitionKeyPaths: coll.partitionKey?.paths ?? ['/id'],
        items: items.map((it) => {
          const copy: Record<string, unknown> = { ...it };
          for (const f of SYSTEM_FIELDS) delete copy[f];
          return copy;
        }),
      });
    }
    out.databases.push({ id: db.id, containers });
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(out));
  await rename(tmp, file); // atomic: a crash mid-write never leaves half a file
}

async function restore(client: CosmosClient, file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const data = JSON.parse(text) as Dump;
  if (data.version !== 1) throw new Error(`${file}: unknown data format version ${String(data.version)}`);
  for (const db of data.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const c of db.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: c.id,
        partitionKey: { paths: c.partitionKeyPaths },
      });
      for (const item of c.items) await container.items.upsert(item);
    }
  }
}
