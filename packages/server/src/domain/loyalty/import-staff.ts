// importStaff: people and the clubs they work in, by email. Each row adds a person to a club (creating their
// account; they log in with an emailed code) or changes their role there. Whoever may manage a club's staff
// one by one may import for it: the program's managers and keys for every club of the program, a partner for
// its own clubs, a club manager for the clubs it manages (STAFF rows only, as with addClubStaff). A club the
// caller may not manage reads as unknown.
import type { ClubRole } from "../../generated/prisma/client.js";
import { email as emailAddress } from "../auth/login.js";
import type { Call, Tx } from "../kernel/deps.js";
import { AuthError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import { decodeGlobalId } from "../kernel/ids.js";
import { canManageProgram, type Principal, requireAuthenticated, staffClubs } from "../kernel/principal.js";
import { uuidv7 } from "../kernel/uuid.js";
import { audit } from "../programs/audit.js";
import { type ImportInput, type ImportReport, type ImportRow, inChunks, RowChecker, runImport } from "./import.js";

const ROLES: Record<string, ClubRole> = { staff: "STAFF", club_manager: "CLUB_MANAGER" };

interface Club {
  id: string;
  name: string;
  partnerId: string;
}

/** The clubs of the program whose staff the caller manages, and whether it may give the CLUB_MANAGER role there. */
function importScope(
  p: Principal,
  programId: string,
): { all: boolean; partnerIds: string[]; managedClubIds: string[] } {
  requireAuthenticated(p);
  const partnerIds = canManageProgram(p, programId)
    ? []
    : p.grants.flatMap((g) => (g.role === "PARTNER_USER" && g.programId === programId ? [g.partnerId] : []));
  const managedClubIds = staffClubs(p, programId)
    .filter((c) => c.manager)
    .map((c) => c.clubId);
  const all = canManageProgram(p, programId);
  if (all || partnerIds.length || managedClubIds.length) return { all, partnerIds, managedClubIds };
  // Partners of the program always have their own clubs' scope; what is left is staff and strangers.
  if (p.grants.some((g) => g.role === "STAFF" && g.programId === programId))
    throw new AuthError(ErrorCode.FORBIDDEN, "Only the program's managers, the partner and club managers import staff");
  throw new NotFoundError(ErrorCode.NOT_FOUND, "Program not found");
}

export async function importStaff(call: Call, input: ImportInput): Promise<ImportReport> {
  const { programId } = input;
  const scope = importScope(call.principal, programId);
  const report = await runImport(call, input, {
    action: "import.staff",
    columns: [
      { name: "email", required: true },
      { name: "club", required: true },
      { name: "role", required: false },
    ],
    async plan(tx, rows) {
      const clubs = await tx.club.findMany({
        where: {
          programId,
          partner: { deletedAt: null },
          ...(!scope.all && { OR: [{ partnerId: { in: scope.partnerIds } }, { id: { in: scope.managedClubIds } }] }),
        },
        select: { id: true, name: true, partnerId: true },
      });
      const ownsClub = (club: Club) => scope.all || scope.partnerIds.includes(club.partnerId);
      const byId = new Map(clubs.map((c) => [c.id, c]));
      const byName = new Map<string, Club[]>();
      for (const c of clubs) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);

      const check = new RowChecker();
      const seen = new Map<string, number>();
      const parsed: { row: ImportRow; email: string; club: Club; role: ClubRole }[] = [];
      for (const row of rows) {
        const address = emailOf(check, row);
        const club = clubOf(check, row, byId, byName);
        const role = roleOf(check, row);
        if (!address || !club || !role) continue;
        if (role === "CLUB_MANAGER" && !ownsClub(club)) {
          check.reject(
            row,
            "role",
            "NOT_ALLOWED",
            "club managers add STAFF only; the program's managers and the partner add club managers",
          );
          continue;
        }
        if (check.unique(seen, row, "email", `${address} in ${club.name}`))
          parsed.push({ row, email: address, club, role });
      }

      const users = new Map(
        (
          await inChunks([...new Set(parsed.map((r) => r.email))], (chunk) =>
            tx.user.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
          )
        ).map((u) => [u.email, u.id]),
      );
      const current = new Map(
        (
          await inChunks([...users.values()], (chunk) =>
            tx.clubStaff.findMany({
              where: { userId: { in: chunk }, clubId: { in: clubs.map((c) => c.id) } },
              select: { clubId: true, userId: true, role: true },
            }),
          )
        ).map((s) => [`${s.clubId}/${s.userId}`, s.role]),
      );
      const adds: typeof parsed = [];
      const changes: typeof parsed = [];
      let unchanged = 0;
      for (const r of parsed) {
        const userId = users.get(r.email);
        const role = userId && current.get(`${r.club.id}/${userId}`);
        if (!role) adds.push(r);
        else if (role === r.role) unchanged++;
        else if (!ownsClub(r.club))
          check.reject(
            r.row,
            "role",
            "NOT_ALLOWED",
            `${r.email} is ${role} in ${r.club.name}: only the program's managers and the partner change a club manager's role`,
          );
        else changes.push(r);
      }
      const valid = {
        adds: adds.filter((r) => !check.isRejected(r.row)),
        changes: changes.filter((r) => !check.isRejected(r.row)),
      };
      return {
        rejected: check.rejected,
        changes: valid.adds.length + valid.changes.length,
        unchanged,
        apply: (t) => writeStaff(t, call, programId, valid.adds, valid.changes),
      };
    },
  });
  // Staff rows give sessions their clubs; an import may touch many people, so every cached principal goes.
  if (report.applied > 0) call.events.publishCredentials({ all: true });
  return report;
}

