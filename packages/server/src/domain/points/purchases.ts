// Purchases award exactly what potentialPoints quotes for the same basket and time; returns take back exactly
// what the returned units earned. Both are idempotent on the client's ids and write ledger entries in the same
// transaction as their records; events follow the commit.
import { createHash } from "node:crypto";
import type { PointsResult } from "@partnergraph/points";
import { z } from "zod";
import type { Prisma, Purchase, PurchaseReturn } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { canManageProgram } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { balanceOf, lockMember } from "./ledger.js";
import { type MemberRef, memberForWrite } from "./members.js";
import { type BasketInput, type PointsCaller, quote, resolvePointsCaller } from "./quote.js";

const ClientId = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

export interface RecordPurchaseInput {
  programId?: string | null;
  partnerId?: string | null;
  receiptId: string;
  member: MemberRef | { externalId: string };
  basket: BasketInput;
}

export interface PurchaseOutcome {
  purchase: Purchase;
  result: PointsResult;
  /** True when this call repeated an earlier one and returned its result. */
  replayed: boolean;
}

export async function recordPurchase(call: Call, input: RecordPurchaseInput): Promise<PurchaseOutcome> {
  const receiptId = parseInput(z.object({ receiptId: ClientId }), input).receiptId;
  const caller = await resolvePointsCaller(call, input);
  const programId = caller.program.id;
  const member = await memberForWrite(
    call.prisma,
    call,
    programId,
    "id" in input.member ? input.member : { programId, externalId: input.member.externalId },
  );
  const basketHash = hash({ memberId: member.id, partnerId: caller.partner?.id ?? null, basket: input.basket });

  const earlier = await call.prisma.purchase.findUnique({ where: { programId_receiptId: { programId, receiptId } } });
  if (earlier) return replay(earlier, basketHash);

  const result = await quote(call, caller, input.basket);
  let purchase: Purchase;
  try {
    purchase = await call.prisma.$transaction(async (tx) => {
      const created = await tx.purchase.create({
        data: {
          programId,
          memberId: member.id,
          partnerId: caller.partner?.id ?? null,
          receiptId,
          basketHash,
          datePurchased: new Date(input.basket.datePurchased),
          basket: json(input.basket),
          breakdown: json(result.breakdown),
          pointsAwarded: result.totalPointsAwarded,
          units: {
            createMany: {
              data: result.breakdown.map((unit, position) => ({ position, sku: unit.sku, points: unit.pointsAwarded })),
            },
          },
        },
      });
      if (result.totalPointsAwarded > 0) {
        await tx.ledgerEntry.create({
          data: {
            programId,
            memberId: member.id,
            type: "EARN",
            source: "PURCHASE",
            points: result.totalPointsAwarded,
            purchaseId: created.id,
            ...billing(caller),
          },
        });
      }
      await audit(tx, call, {
        action: "points.purchase",
        targetType: "Purchase",
        targetId: created.id,
        programId,
        after: { receiptId, memberId: member.id, pointsAwarded: result.totalPointsAwarded },
      });
      return created;
    });
  } catch (error) {
    // A concurrent retry won the race: answer as a retry.
    if (!isUniqueViolation(error)) throw error;
    return replay(
      await call.prisma.purchase.findUniqueOrThrow({ where: { programId_receiptId: { programId, receiptId } } }),
      basketHash,
    );
  }
  publish(call, "POINTS_AWARDED", purchase, purchase.pointsAwarded);
  return { purchase, result, replayed: false };
}

export interface RecordReturnInput {
  programId?: string | null;
  partnerId?: string | null;
  /** The client's id for this return: a retry with the same id returns the original result. */
  returnId: string;
  receiptId: string;
  items: { sku: string; quantity: number }[];
}

const ReturnItems = z
  .array(
    z.object({
      sku: z.string().trim().min(1, "must not be empty"),
      quantity: z.number().int("must be a whole number").min(1, "must be at least 1"),
    }),
  )
  .min(1, "return at least one item");

/**
 * Takes back exactly what the returned units earned at purchase (from the stored lines, not today's rules).
 * Units of one SKU are returned in the order they were bought. Returning more than was bought is refused.
 * Where the program does not allow negative balances, the ledger takes back at most the balance.
 */
