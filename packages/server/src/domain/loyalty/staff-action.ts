// The steps every staff action at the counter shares (award points, add stamps, redeem a reward): find the
// card and the club the action happens in, read the member's QR, then — once per idempotency key, in one
// transaction — lock the member, make them follow the card, enforce the daily limits, use up the QR for this
// action, apply the effect and write its Activity and audit entry.
//
// A retry with the same key and request replays the first result, even after the QR expired or the card went
// inactive: the request hash covers the action, card, club, member (from the QR, not its nonce, so a fresh scan
// of the same member replays too) and the amounts. A staff member awarding to a non-follower makes them follow.
import { z } from "zod";
import type { Activity, ActivityType, Card, Member, Program } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError, ValidationError } from "../kernel/errors.js";
import { programRows } from "../kernel/row-filters.js";
import { parseInput } from "../kernel/values.js";
import { lockMember } from "../points/ledger.js";
import { actorOf, audit } from "../programs/audit.js";
import { requireCardStaff } from "./access.js";
import { enforceDailyActionLimits, runIdempotent, today } from "./actions.js";
import { requireCard } from "./cards.js";
import { ensureFollow, isLive } from "./follows.js";
import { consumeMemberQr, type QrAction, readMemberQr } from "./qr.js";

export const StaffActionInput = z.object({
  cardId: z.string(),
  qr: z.string().trim().min(1, "scan the member's QR code").max(2000, "is not a member QR code"),
  clubId: z.string().nullish(),
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});
export type StaffActionInput = z.input<typeof StaffActionInput>;

export type ActionCard = Card & {
  clubIds: string[];
  partner: { status: string; deletedAt: Date | null };
  program: Pick<Program, "timezone" | "roundingMode">;
};

/** What an action's effect gets: its transaction, the card and member, where and by whom, and the keyed Activity fields. */
export interface ActionScope {
  tx: Tx;
  card: ActionCard;
  member: Member;
  clubId: string | null;
  day: { start: Date; end: Date };
  /** Spread into the action's Activity row: who acted, where, and the idempotency record. */
  activity: {
    programId: string;
    partnerId: string;
    cardId: string;
    memberId: string;
    clubId: string | null;
    actorType: string;
    actorId: string | null;
    idempotencyKey: string;
    requestHash: string;
  };
}

export interface StaffActionSpec<T> {
  action: QrAction;
  /** The card type the action needs (awards: LOYALTY; stamps: STAMP), if any. */
  cardType?: Card["type"];
  /** The action's own request fields (amounts, reward): part of the request hash. */
  request: Record<string, unknown>;
  /** The effect; must write the Activity (with `scope.activity` spread in) and return the result. */
  effect: (scope: ActionScope) => Promise<T>;
  /** Rebuilds the result of an earlier run from its Activity. */
  replay: (activity: Activity, card: ActionCard) => Promise<T>;
  /** The audit entry's action name, e.g. "loyalty.awardPoints". */
  audit: string;
}

/** The card a staff action names, with its clubs and the program settings actions need (NOT_FOUND for strangers). */
export async function actionCard(call: Call, cardId: string): Promise<ActionCard> {
  const card = requireCard(
    await call.prisma.card.findFirst({
      where: { id: cardId, ...programRows(call.principal) },
      include: {
        clubs: { select: { clubId: true } },
        partner: { select: { status: true, deletedAt: true } },
        program: { select: { timezone: true, roundingMode: true } },
      },
    }),
  );
  return { ...card, clubIds: card.clubs.map((c) => c.clubId) };
}

export async function runStaffAction<T>(
  call: Call,
  secret: Buffer,
  input: StaffActionInput,
  spec: StaffActionSpec<T>,
): Promise<{ result: T; replayed: boolean }> {
  const data = parseInput(StaffActionInput, input);
  const card = await actionCard(call, data.cardId);
  const clubId = requireCardStaff(call.principal, card, data.clubId);
  if (spec.cardType && card.type !== spec.cardType)
    throw new ValidationError([
      { path: "cardId", message: `is a ${card.type} card; this action needs a ${spec.cardType} card` },
    ]);
  // Genuine (signed) is checked before the idempotency lookup, expiry only for a first run: retries replay.
  const signed = readMemberQr(secret, data.qr, 0);
  if (signed.programId !== card.programId)
    throw new LoyaltyRuleError(ErrorCode.QR_INVALID, "This QR code is for another program");
  const request = { action: spec.action, cardId: card.id, clubId, memberId: signed.memberId, ...spec.request };

  return runIdempotent(
    call,
    { programId: card.programId, idempotencyKey: data.idempotencyKey, request },
    async (activity) => {
      // The caller passed requireCardStaff for this card above, and the hash binds the key to this card.
      if (activity.cardId !== card.id)
        throw new ValidationError([{ path: "idempotencyKey", message: "belongs to another card's action" }]);
      return spec.replay(activity, card);
    },
    async (tx, keyed) => {
      if (!isLive(card))
        throw new LoyaltyRuleError(
          ErrorCode.CARD_INACTIVE,
          "This card is not active (or its business is disabled): nothing can be collected or redeemed on it",
        );
      const claims = readMemberQr(secret, data.qr);
      const member = await tx.member.findFirst({ where: { id: claims.memberId, programId: card.programId } });
      if (!member) throw new LoyaltyRuleError(ErrorCode.QR_INVALID, "This QR code names no member of this program");
      await lockMember(tx, member.id);
      await ensureFollow(tx, call, card, member);
      const actor = actorOf(call.principal);
      const day = await today(tx, card.program.timezone);
      await enforceDailyActionLimits(tx, card, member.id, actor.actorId, day);
      await consumeMemberQr(tx, claims, spec.action, { clubId, actorId: actor.actorId });
      const result = await spec.effect({
        tx,
        card,
        member,
        clubId,
        day,
        activity: {
          programId: card.programId,
          partnerId: card.partnerId,
          cardId: card.id,
          memberId: member.id,
          clubId,
          ...actor,
          ...keyed,
        },
      });
      await audit(tx, call, {
        action: spec.audit,
        targetType: "Member",
        targetId: member.id,
        programId: card.programId,
        after: { cardId: card.id, clubId, ...spec.request },
      });
      return result;
    },
  );
}

/** Writes an action's Activity and its ledger entry on the card (EARN from STAFF, never billed). */
export async function creditCard(
  scope: ActionScope,
  type: ActivityType,
  points: number,
  amount: string | null,
): Promise<Activity> {
  const activity = await scope.tx.activity.create({ data: { ...scope.activity, type, points, amount } });
  await scope.tx.ledgerEntry.create({
    data: {
      programId: scope.card.programId,
      memberId: scope.member.id,
      cardId: scope.card.id,
      activityId: activity.id,
      type: "EARN",
      source: "STAFF",
      points,
    },
  });
  return activity;
}
