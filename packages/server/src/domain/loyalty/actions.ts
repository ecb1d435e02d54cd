// Staff actions (award points, add stamps, redeem a reward) are idempotent on a client-supplied key and
// limited per day. The key and the request's hash live on the action's Activity row, written in the action's
// own transaction: a retry finds it and gets the original result; the same key with another request is a
// CONFLICT; when two first tries race, the loser (failing on the unique index or on a rule the winner's effect
// now breaks) replays the winner.
import { createHash } from "node:crypto";
import type { Activity, ActivityType } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, LoyaltyRuleError } from "../kernel/errors.js";
import { currentPeriod } from "./play-periods.js";

/** The activity types that count as staff actions for daily limits. */
export const STAFF_ACTION_TYPES: ActivityType[] = ["POINTS_AWARDED", "STAMPS_ADDED", "REWARD_REDEEMED"];

export function requestHash(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/**
 * Runs `run` once per (program, idempotencyKey). `run` must create the Activity row carrying the key and hash
 * (see `keyed`); `replay` rebuilds the result from that row for retries.
 */
export async function runIdempotent<T>(
  call: Call,
  key: { programId: string; idempotencyKey: string; request: unknown },
  replay: (activity: Activity) => Promise<T>,
  run: (tx: Tx, keyed: { idempotencyKey: string; requestHash: string }) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const hash = requestHash(key.request);
  const earlier = async () => {
    const activity = await call.prisma.activity.findUnique({
      where: { programId_idempotencyKey: { programId: key.programId, idempotencyKey: key.idempotencyKey } },
    });
    if (!activity) return null;
    if (activity.requestHash !== hash)
      throw new ConflictError("This idempotencyKey was used for a different request", "idempotencyKey");
    return { result: await replay(activity), replayed: true };
  };
  const found = await earlier();
  if (found) return found;
  try {
    return {
      result: await call.prisma.$transaction((tx) =>
        run(tx, { idempotencyKey: key.idempotencyKey, requestHash: hash }),
      ),
      replayed: false,
    };
  } catch (error) {
    // A concurrent first try with the same key may have won: it committed first, so this run failed (on the
    // unique index, or on a rule the winner's effect now breaks, e.g. the QR it used up). Replay the winner.
    const raced = await earlier();
    if (!raced) throw error;
    return raced;
  }
}

/** Today's bounds in a time zone (the program's; UTC when unset), computed by PostgreSQL. */
export function today(tx: Tx, timezone: string | null): Promise<{ start: Date; end: Date }> {
  return currentPeriod(tx, timezone, "DAY");
}

/**
 * Refuses a staff action beyond the card's daily limits per member and per staff member. Call it after
 * `lockMember` (which serializes a member's actions); the staff member is serialized here with an advisory lock.
 */
export async function enforceDailyActionLimits(
  tx: Tx,
  card: { id: string; memberDailyActionLimit: number | null; staffDailyActionLimit: number | null },
  memberId: string,
  actorId: string | null,
  day: { start: Date; end: Date },
): Promise<void> {
  const base = { cardId: card.id, type: { in: STAFF_ACTION_TYPES }, createdAt: { gte: day.start, lt: day.end } };
  if (card.memberDailyActionLimit !== null) {
    const done = await tx.activity.count({ where: { ...base, memberId } });
    if (done >= card.memberDailyActionLimit) {
      throw new LoyaltyRuleError(
        ErrorCode.DAILY_LIMIT_REACHED,
        `This member has had ${done} actions on this card today (limit ${card.memberDailyActionLimit})`,
        day.end,
      );
    }
  }
  if (card.staffDailyActionLimit !== null && actorId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`staff-limit:${card.id}:${actorId}`}, 0))`;
    const done = await tx.activity.count({ where: { ...base, actorId } });
    if (done >= card.staffDailyActionLimit) {
      throw new LoyaltyRuleError(
        ErrorCode.DAILY_LIMIT_REACHED,
        `You have performed ${done} actions on this card today (limit ${card.staffDailyActionLimit})`,
        day.end,
      );
    }
  }
}
