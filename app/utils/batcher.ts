/**
 * Group commit: each caller pushes one item and gets its own result, while the
 * work runs in batches. A batch starts as soon as the previous one has finished
 * (or on the next turn of the event loop when idle) and takes everything that
 * arrived meanwhile, so under light load nothing waits for a timer and under a
 * burst hundreds of items share a few statements. That matters because the
 * embedded database runs one statement at a time.
 */
export type Batcher<Item, Result> = {
  push(item: Item): Promise<Result>;
  /** Resolves once every item pushed so far has been processed (or has failed). */
  drain(): Promise<void>;
  /** Items waiting or being processed. */
  readonly size: number;
};

type Entry<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

export type BatcherOptions = {
  /** Upper bound on one batch, so one statement never grows without limit. */
  maxBatchSize?: number;
};

/**
 * `run` receives the items of a batch and must return one result per item,
 * in the same order. When it throws, every item of that batch fails with the error.
 */
export function createBatcher<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  { maxBatchSize = 500 }: BatcherOptions = {},
): Batcher<Item, Result> {
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError("maxBatchSize must be a positive whole number");
  let queue: Entry<Item, Result>[] = [];
  // Items of the batch being processed: one batch runs at a time.
  let running = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  function settleIdle() {
    if (queue.length > 0 || running > 0 || scheduled) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  function schedule() {
    if (scheduled || running > 0 || queue.length === 0) return;
    scheduled = true;
    // setImmediate lets every message that arrived in the same read join this batch.
    setImmediate(() => {
      scheduled = false;
      void runNext();
    });
  }

  async function runNext() {
    const batch = queue.slice(0, maxBatchSize);
    queue = queue.slice(batch.length);
    if (batch.length === 0) return settleIdle();
    running = batch.length;
    try {
      const results = await run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} items returned ${results.length} results`);
      }
      batch.forEach((entry, index) => entry.resolve(results[index] as Result));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      running = 0;
    }
    if (queue.length > 0) void runNext();
    else settleIdle();
  }

  return {
    push(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && running === 0 && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    get size() {
      return queue.length + running;
    },
  };
}
