// Who sees which partners and categories: a program's managers (and admins) see its live partners, a partner
// only itself; categories are visible to whoever has a role in their program. Deleted partners leave every
// list and lookup.
import type { Prisma } from "../../generated/prisma/client.js";
import type { PartnerStatus } from "../../generated/prisma/enums.js";
import {
  isAdmin,
  managedProgramIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
} from "../kernel/principal.js";
import { visiblePrograms } from "../kernel/row-filters.js";
import type { PartnerRef } from "./partners.js";

/** Live (not deleted) partners the caller manages, or is. */
export function visiblePartners(p: Principal): Prisma.PartnerWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return { deletedAt: null };
  return { deletedAt: null, OR: [{ programId: { in: managedProgramIds(p) } }, { id: { in: ownPartnerIds(p) } }] };
}

export function partnerById(actor: Principal, id: string): Prisma.PartnerWhereInput {
  return { AND: [visiblePartners(actor), { id }] };
}

export function partnerByExternalId(actor: Principal, programId: string, externalId: string): Prisma.PartnerWhereInput {
  return { AND: [visiblePartners(actor), { programId, externalId }] };
}

export function partnerByRef(actor: Principal, ref: PartnerRef): Prisma.PartnerWhereInput {
  return "id" in ref ? partnerById(actor, ref.id) : partnerByExternalId(actor, ref.programId, ref.externalId);
}

export interface PartnerListFilter {
  status?: PartnerStatus | null;
  categoryId?: string | null;
  /** Case-insensitive match on name, or exact externalId. */
  search?: string | null;
}

export function partnerList(
  actor: Principal,
  programId: string,
  filter: PartnerListFilter = {},
): Prisma.PartnerWhereInput {
  const search = filter.search?.trim();
  return {
    AND: [
      visiblePartners(actor),
      { programId },
      filter.status ? { status: filter.status } : {},
      filter.categoryId ? { categoryId: filter.categoryId } : {},
      search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { externalId: search }] } : {},
    ],
  };
}

/** Categories of the programs the caller has a role in (also what a category write looks up first). */
export function visiblePartnerCategories(p: Principal) {
  return { program: visiblePrograms(p) };
}

export function partnerCategoryList(actor: Principal, programId: string): Prisma.PartnerCategoryWhereInput {
  return { programId, ...visiblePartnerCategories(actor) };
}

/** Whether the caller may see a partner's own record (its settings and billing): admins, managers, itself. */
export function canSeePartner(
  p: Principal,
  partner: { id: string; programId: string; deletedAt: Date | null },
): boolean {
  if (partner.deletedAt) return false;
  return isAdmin(p) || managedProgramIds(p).includes(partner.programId) || ownPartnerIds(p).includes(partner.id);
}
