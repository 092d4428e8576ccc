// The interval that repeats a run (the due scan's cycle), sharing a run in progress with whoever asks for one.

/** Runs `run` now and then every `intervalSeconds`; a run asked for while one is going shares its result. */
export class RepeatingRun<T> {
  private timer: ReturnType<typeof setInterval> | undefined;
  private current: Promise<T> | undefined;

  constructor(
    private readonly run: () => Promise<T>,
    private readonly intervalSeconds: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.once(), this.intervalSeconds * 1000);
    this.timer.unref?.();
    void this.once();
  }

  /** One run now, or the one in progress. */
  once(): Promise<T> {
    this.current ??= this.run().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  /** No more runs; waits for the one in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.current?.catch(() => undefined);
  }
}
