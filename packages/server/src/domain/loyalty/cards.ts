// Loyalty cards (points) and stamp cards: their design, visibility, earning or stamp rules and daily limits, and
// the clubs that carry them. A card belongs to the partner of its clubs; its owners manage it.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Card, CardType, Prisma } from "../../generated/prisma/client.js";
import { CardStatus, CardVisibility, StampCompletion } from "../../generated/prisma/enums.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import type { Principal } from "../kernel/principal.js";
import { programRows } from "../kernel/row-filters.js";
import { decimalString, type Loose, name, optionalText, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireOwner } from "./access.js";

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #RRGGBB")
  .transform((v) => v.toUpperCase());
const httpUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine(
    (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
    "must be an absolute http(s) URL",
  );
const count = (min: number, max: number) =>
  z.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** Fields every card has; `clearable` ones accept null in updates (clear), the others do not. */
const Design = {
  name,
  description: optionalText(2000),
  backgroundColor: hexColor.nullable(),
  textColor: hexColor.nullable(),
  logoUrl: httpUrl.nullable(),
};
const Common = {
  visibility: z.enum(CardVisibility),
  status: z.enum(CardStatus),
  memberDailyActionLimit: count(1, 10_000).nullable(),
  staffDailyActionLimit: count(1, 100_000).nullable(),
  couponValidityDays: count(1, 3650).nullable(),
  minimumPurchase: decimalString(18, 4).nullable(),
};
const LoyaltyRules = {
  pointsPerCurrencyUnit: decimalString(12, 4).nullable(),
  pointsPerVisit: count(0, 1_000_000).nullable(),
};
const StampRules = {
  stampsRequired: count(1, 100),
  stampsPerPurchase: count(1, 100),
  dailyStampLimit: count(1, 1000).nullable(),
  afterCompletion: z.enum(StampCompletion),
};

const CreateDesign = z.object({
  name: Design.name,
  description: Design.description,
  backgroundColor: Design.backgroundColor.nullish().transform((v) => v ?? null),
  textColor: Design.textColor.nullish().transform((v) => v ?? null),
  logoUrl: Design.logoUrl.nullish().transform((v) => v ?? null),
});
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  schema.nullish().transform((v) => (v ?? fallback) as z.output<T>);
const CreateCommon = {
  design: CreateDesign,
  visibility: withDefault(Common.visibility, "PUBLIC"),
  status: withDefault(Common.status, "ACTIVE"),
  memberDailyActionLimit: withDefault(Common.memberDailyActionLimit, null),
  staffDailyActionLimit: withDefault(Common.staffDailyActionLimit, null),
  couponValidityDays: withDefault(Common.couponValidityDays, null),
  minimumPurchase: withDefault(Common.minimumPurchase, null),
  clubIds: z.array(z.string()).min(1, "give at least one club").max(100, "must be at most 100 clubs"),
};
const CreateLoyaltyCard = z.object({
  ...CreateCommon,
  pointsPerCurrencyUnit: withDefault(LoyaltyRules.pointsPerCurrencyUnit, null),
  pointsPerVisit: withDefault(LoyaltyRules.pointsPerVisit, null),
});
const CreateStampCard = z.object({
  ...CreateCommon,
  stampsRequired: StampRules.stampsRequired,
  stampsPerPurchase: withDefault(StampRules.stampsPerPurchase, 1),
  dailyStampLimit: withDefault(StampRules.dailyStampLimit, null),
  afterCompletion: withDefault(StampRules.afterCompletion, "NEW_CARD"),
});
export type CreateLoyaltyCardInput = z.input<typeof CreateLoyaltyCard>;
export type CreateStampCardInput = z.input<typeof CreateStampCard>;

/** Every field optional; null clears the clearable ones (and is refused for the others, see NOT_CLEARABLE). */
const UpdateCard = z.object({
  design: z
    .object({ ...Design, name: Design.name.optional() })
    .partial()
    .optional(),
  ...z.object(Common).partial().shape,
  ...z.object(LoyaltyRules).partial().shape,
  ...z.object(StampRules).partial().shape,
  rotateFollowToken: z.boolean().nullish(),
});
type UpdateShape = z.input<typeof UpdateCard>;
/** What arrives from a client: any field may be null (refused for NOT_CLEARABLE ones). */
export type UpdateCardInput = Loose<Omit<UpdateShape, "design">> & {
  design?: Loose<NonNullable<UpdateShape["design"]>> | null;
};
const NOT_CLEARABLE = ["visibility", "status", "stampsRequired", "stampsPerPurchase", "afterCompletion", "design.name"];
const TYPE_OF: Record<string, CardType> = {
  pointsPerCurrencyUnit: "LOYALTY",
  pointsPerVisit: "LOYALTY",
  stampsRequired: "STAMP",
  stampsPerPurchase: "STAMP",
  dailyStampLimit: "STAMP",
  afterCompletion: "STAMP",
};

const newFollowToken = () => randomBytes(18).toString("base64url");

export async function createLoyaltyCard(call: Call, input: CreateLoyaltyCardInput): Promise<Card> {
  const { design, clubIds, ...data } = parseInput(CreateLoyaltyCard, input);
  return createCard(call, "LOYALTY", clubIds, { ...design, ...data });
}

export async function createStampCard(call: Call, input: CreateStampCardInput): Promise<Card> {
  const { design, clubIds, ...data } = parseInput(CreateStampCard, input);
  return createCard(call, "STAMP", clubIds, { ...design, ...data });
}

type CardData = Omit<Prisma.CardUncheckedCreateInput, "programId" | "partnerId" | "type" | "followToken">;

async function createCard(call: Call, type: CardType, clubIds: string[], data: CardData): Promise<Card> {
  return call.prisma.$transaction(async (tx) => {
    const clubs = await cardClubs(tx, call.principal, clubIds);
    const owner = { programId: clubs[0]!.programId, partnerId: clubs[0]!.partnerId };
    requireOwner(call.principal, owner);
    const card = await tx.card.create({
      data: {
        ...data,
        ...owner,
        type,
        followToken: newFollowToken(),
        clubs: { create: clubs.map((c) => ({ clubId: c.id })) },
      },
    });
    await audit(tx, call, {
      action: "card.create",
      targetType: "Card",
      targetId: card.id,
      programId: card.programId,
      after: { ...card, followToken: undefined, clubIds: clubs.map((c) => c.id) },
    });
    return card;
  });
}

/**
 * Only the fields present change. A rule of the other card type is refused; stampsRequired cannot change once
 * stamps were collected on the card (it would re-count everyone's progress).
 */
export async function updateCard(call: Call, cardId: string, input: UpdateCardInput): Promise<Card> {
  const issues = NOT_CLEARABLE.filter(
    (path) =>
      path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], input) === null,
  );
  if (issues.length) throw new ValidationError(issues.map((path) => ({ path, message: "cannot be cleared" })));
  const { design, rotateFollowToken, ...rules } = parseInput(UpdateCard, input);
  return call.prisma.$transaction(async (tx) => {
    const before = await ownedCard(tx, call.principal, cardId);
    const wrongType = Object.keys(rules).filter(
      (k) => TYPE_OF[k] && TYPE_OF[k] !== before.type && rules[k as keyof typeof rules] !== undefined,
    );
    if (wrongType.length)
      throw new ValidationError(wrongType.map((path) => ({ path, message: `applies to ${TYPE_OF[path]} cards only` })));
    if (
      rules.stampsRequired !== undefined &&
      rules.stampsRequired !== before.stampsRequired &&
      (await tx.ledgerEntry.count({ where: { cardId } })) > 0
    ) {
      throw new ConflictError(
        "Stamps were collected on this card: stampsRequired cannot change any more",
        "stampsRequired",
      );
    }
    const after = await tx.card.update({
      where: { id: cardId },
      data: { ...design, ...rules, ...(rotateFollowToken && { followToken: newFollowToken() }) },
    });
    await audit(tx, call, {
      action: "card.update",
      targetType: "Card",
      targetId: cardId,
      programId: after.programId,
      before: { ...before, followToken: undefined },
      after: { ...after, followToken: undefined },
    });
    return after;
  });
}

