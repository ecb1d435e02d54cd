// Commissions: status transitions, period locks, and syncCommissions, which recomputes a month from its
// conversions, clicks and the live rules. Paid history is never rewritten.

import type { CommissionChangedEvent } from "../../events/bus.js";
import type { Commission, CommissionStatus, Prisma } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, InvalidTransitionError, NotFoundError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { programRows } from "../kernel/row-filters.js";
import { uuidv7 } from "../kernel/uuid.js";
import { parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireConfigured, requireProgram, requireProgramVisible } from "../programs/programs.js";
import {
  clickEarning,
  conversionEarning,
  type Earned,
  type EarningEvent,
  earningCommissionRow,
  earningSourceKey,
  liveRulesByProject,
} from "./earning.js";
import { lockPeriodExclusively, periodBounds, periodText, requireOpenPeriods } from "./periods.js";

/** The transitions a caller may ask for. REVERSED is reached only through refunds. */
export const TRANSITIONS: Readonly<Record<CommissionStatus, readonly CommissionStatus[]>> = {
  PENDING: ["APPROVED", "VOID"],
  APPROVED: ["PAID", "VOID"],
  PAID: [],
  VOID: [],
  REVERSED: [],
};

export function commissionEvent(c: Commission, change: CommissionChangedEvent["change"]): CommissionChangedEvent {
  return {
    type: "COMMISSION_CHANGED",
    programId: c.programId,
    partnerId: c.partnerId,
    projectId: c.projectId,
    commissionId: c.id,
    status: c.status,
    change,
    occurredAt: new Date().toISOString(),
  };
}