export async function recordReturn(
  call: Call,
  input: RecordReturnInput,
): Promise<{ purchaseReturn: PurchaseReturn; replayed: boolean }> {
  const { returnId, receiptId, items } = parseInput(
    z.object({ returnId: ClientId, receiptId: ClientId, items: ReturnItems }),
    input,
  );
  const caller = await resolvePointsCaller(call, input);
  const programId = caller.program.id;
  const requestHash = hash({ receiptId, items });

  const earlier = await call.prisma.purchaseReturn.findUnique({
    where: { programId_externalId: { programId, externalId: returnId } },
  });
  if (earlier) return replayReturn(earlier, requestHash);

  let purchaseReturn: PurchaseReturn;
  try {
    purchaseReturn = await call.prisma.$transaction(async (tx) => {
      const purchase = await tx.purchase.findUnique({ where: { programId_receiptId: { programId, receiptId } } });
      // Partners reach only purchases made through them; managers and staff any purchase of the program.
      const asPartner = !canManageProgram(call.principal, programId) && caller.partner !== null;
      if (!purchase || (asPartner && purchase.partnerId !== caller.partner?.id)) {
        throw new NotFoundError(ErrorCode.NOT_FOUND, "Receipt not found");
      }
      await lockMember(tx, purchase.memberId);
      const units = await takeUnits(tx, purchase.id, items);
      const owed = units.reduce((sum, u) => sum + u.points, 0);
      const balance = await balanceOf(tx, purchase.memberId);
      const taken = caller.program.allowNegativeBalance ? owed : Math.min(owed, Math.max(balance, 0));
      const created = await tx.purchaseReturn.create({
        data: {
          programId,
          purchaseId: purchase.id,
          externalId: returnId,
          requestHash,
          pointsOwed: owed,
          pointsReturned: taken,
        },
      });
      await tx.purchaseUnit.updateMany({
        where: { purchaseId: purchase.id, position: { in: units.map((u) => u.position) } },
        data: { returnId: created.id },
      });
      if (taken > 0) {
        const earned = await tx.ledgerEntry.findFirst({
          where: { purchaseId: purchase.id, type: "EARN" },
          select: { partnerId: true, costPerPoint: true },
        });
        await tx.ledgerEntry.create({
          data: {
            programId,
            memberId: purchase.memberId,
            type: "RETURN",
            source: "PURCHASE",
            points: -taken,
            purchaseId: purchase.id,
            returnId: created.id,
            partnerId: earned?.partnerId ?? null,
            costPerPoint: earned?.costPerPoint ?? null,
          },
        });
      }
      await audit(tx, call, {
        action: "points.return",
        targetType: "Purchase",
        targetId: purchase.id,
        programId,
        after: { returnId, items, pointsOwed: owed, pointsReturned: taken },
      });
      return created;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replayReturn(
      await call.prisma.purchaseReturn.findUniqueOrThrow({
        where: { programId_externalId: { programId, externalId: returnId } },
      }),
      requestHash,
    );
  }
  const purchase = await call.prisma.purchase.findUniqueOrThrow({ where: { id: purchaseReturn.purchaseId } });
  publish(call, "POINTS_RETURNED", purchase, purchaseReturn.pointsReturned);
  return { purchaseReturn, replayed: false };
}

/** The not yet returned units for each returned item, first bought first; refuses returning more than bought. */
async function takeUnits(tx: Tx, purchaseId: string, items: { sku: string; quantity: number }[]) {
  const open = await tx.purchaseUnit.findMany({ where: { purchaseId, returnId: null }, orderBy: { position: "asc" } });
  const taken: typeof open = [];
  items.forEach((item, i) => {
    const available = open.filter((u) => u.sku === item.sku && !taken.includes(u));
    if (available.length < item.quantity) {
      throw new ValidationError([
        {
          path: `items.${i}.quantity`,
          message: `only ${available.length} unit(s) of ${item.sku} can still be returned`,
        },
      ]);
    }
    taken.push(...available.slice(0, item.quantity));
  });
  return taken;
}

function replay(purchase: Purchase, basketHash: string): PurchaseOutcome {
  if (purchase.basketHash !== basketHash)
    throw new ConflictError("This receiptId was already recorded with a different basket", "receiptId");
  const result = {
    totalPointsAwarded: purchase.pointsAwarded,
    breakdown: purchase.breakdown as unknown as PointsResult["breakdown"],
  };
  return { purchase, result, replayed: true };
}

function replayReturn(purchaseReturn: PurchaseReturn, requestHash: string) {
  if (purchaseReturn.requestHash !== requestHash)
    throw new ConflictError("This returnId was already used for a different return", "returnId");
  return { purchaseReturn, replayed: true };
}

function billing(caller: PointsCaller) {
  return caller.partner ? { partnerId: caller.partner.id, costPerPoint: caller.partner.costPerPoint } : {};
}

function publish(call: Call, type: "POINTS_AWARDED" | "POINTS_RETURNED", purchase: Purchase, points: number): void {
  call.events.publish({
    type,
    programId: purchase.programId,
    ...(purchase.partnerId ? { partnerId: purchase.partnerId } : {}),
    memberId: purchase.memberId,
    purchaseId: purchase.id,
    points,
    occurredAt: new Date().toISOString(),
  });
}

/** SHA-256 of a value's canonical JSON (keys sorted), so equal requests hash equally whatever their key order. */
function hash(value: unknown): string {
  return createHash("sha256")
    .update(
      JSON.stringify(value, (_k, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
          : v,
      ),
    )
    .digest("hex");
}

function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
