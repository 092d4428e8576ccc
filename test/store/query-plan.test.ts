import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { answerJson, startInterceptingProxy } from '../support/intercepting-proxy';
import { openStore, type Repository, type Store } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { planless, QUERY_PLAN_SDK_VERSION, skipQueryPlan } from '../../bot/store/query-plan';

const Doc = z.object({ id: z.string(), tenantId: z.string(), v: z.number() });

/** Counts query and query-plan requests; can answer the next query like a gateway that wants a query plan. */
async function planProxy(target: string) {
  const state = { queries: 0, plans: 0, refuseNextQuery: false };
  const proxy = await startInterceptingProxy(target, (req, res) => {
    const isQuery = req.headers['x-ms-documentdb-isquery'] !== undefined;
    if (req.headers['x-ms-cosmos-is-query-plan-request'] !== undefined) state.plans++;
    if (isQuery) state.queries++;
    if (!isQuery || !state.refuseNextQuery) return false;
    state.refuseNextQuery = false;
    const body = {
      code: 'BadRequest',
      message: 'Cross partition query only supports … (injected)',
      additionalErrorInfo: '{}',
    };
    return answerJson(req, res, 400, body, { 'x-ms-substatus': '1004' });
  });
  return { ...proxy, state };
}

describe('store: queries go out without the SDK’s query-plan request', () => {
  let embedded: EmbeddedCosmos;
  let proxy: Awaited<ReturnType<typeof planProxy>>;
  let store: Store;
  let repo: Repository<z.infer<typeof Doc>>;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    proxy = await planProxy(embedded.endpoint);
    store = await openStore({ endpoint: proxy.url, auth: 'key', key: 'k', database: 'plans', local: true });
    repo = store.repository('vouchers', Doc, 'doc');
    for (let i = 0; i < 3; i++) await repo.create({ id: `p${i}`, tenantId: 't', v: i });
  });
  after(async () => {
    store.close();
    await proxy.stop();
    await embedded.stop();
  });

  it('a query is one request, results and order intact', async () => {
    Object.assign(proxy.state, { queries: 0, plans: 0 });
    const res = await repo.query('t', {
      where: 'c.v >= @min',
      orderBy: 'c.v DESC',
      parameters: [{ name: '@min', value: 1 }],
    });
    assert.deepEqual(
      res.map((r) => r.doc.id),
      ['p2', 'p1'],
    );
    assert.equal(proxy.state.queries, 1);
    assert.equal(proxy.state.plans, 0, 'no query-plan request');
  });

  it('the change marker (an aggregate in one partition) is one request too', async () => {
    Object.assign(proxy.state, { queries: 0, plans: 0 });
    const marker = await repo.changeMarker('t');
    assert.equal(marker.count, 3);
    assert.ok(marker.lastModified > 0);
    assert.equal(proxy.state.plans, 0);
    assert.equal(proxy.state.queries, 1);
  });

  it('a query the gateway answers with "needs a query plan" is run again the SDK’s usual way and returns its results', async () => {
    Object.assign(proxy.state, { queries: 0, plans: 0, refuseNextQuery: true });
    const res = await repo.query('t', { orderBy: 'c.v ASC' });
    assert.deepEqual(
      res.map((r) => r.doc.id),
      ['p0', 'p1', 'p2'],
    );
    assert.equal(proxy.state.queries, 2, 'the refused query, then the rerun');
    assert.equal(proxy.state.plans, 1, 'the rerun asked for the plan as the SDK does');
  });

  const byV = () =>
    store.containers.vouchers.items.query<{ id: string }>(
      {
        query: 'SELECT c.id FROM c WHERE c.tenantId = @t ORDER BY c.v ASC',
        parameters: [{ name: '@t', value: 't' }],
      },
      { partitionKey: 't' },
    );

  it('on another SDK version the iterator is left alone: the SDK asks for the plan as usual, results intact', async () => {
    Object.assign(proxy.state, { queries: 0, plans: 0 });
    const ids = await planless(byV, async (it) => (await it.fetchAll()).resources.map((r) => r.id), '4.10.0');
    assert.deepEqual(ids, ['p0', 'p1', 'p2']);
    assert.equal(proxy.state.plans, 1, 'the SDK’s usual plan request');
    assert.equal(proxy.state.queries, 1);
  });

  it('the plan slot is filled only on the version it was written for, and only when it has the expected shape', () => {
    assert.equal(skipQueryPlan(byV(), '4.10.0'), false, 'another version');
    const iterator = byV();
    assert.equal(skipQueryPlan(iterator, QUERY_PLAN_SDK_VERSION), true, 'the installed 4.9.3 iterator');
    assert.equal(skipQueryPlan(iterator, QUERY_PLAN_SDK_VERSION), false, 'a slot already filled');
    const noSlot = { fetchQueryPlan: () => undefined };
    assert.equal(skipQueryPlan(noSlot as never, QUERY_PLAN_SDK_VERSION), false, 'no such field');
    const noFetcher = { queryPlanPromise: undefined };
    assert.equal(
      skipQueryPlan(noFetcher as never, QUERY_PLAN_SDK_VERSION),
      false,
      'no plan fetcher beside it',
    );
  });
});
