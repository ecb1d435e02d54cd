// Partners: create, update and the scoped reads. A partner key sees only itself; a program key its program.
import { z } from "zod";
import type { Partner, Prisma } from "../generated/prisma/client.js";
import { PartnerStatus } from "../generated/prisma/enums.js";
import { generateKey } from "./auth/keys.js";
import { requireProgram } from "./programs.js";
import { partnerFilter, requireProgramManager, type Principal } from "./auth/principal.js";
import type { Deps } from "./deps.js";
import { ConflictError, ErrorCode, NotFoundError } from "./errors.js";
import { isUniqueViolation } from "./prisma-errors.js";
import { Decimal, decimalString, name, optionalText, parseInput, type Loose } from "./values.js";

const externalId = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .nullish()
  .transform((v) => v ?? null);

const PartnerFields = {
  name,
  description: optionalText(2000),
  externalId,
  category: optionalText(100),
  /** Money per point, in the program's currency: up to six decimal places (fractions of a cent). */
  costPerPoint: decimalString(18, 6),
  /** Null: the program's rate. 0: the partner awards no purchase points. */
  pointConversionRate: decimalString(12, 4).nullish().transform((v) => v ?? null),
  status: z.enum(PartnerStatus),
};

const CreatePartnerInput = z.object({
  ...PartnerFields,
  programId: z.string(),
  costPerPoint: PartnerFields.costPerPoint.nullish().transform((v) => v ?? new Decimal(0)),
  status: PartnerFields.status.nullish().transform((v) => v ?? "ENABLED"),
});

const UpdatePartnerInput = z.object({
  name: PartnerFields.name.optional(),
  description: PartnerFields.description.optional(),
  externalId: PartnerFields.externalId.optional(),
  category: PartnerFields.category.optional(),
  costPerPoint: PartnerFields.costPerPoint.optional(),
  pointConversionRate: PartnerFields.pointConversionRate.optional(),
  status: PartnerFields.status.optional(),
});

export type CreatePartnerInput = Loose<z.input<typeof CreatePartnerInput>> & { programId: string };
export type UpdatePartnerInput = Loose<z.input<typeof UpdatePartnerInput>>;

const duplicateExternalId = () => new ConflictError("Another partner of this program has this externalId", "externalId");

export async function createPartner(
  deps: Deps,
  actor: Principal,
  input: CreatePartnerInput,
): Promise<{ partner: Partner; apiKey: string }> {
  requireProgramManager(actor, input.programId);
  const data = parseInput(CreatePartnerInput, input);
  requireProgram(await deps.prisma.program.findUnique({ where: { id: data.programId }, select: { id: true } }));
  const { key, prefix, hash } = generateKey("PARTNER");
  let partner: Partner;
  try {
    partner = await deps.prisma.$transaction(async (tx) => {
      const created = await tx.partner.create({ data });
      await tx.apiKey.create({ data: { kind: "PARTNER", prefix, hash, programId: created.programId, partnerId: created.id } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateExternalId();
    throw error;
  }
  deps.events.publish({ type: "PARTNER_CREATED", programId: partner.programId, partnerId: partner.id, occurredAt: partner.createdAt.toISOString() });
  return { partner, apiKey: key };
}

export async function updatePartner(deps: Deps, actor: Principal, id: string, patch: UpdatePartnerInput): Promise<Partner> {
  const existing = requirePartner(await deps.prisma.partner.findFirst({ where: partnerByIdWhere(actor, id), select: { programId: true } }));
  requireProgramManager(actor, existing.programId);
  const data = parseInput(UpdatePartnerInput, patch);
  let partner: Partner;
  try {
    partner = await deps.prisma.partner.update({ where: { id }, data });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateExternalId();
    throw error;
  }
  deps.events.publish({ type: "PARTNER_UPDATED", programId: partner.programId, partnerId: partner.id, occurredAt: partner.updatedAt.toISOString() });
  return partner;
}

export function partnerByIdWhere(actor: Principal, id: string): Prisma.PartnerWhereInput {
  return { AND: [partnerFilter(actor), { id }] };
}

export function partnerByExternalIdWhere(actor: Principal, programId: string, externalId: string): Prisma.PartnerWhereInput {
  return { AND: [partnerFilter(actor), { programId, externalId }] };
}

export interface PartnerListFilter {
  status?: PartnerStatus | null;
  category?: string | null;
  /** Case-insensitive match on name, or exact externalId. */
  search?: string | null;
}

export function partnerListWhere(actor: Principal, programId: string, filter: PartnerListFilter = {}): Prisma.PartnerWhereInput {
  const search = filter.search?.trim();
  return {
    AND: [
      partnerFilter(actor),
      { programId },
      filter.status ? { status: filter.status } : {},
      filter.category ? { category: filter.category } : {},
      search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { externalId: search }] } : {},
    ],
  };
}

export function requirePartner<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
  return row;
}
