/**
 * Group commit for writes that are cheaper in bulk: items added while a flush is running (or in the same tick) go
 * out together in the next flush, one flush at a time. Under load a flush carries many items in one round trip; a
 * lone item waits only for the next turn of the event loop. Each caller gets its own item's outcome.
 */
export class Batcher<T, R> {
  private pending: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  private draining = false;

  /** `flush` answers one outcome per item, in order (a failure of the whole batch rejects every item). */
  constructor(
    private readonly flush: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly maxBatch = 200,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const outcomes = await this.flush(batch.map((entry) => entry.item));
        batch.forEach((entry, n) => {
          const outcome = outcomes[n];
          if (outcome?.status === 'fulfilled') entry.resolve(outcome.value);
          else entry.reject(outcome ? outcome.reason : new Error('The batch answered no outcome for this item'));
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.draining = false;
  }
}
