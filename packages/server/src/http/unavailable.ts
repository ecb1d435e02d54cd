// The one place that tells "a service the request needs is unavailable" (the database or Redis refused the
// connection, timed out, or the pool had no connection to give) from a bug. Such failures become
// SERVICE_UNAVAILABLE (503 with Retry-After), which clients retry; anything else stays INTERNAL_SERVER_ERROR.
import { ServiceUnavailableError } from "../domain/kernel/errors.js";

/** What a client is told to wait before retrying an unavailable service, in seconds. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Prisma's codes for an unreachable, closed or timed-out database, and an exhausted connection pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds (Prisma 7) for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** PostgreSQL: statement timeout or cancel, shutting down, starting up, too many connections, connection errors. */
const SQLSTATE = /^(57014|57P0[1-3]|53300|08...)$/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
/** node-postgres (query_timeout, pool connectionTimeoutMillis, dropped connection) and ioredis messages. */
const MESSAGES =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|Connection is closed|Stream isn't writeable|Command timed out|Reached the max retries per request/;

function isUnavailableLayer(error: object): boolean {
  const { code, kind, message, name } = error as { code?: unknown; kind?: unknown; message?: unknown; name?: unknown };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATE.test(code) || NODE_CODES.has(code))) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (name === "MaxRetriesPerRequestError") return true;
  return typeof message === "string" && MESSAGES.test(message);
}

/** Whether the error (or any error it wraps, through `cause`) says a service is unavailable. */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let layer = error;
  while (typeof layer === "object" && layer !== null && !seen.has(layer)) {
    if (isUnavailableLayer(layer)) return true;
    seen.add(layer);
    layer = (layer as { cause?: unknown }).cause;
  }
  return false;
}

/** SERVICE_UNAVAILABLE for an unavailability failure; undefined for anything else. */
export function unavailableError(error: unknown): ServiceUnavailableError | undefined {
  return isUnavailable(error) ? new ServiceUnavailableError(UNAVAILABLE_RETRY_AFTER_SECONDS) : undefined;
}
