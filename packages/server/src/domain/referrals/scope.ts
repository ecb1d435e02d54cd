// Who sees which referral rows: a program's managers see everything of the program; a partner (key or user)
// only the rows that name it, and the projects it belongs to. Another program's rows do not exist for the caller.
import type { Prisma } from "../../generated/prisma/client.js";
import type { ClickStatus, CommissionStatus, RewardEvent } from "../../generated/prisma/enums.js";
import {
  isAdmin,
  managedProgramIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
} from "../kernel/principal.js";
import { limitedPartnerIds, partnerRows, partnerRowsIn } from "../kernel/row-filters.js";
import { parseInput } from "../kernel/values.js";
import { visiblePartners } from "../partners/scope.js";
import { periodText } from "./periods.js";

/** Projects: managers see their program's; a partner the projects it belongs to. */
export function visibleProjects(p: Principal): Prisma.ReferralProjectWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [{ programId: { in: managedProgramIds(p) } }, { members: { some: { partnerId: { in: ownPartnerIds(p) } } } }],
  };
}

/** Reward rules: a partner sees project-wide rules of its projects and its own; managers every rule of their programs. */
export function visibleRewardRules(p: Principal): Prisma.RewardRuleWhereInput {
  // Admins see every rule: an `OR` holding an empty filter would match nothing in Prisma, so none is built.
  if (isAdmin(p)) return {};
  return { OR: [partnerRows(p), { partnerId: null, project: visibleProjects(p) }] };
}

export function projectById(actor: Principal, id: string): Prisma.ReferralProjectWhereInput {
  return { AND: [visibleProjects(actor), { id }] };
}

export function projectList(
  actor: Principal,
  programId: string,
  status?: "ACTIVE" | "INACTIVE" | null,
): Prisma.ReferralProjectWhereInput {
  return { AND: [visibleProjects(actor), { programId }, status ? { status } : {}] };
}

export interface LinkListFilter {
  projectId?: string | null;
  partnerId?: string | null;
}

export function linkList(
  actor: Principal,
  programId: string,
  filter: LinkListFilter = {},
): Prisma.ReferralLinkWhereInput {
  return {
    AND: partnerRowsIn(actor, programId, filter),
  };
}

export function linkById(actor: Principal, id: string): Prisma.ReferralLinkWhereInput {
  return { AND: [partnerRows(actor), { id }] };
}

export interface CommissionListFilter {
  projectId?: string | null;
  partnerId?: string | null;
  status?: CommissionStatus | null;
  period?: string | null;
}

export function commissionList(
  actor: Principal,
  programId: string,
  f: CommissionListFilter = {},
): Prisma.CommissionWhereInput {
  const period = f.period ? parseInput(periodText, f.period) : null;
  return {
    AND: [...partnerRowsIn(actor, programId, f), f.status ? { status: f.status } : {}, period ? { period } : {}],
  };
}

export interface ConversionListFilter {
  projectId?: string | null;
  partnerId?: string | null;
  type?: "LEAD" | "SALE" | null;
  status?: "ATTRIBUTED" | "UNATTRIBUTED" | "DISCARDED" | null;
  from?: Date | null;
  to?: Date | null;
}

export function conversionList(
  actor: Principal,
  programId: string,
  f: ConversionListFilter = {},
): Prisma.ConversionWhereInput {
  return {
    AND: [
      ...partnerRowsIn(actor, programId, f),
      f.type ? { type: f.type } : {},
      f.status ? { status: f.status } : {},
      f.from || f.to ? { occurredAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } } : {},
    ],
  };
}

/** Live rules of a project the caller can see: a partner sees the project-wide rules and its own. */
export function rewardRuleList(
  actor: Principal,
  project: { id: string; programId: string },
  event?: RewardEvent | null,
): Prisma.RewardRuleWhereInput {
  const partners = limitedPartnerIds(actor, project.programId);
  return {
    projectId: project.id,
    deletedAt: null,
    ...(event && { event }),
    ...(partners && { OR: [{ partnerId: null }, { partnerId: { in: partners } }] }),
  };
}

export interface ClickListFilter {
  projectId?: string | null;
  partnerId?: string | null;
  linkId?: string | null;
  status?: ClickStatus | null;
  from?: Date | null;
  to?: Date | null;
}

export function clickList(actor: Principal, programId: string, f: ClickListFilter = {}): Prisma.ClickWhereInput {
  return {
    AND: [
      ...partnerRowsIn(actor, programId, f),
      f.linkId ? { linkId: f.linkId } : {},
      f.status ? { status: f.status } : {},
      f.from || f.to ? { createdAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } } : {},
    ],
  };
}

/** The live partners of a project the caller sees (a partner: itself). */
export function projectPartnerList(actor: Principal, projectId: string): Prisma.PartnerWhereInput {
  return { AND: [visiblePartners(actor), { projects: { some: { projectId } } }] };
}

/** The projects a partner belongs to that the caller sees. */
export function partnerProjectList(actor: Principal, partnerId: string): Prisma.ReferralProjectWhereInput {
  return { AND: [visibleProjects(actor), { members: { some: { partnerId } } }] };
}
