// People and their roles. Admins grant anything; a program's managers grant roles in their program.
// Granting to an email that has no account creates the account; the person then logs in with a code.
import { z } from "zod";
import type { RoleGrant } from "../../generated/prisma/client.js";
import { Role } from "../../generated/prisma/enums.js";
import type { Call } from "../kernel/deps.js";
import { NotFoundError, ValidationError } from "../kernel/errors.js";
import { requireAdmin, requireProgramManager } from "../kernel/principal.js";
import { type Loose, parseInput } from "../kernel/values.js";
import { requirePartner } from "../partners/partners.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";
import { email } from "./login.js";
import { roleGrantTarget } from "./scope.js";

const GrantRoleInput = z.object({
  email,
  role: z.enum(Role),
  programId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  partnerId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export async function grantRole(call: Call, input: Loose<z.input<typeof GrantRoleInput>>): Promise<RoleGrant> {
  const data = parseInput(GrantRoleInput, input);
  const { role, programId, partnerId } = data;
  if (role === "ADMIN") {
    requireAdmin(call.principal);
    if (programId || partnerId)
      throw new ValidationError([{ path: "programId", message: "ADMIN is platform-wide: give no program or partner" }]);
  } else {
    if (!programId) throw new ValidationError([{ path: "programId", message: `${role} needs a program` }]);
    if ((role === "PARTNER_USER") !== (partnerId !== null)) {
      throw new ValidationError([
        {
          path: "partnerId",
          message: role === "PARTNER_USER" ? "PARTNER_USER needs a partner" : `${role} takes no partner`,
        },
      ]);
    }
    requireProgramManager(call.principal, programId);
  }
  const granted = await call.prisma.$transaction(async (tx) => {
    if (programId) requireProgram(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }));
    if (partnerId && programId)
      requirePartner(
        await tx.partner.findFirst({ where: { id: partnerId, programId, deletedAt: null }, select: { id: true } }),
      );
    const user = await tx.user.upsert({ where: { email: data.email }, create: { email: data.email }, update: {} });
    const existing = await tx.roleGrant.findFirst({ where: { userId: user.id, role, programId, partnerId } });
    if (existing) return existing; // granting twice is a no-op
    const grant = await tx.roleGrant.create({ data: { userId: user.id, role, programId, partnerId } });
    await audit(tx, call, {
      action: "role.grant",
      targetType: "RoleGrant",
      targetId: grant.id,
      programId,
      after: { ...grant, email: user.email },
    });
    return grant;
  });
  call.events.publishCredentials({ emails: [data.email] });
  return granted;
}

export async function revokeRole(call: Call, grantId: string): Promise<RoleGrant> {
  const { grant, email } = await call.prisma.$transaction(async (tx) => {
    const grant = await tx.roleGrant.findFirst({ where: roleGrantTarget(call.principal, grantId) });
    if (!grant) throw new NotFoundError(undefined, "Role grant not found");
    if (grant.programId) requireProgramManager(call.principal, grant.programId);
    else requireAdmin(call.principal);
    await tx.roleGrant.delete({ where: { id: grant.id } });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: grant.userId }, select: { email: true } });
    await audit(tx, call, {
      action: "role.revoke",
      targetType: "RoleGrant",
      targetId: grant.id,
      programId: grant.programId,
      before: grant,
    });
    return { grant, email };
  });
  call.events.publishCredentials({ emails: [email] });
  return grant;
}
