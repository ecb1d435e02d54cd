// Who sees which programs and audit entries: a program is visible to whoever has a role in it (the kernel's
// visiblePrograms); its audit trail only to its managers and admins.
import type { Prisma } from "../../generated/prisma/client.js";
import { type Principal, requireProgramManager } from "../kernel/principal.js";
import { visiblePrograms } from "../kernel/row-filters.js";

export function programById(actor: Principal, id: string): Prisma.ProgramWhereInput {
  return { AND: [visiblePrograms(actor), { id }] };
}

export interface AuditEntryListFilter {
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  actorType?: string | null;
}

/** A program's audit trail, for its managers and admins. */
export function auditEntryList(
  actor: Principal,
  programId: string,
  filter: AuditEntryListFilter = {},
): Prisma.AuditEntryWhereInput {
  requireProgramManager(actor, programId);
  return {
    programId,
    ...(filter.action && { action: filter.action }),
    ...(filter.targetType && { targetType: filter.targetType }),
    ...(filter.targetId && { targetId: filter.targetId }),
    ...(filter.actorType && { actorType: filter.actorType }),
  };
}
