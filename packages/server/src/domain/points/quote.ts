// Pricing a basket: who is asking decides the program and the rate (a partner's own rate applies to its
// calls), the engine does the arithmetic. Quotes and purchases share this one path, so a purchase awards
// exactly what the quote said for the same basket and time.
import { type Basket, PointsInputError, type PointsResult } from "@partnergraph/points";
import type { Partner, Program } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { AuthError, ErrorCode, InvalidBasketError, NotFoundError, ValidationError } from "../kernel/errors.js";
import { canManageProgram, memberProgramIds, ownPartnerIds, requireAuthenticated } from "../kernel/principal.js";
import { decimalText } from "../kernel/values.js";
import { requirePartner } from "../partners/partners.js";
import { requireConfigured, requireProgram } from "../programs/programs.js";
import { loadProgramConfig } from "./config.js";
import { engineFor } from "./engine-cache.js";

export type BasketInput = Omit<Basket, "pointConversionRate">;

export interface PointsCaller {
  program: ReturnType<typeof requireConfigured<Program>>;
  /** The partner the points are awarded through (and billed to), if any. */
  partner: Pick<Partner, "id" | "pointConversionRate" | "costPerPoint"> | null;
}

/**
 * The program and partner a points call acts for. Keys imply their program (and partner); managers and staff
 * name the program, and managers may name a partner to act through it.
 */
export async function resolvePointsCaller(
  call: Call,
  ref: { programId?: string | null; partnerId?: string | null },
): Promise<PointsCaller> {
  const p = call.principal;
  requireAuthenticated(p);
  const ownPartners = ownPartnerIds(p);
  const programId = ref.programId ?? (p.kind === "programKey" || p.kind === "partnerKey" ? p.programId : null);
  if (!programId) throw new ValidationError([{ path: "programId", message: "name the program" }]);
  if (!memberProgramIds(p).includes(programId) && !canManageProgram(p, programId))
    throw new NotFoundError(ErrorCode.NOT_FOUND, "Program not found");

  let partnerId = ref.partnerId ?? null;
  if (!canManageProgram(p, programId)) {
    // Partners act as themselves only; staff without a partner act for the program.
    if (partnerId && !ownPartners.includes(partnerId))
      throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
    if (!partnerId && ownPartners.length === 1) partnerId = ownPartners[0]!;
    if (!partnerId && ownPartners.length > 1)
      throw new ValidationError([{ path: "partnerId", message: "you act for several partners: name one" }]);
    if (!partnerId && !p.grants.some((g) => g.role === "STAFF" && g.programId === programId)) {
      throw new AuthError(ErrorCode.FORBIDDEN, "Your role cannot award points in this program");
    }
  }
  const [program, partner] = await Promise.all([
    call.prisma.program.findUnique({ where: { id: programId } }),
    partnerId
      ? call.prisma.partner.findFirst({
          where: { id: partnerId, programId, deletedAt: null },
          select: { id: true, pointConversionRate: true, costPerPoint: true, status: true },
        })
      : null,
  ]);
  if (partnerId && partner?.status !== "ENABLED") requirePartner(null);
  return { program: requireConfigured(requireProgram(program)), partner };
}

/** Prices a basket for the caller (no writes). */
export async function quote(call: Call, caller: PointsCaller, basket: BasketInput): Promise<PointsResult> {
  const { program, partner } = caller;
  const engine = await engineFor(program.id, program.pointsConfigVersion, () =>
    loadProgramConfig(call.prisma, program),
  );
  try {
    return engine.calculate({
      ...basket,
      ...(partner?.pointConversionRate ? { pointConversionRate: decimalText(partner.pointConversionRate) } : {}),
    });
  } catch (error) {
    if (error instanceof PointsInputError) throw new InvalidBasketError(error.reason, error.field, error.message);
    throw error;
  }
}
