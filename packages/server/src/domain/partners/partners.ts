// Partners: create, update, status, delete, API keys, and the scoped reads. A partner sees only itself;
// a manager their program. Every write is one transaction with its audit entry; events follow the commit.
import { z } from "zod";
import type { Partner, PartnerStatus } from "../../generated/prisma/client.js";
import { generateKey } from "../auth/keys.js";
import { partnerStatusChanged } from "../kernel/area-hooks.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { Decimal, decimalString, type Loose, name, optionalText, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireConfigured, requireProgram } from "../programs/programs.js";
import { partnerByRef } from "./scope.js";

const externalId = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

const PartnerFields = {
  name,
  description: optionalText(2000),
  externalId: externalId.nullish().transform((v) => v ?? null),
  categoryId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  /** Money per point, in the program's currency: up to six decimal places (fractions of a cent). */
  costPerPoint: decimalString(18, 6),
  /** Null: the program's rate. 0: the partner awards no purchase points. */
  pointConversionRate: decimalString(12, 4)
    .nullish()
    .transform((v) => v ?? null),
};

const CreatePartnerInput = z.object({
  ...PartnerFields,
  costPerPoint: PartnerFields.costPerPoint.nullish().transform((v) => v ?? new Decimal(0)),
  status: z
    .enum(["ENABLED", "DISABLED"])
    .nullish()
    .transform((v) => v ?? "ENABLED"),
});

const UpdatePartnerInput = z.object({
  name: PartnerFields.name.optional(),
  description: PartnerFields.description.optional(),
  externalId: PartnerFields.externalId.optional(),
  categoryId: PartnerFields.categoryId.optional(),
  costPerPoint: PartnerFields.costPerPoint.optional(),
  pointConversionRate: PartnerFields.pointConversionRate.optional(),
});

export type CreatePartnerInput = Loose<z.input<typeof CreatePartnerInput>>;
export type UpdatePartnerInput = Loose<z.input<typeof UpdatePartnerInput>>;

/** A partner named by its id, or by the brand's external id within a program. */
export type PartnerRef = { id: string } | { programId: string; externalId: string };

const duplicateExternalId = () =>
  new ConflictError("Another partner of this program has this externalId", "externalId");

export async function createPartner(
  call: Call,
  programId: string,
  input: CreatePartnerInput,
): Promise<{ partner: Partner; apiKey: string }> {
  requireProgramManager(call.principal, programId);
  const data = parseInput(CreatePartnerInput, input);
  const { key, prefix, hash } = generateKey("PARTNER");
  const partner = await writePartner(async (tx) => {
    requireConfigured(requireProgram(await tx.program.findUnique({ where: { id: programId } })));
    await requireCategory(tx, programId, data.categoryId);
    const created = await tx.partner.create({ data: { ...data, programId } });
    await tx.apiKey.create({ data: { kind: "PARTNER", prefix, hash, programId, partnerId: created.id } });
    await audit(tx, call, {
      action: "partner.create",
      targetType: "Partner",
      targetId: created.id,
      programId,
      after: created,
    });
    return created;
  }, call);
  publish(call, "PARTNER_CREATED", partner);
  return { partner, apiKey: key };
}

