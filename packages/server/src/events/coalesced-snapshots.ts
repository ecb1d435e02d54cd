// Coalesced snapshots: a stream that answers "what are the figures now?" at once, again after events that
// change them (at most once per coalescing interval, however many arrive) and after a heartbeat interval
// without any. The state machine behind liveStats, free of GraphQL so it can be tested with fake timers.
import { OVERFLOWED, type Overflowed } from "./bounded.js";

export interface CoalescedSnapshotsOptions<E, T> {
  /** The subscription's bounded queue of events. It is drained eagerly: events only mark the snapshot stale. */
  source: AsyncIterator<E | Overflowed>;
  /** Whether an event makes the last snapshot stale. */
  isRelevant: (event: E) => boolean;
  /** Reads the figures now. */
  snapshot: () => Promise<T>;
  /** After a relevant event, the next snapshot waits until this long after the previous one. */
  coalesceMs: number;
  /** Without relevant events, a snapshot is still sent this long after the previous one. */
  heartbeatMs: number;
  /** What the consumer's next read throws once the source overflowed. */
  overflowError: () => Error;
  /** Called once when the stream ends: by the consumer, by the source's end, or by an overflow. */
  onEnd?: () => void;
}

export function coalescedSnapshots<E, T>(options: CoalescedSnapshotsOptions<E, T>): AsyncIterableIterator<T> {
  const { source, isRelevant, snapshot, coalesceMs, heartbeatMs, overflowError, onEnd } = options;
  let first = true;
  let done = false;
  let overflowed = false;
  let dirty = false;
  let lastPush = 0;
  let timer: NodeJS.Timeout | null = null;
  let wake = null as (() => void) | null;

  const stop = () => {
    if (done) return;
    done = true;
    onEnd?.();
    if (timer) clearTimeout(timer);
    timer = null;
    wake?.();
    void source.return?.();
  };
  // Drain the source eagerly, so its queue never grows while the consumer waits for the next snapshot.
  void (async () => {
    for (;;) {
      const r = await source.next();
      if (done) return;
      if (r.done) return stop();
      if (r.value === OVERFLOWED) {
        overflowed = true;
        return stop();
      }
      if (isRelevant(r.value)) {
        dirty = true;
        wake?.();
      }
    }
  })();
  // Resolves when the next snapshot is due: the coalescing interval after a relevant event, the heartbeat
  // otherwise, at once when the stream ended. Re-checked whenever an event or the end wakes it.
  const due = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        const since = Date.now() - lastPush;
        const wait = done ? 0 : dirty ? coalesceMs - since : heartbeatMs - since;
        if (wait <= 0) {
          wake = null;
          return resolve();
        }
        timer = setTimeout(check, wait);
      };
      wake = check;
      check();
    });

  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (!first) await due();
      if (overflowed) throw overflowError();
      if (done) return { value: undefined, done: true };
      first = false;
      dirty = false;
      lastPush = Date.now();
      return { value: await snapshot(), done: false };
    },
    async return() {
      stop();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      stop();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