/** Replaces the clubs that carry a card: each a club of the card's partner, at least one. */
export async function setCardClubs(call: Call, cardId: string, clubIds: string[]): Promise<Card> {
  const { clubIds: ids } = parseInput(z.object({ clubIds: CreateCommon.clubIds }), { clubIds });
  return call.prisma.$transaction(async (tx) => {
    const card = await ownedCard(tx, call.principal, cardId);
    const clubs = await cardClubs(tx, call.principal, ids);
    if (clubs[0]!.partnerId !== card.partnerId)
      throw new ValidationError([{ path: "clubIds", message: "must be clubs of the card's partner" }]);
    const before = (await tx.cardClub.findMany({ where: { cardId }, select: { clubId: true } })).map((c) => c.clubId);
    const after = clubs.map((c) => c.id);
    await tx.cardClub.deleteMany({ where: { cardId, clubId: { notIn: after } } });
    await tx.cardClub.createMany({
      data: after.filter((id) => !before.includes(id)).map((clubId) => ({ cardId, clubId })),
    });
    await audit(tx, call, {
      action: "card.setClubs",
      targetType: "Card",
      targetId: cardId,
      programId: card.programId,
      before: { clubIds: before.sort() },
      after: { clubIds: [...after].sort() },
    });
    return card;
  });
}

/** A card in a program the caller has a role in, which the caller must own (to manage it). */
async function ownedCard(tx: Tx, p: Principal, cardId: string): Promise<Card> {
  const card = requireCard(
    await tx.card.findFirst({ where: { id: cardId, partner: { deletedAt: null }, ...programRows(p) } }),
  );
  requireOwner(p, card);
  return card;
}

/** The named clubs, all found in the caller's programs and all of one partner. */
async function cardClubs(tx: Tx, p: Principal, clubIds: string[]) {
  const ids = [...new Set(clubIds)];
  const clubs = await tx.club.findMany({
    where: { id: { in: ids }, partner: { deletedAt: null }, ...programRows(p) },
    select: { id: true, programId: true, partnerId: true },
  });
  if (clubs.length !== ids.length) throw new NotFoundError(ErrorCode.NOT_FOUND, "Club not found");
  if (new Set(clubs.map((c) => c.partnerId)).size > 1)
    throw new ValidationError([{ path: "clubIds", message: "must all be clubs of one partner" }]);
  return clubs;
}

export function requireCard<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, "Card not found");
  return row;
}
