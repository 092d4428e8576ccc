import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { openStore, StoreUnavailable, type Repository, type Store } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';

const Doc = z.object({ id: z.string(), tenantId: z.string(), v: z.number() });

/** A proxy in front of the embedded server that answers the next N document requests with a failure. */
async function faultyProxy(target: string) {
  const state = { failNext: 0, status: 429, seen: 0, failed: 0 };
  const server = http.createServer((req, res) => {
    const isDocs = /\/docs/.test(req.url ?? '');
    if (isDocs) state.seen++;
    if (isDocs && state.failNext > 0) {
      state.failNext--;
      state.failed++;
      req.resume();
      res.writeHead(state.status, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '5' });
      res.end(
        JSON.stringify({
          code: state.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
          message: 'injected',
        }),
      );
      return;
    }
    const url = new URL(req.url ?? '/', target);
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('store: transient Cosmos errors are retried', () => {
  let embedded: EmbeddedCosmos;
  let proxy: Awaited<ReturnType<typeof faultyProxy>>;
  let store: Store;
  let repo: Repository<z.infer<typeof Doc>>;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await faultyProxy(embedded.endpoint);
    store = await openStore({
      endpoint: proxy.url,
      auth: 'key',
      key: 'k',
      database: 'transient',
      local: true,
    });
    repo = store.repository('vouchers', Doc, 'doc');
  });
  after(async () => {
    store.close();
    await proxy.stop();
    await embedded.stop();
  });

  it('429 with x-ms-retry-after-ms: the SDK throttle policy retries and the write lands once', async () => {
    proxy.state.status = 429;
    proxy.state.failNext = 3;
    const before = proxy.state.seen;
    await repo.create({ id: 'throttled', tenantId: 't', v: 1 });
    assert.equal(proxy.state.seen - before, 4, 'three refused attempts then one that went through');
    assert.equal((await repo.read('t', 'throttled'))?.doc.v, 1);
  });

  it('503 on reads and writes is retried (bounded) and succeeds', async () => {
    await repo.create({ id: 'busy', tenantId: 't', v: 1 });
    proxy.state.status = 503;
    proxy.state.failNext = 2;
    const read = await repo.read('t', 'busy');
    assert.equal(read?.doc.v, 1);
    proxy.state.failNext = 2;
    await repo.replace({ id: 'busy', tenantId: 't', v: 2 }, read!.etag);
    assert.equal(proxy.state.failNext, 0);
    assert.equal((await repo.read('t', 'busy'))?.doc.v, 2);
  });

  it('a 503 that does not clear is reported (as StoreUnavailable, nothing applied), not swallowed', async () => {
    proxy.state.status = 503;
    proxy.state.failNext = 50;
    await assert.rejects(
      repo.read('t', 'busy'),
      (err: unknown) => err instanceof StoreUnavailable && err.outcome === 'notApplied',
    );
    proxy.state.failNext = 0;
  });
});
