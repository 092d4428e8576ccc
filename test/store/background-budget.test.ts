// Background work (the due scan, the sender) runs its store operations under a longer budget than a turn's:
// a slow database slows it down instead of failing it (issue #12 at scale, issue #13's budgets).
import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { openStore, StoreUnavailable, withStoreBudget, type Repository, type Store } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const Doc = z.object({ id: z.string(), tenantId: z.string(), v: z.number() });

describe('store: a budget scope for background work', () => {
  let embedded: EmbeddedCosmos;
  let proxy: TcpProxy;
  let store: Store;
  let repo: Repository<z.infer<typeof Doc>>;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await startTcpProxy(Number(new URL(embedded.endpoint).port));
    const settings = { endpoint: proxy.url, auth: 'key' as const, key: 'k', database: 'scope', local: true };
    store = await openStore(settings, { timeoutMs: 150 });
    repo = store.repository('vouchers', Doc, 'doc');
    await repo.create({ id: 'd1', tenantId: 't1', v: 1 });
  });
  after(async () => {
    store.close();
    await proxy.stop();
    await embedded.stop();
  });

  it('a slow answer fails a turn-budgeted read, and succeeds inside withStoreBudget', async () => {
    await proxy.setMode('delay', 400);
    try {
      await assert.rejects(
        repo.read('t1', 'd1', { maxAgeMs: 0 }),
        (err) => err instanceof StoreUnavailable && err.outcome === 'notApplied',
      );
      const read = await withStoreBudget(5_000, () => repo.read('t1', 'd1', { maxAgeMs: 0 }));
      assert.equal(read?.doc.v, 1);
      // The scope ends with its work: the next operation outside it has the turn's budget again.
      await assert.rejects(repo.read('t1', 'd1', { maxAgeMs: 0 }), StoreUnavailable);
    } finally {
      await proxy.setMode('pass');
    }
  });
});
