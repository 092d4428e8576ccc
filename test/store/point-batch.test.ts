// Batched point operations (store/point-batch.ts) over the real SDK and the embedded server: operations asked for
// at once share bulk requests, and each keeps its own answer — a stale ETag is still a conflict, a missing
// document still absent. Requests are counted by a proxy in front of the server.
import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { ConcurrencyConflict, openStore, type Repository, type Store } from '../../bot/store';
import { answerJson, startInterceptingProxy, type InterceptingProxy } from '../support/intercepting-proxy';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';

const Note = z.object({ id: z.string(), tenantId: z.string(), n: z.number().int() });
type Note = z.infer<typeof Note>;

/** A proxy that answers every bulk request 400 (a bulk request failing as a whole) and passes the rest. */
async function refusingBulk(target: string): Promise<InterceptingProxy & { refused: () => number }> {
  let refused = 0;
  const proxy = await startInterceptingProxy(target, (req, res) => {
    if (req.headers['x-ms-cosmos-is-batch-request'] === undefined) return false;
    refused++;
    return answerJson(req, res, 400, { code: 'BadRequest', message: 'bulk refused by the test' });
  });
  return { ...proxy, refused: () => refused };
}

describe('store: batched point reads and replaces (store/point-batch.ts)', () => {
  let embedded: EmbeddedCosmos;
  let proxy: CountingProxy;
  let store: Store;
  let batched: Repository<Note>;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await startCountingProxy(embedded.endpoint);
    const settings = { endpoint: proxy.url, auth: 'key' as const, key: 't', database: 'batch', local: true };
    store = await openStore(settings, { timeoutMs: 20_000 });
    batched = store.repository('reminders', Note, 'note', { batchPointOperations: true });
    // The SDK's first bulk request reads the container's partition key ranges (then cached): not counted.
    await batched.read('warm-up', 'nothing');
  });
  after(async () => {
    store.close();
    await proxy.stop();
    await embedded.stop();
  });

  async function seed(tenantId: string, count: number) {
    const plain = store.repository('reminders', Note, 'note');
    return Promise.all(
      Array.from({ length: count }, (_, i) => plain.create({ id: `n${i}`, tenantId, n: 0 })),
    );
  }

  it('replaces asked for at once share requests; a stale ETag among them is still a conflict', async () => {
    const docs = await seed('t-replace', 30);
    proxy.reset();
    const stale = { ...(docs[7] as (typeof docs)[number]), etag: '"not-the-current-version"' };
    const writes = docs.map((d, i) =>
      batched.replace({ ...d.doc, n: i + 1 }, i === 7 ? stale.etag : d.etag).then(
        (s) => s,
        (err: unknown) => err,
      ),
    );
    const results = await Promise.all(writes);
    // One leaves alone, a second while it is out, the other 28 together once one is back.
    assert.ok(
      proxy.container('reminders').requests <= 3,
      `${proxy.container('reminders').requests} requests`,
    );
    assert.ok(results[7] instanceof ConcurrencyConflict, 'the stale ETag is refused');
    const plain = store.repository('reminders', Note, 'note');
    for (const [i, d] of docs.entries()) {
      const now = await plain.read('t-replace', d.doc.id);
      assert.equal(now?.doc.n, i === 7 ? 0 : i + 1, `note ${i}`);
      if (i !== 7) assert.equal((results[i] as { etag: string }).etag, now?.etag, 'the new ETag is returned');
    }
  });

  it('reads asked for at once share requests; a missing document is absent', async () => {
    await seed('t-read', 20);
    proxy.reset();
    const ids = [...Array.from({ length: 20 }, (_, i) => `n${i}`), 'missing'];
    const read = await Promise.all(ids.map((id) => batched.read('t-read', id)));
    assert.ok(
      proxy.container('reminders').requests <= 3,
      `${proxy.container('reminders').requests} requests`,
    );
    assert.equal(read[20], undefined);
    assert.deepEqual(
      read.slice(0, 20).map((r) => r?.doc.id),
      ids.slice(0, 20),
    );
  });

  it('when a bulk request fails as a whole, each operation is done on its own', async () => {
    const refusing = await refusingBulk(embedded.endpoint);
    const other = await openStore(
      { endpoint: refusing.url, auth: 'key', key: 't', database: 'batch', local: true },
      { timeoutMs: 20_000 },
    );
    try {
      const docs = await seed('t-refused', 5);
      const repo = other.repository('reminders', Note, 'note', { batchPointOperations: true });
      const written = await Promise.all(docs.map((d) => repo.replace({ ...d.doc, n: 9 }, d.etag)));
      const read = await Promise.all(docs.map((d) => repo.read('t-refused', d.doc.id)));
      assert.ok(refusing.refused() > 0, 'bulk requests were tried');
      assert.deepEqual(
        read.map((r) => r?.etag),
        written.map((w) => w.etag),
      );
      await assert.rejects(
        repo.replace(
          { ...(docs[0] as (typeof docs)[number]).doc, n: 10 },
          (docs[0] as (typeof docs)[number]).etag,
        ),
        ConcurrencyConflict,
      );
    } finally {
      other.close();
      await refusing.stop();
    }
  });
});
