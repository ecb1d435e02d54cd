// Row filters and lookups shared by rewards, coupons, redemptions and games: cards members collect on (follow),
// and the member's follow itself.
import type { Card, Prisma } from "../../generated/prisma/client.js";
import { ownMemberIds, requireAuthenticated, type Principal } from "../auth/principal.js";
import type { Tx } from "../deps.js";
import { ErrorCode, NotFoundError } from "../errors.js";

/** Cards one of the caller's members follows. */
export function followedCardWhere(p: Principal): Prisma.CardWhereInput {
  return { followers: { some: { memberId: { in: ownMemberIds(p) } } } };
}

export function requireFound<T>(row: T | null | undefined, what: string): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, `${what} not found`);
  return row;
}

export type CardWithClubs = Card & { clubIds: string[] };

/** Whether the member follows the card. */
export async function follows(tx: Pick<Tx, "cardFollow">, cardId: string, memberId: string): Promise<boolean> {
  return (await tx.cardFollow.findUnique({ where: { cardId_memberId: { cardId, memberId } }, select: { cardId: true } })) !== null;
}

