// Who sees which role grants: admins all; a program's managers their program's; a person their own.
import type { Prisma } from "../../generated/prisma/client.js";
import {
  isAdmin,
  managedProgramIds,
  type Principal,
  requireAuthenticated,
  requireProgramManager,
} from "../kernel/principal.js";
import { visiblePrograms } from "../kernel/row-filters.js";

export function visibleRoleGrants(p: Principal): Prisma.RoleGrantWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return { OR: [{ programId: { in: managedProgramIds(p) } }, ...(p.kind === "user" ? [{ userId: p.id }] : [])] };
}

/** A program's role grants, for its managers and admins. */
export function roleGrantList(actor: Principal, programId: string): Prisma.RoleGrantWhereInput {
  requireProgramManager(actor, programId);
  return { programId };
}

/** The grant a revocation looks up before checking the role (grants of programs the caller has a role in). */
export function roleGrantTarget(actor: Principal, id: string): Prisma.RoleGrantWhereInput {
  return isAdmin(actor) ? { id } : { id, program: visiblePrograms(actor) };
}
