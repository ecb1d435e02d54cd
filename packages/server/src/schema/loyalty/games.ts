// Games on cards: Game, GamePrize and GamePlay types, Card.games and partnerGames, and the writes (createGame,
// updateGame, playGame).

import { ConflictError, LoyaltyRuleError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { createGame, type PlayResult, playGame, updateGame } from "../../domain/loyalty/games.js";
import { partnerGameList, visibleGamePlays, visibleGames } from "../../domain/loyalty/scope.js";
import { resumeGame } from "../../domain/loyalty/suspension.js";
import type { Game } from "../../generated/prisma/client.js";
import { GameStatus, GameType, PlayPeriod, PrizeType } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { rowId } from "../ids.js";
import { CouponRef } from "./coupons.js";
import { MemberRefInput, memberRef } from "./members.js";

const GameTypeEnum = builder.enumType(GameType, {
  name: "GameType",
  description: "SPIN_WHEEL: one spin picks a prize with probability weight / Σ weights.",
});
const GameStatusEnum = builder.enumType(GameStatus, { name: "GameStatus" });
const PlayPeriodEnum = builder.enumType(PlayPeriod, {
  name: "PlayPeriod",
  description: "A calendar day, week (Monday to Sunday) or month in the program's time zone.",
});
const PrizeTypeEnum = builder.enumType(PrizeType, {
  name: "PrizeType",
  description:
    "POINTS: points (stamps on a STAMP card) added to the card balance. COUPON: couponCount coupons of a COUPON reward of the card. NOTHING: no prize.",
});

const _GamePrizeRef = builder.prismaObject("GamePrize", {
  description: "One slice of a game's wheel.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "0-based, in the order given." }),
    type: t.expose("type", { type: PrizeTypeEnum }),
    label: t.exposeString("label"),
    weight: t.exposeInt("weight", {
      description:
        "Chance of winning: weight / Σ weights of the game's prizes (prizes whose coupons cannot be issued now are left out).",
    }),
    points: t.exposeInt("points", { nullable: true, description: "POINTS prizes: points (or stamps) added." }),
    reward: t.relation("reward", {
      nullable: true,
      description: "COUPON prizes: the reward whose coupons are issued (its title and validity).",
    }),
    couponCount: t.exposeInt("couponCount", { description: "COUPON prizes: coupons per win." }),
  }),
});

