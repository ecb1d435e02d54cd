// Programs: the tenant root. Creating one is a platform-admin act and returns the program's secret key once.
// Partners can be added once the commerce configuration (currency, rate, time zone) is complete.
import { z } from "zod";
import type { Program } from "../../generated/prisma/client.js";
import { RoundingMode } from "../../generated/prisma/enums.js";
import { generateKey } from "../auth/keys.js";
import type { Call } from "../kernel/deps.js";
import { ConflictError, NotConfiguredError, NotFoundError } from "../kernel/errors.js";
import { requireAdmin, requireProgramManager } from "../kernel/principal.js";
import { currencyCode, decimalString, type Loose, name, parseInput, timeZone } from "../kernel/values.js";
import { audit } from "./audit.js";
import { programById } from "./scope.js";

const CommerceConfig = {
  currency: currencyCode.optional(),
  pointsPerCurrencyUnit: decimalString(12, 4).optional(),
  roundingMode: z.enum(RoundingMode).optional(),
  timezone: timeZone.optional(),
};
const CreateProgramInput = z.object({ name, ...CommerceConfig });
const ConfigureProgramInput = z.object({
  name: name.optional(),
  allowNegativeBalance: z.boolean().optional(),
  ...CommerceConfig,
});

export function missingConfiguration(p: Pick<Program, "currency" | "pointsPerCurrencyUnit" | "timezone">): string[] {
  return (["currency", "pointsPerCurrencyUnit", "timezone"] as const).filter((k) => p[k] === null);
}

export function requireConfigured<T extends Pick<Program, "currency" | "pointsPerCurrencyUnit" | "timezone">>(
  program: T,
): T & { currency: string; pointsPerCurrencyUnit: NonNullable<Program["pointsPerCurrencyUnit"]>; timezone: string } {
  const missing = missingConfiguration(program);
  if (missing.length) throw new NotConfiguredError(missing);
  return program as never;
}

export async function createProgram(
  call: Call,
  input: Loose<z.input<typeof CreateProgramInput>>,
): Promise<{ program: Program; secretKey: string }> {
  requireAdmin(call.principal);
  const data = parseInput(CreateProgramInput, undefinedForNull(input));
  const { key, prefix, hash } = generateKey("PROGRAM_SECRET");
  const program = await call.prisma.$transaction(async (tx) => {
    const created = await tx.program.create({ data });
    await tx.apiKey.create({ data: { kind: "PROGRAM_SECRET", prefix, hash, programId: created.id } });
    await audit(tx, call, {
      action: "program.create",
      targetType: "Program",
      targetId: created.id,
      programId: created.id,
      after: created,
    });
    return created;
  });
  return { program, secretKey: key };
}

/** Set any part of the name and commerce configuration. The currency is fixed once partners exist. */
export async function configureProgram(
  call: Call,
  programId: string,
  input: Loose<z.input<typeof ConfigureProgramInput>>,
): Promise<Program> {
  requireProgramManager(call.principal, programId);
  const data = parseInput(ConfigureProgramInput, undefinedForNull(input));
  return call.prisma.$transaction(async (tx) => {
    const before = requireProgram(await tx.program.findUnique({ where: { id: programId } }));
    if (
      data.currency &&
      before.currency &&
      data.currency !== before.currency &&
      (await tx.partner.count({ where: { programId } })) > 0
    ) {
      throw new ConflictError(
        "The currency cannot change once the program has partners: their money is in it",
        "currency",
      );
    }
    // Rate, rounding and time zone feed the points engine: a new version makes every instance rebuild it.
    const after = await tx.program.update({
      where: { id: programId },
      data: { ...data, pointsConfigVersion: { increment: 1 } },
    });
    await audit(tx, call, {
      action: "program.configure",
      targetType: "Program",
      targetId: programId,
      programId,
      before,
      after,
    });
    return after;
  });
}

export function requireProgram<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(undefined, "Program not found");
  return row;
}

/** Fails with NOT_FOUND unless the program exists and the caller may see it. */
export async function requireProgramVisible(call: Call, programId: string): Promise<void> {
  requireProgram(
    await call.prisma.program.findFirst({ where: programById(call.principal, programId), select: { id: true } }),
  );
}

/** Optional inputs: GraphQL's explicit null means "leave as is" for fields that cannot be cleared. */
function undefinedForNull<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as never;
}
