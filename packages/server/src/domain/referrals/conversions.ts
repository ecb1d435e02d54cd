// Conversions: leads and sales reported by the program (server to server), attributed to a partner, and
// refunds. trackConversion is idempotent on (project, externalId). Attribution: a customer's first attributed
// partner keeps the customer; otherwise the click named by clickId, else the last valid click on the link
// named by code, within the project's attribution window before the conversion. Every earning is a PENDING
// commission in the conversion's month; nothing is written into a locked month.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { CommissionChangedEvent, ConversionCreatedEvent } from "../../events/bus.js";
import type { Commission, Conversion } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { fitsMinorUnit, sum } from "../kernel/money.js";
import { requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { programRows } from "../kernel/row-filters.js";
import { uuidv7 } from "../kernel/uuid.js";
import {
  currencyCode,
  type Decimal,
  decimalString,
  isUuid,
  type Loose,
  optionalText,
  parseInput,
} from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireConfigured, requireProgram } from "../programs/programs.js";
import { commissionEvent } from "./commissions.js";
import {
  conversionEarning,
  type EarningEvent,
  earningCommissionRow,
  liveRulesByProject,
  refundedSaleEarning,
} from "./earning.js";
import { holdPeriods, periodOf, requireOpenPeriods } from "./periods.js";
import { managedProject } from "./projects.js";

const DAY_MS = 86_400_000;
/** Clocks differ: a conversion may say it happened this long after the server's now. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const TrackConversionInput = z.object({
  type: z.enum(["LEAD", "SALE"]),
  externalId: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  clickId: z
    .string()
    .trim()
    .refine(isUuid, "must be the pg_click value of a redirect")
    .nullish()
    .transform((v) => v?.toLowerCase() ?? null),
  code: z
    .string()
    .trim()
    .toLowerCase()
    .max(64)
    .nullish()
    .transform((v) => v ?? null),
  customerExternalId: optionalText(200),
  amount: decimalString(18, 4)
    .nullish()
    .transform((v) => v ?? null),
  currency: currencyCode.nullish().transform((v) => v ?? null),
  occurredAt: z
    .date()
    .refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "must not be in the future")
    .nullish()
    .transform((v) => v ?? null),
});
export type TrackConversionInput = Loose<z.input<typeof TrackConversionInput>>;

export interface Tracked {
  conversion: Conversion;
  /** False when an identical earlier call had already recorded it. */
  created: boolean;
}

export async function trackConversion(call: Call, projectId: string, input: TrackConversionInput): Promise<Tracked> {
  const data = parseInput(TrackConversionInput, input);
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        data.type,
        data.clickId,
        data.code,
        data.customerExternalId,
        data.amount?.toFixed() ?? null,
        data.currency,
        data.occurredAt?.toISOString() ?? null,
      ]),
    )
    .digest("hex");
  const attempt = () =>
    call.prisma.$transaction(async (tx) => {
      const project = await managedProject(tx, call, projectId);
      const program = requireConfigured(
        requireProgram(await tx.program.findUnique({ where: { id: project.programId } })),
      );
      const currency = data.currency ?? project.currency;
      checkAmount(data.type, data.amount, currency, project.currency);

      const existing = await tx.conversion.findUnique({
        where: { projectId_externalId: { projectId, externalId: data.externalId } },
      });
      if (existing) {
        if (existing.fingerprint === fingerprint) return { conversion: existing, created: false, events: [] };
        throw new ConflictError("This externalId was already tracked with different data", "externalId");
      }

      const occurredAt = data.occurredAt ?? new Date();
      const attribution = await attribute(tx, project, { ...data, occurredAt });
      const partner = attribution.partnerId
        ? await tx.partner.findUnique({
            where: { id: attribution.partnerId },
            select: { status: true, deletedAt: true },
          })
        : null;
      const status = !partner
        ? "UNATTRIBUTED"
        : partner.deletedAt || partner.status !== "ENABLED"
          ? "DISCARDED"
          : "ATTRIBUTED";
      let customerSince: Date | null = null;
      if (status === "ATTRIBUTED" && data.customerExternalId) {
        customerSince = await keepCustomer(tx, project, data.customerExternalId, attribution, occurredAt);
      }

      const conversion = await tx.conversion.create({
        data: {
          programId: project.programId,
          projectId,
          type: data.type,
          externalId: data.externalId,
          customerExternalId: data.customerExternalId,
          status,
          attributedVia: status === "UNATTRIBUTED" ? null : attribution.via,
          partnerId: attribution.partnerId,
          linkId: attribution.linkId,
          clickId: attribution.clickId,
          amount: data.amount,
          currency,
          occurredAt,
          fingerprint,
        },
      });
      const events: (ConversionCreatedEvent | CommissionChangedEvent)[] = [
        {
          type: "CONVERSION_CREATED",
          programId: conversion.programId,
          ...(conversion.partnerId && { partnerId: conversion.partnerId }),
          projectId,
          conversionId: conversion.id,
          status,
          occurredAt: new Date().toISOString(),
        },
      ];
      if (status === "ATTRIBUTED") {
        const rules = await liveRulesByProject(tx, [projectId], [data.type]);
        const earned = conversionEarning(rules.get(projectId) ?? [], conversion, customerSince);
        if (earned) {
          const period = periodOf(occurredAt, program.timezone);
          await requireOpenPeriods(tx, project.programId, [period]);
          const earningEvent: EarningEvent = {
            programId: project.programId,
            projectId,
            partnerId: attribution.partnerId!,
            currency,
            earnedAt: occurredAt,
            source: { event: data.type, conversionId: conversion.id },
          };
          const commission = await tx.commission.create({ data: earningCommissionRow(earningEvent, earned, period) });
          events.push(commissionEvent(commission, "CREATED"));
        }
      }
      await audit(tx, call, {
        action: "conversion.track",
        targetType: "Conversion",
        targetId: conversion.id,
        programId: conversion.programId,
        after: conversion,
      });
      return { conversion, created: true, events };
    });

  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // The same externalId committed concurrently: the retry returns it (or reports the conflict).
    if (!isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  for (const e of result.events) call.events.publish(e);
  return { conversion: result.conversion, created: result.created };
}

