// Games on a card (a spin wheel): owners configure weighted prizes (points, coupons of one of the card's COUPON
// rewards, or nothing) and a play limit per member per calendar period; members play. A play is one
// transaction: limit check under the member's lock, the draw, the prize through the same ledger and coupon
// paths as staff actions and redemptions, the GamePlay, its Activity and the audit entry.
import { z } from "zod";
import type { Card, Coupon, Game, GamePlay, GamePrize, Prisma, Reward } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, LoyaltyRuleError, ValidationError, type ValidationIssue } from "../kernel/errors.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { type Loose, name, optionalText, parseInput } from "../kernel/values.js";
import { lockMember } from "../points/ledger.js";
import type { MemberRef } from "../points/members.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";
import { follows, requireFound, requireOwner } from "./access.js";
import { unavailability } from "./availability.js";
import { issueCoupons } from "./coupons.js";
import { drawPrize } from "./draw.js";
import { actorFor, isLive } from "./follows.js";
import { actingMember } from "./members.js";
import { currentPeriod } from "./play-periods.js";
import { suspendedAtFor } from "./suspension.js";

const whole = (what: string) => z.number().int(`${what} must be a whole number`);

const PrizeInput = z.object({
  type: z.enum(["POINTS", "COUPON", "NOTHING"]),
  label: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  weight: whole("weight").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000"),
  points: whole("points")
    .min(1, "must be at least 1")
    .max(1_000_000, "is too large")
    .nullish()
    .transform((v) => v ?? null),
  rewardId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  couponCount: whole("couponCount")
    .min(1, "must be at least 1")
    .max(20, "must be at most 20")
    .nullish()
    .transform((v) => v ?? null),
});

const GameFields = {
  title: name,
  description: optionalText(2000),
  status: z.enum(["ACTIVE", "INACTIVE"]),
  playLimit: whole("playLimit").min(1, "must be at least 1").max(1000, "must be at most 1000"),
  playPeriod: z.enum(["DAY", "WEEK", "MONTH"]),
  startsAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null),
  endsAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null),
  prizes: z.array(PrizeInput).min(1, "a game needs at least one prize").max(50, "at most 50 prizes"),
};
const CreateGameInput = z.object({
  ...GameFields,
  status: GameFields.status.nullish().transform((v) => v ?? "ACTIVE"),
});
/** Only the fields present change; prizes, when present, replace the game's as a whole. */
const UpdateGameInput = z.object(GameFields).partial();
export type CreateGameInput = Loose<z.input<typeof CreateGameInput>>;
export type UpdateGameInput = Loose<z.input<typeof UpdateGameInput>>;
type Prizes = z.output<typeof PrizeInput>[];

/** Prize rows for a game: each prize's fields must fit its type; COUPON prizes name a COUPON reward of the game's card. */
async function prizeRows(
  tx: Tx,
  cardId: string,
  prizes: Prizes,
): Promise<Omit<Prisma.GamePrizeCreateManyInput, "gameId">[]> {
  const issues: ValidationIssue[] = [];
  const rewardIds = [...new Set(prizes.flatMap((p) => (p.rewardId ? [p.rewardId] : [])))];
  const rewards = new Map(
    (await tx.reward.findMany({ where: { id: { in: rewardIds }, cardId } })).map((r) => [r.id, r]),
  );
  const rows = prizes.map((prize, position) => {
    const at = (field: string, message: string) => issues.push({ path: `prizes.${position}.${field}`, message });
    if (prize.type === "POINTS" && prize.points === null) at("points", "is required for a POINTS prize");
    if (prize.type !== "POINTS" && prize.points !== null) at("points", "only POINTS prizes give points");
    if (prize.type === "COUPON") {
      const reward = prize.rewardId ? rewards.get(prize.rewardId) : undefined;
      if (!reward) at("rewardId", "must be a reward of the game's card");
      else if (reward.kind !== "COUPON") at("rewardId", "must be a COUPON reward");
    } else {
      if (prize.rewardId !== null) at("rewardId", "only COUPON prizes give a reward's coupons");
      if (prize.couponCount !== null) at("couponCount", "only COUPON prizes give coupons");
    }
    return {
      position,
      type: prize.type,
      label: prize.label,
      weight: prize.weight,
      points: prize.points,
      rewardId: prize.type === "COUPON" ? prize.rewardId : null,
      couponCount: prize.couponCount ?? 1,
    };
  });
  if (issues.length) throw new ValidationError(issues);
  return rows;
}

function checkWindow(game: { startsAt: Date | null; endsAt: Date | null }): void {
  if (game.startsAt && game.endsAt && game.endsAt <= game.startsAt)
    throw new ValidationError([{ path: "endsAt", message: "must be after startsAt" }]);
}

