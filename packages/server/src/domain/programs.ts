// Programs: the tenant root. Creating one is a platform-admin act and returns the program's secret key once.
import { z } from "zod";
import type { Prisma, Program } from "../generated/prisma/client.js";
import { generateKey } from "./auth/keys.js";
import { programFilter, requireAdmin, type Principal } from "./auth/principal.js";
import type { Deps } from "./deps.js";
import { NotFoundError } from "./errors.js";
import { currencyCode, decimalString, name, parseInput, timeZone, type Loose } from "./values.js";

const CreateProgramInput = z.object({
  name,
  currency: currencyCode,
  pointsPerCurrencyUnit: decimalString(12, 4),
  timezone: timeZone,
});

export async function createProgram(
  deps: Deps,
  actor: Principal,
  input: Loose<z.input<typeof CreateProgramInput>>,
): Promise<{ program: Program; secretKey: string }> {
  requireAdmin(actor);
  const data = parseInput(CreateProgramInput, input);
  const { key, prefix, hash } = generateKey("PROGRAM_SECRET");
  const program = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.program.create({ data });
    await tx.apiKey.create({ data: { kind: "PROGRAM_SECRET", prefix, hash, programId: created.id } });
    return created;
  });
  return { program, secretKey: key };
}

/** The programs a principal may see: all for an admin, its own for everyone else. */
export function visiblePrograms(actor: Principal): Prisma.ProgramWhereInput {
  const { programId } = programFilter(actor);
  return programId ? { id: programId } : {};
}

export function programByIdWhere(actor: Principal, id: string): Prisma.ProgramWhereInput {
  return { AND: [visiblePrograms(actor), { id }] };
}

export function requireProgram<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(undefined, "Program not found");
  return row;
}

/** Fails with NOT_FOUND unless the program exists and the caller may see it. */
export async function requireProgramVisible(deps: Deps, actor: Principal, programId: string): Promise<void> {
  requireProgram(await deps.prisma.program.findFirst({ where: programByIdWhere(actor, programId), select: { id: true } }));
}