function checkAmount(type: "LEAD" | "SALE", amount: Decimal | null, currency: string, projectCurrency: string): void {
  const issues: { path: string; message: string }[] = [];
  if (currency !== projectCurrency)
    issues.push({ path: "currency", message: `must be the project's currency, ${projectCurrency}` });
  if (type === "SALE" && (!amount || amount.lte(0)))
    issues.push({ path: "amount", message: "is required for a SALE and must be positive" });
  if (amount && !fitsMinorUnit(amount, currency))
    issues.push({ path: "amount", message: `must fit ${currency}'s minor unit` });
  if (issues.length) throw new ValidationError(issues);
}

interface Attribution {
  via: "CLICK" | "CODE" | "CUSTOMER" | null;
  partnerId: string | null;
  linkId: string | null;
  clickId: string | null;
}

async function attribute(
  tx: Tx,
  project: { id: string; attributionWindowDays: number },
  input: { clickId: string | null; code: string | null; customerExternalId: string | null; occurredAt: Date },
): Promise<Attribution> {
  if (input.customerExternalId) {
    const customer = await tx.referralCustomer.findUnique({
      where: { projectId_externalId: { projectId: project.id, externalId: input.customerExternalId } },
    });
    if (customer) return { via: "CUSTOMER", partnerId: customer.partnerId, linkId: customer.linkId, clickId: null };
  }
  const window = {
    gte: new Date(input.occurredAt.getTime() - project.attributionWindowDays * DAY_MS),
    lte: input.occurredAt,
  };
  if (input.clickId) {
    // A DUPLICATE click is the same human as a VALID one: it attributes, though it is not counted twice.
    const click = await tx.click.findFirst({
      where: { id: input.clickId, projectId: project.id, status: { in: ["VALID", "DUPLICATE"] }, createdAt: window },
    });
    if (click) return { via: "CLICK", partnerId: click.partnerId, linkId: click.linkId, clickId: click.id };
  }
  if (input.code) {
    const link = await tx.referralLink.findFirst({
      where: { code: input.code, projectId: project.id },
      select: { id: true },
    });
    const click = link
      ? await tx.click.findFirst({
          where: { linkId: link.id, status: "VALID", createdAt: window },
          orderBy: { createdAt: "desc" },
        })
      : null;
    if (click) return { via: "CODE", partnerId: click.partnerId, linkId: click.linkId, clickId: click.id };
  }
  return { via: null, partnerId: null, linkId: null, clickId: null };
}

/** Records the customer's first attributed partner (the earliest writer wins a race); returns since when. */
async function keepCustomer(
  tx: Tx,
  project: { id: string; programId: string },
  externalId: string,
  a: Attribution,
  occurredAt: Date,
): Promise<Date> {
  if (a.via !== "CUSTOMER") {
    await tx.referralCustomer.createMany({
      data: [
        {
          programId: project.programId,
          projectId: project.id,
          externalId,
          partnerId: a.partnerId!,
          linkId: a.linkId,
          attributedAt: occurredAt,
        },
      ],
      skipDuplicates: true,
    });
  }
  const customer = await tx.referralCustomer.findUniqueOrThrow({
    where: { projectId_externalId: { projectId: project.id, externalId } },
  });
  return customer.attributedAt;
}

