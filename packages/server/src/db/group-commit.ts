// Group commit: concurrent writers hand their rows to one batch, written by one statement (or transaction).
// Each caller's promise settles only after its batch has committed, so nothing acknowledged is lost. A batch
// is written when it is full or `maxDelayMs` after its first row (`take` may cut it shorter); one batch is in
// flight at a time, and rows arriving meanwhile form the next one (so batches grow with load instead of
// queueing round trips).

export interface GroupCommitOptions<I, O> {
  /** Writes one batch; returns one result per item, in order. Throwing fails every item of the batch. */
  write(items: I[]): Promise<O[]>;
  maxSize: number;
  maxDelayMs: number;
  /** How many of the queued items (in order, at most maxSize, at least one) form the next batch; default: all. */
  take?: (queued: I[]) => number;
  /** Called with the batch error before the batch's items are retried one by one. */
  onBatchError?: (error: unknown, size: number) => void;
}

export interface GroupCommit<I, O> {
  add(item: I): Promise<O>;
  /** Stops taking items, writes what is queued and waits for it. */
  close(): Promise<void>;
  readonly stats: { batches: number; items: number; largestBatch: number };
}

export class GroupCommitClosedError extends Error {
  override name = "GroupCommitClosedError";
}

interface Entry<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  let queue: Entry<I, O>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let closed = false;
  const stats = { batches: 0, items: 0, largestBatch: 0 };

  function schedule(): void {
    if (inFlight || queue.length === 0) return;
    if (queue.length >= options.maxSize || closed) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      start();
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        start();
      }, options.maxDelayMs);
    }
  }

  function start(): void {
    if (inFlight || queue.length === 0) return;
    let batch = queue.slice(0, options.maxSize);
    if (options.take) batch = batch.slice(0, Math.max(1, options.take(batch.map((e) => e.item))));
    queue = queue.slice(batch.length);
    inFlight = writeBatch(batch).finally(() => {
      inFlight = undefined;
      // Rows that arrived during the write have waited at least one round trip already: go at once.
      if (queue.length) start();
    });
  }

  async function writeBatch(batch: Entry<I, O>[]): Promise<void> {
    stats.batches++;
    stats.items += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    try {
      const results = await options.write(batch.map((e) => e.item));
      batch.forEach((e, i) => {
        e.resolve(results[i]!);
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad row must not fail its neighbours: write them one by one.
      options.onBatchError?.(error, batch.length);
      for (const entry of batch) {
        try {
          entry.resolve((await options.write([entry.item]))[0]!);
        } catch (single) {
          entry.reject(single);
        }
      }
    }
  }

  return {
    stats,
    add(item) {
      if (closed) return Promise.reject(new GroupCommitClosedError("The writer is shutting down"));
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (inFlight || queue.length) {
        start();
        await inFlight;
      }
    },
  };
}