export const GameRef = builder.prismaNode("Game", {
  id: { field: "id" },
  nullable: true,
  description:
    "A game on a card (a spin wheel with weighted prizes), played a limited number of times per member per period.",
  findUnique: (id, ctx) => ({ id, AND: [visibleGames(ctx.principal)] }),
  fields: (t) => ({
    card: t.relation("card"),
    type: t.expose("type", { type: GameTypeEnum }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    status: t.expose("status", { type: GameStatusEnum }),
    suspendedAt: t.expose("suspendedAt", {
      type: "DateTime",
      nullable: true,
      description:
        "Set when the card's partner was disabled or deleted: the game cannot be played until resumeGame (enabling the partner does not lift it).",
    }),
    playLimit: t.exposeInt("playLimit", { description: "Plays per member per playPeriod." }),
    playPeriod: t.expose("playPeriod", { type: PlayPeriodEnum }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true, description: "Exclusive." }),
    prizes: t.relation("prizes", { query: { orderBy: { position: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const GameConnection = builder.connectionObject({ type: GameRef, name: "GameConnection" }, { name: "GameEdge" });

const cardGamesWhere = connectionWhere((_args: object, ctx) => visibleGames(ctx.principal));
/** The partner is looked up (PARTNER_NOT_FOUND unless owned) once per field call. */
const partnerGamesWhere = connectionWhere((args: { partnerId: string }, ctx) =>
  partnerGameList(ctx, rowId(args.partnerId, "Partner")),
);

builder.prismaObjectField("Card", "games", (t) =>
  t.relatedConnection("games", {
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: true,
    description:
      "The card's games the caller may see (owners and staff: all; members following the card: the playable ones), oldest first.",
    query: (args, ctx) => ({ where: cardGamesWhere(args, ctx), orderBy: { id: "asc" } }),
  }),
);

export const GamePlayRef = builder.prismaNode("GamePlay", {
  id: { field: "id" },
  nullable: true,
  description: "One play of a game by a member, and what it won (as the prize was when drawn).",
  findUnique: (id, ctx) => ({ id, ...visibleGamePlays(ctx.principal) }),
  fields: (t) => ({
    game: t.relation("game"),
    member: t.relation("member"),
    prizeType: t.field({ type: PrizeTypeEnum, select: { prizeType: true }, resolve: (p) => p.prizeType ?? "NOTHING" }),
    prizeLabel: t.string({ select: { prizeLabel: true }, resolve: (p) => p.prizeLabel ?? "" }),
    points: t.exposeInt("points", {
      nullable: true,
      description: "POINTS prizes: points (or stamps) added to the card balance.",
    }),
    coupons: t.relation("coupons", {
      description: "COUPON prizes: the coupons issued.",
      query: { orderBy: { id: "asc" } },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  partnerGames: t.prismaConnection(
    {
      type: "Game",
      cursor: "id",
      complexity: connectionComplexity,
      description: "Every game on a partner's cards, oldest first (the partner and its program's managers).",
      args: { partnerId: t.arg.id({ required: true }) },
      totalCount: async (_p, args, ctx) => ctx.prisma.game.count({ where: await partnerGamesWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.game.findMany({
          ...query,
          where: await partnerGamesWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    GameConnection,
  ),
}));

const GamePrizeInput = builder.inputType("GamePrizeInput", {
  fields: (t) => ({
    type: t.field({ type: PrizeTypeEnum, required: true }),
    label: t.string({ required: true, description: "What the wheel shows, 1-100 characters." }),
    weight: t.int({ required: true, description: "A whole number from 1: the chance is weight / Σ weights." }),
    points: t.int({ description: "POINTS prizes: points (stamps on a STAMP card) added, at least 1." }),
    rewardId: t.id({ description: "COUPON prizes: a COUPON reward of the same card." }),
    couponCount: t.int({ description: "COUPON prizes: coupons per win, 1-20 (default 1)." }),
  }),
});

const gameFields = {
  playLimit: { description: "Plays per member per playPeriod, 1-1000." },
  prizes: { description: "1-50 prizes, in wheel order." },
};

const CreateGameInput = builder.inputType("CreateGameInput", {
  fields: (t) => ({
    cardId: t.id({ required: true }),
    title: t.string({ required: true }),
    description: t.string(),
    status: t.field({ type: GameStatusEnum, description: "Default ACTIVE." }),
    playLimit: t.int({ required: true, ...gameFields.playLimit }),
    playPeriod: t.field({ type: PlayPeriodEnum, required: true }),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    prizes: t.field({ type: [GamePrizeInput], required: true, ...gameFields.prizes }),
  }),
});

const UpdateGameInput = builder.inputType("UpdateGameInput", {
  description:
    "Only the fields present change; prizes, when present, replace the game's prizes as a whole (past plays keep what they won).",
  fields: (t) => ({
    gameId: t.id({ required: true }),
    title: t.string(),
    description: t.string(),
    status: t.field({ type: GameStatusEnum }),
    playLimit: t.int(gameFields.playLimit),
    playPeriod: t.field({ type: PlayPeriodEnum }),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    prizes: t.field({ type: [GamePrizeInput], ...gameFields.prizes }),
  }),
});

const PlayGameInput = builder.inputType("PlayGameInput", {
  fields: (t) => ({
    gameId: t.id({ required: true }),
    idempotencyKey: t.string({ required: true, description: "A retry with the same key returns the original play." }),
    member: t.field({
      type: MemberRefInput,
      description: "Managers and the card's partner: play for this member. A member's own login leaves it out.",
    }),
  }),
});

/** Prize inputs with their reward's global ID decoded. */
const prizesOf = <P extends { rewardId?: string | null }>(prizes: P[] | null | undefined) =>
  prizes?.map((p) => ({ ...p, rewardId: p.rewardId ? rowId(p.rewardId, "Reward") : null }));

const ResumeGameInput = builder.inputType("ResumeGameInput", {
  fields: (t) => ({ gameId: t.id({ required: true }) }),
});

const GamePayload = (name: string) =>
  builder
    .objectRef<{ game: Game }>(name)
    .implement({ fields: (t) => ({ game: t.field({ type: GameRef, resolve: (p) => p.game }) }) });

const PlayGamePayload = builder.objectRef<PlayResult & { replayed: boolean }>("PlayGamePayload").implement({
  fields: (t) => ({
    play: t.field({ type: GamePlayRef, resolve: (p) => p.play }),
    coupons: t.field({ type: [CouponRef], description: "The coupons won (COUPON prizes).", resolve: (p) => p.coupons }),
    replayed: t.exposeBoolean("replayed", {
      description: "True when this call repeated an earlier one and got its result.",
    }),
  }),
});

builder.mutationFields((t) => ({
  createGame: t.field({
    type: GamePayload("CreateGamePayload"),
    description: "Add a game to a card (the card's owners).",
    args: { input: t.arg({ type: CreateGameInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => {
      const { cardId, prizes, ...rest } = input;
      return { game: await createGame(ctx, rowId(cardId, "Card"), { ...rest, prizes: prizesOf(prizes) }) };
    },
  }),
  resumeGame: t.field({
    type: GamePayload("ResumeGamePayload"),
    description:
      "Lift a game's suspension (the card's owners): a partner disabled and enabled again leaves its games suspended until each is resumed. CARD_INACTIVE while the partner is still disabled; a game that is not suspended is returned unchanged. Audited.",
    args: { input: t.arg({ type: ResumeGameInput, required: true }) },
    errors: { types: [...WRITE_ERRORS, LoyaltyRuleError] },
    resolve: async (_r, { input }, ctx) => ({ game: await resumeGame(ctx, rowId(input.gameId, "Game")) }),
  }),
  updateGame: t.field({
    type: GamePayload("UpdateGamePayload"),
    description: "Change a game (the card's owners).",
    args: { input: t.arg({ type: UpdateGameInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => {
      const { gameId, prizes, ...rest } = input;
      return {
        game: await updateGame(ctx, rowId(gameId, "Game"), {
          ...rest,
          ...(prizes !== undefined && { prizes: prizesOf(prizes) }),
        }),
      };
    },
  }),
  playGame: t.field({
    type: PlayGamePayload,
    description:
      "Play a game once, for a member following its card (the member themselves; managers and the card's partner name the member). PLAY_LIMIT_REACHED (retryAt: the next period's start), GAME_UNAVAILABLE, CARD_INACTIVE, OUT_OF_STOCK when no prize can be given. Prizes go to the card balance (ledger source GAME) or issue coupons.",
    args: { input: t.arg({ type: PlayGameInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError, LoyaltyRuleError],
    },
    resolve: (_r, { input }, ctx) =>
      playGame(ctx, {
        gameId: rowId(input.gameId, "Game"),
        idempotencyKey: input.idempotencyKey,
        member: memberRef(input.member),
      }),
  }),
}));
