// Members: a program's customers, each with an append-only points ledger (its sums are in ledger.ts).
import { z } from "zod";
import type { Member } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import { canManageProgram, memberProgramIds, requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { type Loose, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";

const MemberInput = z.object({
  externalId: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("must be an email address"))
    .nullish()
    .transform((v) => v ?? null),
});

/** A member by id, or by the program's own customer id. */
export type MemberRef = { id: string } | { programId: string; externalId: string };

/** Creates a member; creating one that exists (same external id) returns it unchanged. */
export async function createMember(
  call: Call,
  programId: string,
  input: Loose<z.input<typeof MemberInput>>,
): Promise<Member> {
  requireProgramManager(call.principal, programId);
  const data = parseInput(MemberInput, input);
  const existing = await call.prisma.member.findUnique({
    where: { programId_externalId: { programId, externalId: data.externalId } },
  });
  if (existing) return existing;
  try {
    const created = await call.prisma.$transaction(async (tx) => {
      requireProgram(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }));
      const member = await tx.member.create({ data: { ...data, programId } });
      await audit(tx, call, {
        action: "member.create",
        targetType: "Member",
        targetId: member.id,
        programId,
        after: member,
      });
      return member;
    });
    // A session whose email this is now holds the member's grant.
    if (created.email) call.events.publishCredentials({ emails: [created.email] });
    return created;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await call.prisma.member.findUnique({
      where: { programId_externalId: { programId, externalId: data.externalId } },
    });
    if (!raced) throw new ConflictError("A member with this externalId is being created", "externalId");
    return raced;
  }
}

export function requireMember<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, "Member not found");
  return row;
}

/** The member a points write acts on, in the caller's program (partners may award to any member of it). */
export async function memberForWrite(tx: Tx, call: Call, programId: string, ref: MemberRef): Promise<Member> {
  if (!memberProgramIds(call.principal).includes(programId) && !canManageProgram(call.principal, programId))
    requireMember(null);
  const where = "id" in ref ? { id: ref.id, programId } : { programId, externalId: ref.externalId };
  return requireMember(await tx.member.findFirst({ where }));
}
