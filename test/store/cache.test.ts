import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ConcurrencyConflict, DocumentCache, openStore, type Repository, type Store } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';

const Doc = z.object({
  id: z.string(),
  tenantId: z.string(),
  v: z.number(),
  tags: z.array(z.string()).default([]),
});
type Doc = z.infer<typeof Doc>;

/** In front of the embedded server (which answers If-None-Match with 304 as real Cosmos does): counts requests. */
async function countingProxy(target: string) {
  const state = { reads: 0, notModified: 0, queries: 0, writes: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    const isDoc = /\/docs\/[^/]+$/.test(url.pathname);
    const isDocs = /\/docs$/.test(url.pathname);
    if (isDoc && req.method === 'GET') state.reads++;
    else if (isDocs && req.method === 'POST' && req.headers['x-ms-documentdb-isquery']) state.queries++;
    else if ((isDoc || isDocs) && req.method !== 'GET') state.writes++;
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (up) => {
      if (up.statusCode === 304) state.notModified++;
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
    reset: () => Object.assign(state, { reads: 0, notModified: 0, queries: 0, writes: 0 }),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('store: the process cache of documents (bot/store/cache.ts)', () => {
  let embedded: EmbeddedCosmos;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let store: Store;
  /** Another instance of the app: its own client and cache, the same database. */
  let other: Store;
  let repo: Repository<Doc>;
  let otherRepo: Repository<Doc>;
  let parses = 0;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await countingProxy(embedded.endpoint);
    store = await openStore({ endpoint: proxy.url, auth: 'key', key: 'k', database: 'cache', local: true });
    other = await openStore({
      endpoint: embedded.endpoint,
      auth: 'key',
      key: 'k',
      database: 'cache',
      local: true,
    });
    const Counted = Doc.transform((d) => {
      parses++;
      return d;
    });
    repo = store.repository('vouchers', Counted as unknown as typeof Doc, 'doc');
    otherRepo = other.repository('vouchers', Doc, 'doc');
  });
  after(async () => {
    store.close();
    other.close();
    await proxy.stop();
    await embedded.stop();
  });
  beforeEach(() => {
    proxy.reset();
    parses = 0;
  });

  it('a version already decoded is not validated again; a read asks the server, which answers 304', async () => {
    const created = await repo.create({ id: 'a', tenantId: 't', v: 1, tags: [] });
    assert.equal(parses, 1);
    const read = await repo.read('t', 'a');
    assert.deepEqual(read, created);
    assert.equal(parses, 1, 'same ETag: no second validation');
    assert.equal(proxy.state.reads, 1, 'the server was asked');
    assert.equal(proxy.state.notModified, 1, 'and said the cached version is current');
  });

  it('a version written by another instance is read, validated and replaces the cached one', async () => {
    const created = await repo.create({ id: 'b', tenantId: 't', v: 1, tags: [] });
    const theirs = await otherRepo.replace({ ...created.doc, v: 2 }, created.etag);
    parses = 0;
    const read = await repo.read('t', 'b');
    assert.equal(read?.doc.v, 2);
    assert.equal(read?.etag, theirs.etag);
    assert.equal(parses, 1);
    assert.equal(proxy.state.notModified, 0);
  });

  it('maxAgeMs: a copy confirmed within that time is served without asking; 0 always asks', async () => {
    const created = await repo.create({ id: 'c', tenantId: 't', v: 1, tags: [] });
    await otherRepo.replace({ ...created.doc, v: 2 }, created.etag);
    proxy.reset();
    assert.equal(
      (await repo.read('t', 'c', { maxAgeMs: 60_000 }))?.doc.v,
      1,
      'recent enough: the cached copy',
    );
    assert.equal(proxy.state.reads, 0);
    assert.equal((await repo.read('t', 'c', { maxAgeMs: 0 }))?.doc.v, 2, 'must be current: asked');
    assert.equal(proxy.state.reads, 1);
  });

  it('atVersion: the exact version is taken without a read; if the server has moved on, the write is a conflict, never a lost update', async () => {
    const created = await repo.create({ id: 'd', tenantId: 't', v: 1, tags: [] });
    proxy.reset();
    const mine = await repo.read('t', 'd', { atVersion: created.etag });
    assert.equal(proxy.state.reads, 0);
    assert.equal(mine?.etag, created.etag);
    const theirs = await otherRepo.replace({ ...created.doc, v: 5 }, created.etag);
    // The cache still has v1 and the caller asks for v1: it gets it, and its ETag-checked write fails.
    const stale = await repo.read('t', 'd', { atVersion: created.etag });
    assert.equal(stale?.doc.v, 1);
    await assert.rejects(repo.replace({ ...created.doc, v: 3 }, created.etag), ConcurrencyConflict);
    // The conflict dropped the cached copy: the next read of that version asks the server.
    const fresh = await repo.read('t', 'd', { atVersion: created.etag });
    assert.equal(fresh?.etag, theirs.etag);
    assert.equal(fresh?.doc.v, 5);
    assert.equal((await otherRepo.read('t', 'd'))?.doc.v, 5, 'the other instance’s write stands');
  });

  it('a different version asked for (atVersion) is read from the server', async () => {
    const created = await repo.create({ id: 'e', tenantId: 't', v: 1, tags: [] });
    proxy.reset();
    await repo.read('t', 'e', { atVersion: 'not-this-one' });
    assert.equal(proxy.state.reads, 1);
    assert.equal((await repo.read('t', 'e'))?.etag, created.etag);
  });

  it('cached documents are frozen: code that tries to change a shared copy throws', async () => {
    await repo.create({ id: 'f', tenantId: 't', v: 1, tags: ['x'] });
    const read = await repo.read('t', 'f');
    assert.ok(read);
    assert.throws(() => {
      (read.doc as { v: number }).v = 9;
    }, TypeError);
    assert.throws(() => read.doc.tags.push('y'), TypeError);
    assert.equal((await repo.read('t', 'f', { maxAgeMs: 60_000 }))?.doc.v, 1);
  });

  it('a copy past half its allowed age is served and renewed in the background: a busy view never waits, never gets older than allowed', async () => {
    const created = await repo.create({ id: 'r', tenantId: 't', v: 1, tags: [] });
    await otherRepo.replace({ ...created.doc, v: 2 }, created.etag);
    proxy.reset();
    assert.equal((await repo.read('t', 'r', { maxAgeMs: 200 }))?.doc.v, 1, 'young copy: served, no read');
    assert.equal(proxy.state.reads, 0);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(
      (await repo.read('t', 'r', { maxAgeMs: 200 }))?.doc.v,
      1,
      'past half its age: still served at once…',
    );
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(proxy.state.reads, 1, '…while one read renews it');
    assert.equal((await repo.read('t', 'r', { maxAgeMs: 200 }))?.doc.v, 2, 'the renewed copy');
  });

  it('a deleted document is gone from the cache too', async () => {
    await repo.create({ id: 'g', tenantId: 't', v: 1, tags: [] });
    await repo.delete('t', 'g');
    assert.equal(await repo.read('t', 'g', { maxAgeMs: 60_000 }), undefined);
  });

  it('a document deleted by another instance is not found once the server is asked', async () => {
    await repo.create({ id: 'h', tenantId: 't', v: 1, tags: [] });
    await otherRepo.delete('t', 'h');
    assert.equal(await repo.read('t', 'h'), undefined);
    assert.equal(
      await repo.read('t', 'h', { maxAgeMs: 60_000 }),
      undefined,
      'and not served from the cache after that',
    );
  });

  it('queries with maxAgeMs reuse a recent result until this process writes in the tenant', async () => {
    await repo.create({ id: 'q1', tenantId: 'tq', v: 1, tags: [] });
    await repo.create({ id: 'q2', tenantId: 'tq', v: 2, tags: [] });
    proxy.reset();
    parses = 0;
    const spec = { orderBy: 'c.v ASC', maxAgeMs: 60_000 };
    assert.deepEqual(
      (await repo.query('tq', spec)).map((s) => s.doc.id),
      ['q1', 'q2'],
    );
    assert.equal(proxy.state.queries, 1);
    assert.equal(parses, 0, 'documents already decoded are not validated again');
    assert.deepEqual(
      (await repo.query('tq', spec)).map((s) => s.doc.id),
      ['q1', 'q2'],
    );
    assert.equal(proxy.state.queries, 1, 'served from the remembered result');
    await repo.create({ id: 'q3', tenantId: 'tq', v: 3, tags: [] });
    assert.deepEqual(
      (await repo.query('tq', spec)).map((s) => s.doc.id),
      ['q1', 'q2', 'q3'],
      'a local write makes it run again',
    );
    assert.equal(proxy.state.queries, 2);
    await otherRepo.create({ id: 'q4', tenantId: 'tq', v: 4, tags: [] });
    assert.equal((await repo.query('tq', spec)).length, 3, 'another instance’s write shows after maxAgeMs');
    assert.equal((await repo.query('tq', { orderBy: 'c.v ASC', maxAgeMs: 0 })).length, 4);
    assert.equal(
      (await repo.query('tq', { orderBy: 'c.v ASC' })).length,
      4,
      'without maxAgeMs: always asked',
    );
  });

  it('a query result is remembered per tenant and per parameters', async () => {
    await repo.create({ id: 'p1', tenantId: 'tp1', v: 1, tags: [] });
    await repo.create({ id: 'p1', tenantId: 'tp2', v: 1, tags: [] });
    const spec = (min: number) => ({
      where: 'c.v >= @min',
      parameters: [{ name: '@min', value: min }],
      maxAgeMs: 60_000,
    });
    assert.equal((await repo.query('tp1', spec(1))).length, 1);
    assert.equal((await repo.query('tp1', spec(2))).length, 0);
    assert.equal((await repo.query('tp2', spec(1)))[0]?.doc.tenantId, 'tp2');
  });

  it('stays within its bounds, least recently used first', () => {
    let now = 0;
    const cache = new DocumentCache({ maxDocuments: 2, maxQueries: 1, clock: () => now });
    const put = (id: string) => cache.confirmed('t', id, `e-${id}`, () => ({ doc: { id }, etag: `e-${id}` }));
    put('a');
    put('b');
    assert.ok(cache.get('t', 'a'), 'touching a makes b the oldest');
    put('c');
    assert.equal(cache.get('t', 'b'), undefined);
    assert.ok(cache.get('t', 'a'));
    now = 100;
    assert.equal(cache.get('t', 'a')?.ageMs, 100);
    cache.rememberQuery('t', 'q1', ['a'], 0, now);
    cache.rememberQuery('t', 'q2', ['c'], 0, now);
    assert.equal(cache.queryResult('t', 'q1', 1_000), undefined);
    assert.deepEqual(cache.queryResult('t', 'q2', 1_000), { ids: ['c'], ageMs: 0 });
    now = 2_000;
    assert.equal(cache.queryResult('t', 'q2', 1_000), undefined, 'too old');
  });
});

describe('store: concurrent read-only requests share one round trip', () => {
  let embedded: EmbeddedCosmos;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let store: Store;
  let repo: Repository<Doc>;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await countingProxy(embedded.endpoint);
    store = await openStore({ endpoint: proxy.url, auth: 'key', key: 'k', database: 'shared', local: true });
    repo = store.repository('vouchers', Doc, 'doc');
    for (let i = 0; i < 5; i++) await repo.create({ id: `s${i}`, tenantId: 'ts', v: i, tags: [] });
  });
  after(async () => {
    store.close();
    await proxy.stop();
    await embedded.stop();
  });

  it('twenty callers of the same expired query make one query and each get their own array', async () => {
    proxy.reset();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => repo.query('ts', { orderBy: 'c.v ASC', maxAgeMs: 0 })),
    );
    assert.equal(proxy.state.queries, 1);
    assert.ok(results.every((r) => r.length === 5));
    results[0]!.reverse();
    assert.equal(results[1]![0]?.doc.id, 's0', "one caller's sort does not reorder another's result");
  });

  it('twenty callers of the same expired document make one read; callers that need the current version each ask', async () => {
    proxy.reset();
    await Promise.all(Array.from({ length: 20 }, () => repo.read('ts', 's1', { maxAgeMs: 0 })));
    assert.equal(proxy.state.reads, 1);
    proxy.reset();
    await Promise.all(Array.from({ length: 3 }, () => repo.read('ts', 's1')));
    assert.equal(proxy.state.reads, 3);
  });
});
