// The bounded per-subscription queue: order kept, overflow ends it once with OVERFLOWED, return() unsubscribes.
import { describe, expect, it } from "vitest";
import { boundedIterator, OVERFLOWED } from "../src/events/bounded.js";
import { createEventBus, type DomainEvent } from "../src/events/bus.js";

function source<T>() {
  let push: ((item: T) => void) | null = null;
  let stops = 0;
  const listen = (p: (item: T) => void) => {
    push = p;
    return () => void stops++;
  };
  return { listen, push: (item: T) => push!(item), stops: () => stops };
}

describe("boundedIterator", () => {
  it("delivers queued and awaited items in order", async () => {
    const s = source<number>();
    const it = boundedIterator(s.listen, 10);
    s.push(1);
    s.push(2);
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(await it.next()).toEqual({ value: 2, done: false });
    const pending = it.next();
    s.push(3);
    expect(await pending).toEqual({ value: 3, done: false });
    expect(s.stops()).toBe(0);
  });

  it("ends with OVERFLOWED when more than the limit wait, and stops listening", async () => {
    const s = source<number>();
    const it = boundedIterator(s.listen, 3);
    for (let i = 0; i < 4; i++) s.push(i);
    expect(s.stops()).toBe(1);
    s.push(99); // after the overflow: ignored
    expect(await it.next()).toEqual({ value: OVERFLOWED, done: false });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("return() unsubscribes and ends a pending next()", async () => {
    const s = source<number>();
    const it = boundedIterator(s.listen, 3);
    const pending = it.next();
    expect(await it.return!()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(s.stops()).toBe(1);
    s.push(1);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("is what the bus hands out: published events arrive, return() removes the listener", async () => {
    const bus = createEventBus();
    const it = bus.subscribeBounded("p1", 2);
    expect(bus.listenerCount()).toBe(1);
    const event: DomainEvent = {
      type: "PARTNER_CREATED",
      programId: "p1",
      partnerId: "x",
      occurredAt: new Date().toISOString(),
    };
    bus.publish(event);
    bus.publish({ ...event, programId: "p2" });
    expect(await it.next()).toEqual({ value: event, done: false });
    for (let i = 0; i < 3; i++) bus.publish(event);
    expect(bus.listenerCount()).toBe(0);
    expect((await it.next()).value).toBe(OVERFLOWED);
  });
});
