// Partner billing: partnerStatement and programStatement, points awarded through partners × their cost per
// point, by month (the figures come from the domain; amounts are shown to the currency's minor unit).
import { ErrorCode } from "../../domain/kernel/errors.js";
import { minorDigits } from "../../domain/kernel/money.js";
import { partnerStatement, programStatement, type Statement, type StatementLine } from "../../domain/points/billing.js";
import { builder } from "../builder.js";
import { rowId } from "../ids.js";
import { Money } from "../scalars.js";

const StatementMonthRef = builder.objectRef<StatementLine>("StatementMonth").implement({
  fields: (t) => ({
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      resolve: (query, l, _a, ctx) => ctx.prisma.partner.findUnique({ ...query, where: { id: l.partnerId } }),
    }),
    month: t.exposeString("month", { description: "YYYY-MM in the program's time zone." }),
    pointsAwarded: t.exposeInt("pointsAwarded"),
    pointsReturned: t.exposeInt("pointsReturned"),
    netPoints: t.exposeInt("netPoints"),
    amount: t.field({
      type: Money,
      description: "Exact: Σ points × cost per point at award time.",
      resolve: (l) => ({ amount: l.amount, currency: l.currency }),
    }),
    amountDue: t.field({
      type: Money,
      description: "amount rounded half up to the currency's minor unit.",
      resolve: (l) => ({ amount: l.amountDue.toFixed(minorDigits(l.currency)), currency: l.currency }),
    }),
  }),
});

const StatementRef = builder.objectRef<Statement>("PointsStatement").implement({
  description: "Points awarded through partners × their cost per point, per month.",
  fields: (t) => ({
    currency: t.exposeString("currency"),
    months: t.field({ type: [StatementMonthRef], resolve: (s) => s.lines }),
    totalNetPoints: t.exposeInt("totalNetPoints"),
    totalAmountDue: t.field({
      type: Money,
      description: "The sum of the months' amounts due.",
      resolve: (s) => ({ amount: s.totalAmountDue.toFixed(minorDigits(s.currency)), currency: s.currency }),
    }),
  }),
});

builder.queryFields((t) => ({
  partnerStatement: t.field({
    type: StatementRef,
    description:
      "A partner's billing by month (the partner, or its program's managers). Months are YYYY-MM, inclusive.",
    args: {
      partnerId: t.arg.id({ required: true }),
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      partnerStatement(ctx, rowId(args.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND), args.from, args.to),
  }),
  programStatement: t.field({
    type: StatementRef,
    description: "Every partner's billing by month (the program's managers).",
    args: {
      programId: t.arg.id({ required: true }),
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => programStatement(ctx, rowId(args.programId, "Program"), args.from, args.to),
  }),
}));