export async function createGame(call: Call, cardId: string, input: CreateGameInput): Promise<Game> {
  const { prizes, ...data } = parseInput(CreateGameInput, input);
  checkWindow(data);
  return call.prisma.$transaction(async (tx) => {
    const card = requireFound(
      await tx.card.findUnique({
        where: { id: cardId },
        include: { partner: { select: { status: true, deletedAt: true } } },
      }),
      "Card",
    );
    requireOwner(call.principal, card);
    const rows = await prizeRows(tx, cardId, prizes);
    const game = await tx.game.create({
      data: {
        ...data,
        cardId,
        programId: card.programId,
        suspendedAt: suspendedAtFor(card.partner),
        prizes: { createMany: { data: rows } },
      },
    });
    await audit(tx, call, {
      action: "game.create",
      targetType: "Game",
      targetId: game.id,
      programId: game.programId,
      after: { ...game, prizes: rows },
    });
    return game;
  });
}

/** Changes the fields present; `prizes`, when present, replace the game's prizes as a whole (past plays keep what they won). */
export async function updateGame(call: Call, gameId: string, patch: UpdateGameInput): Promise<Game> {
  const { prizes, ...data } = parseInput(UpdateGameInput, patch);
  return call.prisma.$transaction(async (tx) => {
    const before = requireFound(
      await tx.game.findUnique({
        where: { id: gameId },
        include: { card: true, prizes: { orderBy: { position: "asc" } } },
      }),
      "Game",
    );
    const { card, prizes: oldPrizes, ...old } = before;
    requireOwner(call.principal, card);
    checkWindow({ ...old, ...data });
    let rows: Awaited<ReturnType<typeof prizeRows>> | undefined;
    if (prizes) {
      rows = await prizeRows(tx, card.id, prizes);
      await tx.gamePrize.deleteMany({ where: { gameId } });
      await tx.gamePrize.createMany({ data: rows.map((r) => ({ ...r, gameId })) });
    }
    const after = await tx.game.update({ where: { id: gameId }, data });
    await audit(tx, call, {
      action: "game.update",
      targetType: "Game",
      targetId: gameId,
      programId: after.programId,
      before: { ...old, ...(rows && { prizes: oldPrizes.map(({ id: _id, gameId: _g, ...p }) => p) }) },
      after: { ...after, ...(rows && { prizes: rows }) },
    });
    return after;
  });
}

// Playing -------------------------------------------------------------------------------------------------

