// The Redis connections (REDIS_URL) behind the event bus and the rate limiter, built so that Redis is optional at
// run time: while it is unreachable or hung, commands fail within a bounded time instead of queueing, so the
// rate limiter falls back to in-process budgets and publishing gives up; the connections keep reconnecting with
// a capped backoff, and an outage is logged once when it starts and once when it ends.
import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";

export interface RedisConnections {
  /** Commands (rate-limit budgets, PUBLISH): fail fast while Redis is down. */
  commands: Redis;
  /** SUBSCRIBE only (a subscribed connection can send nothing else); resubscribes by itself after a reconnect. */
  subscriber: Redis;
  /** Redis answered a PING within the command timeout. */
  ping(): Promise<boolean>;
  /**
   * Resolves once both connections are ready, or after `ms` (Redis may be down at start: the app then starts
   * degraded and the connections keep trying). A SUBSCRIBE sent before the subscriber is ready can be lost.
   */
  ready(ms: number): Promise<void>;
  /** Reports a failed command; logged only if it is the first failure of an outage. */
  failed(error: unknown, what: string): void;
  close(): void;
}

export interface RedisSettings {
  url: string;
  /** Longest wait for one command on a connection that is up but not answering (a hung Redis). */
  commandTimeoutMs: number;
}

/** Reconnect after 100 ms, 200 ms, … up to every 2 s, forever: Redis may come back at any time. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 2000);

export function connectRedis({ url, commandTimeoutMs }: RedisSettings, log: Logger): RedisConnections {
  const shared: RedisOptions = { connectTimeout: 2000, retryStrategy: reconnectDelay };
  const commands = new Redis(url, {
    ...shared,
    // While disconnected, a command is refused at once rather than queued for the reconnection.
    enableOfflineQueue: false,
    // A command in flight when the connection drops is not sent again: its caller has a fallback.
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
  });
  // SUBSCRIBE waits for the connection however long it takes (a failed one would lose the subscription).
  const subscriber = new Redis(url, { ...shared, maxRetriesPerRequest: null });

  let down = false;
  const failed = (error: unknown, what: string) => {
    if (down) return;
    down = true;
    log.warn(
      { err: error, what },
      "Redis unavailable: rate limits are per instance and events stay on this instance until it is back",
    );
  };
  const recovered = () => {
    if (!down) return;
    down = false;
    log.info("Redis available again");
  };
  // Without an 'error' listener ioredis reports every failed reconnection attempt as an unhandled error event.
  commands.on("error", (error: unknown) => failed(error, "connection"));
  subscriber.on("error", (error: unknown) => failed(error, "connection"));
  commands.on("ready", recovered);

  return {
    commands,
    subscriber,
    async ping() {
      try {
        await commands.ping();
        recovered();
        return true;
      } catch (error) {
        failed(error, "ping");
        return false;
      }
    },
    async ready(ms) {
      const connected = [commands, subscriber].map((c) => (c.status === "ready" ? undefined : once(c, "ready")));
      const timer = new AbortController();
      await Promise.race([Promise.all(connected), delay(ms, undefined, { signal: timer.signal }).catch(() => {})]);
      timer.abort();
    },
    failed,
    close() {
      // Not quit(): it waits for Redis's answer, which a hung Redis never sends. Nothing is lost: budgets and
      // publishes in flight have their fallbacks.
      subscriber.disconnect();
      commands.disconnect();
    },
  };
}
