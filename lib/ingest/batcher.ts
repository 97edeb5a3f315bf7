// Groups concurrent requests into one database transaction. Under load, 30 deliveries that
// arrive together cost one transaction instead of 30; alone, a delivery waits for nothing.

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

export interface BatcherOptions<I, O> {
  /** Stores a batch; returns one result per item, in order. */
  run: (items: I[]) => Promise<O[]>;
  maxBatch: number;
  /** Batches in flight at once (each holds one pooled connection). */
  parallel: number;
}

export function createBatcher<I, O>({ run, maxBatch, parallel }: BatcherOptions<I, O>): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let workers = 0;

  async function settle(batch: Pending<I, O>[]): Promise<void> {
    try {
      const out = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        p.resolve(out[i] as O);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad item must not fail its neighbours: retry each alone.
      await Promise.all(batch.map((p) => settle([p])));
    }
  }

  async function work(): Promise<void> {
    try {
      while (queue.length > 0) await settle(queue.splice(0, maxBatch));
    } finally {
      workers--;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // setImmediate lets requests that arrived in the same tick join this batch.
      if (workers < parallel) {
        workers++; // counted when scheduled, so a burst in one tick starts at most `parallel`
        setImmediate(() => void work());
      }
    });
}
