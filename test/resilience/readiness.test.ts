// /readyz's database check (store/readiness.ts): concurrent probes share one ping, a result is reused for
// READY_CACHE_MS, and a database that answers again is seen by the first probe after that.
import { strict as assert } from 'node:assert';
import { Readiness } from '../../bot/store/readiness';

describe('resilience: readiness probes (issue #13)', () => {
  it('shares one ping between concurrent probes, reuses it for cacheMs, then asks again', async () => {
    let now = 0;
    let pings = 0;
    let up = false;
    const timeouts: number[] = [];
    let release: (ok: boolean) => void = () => undefined;
    const readiness = new Readiness({
      ping: (ms) => {
        pings++;
        timeouts.push(ms);
        return new Promise<boolean>((resolve) => (release = resolve));
      },
      timeoutMs: 1500,
      cacheMs: 1000,
      now: () => now,
    });
    const probes = [readiness.check(), readiness.check(), readiness.check()];
    release(up);
    assert.deepEqual(await Promise.all(probes), [false, false, false]);
    assert.equal(pings, 1, 'one ping for three probes');
    assert.deepEqual(timeouts, [1500], 'the ping gets the readiness timeout');

    up = true;
    now = 999;
    assert.equal(await readiness.check(), false, 'reused within cacheMs');
    assert.equal(pings, 1);

    now = 1000;
    const recovered = readiness.check();
    release(up);
    assert.equal(await recovered, true, 'recovery seen by the first probe after cacheMs');
    assert.equal(pings, 2);
  });

  it('a ping that throws counts as not ready', async () => {
    const readiness = new Readiness({
      ping: () => Promise.reject(new Error('boom')),
      timeoutMs: 10,
      cacheMs: 0,
    });
    assert.equal(await readiness.check(), false);
  });
});
