// importMembers: creates members by externalId and updates the email and name of existing ones. A column the
// file leaves out keeps the stored value; an empty cell clears it.
import type { Prisma } from "../../generated/prisma/client.js";
import { email } from "../auth/login.js";
import type { Call, Tx } from "../kernel/deps.js";
import { requireProgramManager } from "../kernel/principal.js";
import { uuidv7 } from "../kernel/uuid.js";
import { type ImportInput, type ImportKind, type ImportReport, inChunks, RowChecker, runImport } from "./import.js";

interface MemberRow {
  externalId: string;
  /** undefined: the column is absent (keep the stored value). */
  email: string | null | undefined;
  name: string | null | undefined;
}

export async function importMembers(call: Call, input: ImportInput): Promise<ImportReport> {
  requireProgramManager(call.principal, input.programId);
  const report = await runImport(call, input, membersImport(input.programId));
  // Members' emails give sessions their grants; an import may touch thousands, so every cached principal goes.
  if (report.applied > 0) call.events.publishCredentials({ all: true });
  return report;
}

function membersImport(programId: string): ImportKind {
  return {
    action: "import.members",
    columns: [
      { name: "externalId", required: true },
      { name: "email", required: false },
      { name: "name", required: false },
    ],
    async plan(tx, rows) {
      const check = new RowChecker();
      const seen = new Map<string, number>();
      const parsed: MemberRow[] = [];
      for (const row of rows) {
        const externalId = check.text(row, "externalId", { required: true, max: 200 });
        const name = check.text(row, "name", { required: false, max: 200 });
        let mail = check.text(row, "email", { required: false, max: 320 });
        if (mail) {
          const result = email.safeParse(mail);
          mail = result.success
            ? result.data
            : check.reject(row, "email", "INVALID_VALUE", `email "${mail}" is not an email address`);
        }
        if (externalId && check.unique(seen, row, "externalId", externalId) && !check.isRejected(row))
          parsed.push({ externalId, email: mail, name });
      }

      const stored = new Map(
        (
          await inChunks(parsed, (chunk) =>
            tx.member.findMany({
              where: { programId, externalId: { in: chunk.map((m) => m.externalId) } },
              select: { id: true, externalId: true, email: true, name: true },
            }),
          )
        ).map((m) => [m.externalId, m]),
      );
      const creates: Prisma.MemberCreateManyInput[] = [];
      const updates: { id: string; email: string | null; name: string | null }[] = [];
      let unchanged = 0;
      for (const m of parsed) {
        const existing = stored.get(m.externalId);
        if (!existing) {
          creates.push({
            id: uuidv7(),
            programId,
            externalId: m.externalId,
            email: m.email ?? null,
            name: m.name ?? null,
          });
          continue;
        }
        const next = {
          id: existing.id,
          email: m.email === undefined ? existing.email : m.email,
          name: m.name === undefined ? existing.name : m.name,
        };
        if (next.email === existing.email && next.name === existing.name) unchanged++;
        else updates.push(next);
      }
      return {
        rejected: check.rejected,
        changes: creates.length + updates.length,
        unchanged,
        apply: async (t: Tx) => {
          await inChunks(creates, async (chunk) => [await t.member.createMany({ data: chunk })]);
          await inChunks(updates, async (chunk) => [
            await t.$executeRaw`
              UPDATE "Member" m SET "email" = u.email, "name" = u.name
              FROM unnest(${chunk.map((u) => u.id)}::uuid[], ${chunk.map((u) => u.email)}::text[], ${chunk.map((u) => u.name)}::text[]) AS u(id, email, name)
              WHERE m."id" = u.id`,
          ]);
        },
      };
    },
  };
}