function emailOf(check: RowChecker, row: ImportRow): string | undefined {
  const text = check.text(row, "email", { required: true, max: 320 });
  if (!text) return undefined;
  const parsed = emailAddress.safeParse(text);
  return parsed.success
    ? parsed.data
    : check.reject(row, "email", "INVALID_VALUE", `email "${text}" is not an email address`);
}

/** A club by its id (as the API shows it) or by its name. */
function clubOf(
  check: RowChecker,
  row: ImportRow,
  byId: Map<string, Club>,
  byName: Map<string, Club[]>,
): Club | undefined {
  const text = check.text(row, "club", { required: true, max: 200 });
  if (!text) return undefined;
  const id = decodeGlobalId(text, "Club");
  if (id)
    return (
      byId.get(id) ?? check.reject(row, "club", "UNKNOWN_CLUB", `club "${text}" is not a club whose staff you manage`)
    );
  const named = byName.get(text) ?? [];
  if (named.length > 1)
    return check.reject(
      row,
      "club",
      "AMBIGUOUS_CLUB",
      `${named.length} partners have a club named "${text}": give the club's id`,
    );
  return named[0] ?? check.reject(row, "club", "UNKNOWN_CLUB", `no club named "${text}" whose staff you manage`);
}

function roleOf(check: RowChecker, row: ImportRow): ClubRole | undefined {
  const text = row.get("role");
  if (!text) return "STAFF";
  return (
    ROLES[text.toLowerCase()] ??
    check.reject(row, "role", "INVALID_VALUE", `role must be STAFF or CLUB_MANAGER, got "${text}"`)
  );
}

type StaffRow = { email: string; club: Club; role: ClubRole };

async function writeStaff(tx: Tx, call: Call, programId: string, adds: StaffRow[], changes: StaffRow[]) {
  const emails = [...new Set(adds.map((r) => r.email))];
  await inChunks(emails, async (chunk) => [
    await tx.user.createMany({ data: chunk.map((email) => ({ id: uuidv7(), email })), skipDuplicates: true }),
  ]);
  const users = new Map(
    (
      await inChunks(emails, (chunk) =>
        tx.user.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
      )
    ).map((u) => [u.email, u.id]),
  );
  await inChunks(adds, async (chunk) => [
    await tx.clubStaff.createMany({
      data: chunk.map((r) => ({ clubId: r.club.id, userId: users.get(r.email)!, programId, role: r.role })),
    }),
  ]);
  // Role changes are rare (a promotion, a demotion): one update each.
  for (const r of changes)
    await tx.clubStaff.updateMany({ where: { clubId: r.club.id, user: { email: r.email } }, data: { role: r.role } });
  // Who may act in which club is security-relevant: each change is audited, as addClubStaff and updateClubStaff do.
  for (const r of adds)
    await audit(tx, call, {
      action: "club.addStaff",
      targetType: "Club",
      targetId: r.club.id,
      programId,
      after: { email: r.email, role: r.role, source: "import" },
    });
  for (const r of changes)
    await audit(tx, call, {
      action: "club.updateStaff",
      targetType: "Club",
      targetId: r.club.id,
      programId,
      after: { email: r.email, role: r.role, source: "import" },
    });
}
