// Clubs: a partner's locations or departments. Staff work in clubs; cards are assigned to them. Owners (the
// program's managers, the partner) create and change clubs.
import { z } from "zod";
import type { Club } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import type { Principal } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { programRows } from "../kernel/row-filters.js";
import { type Loose, name, optionalText, parseInput } from "../kernel/values.js";
import { type PartnerRef, requirePartner } from "../partners/partners.js";
import { audit } from "../programs/audit.js";
import { requireOwner } from "./access.js";

const CreateClubInput = z.object({ name, address: optionalText(500) });
const UpdateClubInput = z.object({
  name: name.optional(),
  address: optionalText(500).optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]).optional(),
});

const duplicateName = () => new ConflictError("Another club of this partner has this name", "name");

export async function createClub(
  call: Call,
  partner: PartnerRef,
  input: Loose<z.input<typeof CreateClubInput>>,
): Promise<Club> {
  const data = parseInput(CreateClubInput, input);
  return uniqueName(() =>
    call.prisma.$transaction(async (tx) => {
      const owner = await ownedPartner(tx, call.principal, partner);
      const club = await tx.club.create({ data: { ...data, programId: owner.programId, partnerId: owner.id } });
      await audit(tx, call, {
        action: "club.create",
        targetType: "Club",
        targetId: club.id,
        programId: club.programId,
        after: club,
      });
      return club;
    }),
  );
}

/** Only the fields present change; null clears the address. An INACTIVE club's staff lose their access to it. */
export async function updateClub(
  call: Call,
  clubId: string,
  patch: Loose<z.input<typeof UpdateClubInput>>,
): Promise<Club> {
  const data = parseInput(
    UpdateClubInput,
    Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== null || k === "address")),
  );
  const updated = await uniqueName(() =>
    call.prisma.$transaction(async (tx) => {
      const before = await findClub(tx, call.principal, clubId);
      requireOwner(call.principal, before);
      const after = await tx.club.update({ where: { id: before.id }, data });
      await audit(tx, call, {
        action: "club.update",
        targetType: "Club",
        targetId: after.id,
        programId: after.programId,
        before,
        after,
      });
      return after;
    }),
  );
  // A club's status decides whether its staff work there.
  call.events.publishCredentials({ clubIds: [updated.id] });
  return updated;
}

/**
 * A club in a program the caller has a role in, whatever that role: the caller's permission is checked next,
 * so the program's partners and staff are told what they may not do while strangers get NOT_FOUND.
 */
export async function findClub(tx: Tx, p: Principal, clubId: string): Promise<Club> {
  return requireClub(
    await tx.club.findFirst({ where: { id: clubId, partner: { deletedAt: null }, ...programRows(p) } }),
  );
}

/** The live partner a club or card is created for; the caller must own it. */
async function ownedPartner(tx: Tx, p: Principal, ref: PartnerRef) {
  const where = "id" in ref ? { id: ref.id } : { programId: ref.programId, externalId: ref.externalId };
  const partner = requirePartner(
    await tx.partner.findFirst({
      where: { ...where, deletedAt: null, ...programRows(p) },
      select: { id: true, programId: true },
    }),
  );
  requireOwner(p, { programId: partner.programId, partnerId: partner.id });
  return partner;
}

export function requireClub<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, "Club not found");
  return row;
}

async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}
