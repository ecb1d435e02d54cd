// Manual adjustments: a manager adds or takes points with a reason, once per idempotency key.
import { z } from "zod";
import type { LedgerEntry } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { ConflictError, InsufficientPointsError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";
import { balanceOf, lockMember } from "./ledger.js";
import { type MemberRef, memberForWrite } from "./members.js";

const AdjustInput = z.object({
  points: z
    .number()
    .int("must be a whole number")
    .refine((n) => n !== 0, "must not be 0")
    .refine((n) => Math.abs(n) <= 1e9, "is too large"),
  note: z.string().trim().min(1, "say why").max(500, "must be at most 500 characters"),
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

export async function adjustPoints(
  call: Call,
  programId: string,
  member: MemberRef | { externalId: string },
  input: z.input<typeof AdjustInput>,
): Promise<{ entry: LedgerEntry; balance: number; replayed: boolean }> {
  requireProgramManager(call.principal, programId);
  const data = parseInput(AdjustInput, input);
  const replay = async () => {
    const entry = await call.prisma.ledgerEntry.findUnique({
      where: { programId_idempotencyKey: { programId, idempotencyKey: data.idempotencyKey } },
    });
    if (!entry) return null;
    if (entry.points !== data.points || entry.note !== data.note)
      throw new ConflictError("This idempotencyKey was used for a different adjustment", "idempotencyKey");
    return { entry, balance: await balanceOf(call.prisma, entry.memberId), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await call.prisma.$transaction(async (tx) => {
      const program = requireProgram(
        await tx.program.findUnique({ where: { id: programId }, select: { allowNegativeBalance: true } }),
      );
      const target = await memberForWrite(
        tx,
        call,
        programId,
        "id" in member ? member : { programId, externalId: member.externalId },
      );
      await lockMember(tx, target.id);
      const balance = await balanceOf(tx, target.id);
      if (balance + data.points < 0 && !program.allowNegativeBalance)
        throw new InsufficientPointsError(balance, -data.points);
      const entry = await tx.ledgerEntry.create({
        data: {
          programId,
          memberId: target.id,
          type: "ADJUST",
          source: "MANUAL",
          points: data.points,
          note: data.note,
          idempotencyKey: data.idempotencyKey,
        },
      });
      await audit(tx, call, {
        action: "points.adjust",
        targetType: "Member",
        targetId: target.id,
        programId,
        after: { points: data.points, note: data.note },
      });
      return { entry, balance: balance + data.points, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await replay();
    if (!raced) throw error;
    return raced;
  }
}
