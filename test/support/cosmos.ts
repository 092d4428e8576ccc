// Test fixture: an embedded Cosmos server on a free loopback port, opened through the real SDK code path.
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { openStore, type Store } from '../../bot/store';

export interface TestCosmos {
  embedded: EmbeddedCosmos;
  store: Store;
  stop(): Promise<void>;
}

let counter = 0;

/** Starts a memory-only embedded server and opens a fresh database on it. */
export async function startTestCosmos(database = `test-${process.pid}-${++counter}`): Promise<TestCosmos> {
  const embedded = await startEmbeddedCosmos();
  const store = await openStore(
    {
      endpoint: embedded.endpoint,
      auth: 'key',
      key: 'test',
      database,
      local: true,
    },
    // A generous budget: the suite runs on a loaded machine.
    { timeoutMs: 20_000 },
  );
  return {
    embedded,
    store,
    async stop() {
      store.close();
      await embedded.stop();
    },
  };
}
