// loadOncePerEvent: one load per event object and selection, shared by every subscriber that receives it.
import { describe, expect, it } from "vitest";
import { loadOncePerEvent } from "../src/events/per-event-loads.js";

describe("loadOncePerEvent", () => {
  it("loads once per event and selection, and again for another selection or another event", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const event = { type: "CLICK_RECORDED" };
    const selection = { select: { id: true } };
    const [a, b] = await Promise.all([
      loadOncePerEvent(event, selection, load),
      loadOncePerEvent(event, { select: { id: true } }, load),
    ]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await loadOncePerEvent(event, { select: { status: true } }, load)).toBe(2);
    expect(await loadOncePerEvent({ type: "CLICK_RECORDED" }, selection, load)).toBe(3);
  });
});
