// Observers of the two aggregates' writes: called after each successful write to `organizations` or
// `vouchers`, in the writer's own call, so what depends on a change (the due index) follows every change.
import type { Organization, Voucher } from '../program';

export type WrittenDocument =
  | { container: 'organizations'; tenantId: string; doc: Organization }
  | { container: 'vouchers'; tenantId: string; doc: Voucher };

export type WriteObserver = (written: WrittenDocument) => Promise<void> | void;

/** The store's observers (Store.writes). An observer's failure never fails the write that was made. */
export class WriteObservers {
  private readonly observers: WriteObserver[] = [];

  constructor(private readonly onError?: (err: unknown, written: WrittenDocument) => void) {}

  /** Adds an observer; returns what removes it. */
  add(observer: WriteObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Tells every observer, one after the other; the write is already committed whatever they do. */
  async notify(written: WrittenDocument): Promise<void> {
    for (const observer of [...this.observers]) {
      try {
        await observer(written);
      } catch (err) {
        this.onError?.(err, written);
      }
    }
  }
}