// Refunds --------------------------------------------------------------------------------------------------

/**
 * Refunds all (default) or part of a sale. Its commission follows the net amount: an unpaid one in an open
 * month is reduced, or REVERSED when nothing is left; a paid one (or one in a locked month) stays as it was and
 * a negative CLAWBACK commission is written in the current month instead (COMMISSION_LOCKED if that is closed).
 */
export async function refundConversion(
  call: Call,
  conversionId: string,
  amount: Decimal | string | null | undefined,
): Promise<Conversion> {
  const requested = amount === null || amount === undefined ? null : parseInput(decimalString(18, 4), amount);
  const { conversion, events } = await call.prisma.$transaction(async (tx) => {
    const before = await managedConversion(tx, call, conversionId);
    const issues: { path: string; message: string }[] = [];
    if (before.type !== "SALE" || !before.amount)
      throw new ValidationError([{ path: "id", message: "only sales can be refunded" }]);
    const remaining = before.amount.sub(before.refundedAmount);
    const refund = requested ?? remaining;
    if (remaining.lte(0)) issues.push({ path: "id", message: "the sale is already fully refunded" });
    else if (refund.lte(0)) issues.push({ path: "amount", message: "must be positive" });
    else if (refund.gt(remaining))
      issues.push({ path: "amount", message: `must be at most the refundable ${remaining.toFixed()}` });
    else if (!fitsMinorUnit(refund, before.currency))
      issues.push({ path: "amount", message: `must fit ${before.currency}'s minor unit` });
    if (issues.length) throw new ValidationError(issues);

    const after = await tx.conversion.update({
      where: { id: before.id },
      data: { refundedAmount: before.refundedAmount.add(refund) },
    });
    const events = await followRefund(tx, after);
    await audit(tx, call, {
      action: "conversion.refund",
      targetType: "Conversion",
      targetId: after.id,
      programId: after.programId,
      before,
      after: { ...after, refund },
    });
    return { conversion: after, events };
  });
  for (const e of events) call.events.publish(e);
  return conversion;
}

async function followRefund(tx: Tx, conversion: Conversion): Promise<CommissionChangedEvent[]> {
  const live = await tx.commission.findMany({
    where: { conversionId: conversion.id, status: { in: ["PENDING", "APPROVED", "PAID"] } },
    orderBy: { id: "asc" },
  });
  const earningRow = live.find((c) => c.kind === "EARNING");
  if (!earningRow) return [];
  const payingRule = earningRow.ruleId ? await tx.rewardRule.findUnique({ where: { id: earningRow.ruleId } }) : null;
  const target = refundedSaleEarning(payingRule, conversion, earningRow.partnerId);
  const delta = target.sub(sum(live.map((c) => c.amount)));
  if (delta.isZero()) return [];

  const program = await tx.program.findUniqueOrThrow({
    where: { id: conversion.programId },
    select: { timezone: true },
  });
  const adjustable =
    earningRow.status !== "PAID" &&
    live.length === 1 &&
    !(await holdPeriods(tx, conversion.programId, [earningRow.period])).has(earningRow.period);
  if (adjustable) {
    const updated = target.isZero()
      ? await tx.commission.update({ where: { id: earningRow.id }, data: { status: "REVERSED" } })
      : await tx.commission.update({ where: { id: earningRow.id }, data: { amount: target } });
    return [commissionEvent(updated, target.isZero() ? "STATUS_CHANGED" : "AMOUNT_CHANGED")];
  }
  const now = new Date();
  const period = periodOf(now, program.timezone!);
  await requireOpenPeriods(tx, conversion.programId, [period]);
  const clawback = await tx.commission.create({
    data: {
      programId: conversion.programId,
      projectId: conversion.projectId,
      partnerId: earningRow.partnerId,
      kind: "CLAWBACK",
      event: "SALE",
      conversionId: conversion.id,
      ruleId: earningRow.ruleId,
      sourceKey: `clawback:${uuidv7()}`,
      amount: delta,
      currency: conversion.currency,
      period,
      earnedAt: now,
    },
  });
  return [commissionEvent(clawback, "CREATED")];
}

// Reads --------------------------------------------------------------------------------------------------

async function managedConversion(tx: Tx, call: Call, id: string): Promise<Conversion> {
  const conversion = await tx.conversion.findFirst({ where: { id, ...programRows(call.principal) } });
  if (!conversion) throw new NotFoundError(ErrorCode.NOT_FOUND, "Conversion not found");
  requireProgramManager(call.principal, conversion.programId);
  return conversion;
}

export type { Commission };
