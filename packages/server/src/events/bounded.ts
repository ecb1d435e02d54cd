// A subscription's own queue, bounded. A subscriber that reads slower than events arrive would otherwise grow
// memory without limit (yoga's Repeater even throws inside the publisher's dispatch past 1,024 pending pushes).
// On overflow the queue is dropped, the listener removed, and the consumer gets OVERFLOWED once, then the end.

export const OVERFLOWED: unique symbol = Symbol("OVERFLOWED");
export type Overflowed = typeof OVERFLOWED;

/**
 * `listen` starts delivering items to `push` and returns the function that stops it. It is called at once,
 * so nothing published after this returns is missed.
 */
export function boundedIterator<T>(
  listen: (push: (item: T) => void) => () => void,
  limit: number,
): AsyncIterableIterator<T | Overflowed> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T | Overflowed>) => void) | null = null;
  let state: "open" | "overflowed" | "done" = "open";
  let stop: (() => void) | null = null;

  const end = () => {
    stop?.();
    stop = null;
  };
  const push = (item: T) => {
    if (state !== "open") return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      return resolve({ value: item, done: false });
    }
    if (queue.length < limit) return void queue.push(item);
    queue.length = 0;
    state = "overflowed";
    end();
  };
  stop = listen(push);

  const finish = (): IteratorResult<T | Overflowed> => {
    state = "done";
    queue.length = 0;
    end();
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  };

  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (state === "overflowed") {
        state = "done";
        return Promise.resolve({ value: OVERFLOWED, done: false });
      }
      if (state === "done") return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => Promise.resolve(finish()),
    throw: (error?: unknown) => {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
