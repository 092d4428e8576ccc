// Group commit for point operations of one container: point reads and ETag-checked replaces asked for while
// `maxInFlight` bulk requests are out wait and leave together in the next one (at most 100 a request). A lone
// operation leaves at once, so a quiet process pays no delay; a busy one (the reminder sender fanning out over
// many tenants) pays one HTTP request for many operations instead of one each. Every operation keeps its own
// answer (200, 404, 412 with its ETag): batching changes how operations travel, never what they check.
import type { Container, OperationInput, OperationResponse } from '@azure/cosmos';

/** Cosmos accepts at most 100 operations per partition key range in one bulk request. */
const MAX_BATCH = 100;

interface Waiting {
  input: OperationInput;
  resolve: (r: OperationResponse | undefined) => void;
}

export class PointBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly container: Container,
    private readonly maxInFlight = 2,
  ) {}

  /**
   * The operation's answer, or undefined when the bulk request as a whole failed (the caller then does the
   * operation on its own, which has the SDK's retries; an ETag-checked replace is safe to repeat).
   */
  run(input: OperationInput): Promise<OperationResponse | undefined> {
    return new Promise((resolve) => {
      this.waiting.push({ input, resolve });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async send(batch: Waiting[]): Promise<void> {
    try {
      const answers = await this.container.items.bulk(
        batch.map((w) => w.input),
        { continueOnError: true },
      );
      batch.forEach((w, i) => w.resolve(answers[i]));
    } catch {
      for (const w of batch) w.resolve(undefined);
    }
  }
}
