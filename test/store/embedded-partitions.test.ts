import { strict as assert } from 'node:assert';
import type { IncomingMessage } from 'node:http';
import { CosmosClient, type Container } from '@azure/cosmos';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { queryPartitionKey } from '../../bot/store/embedded-partitions';

interface Doc {
  id: string;
  tenantId: string;
  n: number;
}

/** Ids of the documents a query sees, run with or without a partition key, as the SDK sends it. */
async function ids(container: Container, query: string, partitionKey?: string): Promise<string[]> {
  const { resources } = await container.items
    .query<Doc>(query, partitionKey === undefined ? {} : { partitionKey })
    .fetchAll();
  return resources.map((d) => d.id).sort();
}

describe('embedded server: queries with a partition key run over that partition, as in Cosmos DB', () => {
  let embedded: EmbeddedCosmos;
  let client: CosmosClient;
  let container: Container;

  before(async () => {
    embedded = await startEmbeddedCosmos();
    client = new CosmosClient({
      endpoint: embedded.endpoint,
      key: 'embedded',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { database } = await client.databases.createIfNotExists({ id: 'partitions' });
    ({ container } = await database.containers.createIfNotExists({
      id: 'docs',
      partitionKey: { paths: ['/tenantId'] },
    }));
    // Written before the first scoped query: the index is built from what is already stored.
    for (const [id, tenantId, n] of [
      ['a1', 'a', 1],
      ['a2', 'a', 2],
      ['b1', 'b', 3],
    ] as const)
      await container.items.create({ id, tenantId, n });
  });

  after(async () => {
    client.dispose();
    await embedded.stop();
  });

  it('a query without a tenant filter sees only its partition; without a key it sees all', async () => {
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'a'), ['a1', 'a2']);
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'b'), ['b1']);
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'nobody'), []);
    assert.deepEqual(await ids(container, 'SELECT * FROM c'), ['a1', 'a2', 'b1']);
  });

  it('keeps TOP, ORDER BY and parameters working inside the partition', async () => {
    const { resources } = await container.items
      .query<Doc>(
        {
          query: 'SELECT TOP @top * FROM c WHERE c.n >= @min ORDER BY c.n DESC',
          parameters: [
            { name: '@top', value: 1 },
            { name: '@min', value: 0 },
          ],
        },
        { partitionKey: 'a' },
      )
      .fetchAll();
    assert.deepEqual(
      resources.map((d) => d.id),
      ['a2'],
    );
  });

  it('follows creates, replaces, upserts and deletes after the index exists', async () => {
    await container.items.create({ id: 'a3', tenantId: 'a', n: 4 });
    await container.item('a1', 'a').replace({ id: 'a1', tenantId: 'a', n: 10 });
    await container.items.upsert({ id: 'b2', tenantId: 'b', n: 5 });
    await container.items.upsert({ id: 'b1', tenantId: 'b', n: 6 });
    await container.item('a2', 'a').delete();
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'a'), ['a1', 'a3']);
    assert.deepEqual(await ids(container, 'SELECT * FROM c WHERE c.n > 5', 'a'), ['a1']);
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'b'), ['b1', 'b2']);
    // The same id in another partition is another document.
    await container.items.create({ id: 'a3', tenantId: 'b', n: 7 });
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'b'), ['a3', 'b1', 'b2']);
    await container.item('a3', 'b').delete();
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'a'), ['a1', 'a3']);
    assert.deepEqual(await ids(container, 'SELECT * FROM c', 'b'), ['b1', 'b2']);
  });

  it('scopes only document queries with one string key', () => {
    const req = (headers: Record<string, string>, url = '/dbs/d/colls/c/docs', method = 'POST') =>
      ({ method, url, headers }) as unknown as IncomingMessage;
    const query = { 'x-ms-documentdb-isquery': 'true' };
    assert.equal(queryPartitionKey(req({ ...query, 'x-ms-documentdb-partitionkey': '["t"]' })), 't');
    for (const pk of ['[]', '[null]', '[{}]', '["a","b"]', '[1]', 'not json'])
      assert.equal(queryPartitionKey(req({ ...query, 'x-ms-documentdb-partitionkey': pk })), undefined, pk);
    // A query plan request, a create with a partition key and a container query are left alone.
    assert.equal(queryPartitionKey(req({ 'x-ms-documentdb-partitionkey': '["t"]' })), undefined);
    assert.equal(
      queryPartitionKey(req({ ...query, 'x-ms-documentdb-partitionkey': '["t"]' }, '/dbs/d/colls')),
      undefined,
    );
  });
});
