// The tab API's per-tenant snapshot cache: one load at a time, fresh for a while, stale-while-reloading,
// invalidation on demand, failures never cached.
import assert from 'node:assert/strict';
import { SnapshotCache } from '../../bot/api/snapshot-cache';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('tab API snapshot cache', function () {
  let clock = 0;
  const tick = (ms: number) => {
    clock += ms;
  };
  beforeEach(() => {
    clock = 1000;
  });

  it('loads once for concurrent requests and reuses the copy while fresh', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 100, clock: () => clock });
    let loads = 0;
    const gate = deferred<number>();
    const load = () => {
      loads++;
      return gate.promise;
    };
    const a = cache.get('t', load);
    const b = cache.get('t', load);
    gate.resolve(7);
    assert.deepEqual(await Promise.all([a, b]), [7, 7]);
    tick(50);
    assert.equal(await cache.get('t', load), 7);
    assert.equal(loads, 1);
  });

  it('serves the stale copy once expired and reloads in the background', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 100, clock: () => clock });
    let next = 1;
    const load = () => Promise.resolve(next++);
    assert.equal(await cache.get('t', load), 1);
    tick(150);
    assert.equal(await cache.get('t', load), 1); // stale answer, reload started
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get('t', load), 2);
  });

  it('keeps tenants apart', async () => {
    const cache = new SnapshotCache<string>({ ttlMs: 100, clock: () => clock });
    assert.equal(await cache.get('a', () => Promise.resolve('A')), 'A');
    assert.equal(await cache.get('b', () => Promise.resolve('B')), 'B');
    assert.equal(await cache.get('a', () => Promise.resolve('wrong')), 'A');
  });

  it('invalidate makes the next request load, and a load racing the invalidation is not kept', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 10_000, clock: () => clock });
    const slow = deferred<number>();
    const first = cache.get('t', () => slow.promise);
    cache.invalidate('t');
    slow.resolve(1);
    assert.equal(await first, 1);
    assert.equal(await cache.get('t', () => Promise.resolve(2)), 2);
    cache.invalidate('t');
    assert.equal(await cache.get('t', () => Promise.resolve(3)), 3);
  });

  it('does not cache a failed load', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 10_000, clock: () => clock });
    await assert.rejects(
      cache.get('t', () => Promise.reject(new Error('store down'))),
      /store down/,
    );
    assert.equal(await cache.get('t', () => Promise.resolve(5)), 5);
  });

  it('reads every time with a TTL of 0', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 0, clock: () => clock });
    let n = 0;
    await cache.get('t', () => Promise.resolve(n++));
    await cache.get('t', () => Promise.resolve(n++));
    assert.equal(n, 2);
  });

  it('drops the least recently used tenant beyond the bound', async () => {
    const cache = new SnapshotCache<string>({ ttlMs: 10_000, maxTenants: 2, clock: () => clock });
    await cache.get('a', () => Promise.resolve('A'));
    await cache.get('b', () => Promise.resolve('B'));
    await cache.get('a', () => Promise.resolve('A2')); // a is now the most recent
    await cache.get('c', () => Promise.resolve('C')); // evicts b
    assert.equal(await cache.get('a', () => Promise.resolve('A3')), 'A');
    assert.equal(await cache.get('b', () => Promise.resolve('B2')), 'B2');
  });

  it('with isCurrent: serves a young copy without asking, then asks, and reloads when the store changed', async () => {
    const cache = new SnapshotCache<number>({ ttlMs: 60_000, verifyAfterMs: 1000, clock: () => clock });
    let version = 1;
    let loads = 0;
    let checks = 0;
    const load = async () => {
      loads++;
      return version;
    };
    const isCurrent = async (v: number) => {
      checks++;
      return v === version;
    };
    assert.equal(await cache.get('t', load, isCurrent), 1);
    tick(500);
    assert.equal(await cache.get('t', load, isCurrent), 1);
    assert.deepEqual([loads, checks], [1, 0], 'young: served without a check');
    tick(600);
    assert.equal(await cache.get('t', load, isCurrent), 1);
    assert.deepEqual([loads, checks], [1, 1], 'old enough: checked, unchanged, served');
    tick(500);
    assert.equal(await cache.get('t', load, isCurrent), 1);
    assert.deepEqual([loads, checks], [1, 1], 'the check renewed it');
    version = 2;
    tick(1500);
    assert.equal(await cache.get('t', load, isCurrent), 2, 'changed in the store: reloaded before answering');
    assert.deepEqual([loads, checks], [2, 2]);
  });
});
