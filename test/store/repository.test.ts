import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { AlreadyExists, ConcurrencyConflict, CorruptDocument, type Repository } from '../../bot/store';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

const Note = z.object({
  id: z.string(),
  tenantId: z.string(),
  text: z.string().max(100),
  n: z.number().int(),
});
type Note = z.infer<typeof Note>;

describe('store: Repository over the real SDK and the embedded server', () => {
  let cosmos: TestCosmos;
  let repo: Repository<Note>;
  const corrupt: string[] = [];

  before(async () => {
    cosmos = await startTestCosmos();
    repo = cosmos.store.repository('vouchers', Note, 'note', {
      onCorrupt: (e) => corrupt.push(e.id),
    });
  });
  after(async () => cosmos.stop());

  it('creates, reads, replaces and deletes', async () => {
    const created = await repo.create({ id: 'a', tenantId: 't1', text: 'hello', n: 1 });
    assert.ok(created.etag.length > 0);
    const read = await repo.read('t1', 'a');
    assert.deepEqual(read?.doc, { id: 'a', tenantId: 't1', text: 'hello', n: 1 });
    const replaced = await repo.replace({ ...created.doc, n: 2 }, created.etag);
    assert.notEqual(replaced.etag, created.etag);
    assert.equal((await repo.read('t1', 'a'))?.doc.n, 2);
    await repo.delete('t1', 'a');
    assert.equal(await repo.read('t1', 'a'), undefined);
  });

  it('a duplicate create is AlreadyExists (409)', async () => {
    await repo.create({ id: 'dup', tenantId: 't1', text: 'x', n: 1 });
    await assert.rejects(repo.create({ id: 'dup', tenantId: 't1', text: 'y', n: 2 }), AlreadyExists);
    assert.equal((await repo.read('t1', 'dup'))?.doc.text, 'x');
  });

  it('a stale ETag is ConcurrencyConflict (412) and changes nothing', async () => {
    const v1 = await repo.create({ id: 'etag', tenantId: 't1', text: 'v1', n: 1 });
    await repo.replace({ ...v1.doc, text: 'v2' }, v1.etag);
    await assert.rejects(repo.replace({ ...v1.doc, text: 'v3' }, v1.etag), ConcurrencyConflict);
    await assert.rejects(repo.upsert({ ...v1.doc, text: 'v3' }, v1.etag), ConcurrencyConflict);
    await assert.rejects(repo.delete('t1', 'etag', v1.etag), ConcurrencyConflict);
    assert.equal((await repo.read('t1', 'etag'))?.doc.text, 'v2');
  });

  it('reads are scoped to the tenant partition', async () => {
    await repo.create({ id: 'secret', tenantId: 't2', text: 'other tenant', n: 1 });
    assert.equal(await repo.read('t1', 'secret'), undefined);
    const t1 = await repo.query('t1', {
      where: 'c.id = @id',
      parameters: [{ name: '@id', value: 'secret' }],
    });
    assert.equal(t1.length, 0);
  });

  it('queries with parameters and order', async () => {
    for (const n of [5, 3, 4]) await repo.create({ id: `q${n}`, tenantId: 'tq', text: 'q', n });
    const res = await repo.query('tq', {
      where: 'c.n >= @min',
      orderBy: 'c.n DESC',
      parameters: [{ name: '@min', value: 4 }],
    });
    assert.deepEqual(
      res.map((r) => r.doc.id),
      ['q5', 'q4'],
    );
  });

  it('a write validates its document once (before writing), not again on the response; a new version read validates', async () => {
    let parses = 0;
    const Counted = Note.transform((n) => {
      parses++;
      return n;
    });
    const counted = cosmos.store.repository('vouchers', Counted as unknown as typeof Note, 'note');
    const created = await counted.create({ id: 'once', tenantId: 't1', text: 'x', n: 1 });
    assert.equal(parses, 1);
    const replaced = await counted.replace({ ...created.doc, n: 2 }, created.etag);
    assert.equal(parses, 2);
    assert.deepEqual(replaced.doc, { id: 'once', tenantId: 't1', text: 'x', n: 2 });
    assert.notEqual(replaced.etag, created.etag);
    assert.equal((await counted.read('t1', 'once'))?.etag, replaced.etag);
    assert.equal(parses, 2, 'the version this process wrote is not validated again');
    await cosmos.store.containers.vouchers.items.upsert({ ...replaced.doc, n: 3 });
    assert.equal((await counted.read('t1', 'once'))?.doc.n, 3);
    assert.equal(parses, 3, 'a version written elsewhere is validated');
  });

  it('refuses to write a document that breaks its schema', async () => {
    await assert.rejects(
      repo.create({ id: 'bad', tenantId: 't1', text: 'x'.repeat(101), n: 1 }),
      CorruptDocument,
    );
    assert.equal(await repo.read('t1', 'bad'), undefined);
  });

  it('a corrupt stored document is reported with its id, not passed on', async () => {
    await cosmos.store.containers.vouchers.items.create({ id: 'broken', tenantId: 'tc', text: 42 });
    await repo.create({ id: 'fine', tenantId: 'tc', text: 'ok', n: 1 });
    await assert.rejects(
      repo.read('tc', 'broken'),
      (err: unknown) => err instanceof CorruptDocument && err.id === 'broken',
    );
    const listed = await repo.query('tc');
    assert.deepEqual(
      listed.map((r) => r.doc.id),
      ['fine'],
    );
    assert.deepEqual(corrupt, ['broken']);
  });
});