export async function updatePartner(call: Call, ref: PartnerRef, patch: UpdatePartnerInput): Promise<Partner> {
  const data = parseInput(UpdatePartnerInput, patch);
  const partner = await writePartner(async (tx) => {
    const before = await managedPartner(tx, call, ref);
    if (data.categoryId !== undefined) await requireCategory(tx, before.programId, data.categoryId);
    const after = await tx.partner.update({ where: { id: before.id }, data });
    await audit(tx, call, {
      action: "partner.update",
      targetType: "Partner",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  }, call);
  publish(call, "PARTNER_UPDATED", partner);
  return partner;
}

/**
 * Disable: the partner's keys and sessions stop authorizing partner actions (checked at authentication), its
 * cards' rewards are suspended and its games cannot be played. Enable: it works again, rewards included.
 */
export async function setPartnerStatus(call: Call, ref: PartnerRef, status: PartnerStatus): Promise<Partner> {
  const partner = await call.prisma.$transaction(async (tx) => {
    const before = await managedPartner(tx, call, ref);
    if (before.status === status) return before;
    const after = await tx.partner.update({ where: { id: before.id }, data: { status } });
    // Other areas react inside this transaction (loyalty suspends or restores the rewards): all or nothing.
    await partnerStatusChanged(tx, after);
    await audit(tx, call, {
      action: status === "ENABLED" ? "partner.enable" : "partner.disable",
      targetType: "Partner",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  });
  publish(call, "PARTNER_UPDATED", partner);
  call.events.publishCredentials({ partnerIds: [partner.id] });
  return partner;
}

/**
 * Delete cannot be undone: the partner leaves every list and lookup, its keys stop working and its rewards stay
 * suspended, while its history stays for billing and audit. Its external id is released for reuse.
 */
export async function deletePartner(call: Call, ref: PartnerRef): Promise<Partner> {
  const partner = await call.prisma.$transaction(async (tx) => {
    const before = await managedPartner(tx, call, ref);
    const now = new Date();
    const after = await tx.partner.update({
      where: { id: before.id },
      data: { deletedAt: now, deletedExternalId: before.externalId, externalId: null },
    });
    await tx.apiKey.updateMany({ where: { partnerId: before.id, revokedAt: null }, data: { revokedAt: now } });
    // Deleted counts as a status change: loyalty keeps the rewards suspended for good, in this transaction.
    await partnerStatusChanged(tx, after);
    await audit(tx, call, {
      action: "partner.delete",
      targetType: "Partner",
      targetId: after.id,
      programId: after.programId,
      before,
      after,
    });
    return after;
  });
  publish(call, "PARTNER_DELETED", partner);
  call.events.publishCredentials({ partnerIds: [partner.id] });
  return partner;
}

/** Replaces the partner's API key: the new one is returned once; the old one stops working at once. */
export async function rotatePartnerApiKey(call: Call, ref: PartnerRef): Promise<{ partner: Partner; apiKey: string }> {
  const { key, prefix, hash } = generateKey("PARTNER");
  const partner = await call.prisma.$transaction(async (tx) => {
    const partner = await managedPartner(tx, call, ref);
    await tx.apiKey.updateMany({ where: { partnerId: partner.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.apiKey.create({
      data: { kind: "PARTNER", prefix, hash, programId: partner.programId, partnerId: partner.id },
    });
    await audit(tx, call, {
      action: "partner.rotateApiKey",
      targetType: "Partner",
      targetId: partner.id,
      programId: partner.programId,
      after: { apiKeyPrefix: prefix },
    });
    return partner;
  });
  call.events.publishCredentials({ partnerIds: [partner.id] });
  return { partner, apiKey: key };
}

/** Revokes the partner's API key without a replacement (rotate later to issue a new one). */
export async function revokePartnerApiKey(call: Call, ref: PartnerRef): Promise<Partner> {
  const revoked = await call.prisma.$transaction(async (tx) => {
    const partner = await managedPartner(tx, call, ref);
    const { count } = await tx.apiKey.updateMany({
      where: { partnerId: partner.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, call, {
      action: "partner.revokeApiKey",
      targetType: "Partner",
      targetId: partner.id,
      programId: partner.programId,
      after: { revokedKeys: count },
    });
    return partner;
  });
  call.events.publishCredentials({ partnerIds: [revoked.id] });
  return revoked;
}

// Reads --------------------------------------------------------------------------------------------------

export function requirePartner<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
  return row;
}

// Helpers ------------------------------------------------------------------------------------------------

/** The live partner the caller may manage; PARTNER_NOT_FOUND when it cannot even see it. */
async function managedPartner(tx: Tx, call: Call, ref: PartnerRef): Promise<Partner> {
  const partner = requirePartner(await tx.partner.findFirst({ where: partnerByRef(call.principal, ref) }));
  requireProgramManager(call.principal, partner.programId);
  return partner;
}

async function requireCategory(tx: Tx, programId: string, categoryId: string | null): Promise<void> {
  if (categoryId === null) return;
  const found = await tx.partnerCategory.findFirst({ where: { id: categoryId, programId }, select: { id: true } });
  if (!found) throw new NotFoundError(ErrorCode.NOT_FOUND, "Partner category not found in this program");
}

/** Runs a partner write; a duplicate external id becomes CONFLICT. */
async function writePartner(write: (tx: Tx) => Promise<Partner>, call: Call): Promise<Partner> {
  try {
    return await call.prisma.$transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateExternalId();
    throw error;
  }
}

function publish(call: Call, type: "PARTNER_CREATED" | "PARTNER_UPDATED" | "PARTNER_DELETED", partner: Partner): void {
  call.events.publish({
    type,
    programId: partner.programId,
    partnerId: partner.id,
    occurredAt: new Date().toISOString(),
  });
}
