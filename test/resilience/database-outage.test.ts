// Issue #13: a database that refuses, never answers or answers 10 s late. A message, a card action and /readyz
// are each answered (the busy card with the correlation id; 503), nothing acknowledged is lost, and all recover
// as soon as the database answers again. The budgets are small here so the test runs fast; the assertions are
// about what is answered, not how fast (timings are in bench/).
import { strict as assert } from 'node:assert';
import { z } from 'zod';
import type { App } from '../../bot/app';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { openStore, StoreUnavailable, type Store } from '../../bot/store';
import type { Harness } from '../conversation/harness';
import { ADMIN, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import { invokeActivity, messageActivity } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';
import { startTcpProxy, type ProxyMode, type TcpProxy } from '../support/tcp-proxy';

const TENANT = 'tenant-outage';
const BUSY = 'The service is busy right now';

describe('resilience: the database refuses, black-holes or delays (issue #13)', function () {
  // Well above what these tests take with 400 ms budgets, well below the SDK's own timeouts (10 s backstop
  // per operation, 60 s by default): without the budgets a test runs out of time instead of being answered.
  this.timeout(30_000);
  let embedded: EmbeddedCosmos;
  let proxy: TcpProxy;
  let connector: LocalConnector;
  let app: App;
  let seq = 0;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await startTcpProxy(Number(new URL(embedded.endpoint).port));
    connector = await startLocalConnector();
    app = await startTestApp({
      COSMOS_ENDPOINT: proxy.url,
      COSMOS_KEY: 'outage-test',
      // Small budgets so the test is fast; every turn asks the database (no cached copies).
      COSMOS_TIMEOUT_MS: '400',
      READY_TIMEOUT_MS: '300',
      READY_CACHE_MS: '0',
      READ_CACHE_MS: '0',
    });
    const h = { repos: app.store.repos } as unknown as Harness;
    await seedReadyOrganization(h, TENANT);
    await seedVoucher(h, TENANT, 'v-OUTAGE-1', 'Assigned');
  });
  after(async () => {
    await app?.stop();
    await proxy?.stop();
    await connector?.stop();
    await embedded?.stop();
  });
  beforeEach(() => connector.clear());

  const who = () => ({ serviceUrl: connector.serviceUrl, tenantId: TENANT, userId: ADMIN });
  const cid = (name: string) => `outage-${name}-${++seq}`;

  async function message(text: string): Promise<{ id: string; card: string }> {
    const id = cid('msg');
    const res = await post(`${app.url}/api/messages`, messageActivity(who(), text), {
      'x-correlation-id': id,
    });
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1, 20_000);
    connector.clear();
    return { id, card: JSON.stringify(reply?.activity.attachments ?? reply?.activity.text) };
  }

  async function showVoucher(): Promise<{ id: string; status: number; card: string }> {
    const id = cid('act');
    const res = await post(
      `${app.url}/api/messages`,
      invokeActivity(who(), 'voucher.show', { voucherId: 'v-OUTAGE-1' }),
      { 'x-correlation-id': id },
    );
    return { id, status: res.status, card: JSON.stringify(res.body) };
  }

  async function healthy(): Promise<void> {
    const ready = await fetch(`${app.url}/readyz`);
    assert.equal(ready.status, 200);
    const msg = await message('help');
    assert.ok(!msg.card.includes(BUSY), 'the normal answer, not the busy card');
    const act = await showVoucher();
    assert.equal(act.status, 200);
    assert.ok(act.card.includes('OUTAGE-1'), 'the voucher card');
  }

  it('answers normally while the database answers', healthy);

  for (const mode of ['refuse', 'blackhole', 'delay'] as ProxyMode[]) {
    it(`${mode}: the message and the card action get the busy card, the tab 503, /readyz 503; then recovery`, async () => {
      const before = await app.store.repos.vouchers.get(TENANT, 'v-OUTAGE-1');
      await proxy.setMode(mode, 10_000);
      try {
        const msg = await message('help');
        assert.ok(msg.card.includes(BUSY), `message answered with the busy card: ${msg.card.slice(0, 300)}`);
        assert.ok(msg.card.includes(msg.id), 'with the correlation id');

        const act = await showVoucher();
        assert.equal(act.status, 200);
        assert.ok(
          act.card.includes(BUSY),
          `card action answered with the busy card: ${act.card.slice(0, 300)}`,
        );
        assert.ok(act.card.includes(act.id));

        const tab = await fetch(`${app.url}/api/tab/overview`, {
          headers: { 'accept-language': 'pt-BR,pt;q=0.9' },
        });
        assert.equal(tab.status, 503);
        assert.deepEqual(await tab.json(), {
          error: 'unavailable',
          message: 'O serviço está ocupado no momento. Nada foi alterado. Tente novamente em instantes.',
        });

        const ready = await fetch(`${app.url}/readyz`);
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), { status: 'database unreachable' });
        assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
      } finally {
        await proxy.setMode('pass');
      }
      await healthy();
      // Nothing acknowledged is lost: the voucher is exactly as it was stored before the outage.
      const after = await app.store.repos.vouchers.get(TENANT, 'v-OUTAGE-1');
      assert.equal(after?.etag, before?.etag);
      assert.deepEqual(after?.doc, before?.doc);
    });
  }
});

describe('resilience: a write whose answer never comes (issue #13)', function () {
  this.timeout(30_000);
  let embedded: EmbeddedCosmos;
  let proxy: TcpProxy;
  let store: Store;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await startTcpProxy(Number(new URL(embedded.endpoint).port));
    store = await openStore(
      { endpoint: proxy.url, auth: 'key', key: 'k', database: 'outage-writes', local: true },
      { timeoutMs: 400 },
    );
  });
  after(async () => {
    store?.close();
    await proxy?.stop();
    await embedded?.stop();
  });

  const Doc = z.object({ id: z.string(), tenantId: z.string(), v: z.number() });
  const repo = () => store.repository('vouchers', Doc, 'doc');

  it('refused: the write is reported not applied, and it was not', async () => {
    const first = await repo().create({ id: 'refused', tenantId: 't', v: 1 });
    await proxy.setMode('refuse');
    try {
      // Let the client see its pooled connections close (a reset one would leave the outcome unknown).
      await new Promise((r) => setTimeout(r, 200));
      await assert.rejects(
        repo().replace({ id: 'refused', tenantId: 't', v: 2 }, first.etag),
        (err: unknown) => err instanceof StoreUnavailable && err.outcome === 'notApplied',
      );
    } finally {
      await proxy.setMode('pass');
    }
    const now = await repo().read('t', 'refused');
    assert.equal(now?.etag, first.etag);
    assert.equal(now?.doc.v, 1);
  });

  it('never answered: the write is reported with an unknown outcome, and the next read tells (the ETag)', async () => {
    const first = await repo().create({ id: 'late', tenantId: 't', v: 1 });
    await proxy.setMode('blackhole');
    try {
      await assert.rejects(
        repo().replace({ id: 'late', tenantId: 't', v: 2 }, first.etag),
        (err: unknown) => err instanceof StoreUnavailable && err.outcome === 'unknown',
      );
    } finally {
      await proxy.setMode('pass');
    }
    // The cached copy was dropped: this read asks the server, whose ETag says whether the write landed.
    const now = await repo().read('t', 'late');
    assert.ok(now);
    assert.equal(now.etag === first.etag, now.doc.v === 1);
  });
});
