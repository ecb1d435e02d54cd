// Dropping WebSocket connections whose unsent bytes exceed the limit.
import { describe, expect, it, vi } from "vitest";
import { dropIfTooSlow, SLOW_SUBSCRIBER_CLOSE } from "../src/http/slow-sockets.js";

const socket = (bufferedAmount: number, readyState = 1) => ({
  bufferedAmount,
  readyState,
  close: vi.fn(),
  terminate: vi.fn(),
});

describe("dropIfTooSlow", () => {
  it("leaves a socket within the limit alone", () => {
    const s = socket(1024);
    expect(dropIfTooSlow(s, 1024)).toBe(false);
    expect(s.close).not.toHaveBeenCalled();
  });

  it("closes one over the limit with 1013 'subscriber too slow', then terminates it if it still does not read", () => {
    vi.useFakeTimers();
    try {
      const s = socket(1025);
      expect(dropIfTooSlow(s, 1024)).toBe(true);
      expect(s.close).toHaveBeenCalledWith(1013, "subscriber too slow");
      expect(SLOW_SUBSCRIBER_CLOSE.code).toBe(1013);
      expect(s.terminate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(5_000);
      expect(s.terminate).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not close a socket that is already closing", () => {
    const s = socket(10_000, 2);
    expect(dropIfTooSlow(s, 1024)).toBe(true);
    expect(s.close).not.toHaveBeenCalled();
  });
});
