// Slow WebSocket subscribers: bytes the kernel would not take yet pile up in the socket's bufferedAmount, in this
// process's memory. Past a limit the connection is dropped rather than buffered without bound.

/** Default limit of unsent bytes per WebSocket connection. */
export const MAX_SOCKET_BUFFER_BYTES = 1024 * 1024;

/**
 * 1013 "Try Again Later" (RFC 6455 registry): the client may reconnect and resubscribe. Not 4429, which graphql-ws
 * uses for "too many initialisation requests".
 */
export const SLOW_SUBSCRIBER_CLOSE = { code: 1013, reason: "subscriber too slow" } as const;

/** After the close frame, how long a client that reads nothing gets before the socket is torn down. */
const TERMINATE_AFTER_MS = 5_000;

export interface BufferedSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** Drops the connection when it holds more than `limit` unsent bytes; true when it did. */
export function dropIfTooSlow(socket: BufferedSocket, limit: number): boolean {
  if (socket.bufferedAmount <= limit) return false;
  if (socket.readyState !== 1 /* OPEN */) return true;
  socket.close(SLOW_SUBSCRIBER_CLOSE.code, SLOW_SUBSCRIBER_CLOSE.reason);
  // The close frame queues behind the unsent bytes; a client that never reads would keep them forever.
  setTimeout(() => socket.terminate(), TERMINATE_AFTER_MS).unref();
  return true;
}
