// Partner billing: points awarded through a partner, net of returns, times the partner's cost per point when
// the points were awarded, per calendar month in the program's time zone.
//
// Rounding: each ledger entry's amount (points × costPerPoint) is exact; a month's amount due is their exact
// sum rounded once, half up, to the currency's minor unit (EUR: cents). Example: 1,000,000 points at 0.05 →
// 50,000.00; 3 points at 0.0125 → 0.0375 → 0.04.
import { Prisma } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { minorDigits, sum } from "../kernel/money.js";
import { canManageProgram, ownPartnerIds, requireProgramManager } from "../kernel/principal.js";
import { Decimal } from "../kernel/values.js";
import { requireConfigured, requireProgram } from "../programs/programs.js";

export interface StatementLine {
  partnerId: string;
  /** The program's currency (every amount is in it). */
  currency: string;
  /** "2026-11", in the program's time zone. */
  month: string;
  pointsAwarded: number;
  pointsReturned: number;
  netPoints: number;
  /** Exact: Σ points × costPerPoint. */
  amount: Decimal;
  /** `amount` rounded half up to the currency's minor unit. */
  amountDue: Decimal;
}

export interface Statement {
  currency: string;
  lines: StatementLine[];
  /** Σ the lines' net points. */
  totalNetPoints: number;
  /** Σ the lines' amounts due (each already rounded: the total is what the months' invoices add up to). */
  totalAmountDue: Decimal;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One partner's months (the partner itself, or its program's managers). */
export async function partnerStatement(call: Call, partnerId: string, from: string, to: string): Promise<Statement> {
  const partner = await call.prisma.partner.findUnique({ where: { id: partnerId }, select: { programId: true } });
  if (
    !partner ||
    (!canManageProgram(call.principal, partner.programId) && !ownPartnerIds(call.principal).includes(partnerId))
  ) {
    throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
  }
  return statement(call, partner.programId, from, to, partnerId);
}

/** Every partner's months in a program (its managers). */
export async function programStatement(call: Call, programId: string, from: string, to: string): Promise<Statement> {
  requireProgramManager(call.principal, programId);
  return statement(call, programId, from, to);
}

async function statement(
  call: Call,
  programId: string,
  from: string,
  to: string,
  partnerId?: string,
): Promise<Statement> {
  const issues = [
    ...(MONTH.test(from) ? [] : [{ path: "from", message: 'must be a month such as "2026-11"' }]),
    ...(MONTH.test(to) ? [] : [{ path: "to", message: 'must be a month such as "2026-11"' }]),
  ];
  if (!issues.length && from > to) issues.push({ path: "to", message: "must not be before from" });
  if (issues.length) throw new ValidationError(issues);
  const program = requireConfigured(requireProgram(await call.prisma.program.findUnique({ where: { id: programId } })));
  const rows = await call.prisma.$queryRaw<
    { partnerId: string; month: string; awarded: bigint; returned: bigint; amount: Prisma.Decimal }[]
  >`
    SELECT "partnerId"::text AS "partnerId",
           to_char("createdAt" AT TIME ZONE ${program.timezone}, 'YYYY-MM') AS "month",
           COALESCE(SUM(CASE WHEN "type" = 'EARN' THEN "points" ELSE 0 END), 0)::bigint AS "awarded",
           COALESCE(SUM(CASE WHEN "type" = 'RETURN' THEN -"points" ELSE 0 END), 0)::bigint AS "returned",
           COALESCE(SUM("points" * "costPerPoint"), 0) AS "amount"
    FROM "LedgerEntry"
    WHERE "programId" = ${programId}::uuid AND "partnerId" IS NOT NULL
      ${partnerId ? Prisma.sql`AND "partnerId" = ${partnerId}::uuid` : Prisma.empty}
      AND to_char("createdAt" AT TIME ZONE ${program.timezone}, 'YYYY-MM') BETWEEN ${from} AND ${to}
    GROUP BY 1, 2
    ORDER BY 2, 1`;
  const currency = program.currency;
  const places = minorDigits(currency);
  const lines = rows.map((r): StatementLine => {
    const amount = new Decimal(r.amount);
    return {
      partnerId: r.partnerId,
      currency,
      month: r.month,
      pointsAwarded: Number(r.awarded),
      pointsReturned: Number(r.returned),
      netPoints: Number(r.awarded - r.returned),
      amount,
      amountDue: amount.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
    };
  });
  return {
    currency,
    lines,
    totalNetPoints: lines.reduce((n, l) => n + l.netPoints, 0),
    totalAmountDue: sum(lines.map((l) => l.amountDue)),
  };
}
