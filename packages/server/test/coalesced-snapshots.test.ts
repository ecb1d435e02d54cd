// The liveStats state machine without GraphQL: a snapshot at once, coalesced snapshots after relevant events,
// heartbeats, and the ways a stream ends (consumer, source end, overflow), each running onEnd once.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { boundedIterator, type Overflowed } from "../src/events/bounded.js";
import { coalescedSnapshots } from "../src/events/coalesced-snapshots.js";

function setup(limit = 100) {
  let push: ((e: string) => void) | null = null;
  let listening = true;
  const source = boundedIterator<string>((p) => {
    push = p;
    return () => {
      listening = false;
    };
  }, limit);
  let snapshots = 0;
  let ends = 0;
  const stream = coalescedSnapshots<string, number>({
    source: source as AsyncIterator<string | Overflowed>,
    isRelevant: (e) => e.startsWith("relevant"),
    snapshot: async () => ++snapshots,
    coalesceMs: 2_000,
    heartbeatMs: 10_000,
    overflowError: () => new Error("too slow"),
    onEnd: () => void ends++,
  });
  return { stream, publish: (e: string) => push!(e), ends: () => ends, listening: () => listening };
}

/** Whether the promise settles within the fake time advanced. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe("coalescedSnapshots", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("sends a snapshot at once, then at most one per coalescing interval after relevant events", async () => {
    const { stream, publish } = setup();
    expect(await stream.next()).toEqual({ value: 1, done: false });
    const second = stream.next();
    publish("irrelevant");
    publish("relevant 1");
    publish("relevant 2");
    expect(await settlesWithin(second, 1_900)).toBe(false);
    expect(await settlesWithin(second, 200)).toBe(true);
    expect(await second).toEqual({ value: 2, done: false });
    await stream.return!();
  });

  it("sends a heartbeat after the heartbeat interval without relevant events", async () => {
    const { stream, publish } = setup();
    await stream.next();
    const beat = stream.next();
    publish("irrelevant");
    expect(await settlesWithin(beat, 9_900)).toBe(false);
    expect(await settlesWithin(beat, 200)).toBe(true);
    expect(await beat).toEqual({ value: 2, done: false });
    await stream.return!();
  });

  it("ends a waiting read when the consumer returns, unsubscribing and running onEnd once", async () => {
    const { stream, ends, listening } = setup();
    await stream.next();
    const waiting = stream.next();
    await stream.return!();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(ends()).toBe(1);
    expect(listening()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fails the next read with the overflow error once the source overflowed", async () => {
    const { stream, publish, ends } = setup(2);
    await stream.next();
    // The drain loop reads events as they come, so overflow needs more than the limit queued in one go.
    for (let i = 0; i < 5; i++) publish("relevant");
    await vi.advanceTimersByTimeAsync(0);
    await expect(stream.next()).rejects.toThrow("too slow");
    expect(ends()).toBe(1);
  });

  it("ends when the source ends", async () => {
    let end: (() => void) | null = null;
    const source: AsyncIterator<string | Overflowed> = {
      next: () => new Promise((resolve) => (end = () => resolve({ value: undefined, done: true }))),
      return: async () => ({ value: undefined, done: true }),
    };
    let ends = 0;
    const stream = coalescedSnapshots<string, string>({
      source,
      isRelevant: () => true,
      snapshot: async () => "now",
      coalesceMs: 2_000,
      heartbeatMs: 10_000,
      overflowError: () => new Error("too slow"),
      onEnd: () => void ends++,
    });
    expect(await stream.next()).toEqual({ value: "now", done: false });
    const waiting = stream.next();
    end!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(ends).toBe(1);
  });
});
