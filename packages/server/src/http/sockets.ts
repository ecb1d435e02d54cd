// WebSocket hygiene beyond graphql-ws's own protocol timers: a cap on concurrent sockets per client address, an
// idle limit for sockets with no operation running, and quiet handling of expected socket errors (an oversized
// frame is a client's mistake, not a stack trace in the log). Frame size and the connection_init deadline are
// options of ws and graphql-ws themselves (see server.ts).
import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { WebSocket, WebSocketServer } from "ws";
import type { ClientAddress } from "./client-address.js";

/** 1008 Policy Violation: the address already holds its share of sockets; close one before opening another. */
export const TOO_MANY_SOCKETS_CLOSE = { code: 1008, reason: "too many sockets from this address" } as const;

/** 1000 Normal Closure: nothing ran for the idle limit; a lazy client reconnects when it next needs the socket. */
export const IDLE_CLOSE = { code: 1000, reason: "idle: no operation running" } as const;

export interface SocketGuardOptions {
  clientAddress: ClientAddress;
  maxSocketsPerAddress: number;
  log: Logger;
}

/**
 * Counts open sockets per client address and closes any beyond the cap as soon as it is accepted. Registered
 * after graphql-ws's own connection listener, it also replaces that listener's socket error handler, which
 * writes every error with its stack to stderr: ws already closes the socket on a protocol error (1009 for an
 * oversized frame), so one log line is all it needs.
 */
export function guardSockets(wsServer: WebSocketServer, options: SocketGuardOptions): void {
  const open = new Map<string, number>();
  wsServer.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.removeAllListeners("error");
    socket.on("error", (err: Error & { code?: string }) =>
      options.log.info({ code: err.code, reason: err.message }, "websocket closed on a protocol error"),
    );
    const address = options.clientAddress(request);
    const count = open.get(address) ?? 0;
    if (count >= options.maxSocketsPerAddress) {
      socket.close(TOO_MANY_SOCKETS_CLOSE.code, TOO_MANY_SOCKETS_CLOSE.reason);
      return;
    }
    open.set(address, count + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** A socket's idle timer: `touch` when an operation starts or ends. */
export interface IdleWatch {
  touch(): void;
}

/**
 * Closes `socket` once `idleMs` pass with no operation running (`running()` is 0); a socket with a live
 * subscription is never idle. Client pings do not count: they keep a socket open, not busy.
 */
export function watchIdle(socket: Pick<WebSocket, "close" | "once">, running: () => number, idleMs: number): IdleWatch {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running() > 0 ? arm() : socket.close(IDLE_CLOSE.code, IDLE_CLOSE.reason)), idleMs);
    timer.unref();
  };
  socket.once("close", () => clearTimeout(timer));
  arm();
  return { touch: arm };
}
