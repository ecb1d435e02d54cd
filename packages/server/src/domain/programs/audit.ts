// The audit trail: every mutation writes who did what to which object, with the changed fields before and
// after, in the same transaction as the change itself.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import type { Principal } from "../kernel/principal.js";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string | null;
  programId: string | null;
  /** Row before and after; only the fields that differ are kept. Secrets must never be passed here. */
  before?: object | null;
  after?: object | null;
}

export function actorOf(p: Principal): { actorType: string; actorId: string | null } {
  switch (p.kind) {
    case "adminKey":
      return { actorType: "ADMIN_KEY", actorId: p.id };
    case "programKey":
      return { actorType: "PROGRAM_KEY", actorId: p.id };
    case "partnerKey":
      return { actorType: "PARTNER_KEY", actorId: p.id };
    case "user":
      return { actorType: "USER", actorId: p.id };
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: null };
  }
}

export async function audit(tx: Tx, call: Pick<Call, "principal" | "requestId">, entry: AuditInput): Promise<void> {
  const [before, after] = changedFields(entry.before ?? null, entry.after ?? null);
  await tx.auditEntry.create({
    data: {
      ...actorOf(call.principal),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      programId: entry.programId,
      before: before ?? undefined,
      after: after ?? undefined,
      requestId: call.requestId ?? null,
    },
  });
}

/** JSON copies of the two rows restricted to the fields that changed (all fields when one side is absent). */
function changedFields(
  before: object | null,
  after: object | null,
): [Prisma.InputJsonObject | null, Prisma.InputJsonObject | null] {
  const b = before ? (JSON.parse(JSON.stringify(before)) as Record<string, Prisma.InputJsonValue>) : null;
  const a = after ? (JSON.parse(JSON.stringify(after)) as Record<string, Prisma.InputJsonValue>) : null;
  if (!b || !a) return [b, a];
  const keys = Object.keys({ ...b, ...a }).filter(
    (k) => k !== "updatedAt" && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return [
    Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
    Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
  ];
}
