// Reward rules: what a click, lead or sale earns. A rule is project-wide or one partner's own rate; a partner's
// own rules for an event replace the project's for that event. What a rule pays is computed in earning.ts.
import { z } from "zod";
import type { RewardRule } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { fitsMinorUnit } from "../kernel/money.js";
import { requireProgramManager } from "../kernel/principal.js";
import { programRows } from "../kernel/row-filters.js";
import { decimalString, type Loose, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { managedProject } from "./projects.js";

const RuleFields = z.object({
  event: z.enum(["CLICK", "LEAD", "SALE"]),
  type: z.enum(["FLAT", "PERCENTAGE"]),
  flatAmount: decimalString(18, 4)
    .nullish()
    .transform((v) => v ?? null),
  percentage: decimalString(7, 4)
    .refine((v) => v.lte(100), "must be at most 100")
    .nullish()
    .transform((v) => v ?? null),
  maxRecurringMonths: z
    .number()
    .int()
    .min(1, "must be at least 1")
    .max(1200)
    .nullish()
    .transform((v) => v ?? null),
});
export type RuleInput = Loose<z.input<typeof RuleFields>>;

/** Checks the combination of fields a rule needs, with the project's currency. */
function checkRule(rule: z.output<typeof RuleFields>, currency: string): void {
  const issues: { path: string; message: string }[] = [];
  if (rule.type === "FLAT") {
    if (!rule.flatAmount) issues.push({ path: "flatAmount", message: "is required for a FLAT rule" });
    else if (!fitsMinorUnit(rule.flatAmount, currency))
      issues.push({ path: "flatAmount", message: `must fit ${currency}'s minor unit` });
    if (rule.percentage) issues.push({ path: "percentage", message: "is only for PERCENTAGE rules" });
  } else {
    if (!rule.percentage) issues.push({ path: "percentage", message: "is required for a PERCENTAGE rule" });
    if (rule.flatAmount) issues.push({ path: "flatAmount", message: "is only for FLAT rules" });
    if (rule.event !== "SALE") issues.push({ path: "type", message: "PERCENTAGE applies to SALE amounts only" });
  }
  if (rule.maxRecurringMonths !== null && rule.event !== "SALE")
    issues.push({ path: "maxRecurringMonths", message: "applies to SALE rules only" });
  if (issues.length) throw new ValidationError(issues);
}

export async function createRewardRule(
  call: Call,
  projectId: string,
  partnerId: string | null,
  input: RuleInput,
): Promise<RewardRule> {
  const data = parseInput(RuleFields, input);
  return call.prisma.$transaction(async (tx) => {
    const project = await managedProject(tx, call, projectId);
    checkRule(data, project.currency);
    if (partnerId) await requireMember(tx, project.id, partnerId);
    const rule = await tx.rewardRule.create({
      data: { ...data, programId: project.programId, projectId: project.id, partnerId },
    });
    await audit(tx, call, {
      action: "rewardRule.create",
      targetType: "RewardRule",
      targetId: rule.id,
      programId: rule.programId,
      after: rule,
    });
    return rule;
  });
}

export async function updateRewardRule(call: Call, ruleId: string, patch: RuleInput): Promise<RewardRule> {
  const changes = parseInput(
    RuleFields.partial(),
    Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  );
  return call.prisma.$transaction(async (tx) => {
    const before = await managedRule(tx, call, ruleId);
    const project = await managedProject(tx, call, before.projectId);
    const next = {
      event: before.event,
      type: before.type,
      flatAmount: before.flatAmount,
      percentage: before.percentage,
      maxRecurringMonths: before.maxRecurringMonths,
    };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined) Object.assign(next, { [key]: (changes as Record<string, unknown>)[key] ?? null });
    checkRule(next, project.currency);
    const after = await tx.rewardRule.update({ where: { id: before.id }, data: next });
    await audit(tx, call, {
      action: "rewardRule.update",
      targetType: "RewardRule",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  });
}

/** Deleted rules stop applying to new events (and to syncCommissions); commissions already made stay. */
export async function deleteRewardRule(call: Call, ruleId: string): Promise<RewardRule> {
  return call.prisma.$transaction(async (tx) => {
    const before = await managedRule(tx, call, ruleId);
    const after = await tx.rewardRule.update({ where: { id: before.id }, data: { deletedAt: new Date() } });
    await audit(tx, call, {
      action: "rewardRule.delete",
      targetType: "RewardRule",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  });
}

async function managedRule(tx: Tx, call: Call, ruleId: string): Promise<RewardRule> {
  const rule = await tx.rewardRule.findFirst({
    where: { id: ruleId, deletedAt: null, ...programRows(call.principal) },
  });
  if (!rule) throw new NotFoundError(ErrorCode.NOT_FOUND, "Reward rule not found");
  requireProgramManager(call.principal, rule.programId);
  return rule;
}

async function requireMember(tx: Tx, projectId: string, partnerId: string): Promise<void> {
  const member = await tx.projectMembership.findFirst({
    where: { projectId, partnerId, partner: { deletedAt: null } },
    select: { id: true },
  });
  if (!member) throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "The partner is not a member of this project");
}
