// A member's side of loyalty: who acts for which member, the member's QR, and what of a member's cards and
// history a caller may see. A member acts for themselves (their session proved their email); the program's
// managers act for any member of it; a card's partner acts for a member on that card.
import type { Member } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, NotFoundError } from "../kernel/errors.js";
import { type Principal, requireAuthenticated } from "../kernel/principal.js";
import type { MemberRef } from "../points/members.js";
import { type Owned, requireMemberActor } from "./access.js";
import { signMemberQr } from "./qr.js";

const notAMember = () => new NotFoundError(ErrorCode.NOT_FOUND, "Member not found");

/** The caller's own member in a program (from their session's email), if any. */
export function ownMemberIn(p: Principal, programId: string): string | null {
  for (const g of p.grants) if (g.role === "MEMBER" && g.programId === programId) return g.memberId;
  return null;
}

/**
 * The member an action is for: the named one when the caller may act for them (on `card`, if given), or else the
 * caller's own member in `programId`. NOT_FOUND when there is none the caller may act for, or it is of another program.
 */
export async function actingMember(
  db: Pick<Tx, "member">,
  p: Principal,
  ref: MemberRef | null | undefined,
  scope: { programId: string | null; card?: Owned },
): Promise<Member> {
  requireAuthenticated(p);
  const own = scope.programId && !ref ? ownMemberIn(p, scope.programId) : null;
  const where = ref
    ? "id" in ref
      ? { id: ref.id }
      : { programId: ref.programId, externalId: ref.externalId }
    : own
      ? { id: own }
      : null;
  const member = where ? await db.member.findFirst({ where }) : null;
  if (!member || (scope.programId && member.programId !== scope.programId)) throw notAMember();
  if (ref) requireMemberActor(p, member, scope.card);
  return member;
}

/** A fresh QR payload for a member to show at the counter (valid 5 minutes, once per action kind). */
export async function issueMemberQr(
  call: Call,
  secret: Buffer,
  input: { programId?: string | null; member?: MemberRef | null },
): Promise<{ payload: string; expiresAt: Date }> {
  const member = await actingMember(call.prisma, call.principal, input.member, { programId: input.programId ?? null });
  return signMemberQr(secret, { programId: member.programId, memberId: member.id });
}
