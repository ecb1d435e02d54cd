// Staff actions at the counter: award points, add stamps (thin: decode ids, call the domain, shape results).
import { ConflictError, LoyaltyRuleError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { type AwardResult, awardPoints } from "../../domain/loyalty/earn.js";
import type { StampProgress } from "../../domain/loyalty/stamp-progress.js";
import { addStamps, type StampsResult } from "../../domain/loyalty/stamps.js";
import type { Activity } from "../../generated/prisma/client.js";
import { builder, type InputFields } from "../builder.js";
import { optionalRowId, rowId } from "../ids.js";
import { ActivityRef, StampProgressRef } from "./members.js";

/** The fields every counter action takes. */
const counterFields = (t: InputFields) => ({
  cardId: t.id({ required: true, description: "The card the action is on." }),
  qr: t.string({
    required: true,
    description: "The member's scanned QR payload (memberQr): each payload works once per action kind, for 5 minutes.",
  }),
  clubId: t.id({
    description:
      "The club the action happens in: one of the card's clubs you work in. Needed only when you work in several that carry the card.",
  }),
  idempotencyKey: t.string({
    required: true,
    description:
      "Your unique id for this action (1-200 characters, unique per program): a retry with the same key and request returns the first result (replayed: true), even after the QR expired; the same key with another request is a CONFLICT.",
  }),
});
const purchaseAmount =
  "The purchase amount in the program's currency (up to 4 decimal places); below the card's minimumPurchase is refused (VALIDATION_FAILED).";

const AwardPointsInput = builder.inputType("AwardPointsInput", {
  description: "Give purchaseAmount (points through the card's rules) or points (a fixed number): one of them.",
  fields: (t) => ({
    ...counterFields(t),
    purchaseAmount: t.field({
      type: "Decimal",
      description: `${purchaseAmount} Points = round(amount × pointsPerCurrencyUnit) in the program's roundingMode, once on the whole amount, plus pointsPerVisit; a purchase earning 0 points is refused.`,
    }),
    points: t.int({ description: "A fixed number of points (1-1000000000), regardless of the card's rules." }),
  }),
});

const AddStampsInput = builder.inputType("AddStampsInput", {
  description:
    "Give purchaseAmount (stampsPerPurchase for a qualifying purchase) or stamps (an explicit count): one of them.",
  fields: (t) => ({
    ...counterFields(t),
    purchaseAmount: t.field({ type: "Decimal", description: purchaseAmount }),
    stamps: t.int({ description: "An explicit number of stamps (1-100)." }),
  }),
});

type ActionOutcome = { result: { activity: Activity }; replayed: boolean };

const StaffActionPayload = builder.interfaceRef<ActionOutcome>("StaffActionPayload").implement({
  description: "What every staff action returns: its Activity, the member and card, and whether it was a replay.",
  fields: (t) => ({
    activity: t.field({ type: ActivityRef, resolve: (p) => p.result.activity }),
    member: t.prismaField({
      type: "Member",
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.member.findUniqueOrThrow({ ...query, where: { id: p.result.activity.memberId! } }),
    }),
    card: t.prismaField({
      type: "Card",
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.card.findUniqueOrThrow({ ...query, where: { id: p.result.activity.cardId! } }),
    }),
    replayed: t.boolean({
      description: "True when this call repeated an earlier one (same idempotencyKey) and returned its result.",
      resolve: (p) => p.replayed,
    }),
  }),
});

const AwardPointsPayload = builder
  .objectRef<{ result: AwardResult; replayed: boolean }>("AwardPointsPayload")
  .implement({
    interfaces: [StaffActionPayload],
    fields: (t) => ({
      pointsAwarded: t.int({ resolve: (p) => p.result.pointsAwarded }),
      balance: t.int({ description: "The member's points on the card now.", resolve: (p) => p.result.balance }),
    }),
  });

const AddStampsPayload = builder.objectRef<{ result: StampsResult; replayed: boolean }>("AddStampsPayload").implement({
  interfaces: [StaffActionPayload],
  fields: (t) => ({
    stampsRequested: t.int({
      description: "Stamps the purchase or request asked for.",
      resolve: (p) => p.result.stampsRequested,
    }),
    stampsAdded: t.int({
      description:
        "Stamps added: fewer than requested when the daily stamp limit or a HOLD card's full card capped them.",
      resolve: (p) => p.result.stampsAdded,
    }),
    progress: t.field({
      type: StampProgressRef,
      description: "The member's progress on the card now.",
      resolve: (p): StampProgress => p.result.progress,
    }),
    completedCard: t.boolean({
      description: "Whether this action filled a card.",
      resolve: (p) => p.result.completedCard,
    }),
  }),
});

const actionErrors = {
  types: [ValidationError, ConflictError, NotFoundError, LoyaltyRuleError],
};

type ActionArgs = {
  cardId: string;
  qr: string;
  clubId?: string | null;
  idempotencyKey: string;
  purchaseAmount?: string | null;
};
const staffInput = <T extends ActionArgs>(input: T) => ({
  ...input,
  cardId: rowId(input.cardId, "Card"),
  clubId: optionalRowId(input.clubId, "Club"),
});

builder.mutationFields((t) => ({
  awardPoints: t.field({
    type: AwardPointsPayload,
    description:
      "Staff (and owners) award points on a LOYALTY card to the member whose QR was scanned, in one of the card's clubs. Idempotent on idempotencyKey; a member who does not follow the card starts following it. Daily limits per member and per staff member apply.",
    args: { input: t.arg({ type: AwardPointsInput, required: true }) },
    errors: { ...actionErrors },
    resolve: (_r, { input }, ctx) => awardPoints(ctx, ctx.secrets.session, staffInput(input)),
  }),
  addStamps: t.field({
    type: AddStampsPayload,
    description:
      "Staff (and owners) add stamps on a STAMP card to the member whose QR was scanned. Idempotent on idempotencyKey; follows like awardPoints. Stamps beyond the daily stamp limit, or beyond a full card on a HOLD card, are not added (refused when none can be).",
    args: { input: t.arg({ type: AddStampsInput, required: true }) },
    errors: { ...actionErrors },
    resolve: (_r, { input }, ctx) => addStamps(ctx, ctx.secrets.session, staffInput(input)),
  }),
}));
