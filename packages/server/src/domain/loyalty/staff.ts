// A club's staff. Owners add, change and remove anyone; a club's managers add and remove STAFF in their own
// club only (never managers, never in another club). Adding an email without an account creates the account;
// the person logs in with an emailed code. Access follows the rows at once: authentication reads them per
// request, so someone removed from their last club has no club access on their next call.
import { z } from "zod";
import type { Club, ClubStaff } from "../../generated/prisma/client.js";
import { ClubRole } from "../../generated/prisma/enums.js";
import { email } from "../auth/login.js";
import type { Call, Tx } from "../kernel/deps.js";
import { AuthError, ConflictError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import type { Principal } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { isOwner, requireClubManager } from "./access.js";
import { findClub } from "./clubs.js";

const StaffInput = z.object({ email, role: z.enum(ClubRole) });
const RemoveInput = z.object({ email });

export type ClubStaffWithUser = ClubStaff & { user: { email: string } };

/** Adds a person to a club; adding someone already there in the same role returns their row unchanged. */
export async function addClubStaff(
  call: Call,
  clubId: string,
  input: { email: string; role: ClubRole },
): Promise<ClubStaffWithUser> {
  const data = parseInput(StaffInput, input);
  const write = () =>
    call.prisma.$transaction(async (tx) => {
      const club = await managedClub(tx, call.principal, clubId);
      requireRoleChange(call.principal, club, [data.role]);
      const user = await tx.user.upsert({ where: { email: data.email }, create: { email: data.email }, update: {} });
      const existing = await tx.clubStaff.findUnique({
        where: { clubId_userId: { clubId, userId: user.id } },
        include: { user: { select: { email: true } } },
      });
      if (existing) return sameRole(existing, data.role);
      const row = await tx.clubStaff.create({
        data: { clubId, userId: user.id, programId: club.programId, role: data.role },
        include: { user: { select: { email: true } } },
      });
      await audit(tx, call, {
        action: "club.addStaff",
        targetType: "Club",
        targetId: clubId,
        programId: club.programId,
        after: { email: data.email, role: data.role },
      });
      return row;
    });
  const row = await write().catch((error: unknown) => {
    // Two adds of the same person raced: the second now finds the first's row.
    if (isUniqueViolation(error)) return write();
    throw error;
  });
  call.events.publishCredentials({ emails: [data.email] });
  return row;
}

/** Changes a person's role in a club (owners only in effect: a manager may neither promote nor demote). */
export async function updateClubStaff(
  call: Call,
  clubId: string,
  input: { email: string; role: ClubRole },
): Promise<ClubStaffWithUser> {
  const data = parseInput(StaffInput, input);
  const updated = await call.prisma.$transaction(async (tx) => {
    const { club, row } = await staffRow(tx, call.principal, clubId, data.email);
    requireRoleChange(call.principal, club, [row.role, data.role]);
    if (row.role === data.role) return row;
    const after = await tx.clubStaff.update({
      where: { clubId_userId: { clubId, userId: row.userId } },
      data: { role: data.role },
      include: { user: { select: { email: true } } },
    });
    await audit(tx, call, {
      action: "club.updateStaff",
      targetType: "Club",
      targetId: clubId,
      programId: club.programId,
      before: { email: data.email, role: row.role },
      after: { email: data.email, role: data.role },
    });
    return after;
  });
  call.events.publishCredentials({ emails: [data.email] });
  return updated;
}

export async function removeClubStaff(
  call: Call,
  clubId: string,
  input: { email: string },
): Promise<{ club: Club; email: string }> {
  const data = parseInput(RemoveInput, input);
  const removed = await call.prisma.$transaction(async (tx) => {
    const { club, row } = await staffRow(tx, call.principal, clubId, data.email);
    requireRoleChange(call.principal, club, [row.role]);
    await tx.clubStaff.delete({ where: { clubId_userId: { clubId, userId: row.userId } } });
    await audit(tx, call, {
      action: "club.removeStaff",
      targetType: "Club",
      targetId: clubId,
      programId: club.programId,
      before: { email: data.email, role: row.role },
    });
    return { club, email: data.email };
  });
  call.events.publishCredentials({ emails: [data.email] });
  return removed;
}

async function managedClub(tx: Tx, p: Principal, clubId: string): Promise<Club> {
  const club = await findClub(tx, p, clubId);
  requireClubManager(p, club);
  return club;
}

async function staffRow(tx: Tx, p: Principal, clubId: string, address: string) {
  const club = await managedClub(tx, p, clubId);
  const row = await tx.clubStaff.findFirst({
    where: { clubId, user: { email: address } },
    include: { user: { select: { email: true } } },
  });
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, "This person does not work in this club");
  return { club, row };
}

/** Club managers handle STAFF only: every role involved (before and after) must be STAFF unless the caller owns the club. */
function requireRoleChange(p: Principal, club: Club, roles: ClubRole[]): void {
  if (isOwner(p, club) || roles.every((r) => r === "STAFF")) return;
  throw new AuthError(
    ErrorCode.FORBIDDEN,
    "Only the program's managers and the partner add, change or remove club managers",
  );
}

function sameRole(row: ClubStaffWithUser, role: ClubRole): ClubStaffWithUser {
  if (row.role !== role)
    throw new ConflictError(
      `This person already works in this club as ${row.role}; change their role with updateClubStaff`,
      "email",
    );
  return row;
}