const PlayInput = z.object({
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

export interface PlayResult {
  play: GamePlay;
  coupons: Coupon[];
}

/** Why nobody can play a game now (null: they can). */
function gameRefusal(
  game: Game & { card: Card & { partner: { status: string; deletedAt: Date | null } } },
  now: Date,
): LoyaltyRuleError | null {
  // Like every staff action on the card: nothing is collected on an inactive card or a disabled business's.
  if (!isLive(game.card))
    return new LoyaltyRuleError(
      ErrorCode.CARD_INACTIVE,
      "This game's card is not active (or its business is disabled)",
    );
  if (game.status !== "ACTIVE") return new LoyaltyRuleError(ErrorCode.GAME_UNAVAILABLE, "This game is not active");
  if (game.suspendedAt !== null)
    return new LoyaltyRuleError(ErrorCode.GAME_UNAVAILABLE, "This game is suspended until its owner resumes it");
  if (game.startsAt && game.startsAt > now)
    return new LoyaltyRuleError(ErrorCode.GAME_UNAVAILABLE, "This game has not started yet");
  if (game.endsAt && game.endsAt <= now) return new LoyaltyRuleError(ErrorCode.GAME_UNAVAILABLE, "This game has ended");
  return null;
}

/**
 * One play of a game by a member following its card (the member, or a manager or the card's partner acting for
 * them). Idempotent on the key: a retry returns the original play. Prizes whose coupons cannot be issued now
 * (reward inactive, suspended, outside its window, or fewer in stock than the prize gives) are left out of the
 * draw, the others keeping their relative weights; when no prize is left, the play is refused (OUT_OF_STOCK)
 * and does not count.
 */
export async function playGame(
  call: Call,
  input: { gameId: string; idempotencyKey: string; member?: MemberRef | null },
): Promise<PlayResult & { replayed: boolean }> {
  const { idempotencyKey } = parseInput(PlayInput, input);
  const game = requireFound(
    await call.prisma.game.findUnique({
      where: { id: input.gameId },
      include: { card: { include: { partner: true } } },
    }),
    "Game",
  );
  const member = await actingMember(call.prisma, call.principal, input.member, {
    programId: game.programId,
    card: game.card,
  });
  if (!(await follows(call.prisma, game.cardId, member.id))) requireFound(null, "Game");

  const key = { programId_idempotencyKey: { programId: game.programId, idempotencyKey } };
  const replay = async () => {
    const play = await call.prisma.gamePlay.findUnique({
      where: key,
      include: { coupons: { orderBy: { id: "asc" } } },
    });
    if (!play) return null;
    if (play.gameId !== game.id || play.memberId !== member.id)
      throw new ConflictError("This idempotencyKey was used for another play", "idempotencyKey");
    const { coupons, ...row } = play;
    return { play: row, coupons, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  try {
    return await call.prisma.$transaction(async (tx) => {
      const now = new Date();
      const refused = gameRefusal(game, now);
      if (refused) throw refused;
      const program = requireProgram(
        await tx.program.findUnique({ where: { id: game.programId }, select: { timezone: true } }),
      );
      await lockMember(tx, member.id);
      const period = await currentPeriod(tx, program.timezone, game.playPeriod);
      const played = await tx.gamePlay.count({
        where: { gameId: game.id, memberId: member.id, createdAt: { gte: period.start, lt: period.end } },
      });
      if (played >= game.playLimit) {
        throw new LoyaltyRuleError(
          ErrorCode.PLAY_LIMIT_REACHED,
          `Played ${played} times this ${game.playPeriod.toLowerCase()} (limit ${game.playLimit})`,
          period.end,
        );
      }

      const prizes = await tx.gamePrize.findMany({ where: { gameId: game.id }, orderBy: { position: "asc" } });
      const rewards = await lockedRewards(tx, prizes);
      const winnable = prizes.filter(
        (p) =>
          p.type !== "COUPON" ||
          (rewards.has(p.rewardId!) && unavailability(rewards.get(p.rewardId!)!, now, p.couponCount) === null),
      );
      if (!winnable.length)
        throw new LoyaltyRuleError(ErrorCode.OUT_OF_STOCK, "No prize of this game can be given now");
      const prize = drawPrize(winnable);

      const play = await tx.gamePlay.create({
        data: {
          programId: game.programId,
          gameId: game.id,
          memberId: member.id,
          prizeId: prize.id,
          prizeType: prize.type,
          prizeLabel: prize.label,
          points: prize.type === "POINTS" ? prize.points : null,
          idempotencyKey,
        },
      });
      let coupons: Coupon[] = [];
      if (prize.type === "COUPON") {
        const reward = rewards.get(prize.rewardId!)!;
        if (reward.stock !== null)
          await tx.reward.update({ where: { id: reward.id }, data: { stock: { decrement: prize.couponCount } } });
        coupons = await issueCoupons(
          tx,
          {
            programId: game.programId,
            memberId: member.id,
            reward,
            card: game.card,
            gameId: game.id,
            gamePlayId: play.id,
          },
          prize.couponCount,
          now,
        );
      }
      const activity = await tx.activity.create({
        data: {
          programId: game.programId,
          partnerId: game.card.partnerId,
          cardId: game.cardId,
          memberId: member.id,
          type: "GAME_PLAYED",
          ...actorFor(call.principal, member.id),
          points: play.points,
          rewardId: prize.rewardId,
          couponId: coupons[0]?.id ?? null,
          gameId: game.id,
        },
      });
      if (play.points) {
        await tx.ledgerEntry.create({
          data: {
            programId: game.programId,
            memberId: member.id,
            type: "EARN",
            source: "GAME",
            points: play.points,
            cardId: game.cardId,
            activityId: activity.id,
          },
        });
      }
      await audit(tx, call, {
        action: "game.play",
        targetType: "GamePlay",
        targetId: play.id,
        programId: game.programId,
        after: { ...play, idempotencyKey: undefined, couponIds: coupons.map((c) => c.id) },
      });
      return { play, coupons, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await replay();
    if (!raced) throw error;
    return raced;
  }
}

/**
 * The rewards behind a game's COUPON prizes, locked (in id order, after the member's lock like every
 * redemption) so that the stock read for the draw is the stock the prize takes from.
 */
async function lockedRewards(tx: Tx, prizes: GamePrize[]): Promise<Map<string, Reward>> {
  const ids = [...new Set(prizes.flatMap((p) => (p.type === "COUPON" && p.rewardId ? [p.rewardId] : [])))].sort();
  if (!ids.length) return new Map();
  await tx.$queryRaw`SELECT 1 FROM "Reward" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
  return new Map((await tx.reward.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
}