export async function setCommissionStatus(call: Call, commissionId: string, to: CommissionStatus): Promise<Commission> {
  const after = await call.prisma.$transaction(async (tx) => {
    const before = await tx.commission.findFirst({ where: { id: commissionId, ...programRows(call.principal) } });
    if (!before) throw new NotFoundError(ErrorCode.NOT_FOUND, "Commission not found");
    requireProgramManager(call.principal, before.programId);
    if (!TRANSITIONS[before.status].includes(to))
      throw new InvalidTransitionError(before.status, to, TRANSITIONS[before.status]);
    await requireOpenPeriods(tx, before.programId, [before.period]);
    const { count } = await tx.commission.updateMany({
      where: { id: before.id, status: before.status },
      data: { status: to },
    });
    const after = await tx.commission.findUniqueOrThrow({ where: { id: before.id } });
    if (!count) throw new InvalidTransitionError(after.status, to, TRANSITIONS[after.status]); // changed concurrently
    await audit(tx, call, {
      action: "commission.setStatus",
      targetType: "Commission",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  });
  call.events.publish(commissionEvent(after, "STATUS_CHANGED"));
  return after;
}

// Locks --------------------------------------------------------------------------------------------------

export interface LockStatus {
  programId: string;
  period: string;
  locked: boolean;
  lockedAt: Date | null;
  startsAt: Date;
  endsAt: Date;
}

async function lockStatus(tx: Tx, programId: string, period: string): Promise<LockStatus> {
  const program = requireConfigured(requireProgram(await tx.program.findUnique({ where: { id: programId } })));
  const lock = await tx.commissionPeriodLock.findUnique({ where: { programId_period: { programId, period } } });
  const { start, end } = periodBounds(period, program.timezone);
  return { programId, period, locked: Boolean(lock), lockedAt: lock?.lockedAt ?? null, startsAt: start, endsAt: end };
}

/** Whether a month is locked, and its bounds in the program's time zone (anyone in the program may ask). */
export async function commissionLockStatus(call: Call, programId: string, period: string): Promise<LockStatus> {
  const p = parseInput(periodText, period);
  await requireProgramVisible(call, programId);
  return lockStatus(call.prisma, programId, p);
}

/** Closes a month: waits for commission writes in flight; locking a locked month changes nothing. */
export async function lockCommissionPeriod(call: Call, programId: string, period: string): Promise<LockStatus> {
  requireProgramManager(call.principal, programId);
  const p = parseInput(periodText, period);
  return call.prisma.$transaction(async (tx) => {
    await lockPeriodExclusively(tx, programId, p);
    const existing = await tx.commissionPeriodLock.findUnique({
      where: { programId_period: { programId, period: p } },
    });
    if (!existing) {
      await tx.commissionPeriodLock.create({ data: { programId, period: p } });
      await audit(tx, call, {
        action: "commissionPeriod.lock",
        targetType: "CommissionPeriod",
        targetId: p,
        programId,
        after: { period: p, locked: true },
      });
    }
    return lockStatus(tx, programId, p);
  });
}

export async function unlockCommissionPeriod(call: Call, programId: string, period: string): Promise<LockStatus> {
  requireProgramManager(call.principal, programId);
  const p = parseInput(periodText, period);
  return call.prisma.$transaction(async (tx) => {
    await lockPeriodExclusively(tx, programId, p);
    const { count } = await tx.commissionPeriodLock.deleteMany({ where: { programId, period: p } });
    if (count)
      await audit(tx, call, {
        action: "commissionPeriod.unlock",
        targetType: "CommissionPeriod",
        targetId: p,
        programId,
        before: { period: p, locked: true },
        after: { period: p, locked: false },
      });
    return lockStatus(tx, programId, p);
  });
}

// Sync ---------------------------------------------------------------------------------------------------

export interface SyncReport {
  programId: string;
  period: string;
  /** Commissions created for events that earn but had none. */
  created: number;
  /** Unpaid commissions whose amount (or rule) changed. */
  updated: number;
  /** Unpaid commissions no rule pays any more: VOID (or REVERSED when the sale was fully refunded). */
  voided: number;
  /** Already right. */
  unchanged: number;
  /** PAID commissions (or ones with clawbacks) that differ from the rules today: left as they are. */
  skippedPaid: number;
}

const PAGE = 1000;

/**
 * Recomputes a month's commissions from its conversions and valid clicks under today's live rules, in one
 * transaction. Running it again changes nothing. VOID and REVERSED commissions stay as decided; PAID ones and
 * those with clawbacks are never rewritten (they are counted in skippedPaid when they differ).
 */
export async function syncCommissions(call: Call, programId: string, period: string): Promise<SyncReport> {
  requireProgramManager(call.principal, programId);
  const p = parseInput(periodText, period);
  const { report, events } = await call.prisma.$transaction(
    async (tx) => {
      const program = requireConfigured(requireProgram(await tx.program.findUnique({ where: { id: programId } })));
      await requireOpenPeriods(tx, programId, [p]);
      const { start, end } = periodBounds(p, program.timezone);
      const projects = await tx.referralProject.findMany({
        where: { programId },
        select: { id: true, currency: true },
      });
      const currencyOf = new Map(projects.map((x) => [x.id, x.currency]));
      const rules = await liveRulesByProject(tx, [...currencyOf.keys()], ["CLICK", "LEAD", "SALE"]);
      const rulesOf = (projectId: string) => rules.get(projectId) ?? [];
      const report: SyncReport = {
        programId,
        period: p,
        created: 0,
        updated: 0,
        voided: 0,
        unchanged: 0,
        skippedPaid: 0,
      };
      const events: CommissionChangedEvent[] = [];
      const reconcile = reconciler(tx, report, events, p);

      for (let after: string | undefined; ; ) {
        const conversions = await tx.conversion.findMany({
          where: {
            programId,
            status: "ATTRIBUTED",
            occurredAt: { gte: start, lt: end },
            ...(after && { id: { gt: after } }),
          },
          orderBy: { id: "asc" },
          take: PAGE,
        });
        if (!conversions.length) break;
        after = conversions.at(-1)!.id;
        const customers = await tx.referralCustomer.findMany({
          where: {
            OR: conversions
              .filter((c) => c.customerExternalId)
              .map((c) => ({ projectId: c.projectId, externalId: c.customerExternalId! })),
          },
        });
        const since = new Map(customers.map((c) => [`${c.projectId} ${c.externalId}`, c.attributedAt]));
        const existing = await tx.commission.findMany({
          where: { conversionId: { in: conversions.map((c) => c.id) } },
        });
        await reconcile(
          conversions.map((c) => ({
            earningEvent: {
              programId,
              projectId: c.projectId,
              partnerId: c.partnerId!,
              currency: c.currency,
              earnedAt: c.occurredAt,
              source: { event: c.type, conversionId: c.id },
            },
            fullyRefunded: c.type === "SALE" && c.amount !== null && c.refundedAmount.gte(c.amount),
            expected: conversionEarning(
              rulesOf(c.projectId),
              c,
              c.customerExternalId ? (since.get(`${c.projectId} ${c.customerExternalId}`) ?? null) : null,
            ),
            existing: existing.filter((x) => x.conversionId === c.id),
          })),
        );
      }

      const clickRulesLive = [...rules.values()].some((own) => own.some((r) => r.event === "CLICK"));
      const existingClickCommissions = await tx.commission.findMany({
        where: { programId, period: p, event: "CLICK", kind: "EARNING" },
        select: { id: true },
      });
      if (clickRulesLive || existingClickCommissions.length) {
        for (let after: string | undefined; ; ) {
          const clicks = await tx.click.findMany({
            where: {
              programId,
              status: "VALID",
              createdAt: { gte: start, lt: end },
              ...(after && { id: { gt: after } }),
            },
            orderBy: { id: "asc" },
            take: PAGE,
            select: { id: true, projectId: true, partnerId: true, createdAt: true },
          });
          if (!clicks.length) break;
          after = clicks.at(-1)!.id;
          const sourceKeyOf = (c: { id: string }) => earningSourceKey({ event: "CLICK", clickId: c.id });
          const existing = await tx.commission.findMany({
            where: { programId, sourceKey: { in: clicks.map(sourceKeyOf) } },
          });
          await reconcile(
            clicks.map((c) => ({
              earningEvent: {
                programId,
                projectId: c.projectId,
                partnerId: c.partnerId,
                currency: currencyOf.get(c.projectId)!,
                earnedAt: c.createdAt,
                source: { event: "CLICK", clickId: c.id },
              },
              fullyRefunded: false,
              expected: clickEarning(rulesOf(c.projectId), c, currencyOf.get(c.projectId)!),
              existing: existing.filter((x) => x.sourceKey === sourceKeyOf(c)),
            })),
          );
        }
      }
      await audit(tx, call, {
        action: "commission.sync",
        targetType: "CommissionPeriod",
        targetId: p,
        programId,
        after: report,
      });
      return { report, events };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  for (const e of events) call.events.publish(e);
  return report;
}

interface Expectation {
  earningEvent: EarningEvent;
  fullyRefunded: boolean;
  expected: Earned | null;
  /** Every commission of the event (earning and clawbacks). */
  existing: Commission[];
}

function reconciler(tx: Tx, report: SyncReport, events: CommissionChangedEvent[], period: string) {
  return async (items: Expectation[]) => {
    const toCreate: Prisma.CommissionCreateManyInput[] = [];
    for (const item of items) {
      const earningRow = item.existing.find((c) => c.kind === "EARNING");
      if (!earningRow) {
        if (item.expected) toCreate.push(earningCommissionRow(item.earningEvent, item.expected, period, uuidv7()));
        else report.unchanged++;
        continue;
      }
      if (earningRow.status === "VOID" || earningRow.status === "REVERSED") {
        report.unchanged++;
        continue;
      }
      const same =
        item.expected !== null &&
        earningRow.amount.eq(item.expected.amount) &&
        earningRow.ruleId === item.expected.ruleId;
      if (same) {
        report.unchanged++;
        continue;
      }
      if (earningRow.status === "PAID" || item.existing.some((c) => c.kind === "CLAWBACK")) {
        report.skippedPaid++;
        continue;
      }
      if (item.expected) {
        const updated = await tx.commission.update({
          where: { id: earningRow.id },
          data: { amount: item.expected.amount, ruleId: item.expected.ruleId },
        });
        events.push(commissionEvent(updated, "AMOUNT_CHANGED"));
        report.updated++;
      } else {
        const updated = await tx.commission.update({
          where: { id: earningRow.id },
          data: { status: item.fullyRefunded ? "REVERSED" : "VOID" },
        });
        events.push(commissionEvent(updated, "STATUS_CHANGED"));
        report.voided++;
      }
    }
    if (toCreate.length) {
      await tx.commission.createMany({ data: toCreate });
      const created = await tx.commission.findMany({ where: { id: { in: toCreate.map((c) => c.id!) } } });
      for (const c of created) events.push(commissionEvent(c, "CREATED"));
      report.created += toCreate.length;
    }
  };
}

// Reads --------------------------------------------------------------------------------------------------
