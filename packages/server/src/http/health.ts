// GET /health: whether this instance can serve. The database is required: unreachable, or no answer within the
// budget (a hung server), is 503 with Retry-After so a load balancer takes the instance out. Redis is optional at
// run time: without it the instance still serves (per-instance rate limits, events not crossing instances), so
// it reports "degraded" with 200.
import type { ServerResponse } from "node:http";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./unavailable.js";

/** The longest /health waits for the database. */
export const HEALTH_DATABASE_BUDGET_MS = 2000;

export interface HealthChecks {
  /** Resolves when the database answers a trivial query. */
  checkDatabase: () => Promise<void>;
  /** Whether Redis answers; absent without REDIS_URL. */
  checkRedis?: (() => Promise<boolean>) | undefined;
}

type Status = "ok" | "unavailable";

async function withinBudget(check: () => Promise<void>): Promise<Status> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Status>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), HEALTH_DATABASE_BUDGET_MS);
  });
  const answered = check().then(
    (): Status => "ok",
    (): Status => "unavailable",
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function health(res: ServerResponse, checks: HealthChecks): Promise<void> {
  const started = Date.now();
  const [database, redis] = await Promise.all([
    withinBudget(checks.checkDatabase),
    checks.checkRedis?.().then((up): Status => (up ? "ok" : "unavailable")),
  ]);
  const status = database !== "ok" ? "unavailable" : redis === "unavailable" ? "degraded" : "ok";
  const body = {
    status,
    database,
    ...(redis && { redis }),
    uptimeSeconds: Math.round(process.uptime()),
    checkMs: Date.now() - started,
  };
  res
    .writeHead(database === "ok" ? 200 : 503, {
      "content-type": "application/json",
      "cache-control": "no-store",
      ...(database === "ok" ? {} : { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) }),
    })
    .end(JSON.stringify(body));
}
