import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { openStore } from '../../bot/store';
import { startEmbeddedCosmos } from '../../bot/store/embedded';

const Doc = z.object({ id: z.string(), tenantId: z.string(), text: z.string() });

async function open(dataDir: string) {
  const embedded = await startEmbeddedCosmos({ dataDir });
  const store = await openStore({
    endpoint: embedded.endpoint,
    auth: 'key',
    key: 'k',
    database: 'local',
    local: true,
  });
  return { embedded, store, repo: store.repository('organizations', Doc, 'doc') };
}

describe('store: local data survives a stop/start of the embedded server', () => {
  it('restores documents written before a graceful stop', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-persist-'));
    const first = await open(dir);
    await first.repo.create({ id: 'org', tenantId: 't1', text: 'Contoso' });
    await first.repo.create({ id: 'org', tenantId: 't2', text: 'Fabrikam' });
    first.store.close();
    await first.embedded.stop();

    const saved = JSON.parse(readFileSync(path.join(dir, 'cosmos.json'), 'utf8')) as { version: number };
    assert.equal(saved.version, 1);

    const second = await open(dir);
    try {
      assert.equal((await second.repo.read('t1', 'org'))?.doc.text, 'Contoso');
      assert.equal((await second.repo.read('t2', 'org'))?.doc.text, 'Fabrikam');
      // Restored documents are live: ETag-checked writes work on them.
      const cur = await second.repo.read('t1', 'org');
      await second.repo.replace({ ...cur!.doc, text: 'Contoso Ltd' }, cur!.etag);
    } finally {
      second.store.close();
      await second.embedded.stop();
    }
    const third = await open(dir);
    try {
      assert.equal((await third.repo.read('t1', 'org'))?.doc.text, 'Contoso Ltd');
    } finally {
      third.store.close();
      await third.embedded.stop();
    }
  });

  it('an explicit flush writes without stopping (the periodic flush path)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-flush-'));
    const s = await open(dir);
    try {
      await s.repo.create({ id: 'x', tenantId: 't', text: 'flushed' });
      await s.embedded.flush();
      const saved = readFileSync(path.join(dir, 'cosmos.json'), 'utf8');
      assert.match(saved, /"flushed"/);
    } finally {
      s.store.close();
      await s.embedded.stop();
    }
  });
});
