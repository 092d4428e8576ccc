// Child process entry of the benches' database: the same embedded server the app and the tests use
// (keep-alive, 304 on unchanged reads, partition-scoped queries), in a process of its own so its CPU is not
// counted as the app's. Prints {"endpoint": …} on its first stdout line.
import { startEmbeddedCosmos } from '../bot/store/embedded';

void startEmbeddedCosmos().then((cosmos) => {
  process.stdout.write(`${JSON.stringify({ endpoint: cosmos.endpoint })}\n`);
});
