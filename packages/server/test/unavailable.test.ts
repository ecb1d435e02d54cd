// The one classification of "a service is unavailable" (→ SERVICE_UNAVAILABLE) against "a bug" (→ masked).
import { describe, expect, it } from "vitest";
import { isUnavailable } from "../src/http/unavailable.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isUnavailable", () => {
  it.each([
    ["node-postgres query_timeout", new Error("Query read timeout")],
    ["pg pool connectionTimeoutMillis", new Error("timeout exceeded when trying to connect")],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["statement_timeout (SQLSTATE 57014)", withCode("canceling statement due to statement timeout", "57014")],
    ["the server shutting down (57P01)", withCode("terminating connection due to administrator command", "57P01")],
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["Prisma: database unreachable", withCode("Can't reach database server", "P1001")],
    ["Prisma: pool timeout", withCode("Timed out fetching a new connection", "P2024")],
    ["a driver adapter error", Object.assign(new Error("adapter"), { cause: { kind: "DatabaseNotReachable" } })],
    ["ioredis: command timeout", new Error("Command timed out")],
    ["ioredis: offline", new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ["ioredis: retries spent", Object.assign(new Error("x"), { name: "MaxRetriesPerRequestError" })],
    ["wrapped in causes", new Error("outer", { cause: new Error("inner", { cause: withCode("x", "57014") }) })],
  ])("%s", (_, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("Unique constraint failed", "P2002")],
    ["SQLSTATE 23505", withCode("duplicate key", "23505")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "Query read timeout"],
    [
      "a cause cycle",
      (() => {
        const e = new Error("loop") as Error & { cause?: unknown };
        e.cause = e;
        return e;
      })(),
    ],
  ])("not %s", (_, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
