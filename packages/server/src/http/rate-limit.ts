// Request budgets per credential (loyalty.lt's published tiers), in memory or in Redis so that every
// instance draws from one budget. Each tier has an hourly limit and a per-minute burst. While Redis is unreachable
// (or too slow to answer) each instance spends an in-process budget of the same size instead: no request fails
// because of Redis, at the price of budgets per instance until it is back.
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { QuotaExceededError } from "../domain/kernel/errors.js";
import { isAdmin, type Principal } from "../domain/kernel/principal.js";

export const TIERS = {
  admin: { perHour: 10_000, perMinute: 500 },
  apiCredential: { perHour: 8_000, perMinute: 300 },
  partnerSession: { perHour: 5_000, perMinute: 200 },
  /** Not in the published tiers: unauthenticated calls (login) per client address. */
  anonymous: { perHour: 1_000, perMinute: 60 },
} as const;

export type Tier = keyof typeof TIERS;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the per-minute window resets. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Spends one request of the caller's budget; throws QUOTA_EXCEEDED when it is spent. */
  consume(principal: Principal, clientAddress: string): Promise<RateLimitState>;
}

export function tierOf(p: Principal): Tier {
  if (p.kind === "anonymous") return "anonymous";
  if (isAdmin(p)) return "admin";
  return p.kind === "user" ? "partnerSession" : "apiCredential";
}

function credentialOf(p: Principal, clientAddress: string): string {
  switch (p.kind) {
    case "anonymous":
      return `ip:${clientAddress}`;
    case "user":
      return `session:${p.sessionId}`;
    case "adminKey":
      return `key:${p.id ?? "bootstrap"}`;
    default:
      return `key:${p.id}`;
  }
}

export function createRateLimiter(
  redis?: Redis,
  tiers: Record<Tier, { perHour: number; perMinute: number }> = TIERS,
): RateLimiter {
  const make = (tier: Tier, window: "minute" | "hour"): RateLimiterAbstract => {
    const options = {
      keyPrefix: `pg:rl:${tier}:${window}`,
      points: window === "minute" ? tiers[tier].perMinute : tiers[tier].perHour,
      duration: window === "minute" ? 60 : 3600,
    };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      // Not connected: go straight to the insurance limiter rather than wait for the command to fail.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  const limiters = Object.fromEntries(
    (Object.keys(tiers) as Tier[]).map((tier) => [tier, { minute: make(tier, "minute"), hour: make(tier, "hour") }]),
  ) as Record<Tier, { minute: RateLimiterAbstract; hour: RateLimiterAbstract }>;

  return {
    async consume(principal, clientAddress) {
      const tier = tierOf(principal);
      const key = credentialOf(principal, clientAddress);
      try {
        const [minute, hour] = await Promise.all([
          limiters[tier].minute.consume(key),
          limiters[tier].hour.consume(key),
        ]);
        const tightest =
          minute.remainingPoints <= hour.remainingPoints
            ? { res: minute, limit: tiers[tier].perMinute }
            : { res: hour, limit: tiers[tier].perHour };
        return {
          limit: tightest.limit,
          remaining: tightest.res.remainingPoints,
          resetSeconds: Math.ceil(tightest.res.msBeforeNext / 1000),
        };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error; // the store failed: not the caller's fault
        throw new QuotaExceededError(
          `Rate limit exceeded for this credential (${tier} tier); retry later`,
          Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        );
      }
    },
  };
}
