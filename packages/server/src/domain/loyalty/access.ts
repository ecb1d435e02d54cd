// Who may act on a partner's loyalty data. Owners (admins, the program's managers and key, the partner itself)
// manage cards, clubs, rewards and games; staff act only on cards assigned to one of their clubs
// (STORE_ACCESS_DENIED otherwise); a member acts on their own collection.
// Also the lookups those checks share: NOT_FOUND for a missing row, and whether a member follows a card.

import type { Card } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";
import { AuthError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import {
  canManageProgram,
  ownMemberIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
  staffClubs,
} from "../kernel/principal.js";

/** A row that belongs to a partner of a program (card, club, reward via its card, game). */
export interface Owned {
  programId: string;
  partnerId: string;
}

export function isOwner(p: Principal, row: Owned): boolean {
  return canManageProgram(p, row.programId) || ownPartnerIds(p).includes(row.partnerId);
}

function isStaffIn(p: Principal, programId: string): boolean {
  return p.grants.some((g) => g.role === "STAFF" && g.programId === programId);
}

/** The refusal for someone who is not an owner: partners lack permission, staff are denied, strangers learn nothing. */
function refuse(p: Principal, row: Owned, staffError: AuthError): never {
  if (p.grants.some((g) => g.role === "PARTNER_USER" && g.programId === row.programId)) {
    throw new AuthError(ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS, "Only the partner that owns this may change it");
  }
  if (isStaffIn(p, row.programId)) throw staffError;
  throw new NotFoundError(ErrorCode.NOT_FOUND, "Not found");
}

/** Managing a card, club, reward or game. */
export function requireOwner(p: Principal, row: Owned): void {
  requireAuthenticated(p);
  if (!isOwner(p, row))
    refuse(p, row, new AuthError(ErrorCode.FORBIDDEN, "Staff cannot manage cards, clubs, rewards or games"));
}

const storeDenied = (message = "You do not work in a club that carries this card") =>
  new AuthError(ErrorCode.STORE_ACCESS_DENIED, message);

/**
 * The club a staff action on a card happens in. Owners may name any of the card's clubs, or none; staff must
 * work in a club that carries the card, and name it when they work in several that do.
 */
export function requireCardStaff(
  p: Principal,
  card: Owned & { clubIds: string[] },
  clubId?: string | null,
): string | null {
  requireAuthenticated(p);
  if (isOwner(p, card)) {
    if (clubId != null && !card.clubIds.includes(clubId))
      throw new ValidationError([{ path: "clubId", message: "is not one of the card's clubs" }]);
    return clubId ?? null;
  }
  const mine = staffClubs(p, card.programId)
    .map((c) => c.clubId)
    .filter((id) => card.clubIds.includes(id));
  if (!mine.length) refuse(p, card, storeDenied());
  if (clubId != null) {
    if (!mine.includes(clubId)) throw storeDenied("You do not work in that club, or it does not carry this card");
    return clubId;
  }
  if (mine.length > 1)
    throw new ValidationError([
      { path: "clubId", message: "you work in several clubs that carry this card; say which" },
    ]);
  return mine[0]!;
}

/** Managing a club's staff: its owners and the club's managers. */
export function requireClubManager(p: Principal, club: Owned & { id: string }): void {
  requireAuthenticated(p);
  if (isOwner(p, club)) return;
  const access = staffClubs(p, club.programId).find((c) => c.clubId === club.id);
  if (access?.manager) return;
  refuse(
    p,
    club,
    access
      ? new AuthError(ErrorCode.FORBIDDEN, "Only the club's managers manage its staff")
      : storeDenied("You do not work in this club"),
  );
}

/**
 * Acting for a member on their own collection (follow, QR, games, own coupons): the member themselves, the
 * program's managers (e.g. the brand's app backend with its key), or the partner owning the card involved.
 */
export function requireMemberActor(p: Principal, member: { id: string; programId: string }, card?: Owned): void {
  requireAuthenticated(p);
  if (ownMemberIds(p).includes(member.id) || canManageProgram(p, member.programId)) return;
  if (card && card.programId === member.programId && ownPartnerIds(p).includes(card.partnerId)) return;
  throw new NotFoundError(ErrorCode.NOT_FOUND, "Member not found");
}

export function requireFound<T>(row: T | null | undefined, what: string): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, `${what} not found`);
  return row;
}

export type CardWithClubs = Card & { clubIds: string[] };

/** Whether the member follows the card. */
export async function follows(tx: Pick<Tx, "cardFollow">, cardId: string, memberId: string): Promise<boolean> {
  return (
    (await tx.cardFollow.findUnique({ where: { cardId_memberId: { cardId, memberId } }, select: { cardId: true } })) !==
    null
  );
}
